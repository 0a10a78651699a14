/*
 * util/escape.h — text from a ledger made safe for the format it lands in: HTML, XML, JSON,
 * CSV and Markdown. Every escape samv writes is here, so that a renderer never quotes by
 * hand and a fix to one format's escaping reaches every report.
 */
#ifndef SAMV_ESCAPE_H
#define SAMV_ESCAPE_H

#include <stddef.h>

#include "util/buf.h"

/* Where samv_escape_json_to sends its output, in pieces: a FILE, a report buffer. */
typedef void (*samv_escape_put)(void *arg, const char *s, size_t len);

/* s (len bytes, NULs included) as a JSON string literal, quotes included: the one escaper
 * of every JSON samv writes (findings, SARIF, reports). JSON text must be UTF-8 (RFC 8259
 * § 8.1), so each invalid sequence (a maximal subpart, utf8.h) becomes one \ufffd, as the
 * Unicode Standard and the WHATWG Encoding Standard replace it. " and \ are escaped; LF,
 * tab and CR as \n, \t and \r, the other C0 controls and DEL as \u00XX; U+2028 and U+2029
 * as \u2028 and \u2029, which JSON allows raw but JavaScript before ES2019 (JSONP, eval)
 * does not. */
void samv_escape_json_to(const char *s, size_t len, samv_escape_put put, void *arg);

/* Text from a ledger, escaped for the format it lands in. NULL appends nothing. */
void samv_escape_html(samv_buf *b, const char *s); /* & < > " ' */
void samv_escape_xml(samv_buf *b, const char *s); /* & < > " ' and no control characters */
void samv_escape_json(samv_buf *b, const char *s); /* a JSON string literal: samv_escape_json_to */
/* A CSV cell for Swedish spreadsheets: quoted when it holds ; " or a line break, and text
 * that a spreadsheet would run as a formula (= + - @ first, or a tab or CR first) is
 * neutralised with a leading apostrophe. */
void samv_escape_csv(samv_buf *b, const char *s);
/* Markdown table cell or text: | \ * _ ` [ ] < > escaped, line breaks as spaces. */
void samv_escape_md(samv_buf *b, const char *s);

#endif
