/*
 * report/json_writer.c — the JSON writer: separators, indents and values (json_writer.h).
 */
#include "report/json_writer.h"

#include <assert.h>

#include "util/escape.h"

void samv_jw_init(samv_jw *w, samv_buf *b)
{
	*w = (samv_jw){ .b = b, .depth = -1, .brk = -1 };
}

static void newline(samv_jw *w, int indent)
{
	samv_buf_printf(w->b, "\n%*s", indent, "");
	w->line = indent;
}

/* What goes before a member: the comma, the space or line, and the key. */
static void member(samv_jw *w, const char *key)
{
	if (w->depth < 0)
		return;
	bool first = w->lv[w->depth].first;
	int item = w->brk >= 0 ? w->brk : w->lv[w->depth].item;
	if (!first)
		samv_buf_puts(w->b, ",");
	if (item >= 0)
		newline(w, item);
	else if (!first)
		samv_buf_puts(w->b, " ");
	w->lv[w->depth].first = false;
	w->brk = -1;
	if (key) {
		samv_escape_json(w->b, key);
		samv_buf_puts(w->b, ": ");
	}
}

static void open_container(samv_jw *w, char bracket, int item, int close)
{
	assert(w->depth + 1 < SAMV_JW_DEPTH);
	samv_buf_add(w->b, &bracket, 1);
	w->depth++;
	w->lv[w->depth].close = bracket == '{' ? '}' : ']';
	w->lv[w->depth].first = true;
	w->lv[w->depth].item = item;
	w->lv[w->depth].close_indent = close;
}

void samv_jw_lines(samv_jw *w, const char *key, char bracket, int item, int close)
{
	member(w, key);
	open_container(w, bracket, item, close);
}

void samv_jw_inline(samv_jw *w, const char *key, char bracket)
{
	samv_jw_lines(w, key, bracket, -1, -1);
}

void samv_jw_block(samv_jw *w, const char *key, char bracket)
{
	member(w, key); /* which may start the line the block's indents are counted from */
	open_container(w, bracket, w->line + 2, w->line);
}

void samv_jw_close(samv_jw *w)
{
	if (!w->lv[w->depth].first && w->lv[w->depth].close_indent >= 0)
		newline(w, w->lv[w->depth].close_indent);
	samv_buf_add(w->b, &w->lv[w->depth].close, 1);
	w->depth--;
}

void samv_jw_break(samv_jw *w, int indent)
{
	w->brk = indent;
}

void samv_jw_str(samv_jw *w, const char *key, const char *s)
{
	member(w, key);
	if (s)
		samv_escape_json(w->b, s);
	else
		samv_buf_puts(w->b, "null");
}

void samv_jw_int(samv_jw *w, const char *key, int64_t v)
{
	member(w, key);
	samv_buf_printf(w->b, "%lld", (long long)v);
}

void samv_jw_bool(samv_jw *w, const char *key, bool v)
{
	member(w, key);
	samv_buf_puts(w->b, v ? "true" : "false");
}

void samv_jw_date(samv_jw *w, const char *key, samv_date d)
{
	member(w, key);
	if (d == SAMV_NO_DATE) {
		samv_buf_puts(w->b, "null");
		return;
	}
	samv_buf_puts(w->b, "\"");
	samv_date_write(w->b, d);
	samv_buf_puts(w->b, "\"");
}

void samv_jw_tenths(samv_jw *w, const char *key, int64_t tenths)
{
	member(w, key);
	samv_buf_printf(w->b, "%lld.%lld", (long long)(tenths / 10), (long long)(tenths % 10));
}
