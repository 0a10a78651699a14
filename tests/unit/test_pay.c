/*
 * test_pay.c — compensation against figures worked by hand (§ 4.6: per student-week of
 * 5 days, a day at 1/5, each day at its own year's amount, the line rounded once).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ledger/pay.h"

static samv_ore amounts_2016[] = { 153000 };

static samv_rates rates_of(int first, samv_ore *amounts, int n)
{
	return (samv_rates){ .id = "r", .first_year = first, .last_year = first + n - 1, .amount_of = amounts };
}

static samv_placement placement(int y1, int m1, int d1, int y2, int m2, int d2, int32_t days)
{
	return (samv_placement){ .start = samv_date_from_ymd(y1, m1, d1),
				 .end = samv_date_from_ymd(y2, m2, d2), .days = days };
}

static void test_whole_weeks_2016(void **state)
{
	(void)state;
	samv_rates r = rates_of(2016, amounts_2016, 1);
	/* Monday 4 January to Friday 5 February 2016: 25 weekdays. */
	samv_placement p = placement(2016, 1, 4, 2016, 2, 5, 0);
	samv_pay_line line = samv_pay_placement(&p, &r);
	assert_int_equal(line.days, 25);
	assert_int_equal(line.amount, 765000); /* 7 650,00 kr */
	assert_int_equal(line.missing_year, 0);
	/* The same span with days: 23 gives 23/5 weeks = 7 038,00 kr. */
	p.days = 23;
	line = samv_pay_placement(&p, &r);
	assert_int_equal(line.days, 23);
	assert_int_equal(line.amount, 703800);
	assert_int_equal(line.last_paid, samv_date_from_ymd(2016, 2, 3));
}

static void test_across_new_year(void **state)
{
	(void)state;
	/* 2024: 1 600,00 kr; 2025: 1 650,00 kr. 2024-11-18..2024-12-31 has 32 weekdays and
	 * 2025-01-01..2025-01-17 has 13: (32 * 160000 + 13 * 165000) / 5 = 1 453 000 öre. */
	samv_ore amounts[] = { 160000, 165000 };
	samv_rates r = rates_of(2024, amounts, 2);
	samv_placement p = placement(2024, 11, 18, 2025, 1, 17, 0);
	samv_pay_line line = samv_pay_placement(&p, &r);
	assert_int_equal(line.days, 45);
	assert_int_equal(line.amount, 1453000);
	/* With days: 32 the paid days end on 31 December, all at the 2024 amount. */
	p.days = 32;
	line = samv_pay_placement(&p, &r);
	assert_int_equal(line.amount, 1024000);
	assert_int_equal(line.last_paid, samv_date_from_ymd(2024, 12, 31));
}

static void test_fifth_not_whole_ore(void **state)
{
	(void)state;
	/* 1 573,33 kr a week: 7 days = 157333 * 7 / 5 = 220266.2 -> 2 202,66 kr; 8 days =
	 * 251732.8 -> 2 517,33 kr (rounded once, half up). */
	samv_ore amounts[] = { 157333 };
	samv_rates r = rates_of(2023, amounts, 1);
	samv_placement p = placement(2023, 3, 6, 2023, 3, 14, 0); /* Mon 6 to Tue 14 March: 7 */
	samv_pay_line line = samv_pay_placement(&p, &r);
	assert_int_equal(line.days, 7);
	assert_int_equal(line.amount, 220266);
	p.end = samv_date_from_ymd(2023, 3, 15);
	assert_int_equal(samv_pay_placement(&p, &r).amount, 251733);
}

static void test_rate_missing(void **state)
{
	(void)state;
	samv_rates r = rates_of(2016, amounts_2016, 1);
	samv_placement p = placement(2016, 12, 19, 2017, 1, 13, 0);
	samv_pay_line line = samv_pay_placement(&p, &r);
	assert_int_equal(line.missing_year, 2017);
	assert_int_equal(samv_pay_placement(&p, NULL).missing_year, 2016);
}

static void test_weekend_only_and_caps(void **state)
{
	(void)state;
	samv_rates r = rates_of(2016, amounts_2016, 1);
	samv_placement p = placement(2016, 1, 2, 2016, 1, 3, 0); /* Saturday and Sunday */
	assert_int_equal(samv_pay_placement(&p, &r).days, 0);
	assert_int_equal(samv_pay_placement(&p, &r).amount, 0);
	p = placement(2016, 1, 4, 2016, 1, 8, 99); /* days beyond the weekdays: capped at 5 */
	assert_int_equal(samv_pay_placement(&p, &r).days, 5);
	assert_int_equal(samv_pay_nth_weekday(samv_date_from_ymd(2016, 1, 8), 2),
			 samv_date_from_ymd(2016, 1, 11));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_weeks_2016),
		cmocka_unit_test(test_across_new_year),
		cmocka_unit_test(test_fifth_not_whole_ore),
		cmocka_unit_test(test_rate_missing),
		cmocka_unit_test(test_weekend_only_and_caps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
