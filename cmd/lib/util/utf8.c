/*
 * util/utf8.c — well-formed UTF-8 and maximal subparts (see utf8.h).
 */
#include "util/utf8.h"

/* Table 3-7 of the Unicode Standard: a lead byte, and the range its second byte must be in
 * (narrower than 80-BF for E0, ED, F0 and F4, which excludes overlong forms, surrogates and
 * code points above U+10FFFF); the bytes after the second are 80-BF. */
size_t samv_utf8_next(const unsigned char *s, size_t n, bool *valid)
{
	unsigned char lead = s[0], lo = 0x80, hi = 0xBF;
	size_t need;
	if (lead < 0x80) {
		need = 1;
	} else if (lead >= 0xC2 && lead <= 0xDF) {
		need = 2;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		need = 3;
		lo = lead == 0xE0 ? 0xA0 : 0x80;
		hi = lead == 0xED ? 0x9F : 0xBF;
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		need = 4;
		lo = lead == 0xF0 ? 0x90 : 0x80;
		hi = lead == 0xF4 ? 0x8F : 0xBF;
	} else {
		*valid = false; /* 80-BF, C0, C1 and F5-FF start nothing */
		return 1;
	}
	size_t i = 1;
	for (; i < need && i < n && s[i] >= lo && s[i] <= hi; i++) {
		lo = 0x80;
		hi = 0xBF;
	}
	*valid = i == need;
	return i;
}
