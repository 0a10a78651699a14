/*
 * util/buf.c — the growable byte buffer (see buf.h).
 */
#include "util/buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
