/*
 * buf.h — a growable byte buffer that reports are rendered into, with the escapes each
 * output format needs.
 *
 * Renderers append to a samv_buf and never touch files: the command decides whether the
 * bytes go to standard output or, atomically, into --out. Every append may fail only by
 * running out of memory, which sets `oom` and makes further appends no-ops, so a renderer
 * checks once at the end instead of after every call.
 */
#ifndef SAMV_BUF_H
#define SAMV_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "money.h"
#include "date.h"

typedef struct samv_buf {
	char *data; /* NUL-terminated when len > 0 */
	size_t len, cap;
	bool oom;
} samv_buf;

void samv_buf_free(samv_buf *b); /* frees the contents */
void samv_buf_add(samv_buf *b, const char *s, size_t len);
void samv_buf_puts(samv_buf *b, const char *s);
void samv_buf_printf(samv_buf *b, const char *fmt, ...) SAMV_PRINTF(2, 3);

/* Text from a ledger, escaped for the format it lands in. NULL appends nothing. */
void samv_buf_html(samv_buf *b, const char *s); /* & < > " ' */
void samv_buf_xml(samv_buf *b, const char *s); /* & < > " ' and no control characters */
void samv_buf_json(samv_buf *b, const char *s); /* a JSON string literal: samv_json_quote */
/* A CSV cell for Swedish spreadsheets: quoted when it holds ; " or a line break, and text
 * that a spreadsheet would run as a formula (= + - @ first, or a tab or CR first) is
 * neutralised with a leading apostrophe. */
void samv_buf_csv(samv_buf *b, const char *s);
/* Markdown table cell or text: | \ * _ ` [ ] < > escaped, line breaks as spaces. */
void samv_buf_md(samv_buf *b, const char *s);

/* "1 530,00 kr" (sv) or "SEK 1,530.00" (en). */
void samv_buf_money(samv_buf *b, samv_ore amount, bool swedish);
/* "1530,00" (sv, decimal comma, no grouping: for CSV) or "1530.00". */
void samv_buf_money_plain(samv_buf *b, samv_ore amount, bool swedish);
void samv_buf_date(samv_buf *b, samv_date d); /* YYYY-MM-DD; nothing for SAMV_NO_DATE */

#endif
