/*
 * util/pool.h — strings a renderer makes as it goes (a label with a count, a cell joined
 * from parts), kept until the document is written and then freed together, so that no
 * renderer tracks each one. Running out of memory sets `oom` and yields "", so a renderer
 * checks once at the end, as with samv_buf.
 */
#ifndef SAMV_POOL_H
#define SAMV_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/diag.h" /* SAMV_PRINTF */

typedef struct samv_pool {
	char **s;
	size_t n, cap;
	bool oom;
} samv_pool;

/* Takes s (malloc'd; NULL counts as running out of memory) and returns it, or "". */
const char *samv_pool_keep(samv_pool *p, char *s);
const char *samv_pool_printf(samv_pool *p, const char *fmt, ...) SAMV_PRINTF(2, 3);
void samv_pool_free(samv_pool *p); /* frees the strings; the pool can be used again */

#endif
