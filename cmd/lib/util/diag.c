/*
 * util/diag.c — the findings list: append, relate, merge, sort, free; and the allocation
 * helpers declared beside it.
 *
 * Appending never fails loudly: on out-of-memory the list sets `oom` and drops the
 * finding, and the command reports that the check is incomplete. The list copies every
 * string it is given, so callers may pass text from documents that are freed later.
 */
#include "util/diag.h"

#include <stdlib.h>
#include <string.h>

char *samv_vstrprintf(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *samv_strprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = samv_vstrprintf(fmt, ap);
	va_end(ap);
	return s;
}

void *samv_grow(void *items, size_t *cap, size_t size, size_t first, size_t need)
{
	if (items && need <= *cap)
		return items;
	size_t n = *cap ? *cap : first ? first : 1;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return NULL;
		n *= 2;
	}
	if (size == 0 || n > SIZE_MAX / size)
		return NULL;
	void *grown = realloc(items, n * size);
	if (grown)
		*cap = n;
	return grown;
}

void samv_diags_vadd(samv_diags *d, const char *rule, const char *file, uint32_t line,
		     uint32_t col, const char *fmt, va_list ap)
{
	samv_finding *items = samv_grow(d->items, &d->cap, sizeof *items, 16, d->count + 1);
	if (!items) {
		d->oom = 1;
		return;
	}
	d->items = items;
	samv_finding *f = &d->items[d->count];
	memset(f, 0, sizeof *f);
	f->file = strdup(file ? file : "");
	f->rule = strdup(rule);
	f->message = samv_vstrprintf(fmt, ap);
	f->line = line;
	f->col = col;
	f->severity = SAMV_SEV_ERROR;
	if (!f->file || !f->rule || !f->message) {
		free(f->file);
		free(f->rule);
		free(f->message);
		d->oom = 1;
		return;
	}
	d->count++;
}

void samv_diags_add(samv_diags *d, const char *rule, const char *file, uint32_t line,
		    uint32_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	samv_diags_vadd(d, rule, file, line, col, fmt, ap);
	va_end(ap);
}

void samv_diags_relate(samv_diags *d, const char *file, uint32_t line, uint32_t col,
		       const char *fmt, ...)
{
	if (d->count == 0)
		return;
	samv_finding *f = &d->items[d->count - 1];
	samv_related *rel = realloc(f->related, (f->nrelated + 1) * sizeof *rel);
	if (!rel) {
		d->oom = 1;
		return;
	}
	f->related = rel;
	va_list ap;
	va_start(ap, fmt);
	char *msg = samv_vstrprintf(fmt, ap);
	va_end(ap);
	char *path = strdup(file ? file : "");
	if (!msg || !path) {
		free(msg);
		free(path);
		d->oom = 1;
		return;
	}
	rel[f->nrelated++] = (samv_related){ path, line, col, msg };
}

void samv_finding_clear(samv_finding *f)
{
	free(f->file);
	free(f->rule);
	free(f->message);
	for (size_t i = 0; i < f->nrelated; i++) {
		free(f->related[i].file);
		free(f->related[i].message);
	}
	free(f->related);
}

void samv_diags_free(samv_diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		samv_finding_clear(&d->items[i]);
	free(d->items);
	memset(d, 0, sizeof *d);
}

void samv_diags_take(samv_diags *to, samv_diags *from)
{
	size_t need = to->count + from->count;
	samv_finding *items = samv_grow(to->items, &to->cap, sizeof *items, 16, need);
	if (!items) {
		to->oom = 1;
		samv_diags_free(from);
		return;
	}
	to->items = items;
	if (from->count)
		memcpy(to->items + to->count, from->items, from->count * sizeof *from->items);
	to->count = need;
	to->oom |= from->oom;
	free(from->items);
	memset(from, 0, sizeof *from);
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

static int cmp_size(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

/* Findings and related positions order alike by where they are. */
static int position_cmp(const char *file_a, uint32_t line_a, uint32_t col_a, const char *file_b,
			uint32_t line_b, uint32_t col_b)
{
	int c = strcmp(file_a, file_b);
	if (!c)
		c = cmp_u32(line_a, line_b);
	if (!c)
		c = cmp_u32(col_a, col_b);
	return c;
}

static int related_cmp(const samv_related *a, const samv_related *b)
{
	int c = position_cmp(a->file, a->line, a->col, b->file, b->line, b->col);
	if (!c)
		c = strcmp(a->message, b->message);
	return c;
}

static int finding_cmp(const void *pa, const void *pb)
{
	const samv_finding *a = pa, *b = pb;
	int c = position_cmp(a->file, a->line, a->col, b->file, b->line, b->col);
	if (!c)
		c = strcmp(a->rule, b->rule);
	if (!c)
		c = strcmp(a->message, b->message);
	for (size_t i = 0; !c && i < a->nrelated && i < b->nrelated; i++)
		c = related_cmp(&a->related[i], &b->related[i]);
	if (!c)
		c = cmp_size(a->nrelated, b->nrelated);
	return c;
}

void samv_diags_sort(samv_diags *d)
{
	if (d->count > 1)
		qsort(d->items, d->count, sizeof *d->items, finding_cmp);
}
