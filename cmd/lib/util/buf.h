/*
 * util/buf.h — a growable byte buffer that reports are rendered into. Bytes only: the escapes
 * of each output format are in escape.h, money and dates write themselves (money.h, date.h).
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

#include "util/diag.h" /* SAMV_PRINTF */

typedef struct samv_buf {
	char *data; /* NUL-terminated when len > 0 */
	size_t len, cap;
	bool oom;
} samv_buf;

void samv_buf_free(samv_buf *b); /* frees the contents */
void samv_buf_add(samv_buf *b, const char *s, size_t len);
void samv_buf_puts(samv_buf *b, const char *s);
void samv_buf_printf(samv_buf *b, const char *fmt, ...) SAMV_PRINTF(2, 3);

#endif
