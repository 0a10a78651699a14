/*
 * util/escape.c — text from a ledger made safe for the format it lands in (see escape.h).
 */
#include "util/escape.h"

#include <stdbool.h>
#include <string.h>

#include "util/utf8.h"

/* How the character at p (n bytes) is written inside a literal; NULL: as itself. esc has
 * room for the one escape made here, \u00XX. */
static const char *quoted_as(const unsigned char *p, size_t n, bool valid, char esc[7])
{
	static const char hex[] = "0123456789abcdef";
	if (!valid)
		return "\\ufffd";
	if (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return p[2] == 0xA8 ? "\\u2028" : "\\u2029";
	if (n > 1)
		return NULL;
	switch (*p) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\t':
		return "\\t";
	case '\r':
		return "\\r";
	}
	if (*p >= 0x20 && *p != 0x7F)
		return NULL;
	memcpy(esc, "\\u00", 4);
	esc[4] = hex[*p >> 4];
	esc[5] = hex[*p & 0xF];
	esc[6] = '\0';
	return esc;
}

void samv_escape_json_to(const char *s, size_t len, samv_escape_put put, void *arg)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len, *run = p;
	put(arg, "\"", 1);
	while (p < end) {
		bool valid;
		size_t n = samv_utf8_next(p, (size_t)(end - p), &valid);
		char esc[7];
		const char *with = quoted_as(p, n, valid, esc);
		if (with) {
			if (p > run)
				put(arg, (const char *)run, (size_t)(p - run));
			put(arg, with, strlen(with));
			run = p + n;
		}
		p += n;
	}
	if (p > run)
		put(arg, (const char *)run, (size_t)(p - run));
	put(arg, "\"", 1);
}

/* Append s with each character in `special` replaced by its entry in `with`. */
static void escaped(samv_buf *b, const char *s, const char *special, const char *const *with)
{
	const char *run = s;
	for (; s && *s; s++) {
		const char *hit = strchr(special, *s);
		if (!hit)
			continue;
		samv_buf_add(b, run, (size_t)(s - run));
		samv_buf_puts(b, with[hit - special]);
		run = s + 1;
	}
	if (run)
		samv_buf_puts(b, run);
}

void samv_escape_html(samv_buf *b, const char *s)
{
	static const char *const with[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };
	escaped(b, s, "&<>\"'", with);
}

void samv_escape_xml(samv_buf *b, const char *s)
{
	static const char special[] = "&<>\"'";
	static const char *const with[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
	/* XML 1.0 allows no C0 control character but tab, LF and CR: the others become spaces. */
	for (const char *run = s; s && *s; run = s) {
		while (*s && !strchr(special, *s) && ((unsigned char)*s >= 0x20 || strchr("\t\n\r", *s)))
			s++;
		samv_buf_add(b, run, (size_t)(s - run));
		if (!*s)
			break;
		const char *hit = strchr(special, *s);
		samv_buf_puts(b, hit ? with[hit - special] : " ");
		s++;
	}
}

static void put_in_buf(void *b, const char *s, size_t len)
{
	samv_buf_add(b, s, len);
}

void samv_escape_json(samv_buf *b, const char *s)
{
	s = s ? s : "";
	samv_escape_json_to(s, strlen(s), put_in_buf, b);
}

void samv_escape_csv(samv_buf *b, const char *s)
{
	if (!s)
		return;
	bool formula = strchr("=+-@\t\r", s[0]) && s[0];
	bool quote = formula || strpbrk(s, ";\"\n\r") != NULL;
	if (quote)
		samv_buf_puts(b, "\"");
	if (formula)
		samv_buf_puts(b, "'");
	static const char *const with[] = { "\"\"" };
	escaped(b, s, "\"", with);
	if (quote)
		samv_buf_puts(b, "\"");
}

/* "&lt;" or "&#60;" at s: what a Markdown renderer would turn into a character. */
static bool starts_entity(const char *s)
{
	const char *p = s + 1;
	if (*p == '#')
		p++;
	const char *name = p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
		p++;
	return p > name && *p == ';';
}

void samv_escape_md(samv_buf *b, const char *s)
{
	static const char special[] = "|\\*_`[]<>\n\r";
	static const char *const with[] = { "\\|", "\\\\", "\\*", "\\_", "\\`", "\\[", "\\]",
					    "&lt;", "&gt;", " ", " " };
	/* A plain & stays readable; only one that would start an entity is escaped. */
	for (const char *run = s; s && *s; run = s) {
		while (*s && !strchr(special, *s) && !(*s == '&' && starts_entity(s)))
			s++;
		samv_buf_add(b, run, (size_t)(s - run));
		if (!*s)
			break;
		samv_buf_puts(b, *s == '&' ? "&amp;" : with[strchr(special, *s) - special]);
		s++;
	}
}
