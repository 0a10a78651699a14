/*
 * test_date.c — unit tests for date.c: parsing, the calendar round trip, weekdays,
 * calendar months and clock times.
 *
 * The round trip walks every day from 0001-01-01 to 9999-12-31, so any slip in the
 * era arithmetic shows up as a date that does not come back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"

static int parse(const char *s, samv_date *out)
{
	return samv_date_parse(s, strlen(s), out);
}

static samv_date D(const char *s)
{
	samv_date d = 0;

	assert_int_equal(parse(s, &d), SAMV_DATE_OK);
	return d;
}

static void assert_date(samv_date d, const char *want)
{
	char buf[11];

	samv_date_format(d, buf);
	assert_string_equal(buf, want);
}

static void test_parse_known_days(void **state)
{
	(void)state;
	assert_int_equal(D("1970-01-01"), 0);
	assert_int_equal(D("1969-12-31"), -1);
	assert_int_equal(D("2000-03-01"), 11017);
	assert_int_equal(D("2024-02-29"), 19782);
	assert_int_equal(D("2025-03-15"), 20162);
	assert_int_equal(D("1900-01-01"), -25567);
	assert_int_equal(D("0001-01-01"), SAMV_DATE_MIN);
	assert_int_equal(D("9999-12-31"), SAMV_DATE_MAX);
}

static void test_parse_leap_years(void **state)
{
	samv_date d = 0;

	(void)state;
	assert_int_equal(parse("2024-02-29", &d), SAMV_DATE_OK);
	assert_int_equal(parse("2000-02-29", &d), SAMV_DATE_OK);
	assert_int_equal(parse("2023-02-29", &d), SAMV_DATE_NO_SUCH_DAY);
	assert_int_equal(parse("1900-02-29", &d), SAMV_DATE_NO_SUCH_DAY);
	assert_int_equal(parse("2100-02-29", &d), SAMV_DATE_NO_SUCH_DAY);
	assert_int_equal(parse("2400-02-29", &d), SAMV_DATE_OK);
	assert_int_equal(parse("0004-02-29", &d), SAMV_DATE_OK);
}

static void test_parse_no_such_day(void **state)
{
	static const char *bad[] = {
		"2025-02-30", "2025-04-31", "2025-06-31", "2025-09-31", "2025-11-31",
		"2025-01-32", "2025-13-01", "2025-00-10", "2025-01-00", "0000-01-01",
		"2025-99-99",
	};
	samv_date d = 12345;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse(bad[i], &d), SAMV_DATE_NO_SUCH_DAY);
	assert_int_equal(d, 12345); /* untouched on error */
}

static void test_parse_bad_format(void **state)
{
	static const char *bad[] = {
		"", "2025-3-15", "2025-03-5", "25-03-15", "2025/03/15", "20250315",
		"2025-03-15 ", " 2025-03-15", "+025-03-15", "-025-03-15", "2025-03-1a",
		"2025-0x-15", "2025--3-15", "2025-03-15T00:00", "12025-03-15", "2025_03_15",
	};
	samv_date d = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse(bad[i], &d), SAMV_DATE_BAD_FORMAT);
}

/* The text is not NUL-terminated and nothing after len may be read: ASan watches the
 * end of this exactly sized heap block. */
static void test_parse_reads_only_len(void **state)
{
	char *s = malloc(10);
	samv_date d = 0;

	(void)state;
	assert_non_null(s);
	memcpy(s, "2025-03-15", 10);
	assert_int_equal(samv_date_parse(s, 10, &d), SAMV_DATE_OK);
	assert_int_equal(d, 20162);
	assert_int_equal(samv_date_parse(s, 9, &d), SAMV_DATE_BAD_FORMAT);
	assert_int_equal(samv_date_parse(s, 0, &d), SAMV_DATE_BAD_FORMAT);
	memcpy(s, "13:45", 5);
	assert_int_equal(samv_time_parse(s, 5, &d), SAMV_DATE_OK);
	free(s);
}

/* Every day of 0001-9999: to_ymd, from_ymd, format and parse agree, and each day is the
 * day after the one before. */
static void test_round_trip_all_days(void **state)
{
	int py, pm, pd;

	(void)state;
	samv_date_to_ymd(SAMV_DATE_MIN - 1, &py, &pm, &pd);
	assert_int_equal(py, 0);
	assert_int_equal(pm, 12);
	assert_int_equal(pd, 31);
	for (samv_date d = SAMV_DATE_MIN; d <= SAMV_DATE_MAX; d++) {
		int y, m, dd;
		char buf[11];
		samv_date back = 0;

		samv_date_to_ymd(d, &y, &m, &dd);
		if (dd == pd + 1 && m == pm && y == py) {
			/* next day of the same month */
		} else {
			assert_int_equal(dd, 1);
			assert_int_equal(pd, samv_date_days_in_month(py, pm));
			if (m == 1) {
				assert_int_equal(pm, 12);
				assert_int_equal(y, py + 1);
			} else {
				assert_int_equal(m, pm + 1);
				assert_int_equal(y, py);
			}
		}
		assert_true(samv_date_valid_ymd(y, m, dd));
		assert_int_equal(samv_date_from_ymd(y, m, dd), d);
		samv_date_format(d, buf);
		assert_int_equal(samv_date_parse(buf, 10, &back), SAMV_DATE_OK);
		assert_int_equal(back, d);
		py = y;
		pm = m;
		pd = dd;
	}
	assert_int_equal(py, 9999);
}

static void test_extreme_day_numbers(void **state)
{
	int y, m, d;
	char buf[16];

	(void)state;
	samv_date_to_ymd(INT32_MAX, &y, &m, &d);
	assert_true(y > 5000000);
	assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	samv_date_to_ymd(INT32_MIN, &y, &m, &d);
	assert_true(y < -5000000);
	assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	/* Formatting holds them to the four-digit years, never writing past 11 bytes. */
	memset(buf, 'x', sizeof(buf));
	samv_date_format(INT32_MAX, buf);
	assert_string_equal(buf, "9999-12-31");
	assert_int_equal(buf[11], 'x');
	samv_date_format(SAMV_DATE_MAX + 1, buf);
	assert_string_equal(buf, "9999-12-31");
	samv_date_format(INT32_MIN, buf);
	assert_string_equal(buf, "0001-01-01");
	samv_date_format(SAMV_DATE_MIN - 1, buf);
	assert_string_equal(buf, "0001-01-01");
	assert_int_equal(samv_date_weekday(INT32_MAX), samv_date_weekday(INT32_MAX - 7));
	assert_int_equal(samv_date_weekday(INT32_MIN), samv_date_weekday(INT32_MIN + 7));
	assert_int_equal(samv_date_weekdays(INT32_MIN, INT32_MAX), INT32_MAX);
}

static void test_from_ymd_clamps(void **state)
{
	(void)state;
	assert_date(samv_date_from_ymd(2025, 3, 15), "2025-03-15");
	assert_date(samv_date_from_ymd(2025, 2, 30), "2025-02-28");
	assert_date(samv_date_from_ymd(2024, 2, 31), "2024-02-29");
	assert_date(samv_date_from_ymd(2025, 13, 5), "2025-12-05");
	assert_date(samv_date_from_ymd(2025, 0, 5), "2025-01-05");
	assert_date(samv_date_from_ymd(2025, 6, 0), "2025-06-01");
	assert_date(samv_date_from_ymd(2025, INT_MIN, INT_MAX), "2025-01-31");
	assert_int_equal(samv_date_from_ymd(0, 12, 31), SAMV_DATE_MIN);
	assert_int_equal(samv_date_from_ymd(INT_MIN, 1, 1), SAMV_DATE_MIN);
	assert_int_equal(samv_date_from_ymd(10000, 1, 31), SAMV_DATE_MAX);
	assert_int_equal(samv_date_from_ymd(INT_MAX, INT_MAX, INT_MAX), SAMV_DATE_MAX);
}

static void test_valid_and_days_in_month(void **state)
{
	(void)state;
	assert_int_equal(samv_date_days_in_month(2024, 2), 29);
	assert_int_equal(samv_date_days_in_month(2023, 2), 28);
	assert_int_equal(samv_date_days_in_month(2100, 2), 28);
	assert_int_equal(samv_date_days_in_month(2000, 2), 29);
	assert_int_equal(samv_date_days_in_month(2025, 1), 31);
	assert_int_equal(samv_date_days_in_month(2025, 4), 30);
	assert_int_equal(samv_date_days_in_month(2025, 12), 31);
	assert_int_equal(samv_date_days_in_month(2025, 0), 0);
	assert_int_equal(samv_date_days_in_month(2025, 13), 0);
	assert_true(samv_date_valid_ymd(1, 1, 1));
	assert_true(samv_date_valid_ymd(9999, 12, 31));
	assert_false(samv_date_valid_ymd(0, 1, 1));
	assert_false(samv_date_valid_ymd(10000, 1, 1));
	assert_false(samv_date_valid_ymd(2025, 2, 29));
	assert_false(samv_date_valid_ymd(2025, 1, 0));
	assert_false(samv_date_valid_ymd(2025, 0, 1));
	assert_false(samv_date_valid_ymd(INT_MIN, INT_MIN, INT_MIN));
}

static void test_format(void **state)
{
	(void)state;
	assert_date(0, "1970-01-01");
	assert_date(-1, "1969-12-31");
	assert_date(SAMV_DATE_MIN, "0001-01-01");
	assert_date(SAMV_DATE_MAX, "9999-12-31");
	assert_date(D("2025-03-05"), "2025-03-05");
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(samv_date_weekday(0), 4); /* Thursday */
	assert_int_equal(samv_date_weekday(-1), 3);
	assert_int_equal(samv_date_weekday(-3), 1);
	assert_int_equal(samv_date_weekday(-4), 7);
	assert_int_equal(samv_date_weekday(D("2024-11-18")), 1);
	assert_int_equal(samv_date_weekday(D("2025-03-15")), 6);
	assert_int_equal(samv_date_weekday(D("2025-03-16")), 7);
	assert_int_equal(samv_date_weekday(D("2000-01-01")), 6);
	assert_int_equal(samv_date_weekday(D("1900-01-01")), 1);
	assert_int_equal(samv_date_weekday(SAMV_DATE_MIN), 1);
	assert_int_equal(samv_date_weekday(SAMV_DATE_MAX), 5);
}

static void test_weekdays_examples(void **state)
{
	(void)state;
	assert_int_equal(samv_date_weekdays(D("2016-01-04"), D("2016-01-29")), 20);
	assert_int_equal(samv_date_weekdays(D("2024-11-18"), D("2025-01-17")), 45);
	assert_int_equal(samv_date_weekdays(D("2025-03-17"), D("2025-03-17")), 1); /* Mon */
	assert_int_equal(samv_date_weekdays(D("2025-03-15"), D("2025-03-15")), 0); /* Sat */
	assert_int_equal(samv_date_weekdays(D("2025-03-15"), D("2025-03-16")), 0);
	assert_int_equal(samv_date_weekdays(D("2025-03-14"), D("2025-03-17")), 2); /* Fri-Mon */
	assert_int_equal(samv_date_weekdays(D("2025-03-17"), D("2025-03-14")), 0);
	assert_int_equal(samv_date_weekdays(D("2024-01-01"), D("2024-12-31")), 262);
	assert_int_equal(samv_date_weekdays(D("2023-01-01"), D("2023-12-31")), 260);
	assert_int_equal(samv_date_weekdays(D("1969-12-29"), D("1970-01-04")), 5);
	assert_int_equal(samv_date_weekdays(SAMV_DATE_MIN, SAMV_DATE_MAX), 2608615);
}

/* Against counting day by day, for every start in a five-week window on either side of
 * 1970 (negative day numbers use the floor arithmetic) and spans up to ten weeks. */
static void test_weekdays_against_loop(void **state)
{
	static const samv_date starts[] = { -400, 20000 };

	(void)state;
	for (size_t s = 0; s < 2; s++) {
		for (samv_date first = starts[s]; first < starts[s] + 35; first++) {
			int32_t count = 0;

			for (samv_date last = first; last < first + 70; last++) {
				if (samv_date_weekday(last) <= 5)
					count++;
				assert_int_equal(samv_date_weekdays(first, last), count);
			}
		}
	}
}

static void add(const char *from, int months, const char *want)
{
	assert_date(samv_date_add_months(D(from), months), want);
}

static void test_add_months(void **state)
{
	(void)state;
	add("2023-08-31", 6, "2024-02-29");
	add("2024-01-31", 1, "2024-02-29");
	add("2023-01-31", 1, "2023-02-28");
	add("2024-03-31", -1, "2024-02-29");
	add("2024-05-31", 1, "2024-06-30");
	add("2024-02-29", 12, "2025-02-28");
	add("2024-02-29", 48, "2028-02-29");
	add("2025-03-15", 0, "2025-03-15");
	add("2025-03-15", -3, "2024-12-15");
	add("2025-01-15", -1, "2024-12-15");
	add("2025-12-15", 1, "2026-01-15");
	add("2025-03-15", -15, "2023-12-15");
	add("2025-03-15", 24, "2027-03-15");
	add("2025-03-15", -1200, "1925-03-15");
	add("1969-12-31", 2, "1970-02-28");
	add("2025-10-31", -8, "2025-02-28");
}

static void test_add_months_saturates(void **state)
{
	(void)state;
	add("9999-12-01", 1, "9999-12-31");
	add("9999-11-30", 1, "9999-12-30");
	add("0001-01-15", -1, "0001-01-01");
	add("0001-02-28", -1, "0001-01-28");
	assert_int_equal(samv_date_add_months(D("2025-03-15"), INT_MAX), SAMV_DATE_MAX);
	assert_int_equal(samv_date_add_months(D("2025-03-15"), INT_MIN), SAMV_DATE_MIN);
	assert_int_equal(samv_date_add_months(INT32_MAX, INT_MAX), SAMV_DATE_MAX);
	assert_int_equal(samv_date_add_months(INT32_MIN, INT_MIN), SAMV_DATE_MIN);
	assert_int_equal(samv_date_add_months(INT32_MAX, 0), SAMV_DATE_MAX);
}

static void test_time_parse(void **state)
{
	static const char *bad_format[] = {
		"", "1:00", "01:0", "0100", "01-00", "01:00 ", " 01:00", "ab:cd", "1a:00",
		"01:0b", "01:00:00", "+1:00", "-1:00",
	};
	int t = -1;

	(void)state;
	assert_int_equal(samv_time_parse("00:00", 5, &t), SAMV_DATE_OK);
	assert_int_equal(t, 0);
	assert_int_equal(samv_time_parse("23:59", 5, &t), SAMV_DATE_OK);
	assert_int_equal(t, 1439);
	assert_int_equal(samv_time_parse("13:05", 5, &t), SAMV_DATE_OK);
	assert_int_equal(t, 785);
	assert_int_equal(samv_time_parse("24:00", 5, &t), SAMV_DATE_NO_SUCH_DAY);
	assert_int_equal(samv_time_parse("25:00", 5, &t), SAMV_DATE_NO_SUCH_DAY);
	assert_int_equal(samv_time_parse("12:60", 5, &t), SAMV_DATE_NO_SUCH_DAY);
	assert_int_equal(samv_time_parse("99:99", 5, &t), SAMV_DATE_NO_SUCH_DAY);
	assert_int_equal(t, 785);
	for (size_t i = 0; i < sizeof(bad_format) / sizeof(bad_format[0]); i++)
		assert_int_equal(samv_time_parse(bad_format[i], strlen(bad_format[i]), &t),
				 SAMV_DATE_BAD_FORMAT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_known_days),
		cmocka_unit_test(test_parse_leap_years),
		cmocka_unit_test(test_parse_no_such_day),
		cmocka_unit_test(test_parse_bad_format),
		cmocka_unit_test(test_parse_reads_only_len),
		cmocka_unit_test(test_round_trip_all_days),
		cmocka_unit_test(test_extreme_day_numbers),
		cmocka_unit_test(test_from_ymd_clamps),
		cmocka_unit_test(test_valid_and_days_in_month),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_weekdays_examples),
		cmocka_unit_test(test_weekdays_against_loop),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_add_months_saturates),
		cmocka_unit_test(test_time_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
