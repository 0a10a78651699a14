/*
 * ledger/deadlines.h — the dates by which things are due under the agreement template.
 *
 * Shared by the deadline rules and the deadline report, so both say the same date.
 * § 4.2: the university announces the VFU periods by 15 March (HT) or 15 September of the
 * year before (VT); the municipality offers places by 15 May (HT) or 15 November of the
 * year before (VT). § 4.6: invoices by 15 June (VT) or 15 December (HT), or for a placement
 * that ends later, by the 15th of the month after its end. § 8: the follow-up of a year by
 * 31 March of the next. § 9: notice takes effect notice_months after it is given.
 */
#ifndef SAMV_DEADLINES_H
#define SAMV_DEADLINES_H

#include <stdbool.h>

#include "util/date.h"

samv_date samv_deadline_notice(int year, bool autumn);
samv_date samv_deadline_offer(int year, bool autumn);
/* latest_end: the latest end of the placements concerned (SAMV_NO_DATE for none). */
samv_date samv_deadline_invoice(int year, bool autumn, samv_date latest_end);
samv_date samv_deadline_follow_up(int year);

#endif
