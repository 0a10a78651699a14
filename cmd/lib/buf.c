/*
 * buf.c — the report buffer and its escapes (see buf.h).
 */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

void samv_buf_free(samv_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

/* Room for len more bytes and a NUL; false (and oom) when there is none. */
static bool reserve(samv_buf *b, size_t len)
{
	if (b->oom)
		return false;
	/* len + 1 more than fit a size_t: as out of memory, which it would be. */
	char *d = len < SIZE_MAX - b->len ? samv_grow(b->data, &b->cap, 1, 4096, b->len + len + 1)
					  : NULL;
	if (!d) {
		b->oom = true;
		return false;
	}
	b->data = d;
	return true;
}

void samv_buf_add(samv_buf *b, const char *s, size_t len)
{
	if (len == 0 || !reserve(b, len))
		return;
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void samv_buf_puts(samv_buf *b, const char *s)
{
	if (s)
		samv_buf_add(b, s, strlen(s));
}

/* Formatted straight into the free space, a second time only when it did not fit: the
 * reports format hundreds of thousands of small values, and formatting each twice into a
 * string of its own was a third of what the county's site cost. */
void samv_buf_printf(samv_buf *b, const char *fmt, ...)
{
	if (b->oom)
		return;
	size_t room = b->cap - b->len;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (n == 0)
		return;
	if ((size_t)n >= room) {
		if (!reserve(b, (size_t)n))
			return;
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
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

void samv_buf_html(samv_buf *b, const char *s)
{
	static const char *const with[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };
	escaped(b, s, "&<>\"'", with);
}

void samv_buf_xml(samv_buf *b, const char *s)
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

void samv_buf_json(samv_buf *b, const char *s)
{
	s = s ? s : "";
	samv_json_quote(s, strlen(s), put_in_buf, b);
}

void samv_buf_csv(samv_buf *b, const char *s)
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

void samv_buf_md(samv_buf *b, const char *s)
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

void samv_buf_money(samv_buf *b, samv_ore amount, bool swedish)
{
	char *sv = samv_money_format_sv(amount);
	if (!sv) {
		b->oom = true;
		return;
	}
	if (swedish) {
		samv_buf_puts(b, sv);
	} else {
		/* "1 530,00 kr" -> "SEK 1,530.00" */
		samv_buf_puts(b, "SEK ");
		for (char *p = sv; *p && strcmp(p, " kr") != 0; p++)
			samv_buf_add(b, *p == ' ' ? "," : *p == ',' ? "." : p, 1);
	}
	free(sv);
}

void samv_buf_money_plain(samv_buf *b, samv_ore amount, bool swedish)
{
	char *plain = samv_money_format_plain(amount);
	if (!plain) {
		b->oom = true;
		return;
	}
	if (swedish) {
		char *dot = strchr(plain, '.');
		if (dot)
			*dot = ',';
	}
	samv_buf_puts(b, plain);
	free(plain);
}

void samv_buf_date(samv_buf *b, samv_date d)
{
	if (d == SAMV_NO_DATE)
		return;
	char s[11];
	samv_date_format(d, s);
	samv_buf_puts(b, s);
}
