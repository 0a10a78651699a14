/*
 * ledger/term.h — a term as the ledger names it ("2025-VT", "2025-HT") and the days it spans.
 *
 * Below both the typed records (a term file's term) and the deadlines (dates counted from
 * a term), so that neither needs the other for it. VT runs 1 January-30 June; HT
 * 1 July-31 January of the next year, as the template's invoicing periods do (§ 4.6).
 */
#ifndef SAMV_TERM_H
#define SAMV_TERM_H

#include <stdbool.h>

#include "util/date.h"

/* "2025-VT" -> year 2025, autumn false. Returns false when malformed. */
bool samv_term_parse(const char *term, int *year, bool *autumn);
samv_date samv_term_first_day(int year, bool autumn);
samv_date samv_term_last_day(int year, bool autumn);

#endif
