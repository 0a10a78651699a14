/*
 * util/pool.c — strings kept until a document is written (pool.h).
 */
#include "util/pool.h"

#include <stdarg.h>
#include <stdlib.h>

const char *samv_pool_keep(samv_pool *p, char *s)
{
	if (!s) {
		p->oom = true;
		return "";
	}
	char **grown = samv_grow(p->s, &p->cap, sizeof *p->s, 16, p->n + 1);
	if (!grown) {
		p->oom = true;
		free(s);
		return "";
	}
	p->s = grown;
	p->s[p->n++] = s;
	return s;
}

const char *samv_pool_printf(samv_pool *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = samv_vstrprintf(fmt, ap);
	va_end(ap);
	return samv_pool_keep(p, s);
}

void samv_pool_free(samv_pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->s[i]);
	free(p->s);
	*p = (samv_pool){ 0 };
}
