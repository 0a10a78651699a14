/*
 * report/json_writer.h — the one JSON writer of samv: the reports' JSON (summary, invoices,
 * deadlines), the findings' JSON and SARIF.
 *
 * It writes into a samv_buf and escapes every string through samv_escape_json, so a value
 * is never quoted by hand. Each container says how its members are laid out, because the
 * documents samv writes are fixed byte for byte (SPEC § 6, the reports' golden files): on
 * one line (", " between members), as a block (each member on a line of its own, two
 * spaces deeper than the line the container opens on, the closing bracket back on that
 * line's indent), or on lines of given indents (SARIF). Nesting is at most SAMV_JW_DEPTH,
 * which the shapes of the documents fix, not their data.
 */
#ifndef SAMV_JSON_WRITER_H
#define SAMV_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/date.h"

#define SAMV_JW_DEPTH 16

typedef struct samv_jw {
	samv_buf *b;
	int depth; /* of the innermost open container; -1 before the outermost */
	int line; /* the indent of the line being written */
	int brk; /* the next member goes on a new line with this indent; -1: as the layout says */
	struct {
		char close; /* its closing bracket */
		bool first; /* no member yet */
		int item, close_indent; /* -1: on the line; else a new line with that indent */
	} lv[SAMV_JW_DEPTH];
} samv_jw;

void samv_jw_init(samv_jw *w, samv_buf *b);

/* Open an object ('{') or array ('['), as the member key of the object around it (NULL in
 * an array and for the outermost value). */
void samv_jw_inline(samv_jw *w, const char *key, char bracket);
void samv_jw_block(samv_jw *w, const char *key, char bracket);
/* Each member on a new line indented `item`; the closing bracket on a new line indented
 * `close` when there are members, or right after the last with close -1. */
void samv_jw_lines(samv_jw *w, const char *key, char bracket, int item, int close);
void samv_jw_close(samv_jw *w);
/* Put the next member on a new line with this indent, whatever the layout. */
void samv_jw_break(samv_jw *w, int indent);

/* Members (key NULL in an array). */
void samv_jw_str(samv_jw *w, const char *key, const char *s); /* null for NULL */
void samv_jw_int(samv_jw *w, const char *key, int64_t v);
void samv_jw_bool(samv_jw *w, const char *key, bool v);
void samv_jw_date(samv_jw *w, const char *key, samv_date d); /* "YYYY-MM-DD"; null for SAMV_NO_DATE */
void samv_jw_tenths(samv_jw *w, const char *key, int64_t tenths); /* 0 or more, one decimal: 12.5 */

#endif
