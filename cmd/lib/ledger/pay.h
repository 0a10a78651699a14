/*
 * ledger/pay.h — compensation: the one place where samv-check and samv-report get amounts from.
 *
 * § 4.6 of the agreement: 1530 kr per student and week of 5 days in 2016 prices, indexed
 * every 1 January, a shorter period paid per day at 1/5 of a week. A placement's paid days
 * are the weekdays Monday-Friday from start to end, or the first `days` weekdays from the
 * start when `days` is given; each day is paid at its own calendar year's amount / 5, and
 * the line is rounded half up to the öre once. Integer arithmetic throughout.
 */
#ifndef SAMV_PAY_H
#define SAMV_PAY_H

#include <stdint.h>

#include "ledger/records.h"

typedef struct samv_pay_line {
	int32_t days; /* paid days */
	samv_date last_paid; /* the last paid day (the day that decides a late invoice) */
	samv_ore amount; /* the line, rounded once; valid only when missing_year == 0 */
	int missing_year; /* the first year with a paid day and no amount in the rates, or 0 */
} samv_pay_line;

/* The paid days and amount of a placement under rates (NULL rates: every year missing).
 * A `days` larger than the weekdays from start to end is capped at them (the rule
 * placement-days reports it). */
samv_pay_line samv_pay_placement(const samv_placement *p, const samv_rates *rates);

/* The amount of one calendar year in rates, or -1. */
samv_ore samv_pay_year_amount(const samv_rates *rates, int year);

/* The n-th weekday (n >= 1) on or after start. */
samv_date samv_pay_nth_weekday(samv_date start, int32_t n);

#endif
