/*
 * util/diag.h — findings: what samv-check reports, collected in one list.
 *
 * Every stage (source, loader, validator, rules) appends findings here and never prints.
 * A finding names its rule; its severity is decided when the list is finished, from the
 * rule table and the user's overrides (rules.h), so a stage never needs to know them.
 * The list owns every string in it: callers pass borrowed strings, which are copied.
 * The allocation helpers every stage uses (samv_strprintf, samv_grow) are here too.
 */
#ifndef SAMV_DIAG_H
#define SAMV_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum samv_severity {
	SAMV_SEV_OFF = 0,
	SAMV_SEV_WARNING = 1,
	SAMV_SEV_ERROR = 2
} samv_severity;

typedef struct samv_related {
	char *file;
	uint32_t line, col;
	char *message;
} samv_related;

typedef struct samv_finding {
	char *file; /* relative to the ledger root, '/'-separated */
	uint32_t line, col;
	samv_severity severity;
	char *rule;
	char *message;
	samv_related *related;
	size_t nrelated;
} samv_finding;

typedef struct samv_diags {
	samv_finding *items;
	size_t count, cap;
	int oom; /* set when an allocation failed: the list may be incomplete */
} samv_diags;

#if defined(__GNUC__)
#define SAMV_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define SAMV_PRINTF(a, b)
#endif

/* Append a finding; severity starts as ERROR and is set by samv_diags_finish. */
void samv_diags_add(samv_diags *d, const char *rule, const char *file, uint32_t line,
		    uint32_t col, const char *fmt, ...) SAMV_PRINTF(6, 7);
void samv_diags_vadd(samv_diags *d, const char *rule, const char *file, uint32_t line,
		     uint32_t col, const char *fmt, va_list ap);
/* Attach a related position to the finding added last. */
void samv_diags_relate(samv_diags *d, const char *file, uint32_t line, uint32_t col,
		       const char *fmt, ...) SAMV_PRINTF(5, 6);
void samv_diags_free(samv_diags *d); /* frees the contents; d itself is the caller's */
void samv_finding_clear(samv_finding *f); /* frees one finding's strings */

/* Move every finding of from to the end of to, leaving from empty (as samv_diags_free). */
void samv_diags_take(samv_diags *to, samv_diags *from);

/* Sort by file, line, column, rule, message and then the related positions: findings that
 * compare equal print alike, so output never depends on the order they were added in
 * (which differs with the threads that loaded the files). Severity follows from the rule. */
void samv_diags_sort(samv_diags *d);

/* malloc'd printf; NULL when out of memory. */
char *samv_strprintf(const char *fmt, ...) SAMV_PRINTF(1, 2);
char *samv_vstrprintf(const char *fmt, va_list ap);

/* ITEMS, an array of *cap elements of SIZE bytes, with room for at least NEED: as it is
 * when it has (and is not NULL), else moved to one of *cap doubled (FIRST when *cap is 0)
 * as often as NEED takes. Returns it with *cap set, or NULL when out of memory or when the
 * bytes would not fit a size_t, leaving ITEMS (still the caller's) and *cap as they were.
 * Doubling keeps appending one at a time linear. */
void *samv_grow(void *items, size_t *cap, size_t size, size_t first, size_t need);

#endif
