/*
 * util/collate.c — Swedish alphabetical order (collate.h).
 */
#include "util/collate.h"

#include <string.h>

static unsigned weight(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned cp = *p++;
	if (cp >= 0xC0 && cp < 0xE0 && (*p & 0xC0) == 0x80)
		cp = ((cp & 0x1F) << 6) | (*p++ & 0x3F);
	*s = p;
	if (cp >= 'A' && cp <= 'Z')
		return cp - 'A' + 'a';
	switch (cp) {
	case 0xE5: case 0xC5: /* å */
		return 'z' + 1;
	case 0xE4: case 0xC4: case 0xE6: case 0xC6: /* ä æ */
		return 'z' + 2;
	case 0xF6: case 0xD6: case 0xF8: case 0xD8: /* ö ø */
		return 'z' + 3;
	case 0xE9: case 0xC9: case 0xE8: case 0xC8: case 0xEA: case 0xCA: /* é è ê */
		return 'e';
	case 0xE1: case 0xC1: case 0xE0: case 0xC0: /* á à */
		return 'a';
	case 0xFC: case 0xDC: /* ü */
		return 'y';
	default:
		return cp < 0x80 ? cp : cp + 0x100;
	}
}

int samv_collate_sv(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)(a ? a : ""), *q = (const unsigned char *)(b ? b : "");
	while (*p && *q) {
		unsigned x = weight(&p), y = weight(&q);
		if (x != y)
			return x < y ? -1 : 1;
	}
	if (*p || *q)
		return *p ? 1 : -1;
	return strcmp(a ? a : "", b ? b : "");
}
