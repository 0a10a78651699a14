/*
 * ledger/pay.c — paid days and amounts of placements (see pay.h for the rule it implements).
 *
 * Days are split by calendar year with samv_date_weekdays, which is O(1), so a placement
 * costs a handful of operations however long it is and whatever its `days` says.
 */
#include "ledger/pay.h"

samv_ore samv_pay_year_amount(const samv_rates *rates, int year)
{
	if (!rates || !rates->amount_of || year < rates->first_year || year > rates->last_year)
		return -1;
	return rates->amount_of[year - rates->first_year];
}

samv_date samv_pay_nth_weekday(samv_date start, int32_t n)
{
	/* weekdays(start, d) grows by at most one a day and reaches n within 7n/5 + 7 days. */
	samv_date lo = start, hi = start + (samv_date)((int64_t)n * 7 / 5 + 7);
	while (lo < hi) {
		samv_date mid = lo + (hi - lo) / 2;
		if (samv_date_weekdays(start, mid) >= n)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

samv_pay_line samv_pay_placement(const samv_placement *p, const samv_rates *rates)
{
	samv_pay_line line = { 0, SAMV_NO_DATE, 0, 0 };
	if (p->start == SAMV_NO_DATE || p->end == SAMV_NO_DATE || p->end < p->start)
		return line;
	int32_t weekdays = samv_date_weekdays(p->start, p->end);
	line.days = p->days > 0 && p->days < weekdays ? p->days : weekdays;
	if (line.days == 0)
		return line;
	line.last_paid = samv_pay_nth_weekday(p->start, line.days);
	int first_year, last_year, m, d;
	samv_date_to_ymd(p->start, &first_year, &m, &d);
	samv_date_to_ymd(line.last_paid, &last_year, &m, &d);
	int64_t sum = 0; /* öre per week times days: five times the line */
	for (int y = first_year; y <= last_year; y++) {
		samv_date from = y == first_year ? p->start : samv_date_from_ymd(y, 1, 1);
		samv_date to = y == last_year ? line.last_paid : samv_date_from_ymd(y, 12, 31);
		int32_t n = samv_date_weekdays(from, to);
		if (n == 0)
			continue;
		samv_ore amount = samv_pay_year_amount(rates, y);
		if (amount < 0) {
			line.missing_year = y;
			return line;
		}
		/* Hostile rates and spans cannot overflow: the sum is held at a bound that no
		 * real invoice reaches, and invoice-total then reports the absurd figure. */
		if (amount > (5 * SAMV_MONEY_MAX - sum) / n) {
			sum = 5 * SAMV_MONEY_MAX;
			break;
		}
		sum += amount * n;
	}
	line.amount = (sum + 2) / 5; /* half up: a fifth's remainder of 3 or 4 rounds up */
	return line;
}
