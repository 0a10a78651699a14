/*
 * test_money.c — unit tests for money.c: the exact reader and its three errors, the
 * Swedish and plain printed forms, and the PLO index with its rounding.
 *
 * The index is checked against a plain int64 formula over a grid of small amounts and
 * percentages, and at the int64 edges where only saturation keeps it defined.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/money.h"

static int parse(const char *s, samv_ore *out)
{
	return samv_money_parse(s, strlen(s), out);
}

static void assert_parses(const char *s, samv_ore want)
{
	samv_ore v = -424242;

	assert_int_equal(parse(s, &v), SAMV_MONEY_OK);
	assert_int_equal(v, want);
}

static void assert_fails(const char *s, int code)
{
	samv_ore v = -424242;

	assert_int_equal(parse(s, &v), code);
	assert_int_equal(v, -424242); /* untouched on error */
}

static void test_parse_ok(void **state)
{
	(void)state;
	assert_parses("1530", 153000);
	assert_parses("1530.5", 153050);
	assert_parses("1530.50", 153050);
	assert_parses("1530.05", 153005);
	assert_parses("0.01", 1);
	assert_parses("0.1", 10);
	assert_parses("-5", -500);
	assert_parses("-0.05", -5);
	assert_parses("0", 0);
	assert_parses("-0", 0);
	assert_parses("0.00", 0);
	assert_parses("0100", 10000);
	assert_parses("00000000000000000000000000000000000000001.5", 150);
	assert_parses("2.30", 230);
	assert_parses("2.3", 230);
	assert_parses("-1.5", -150);
	assert_parses("1000000000000", SAMV_MONEY_MAX);
	assert_parses("1000000000000.00", SAMV_MONEY_MAX);
	assert_parses("-1000000000000", -SAMV_MONEY_MAX);
	assert_parses("999999999999.99", SAMV_MONEY_MAX - 1);
}

static void test_parse_too_precise(void **state)
{
	(void)state;
	assert_fails("1530.505", SAMV_MONEY_TOO_PRECISE);
	assert_fails("1.000", SAMV_MONEY_TOO_PRECISE);
	assert_fails("0.001", SAMV_MONEY_TOO_PRECISE);
	assert_fails("-1.234", SAMV_MONEY_TOO_PRECISE);
	assert_fails("1.00000000000000000000000000001", SAMV_MONEY_TOO_PRECISE);
}

static void test_parse_bad_format(void **state)
{
	static const char *bad[] = {
		"", ".5", "5.", "+5", "1e3", " 5", "5 ", "1 530", "-", "--5", "-.5", "1,5",
		"1.5.0", "1.-5", "0x10", "5kr", "1530.505x", "1.505.1", "1530,50", "- 5",
		"\t5", "5\n", "1_000", "inf", "NaN", ".", "-5.",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_fails(bad[i], SAMV_MONEY_BAD_FORMAT);
}

static void test_parse_too_large(void **state)
{
	(void)state;
	assert_fails("1000000000000.01", SAMV_MONEY_TOO_LARGE);
	assert_fails("-1000000000000.01", SAMV_MONEY_TOO_LARGE);
	assert_fails("1000000000001", SAMV_MONEY_TOO_LARGE);
	assert_fails("9223372036854775807", SAMV_MONEY_TOO_LARGE);
	assert_fails("92233720368547758.08", SAMV_MONEY_TOO_LARGE);
	assert_fails("99999999999999999999999999999999999999999999999999", SAMV_MONEY_TOO_LARGE);
	assert_fails("-99999999999999999999999999999999999999999999999999.99",
		     SAMV_MONEY_TOO_LARGE);
}

/* Ten thousand digits: too large without overflow, or a small value behind zeros. */
static void test_parse_long_digit_runs(void **state)
{
	size_t n = 10000;
	char *s = malloc(n);
	samv_ore v = 0;

	(void)state;
	assert_non_null(s);
	memset(s, '9', n);
	assert_int_equal(samv_money_parse(s, n, &v), SAMV_MONEY_TOO_LARGE);
	memset(s, '0', n);
	s[n - 1] = '7';
	assert_int_equal(samv_money_parse(s, n, &v), SAMV_MONEY_OK);
	assert_int_equal(v, 700);
	free(s);
}

/* Not NUL-terminated, and nothing after len is read (ASan watches the block's end). */
static void test_parse_reads_only_len(void **state)
{
	char *s = malloc(7);
	samv_ore v = 0;

	(void)state;
	assert_non_null(s);
	memcpy(s, "1530.50", 7);
	assert_int_equal(samv_money_parse(s, 7, &v), SAMV_MONEY_OK);
	assert_int_equal(v, 153050);
	assert_int_equal(samv_money_parse(s, 6, &v), SAMV_MONEY_OK);
	assert_int_equal(v, 153050);
	assert_int_equal(samv_money_parse(s, 5, &v), SAMV_MONEY_BAD_FORMAT);
	assert_int_equal(samv_money_parse(s, 4, &v), SAMV_MONEY_OK);
	assert_int_equal(v, 153000);
	assert_int_equal(samv_money_parse(s, 0, &v), SAMV_MONEY_BAD_FORMAT);
	free(s);
}

static void assert_sv(samv_ore amount, const char *want)
{
	char *s = samv_money_format_sv(amount);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void assert_plain(samv_ore amount, const char *want)
{
	char *s = samv_money_format_plain(amount);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void test_format_sv(void **state)
{
	(void)state;
	assert_sv(153000, "1 530,00 kr");
	assert_sv(5, "0,05 kr");
	assert_sv(-1234567890, "-12 345 678,90 kr");
	assert_sv(100000000, "1 000 000,00 kr");
	assert_sv(0, "0,00 kr");
	assert_sv(-5, "-0,05 kr");
	assert_sv(99999, "999,99 kr");
	assert_sv(100000, "1 000,00 kr");
	assert_sv(156519, "1 565,19 kr");
	assert_sv(SAMV_MONEY_MAX, "1 000 000 000 000,00 kr");
	assert_sv(INT64_MAX, "92 233 720 368 547 758,07 kr");
	assert_sv(INT64_MIN, "-92 233 720 368 547 758,08 kr");
}

static void test_format_plain(void **state)
{
	(void)state;
	assert_plain(153000, "1530.00");
	assert_plain(-5, "-0.05");
	assert_plain(0, "0.00");
	assert_plain(10, "0.10");
	assert_plain(-1234567890, "-12345678.90");
	assert_plain(INT64_MAX, "92233720368547758.07");
	assert_plain(INT64_MIN, "-92233720368547758.08");
}

/* What format_plain writes, parse reads back to the same öre. */
static void test_plain_round_trip(void **state)
{
	static const samv_ore edges[] = {
		SAMV_MONEY_MAX, -SAMV_MONEY_MAX, SAMV_MONEY_MAX - 1, 1234567890123, -99,
	};

	(void)state;
	for (samv_ore a = -100000; a <= 100000; a += 7) {
		char *s = samv_money_format_plain(a);
		samv_ore back = 0;

		assert_non_null(s);
		assert_int_equal(parse(s, &back), SAMV_MONEY_OK);
		assert_int_equal(back, a);
		free(s);
	}
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		char *s = samv_money_format_plain(edges[i]);
		samv_ore back = 0;

		assert_non_null(s);
		assert_int_equal(parse(s, &back), SAMV_MONEY_OK);
		assert_int_equal(back, edges[i]);
		free(s);
	}
}

static void test_apply_index_examples(void **state)
{
	(void)state;
	assert_int_equal(samv_money_apply_index(153000, 230), 156519);
	assert_int_equal(samv_money_apply_index(153000, 0), 153000);
	assert_int_equal(samv_money_apply_index(0, 230), 0);
	assert_int_equal(samv_money_apply_index(100000, -150), 98500);
	assert_int_equal(samv_money_apply_index(153000, 10000), 306000);	/* +100% */
	assert_int_equal(samv_money_apply_index(153000, -10000), 0);		/* -100% */
	/* Halves round away from zero, both ways. */
	assert_int_equal(samv_money_apply_index(5000, -5000), 2500);
	assert_int_equal(samv_money_apply_index(1, -5000), 1);		/* 0.5 -> 1 */
	assert_int_equal(samv_money_apply_index(-1, -5000), -1);	/* -0.5 -> -1 */
	assert_int_equal(samv_money_apply_index(3, -15000), -2);	/* -1.5 -> -2 */
	assert_int_equal(samv_money_apply_index(-7, -15000), 4);	/* 3.5 -> 4 */
	assert_int_equal(samv_money_apply_index(100, 49), 100);	/* 100.49 */
	assert_int_equal(samv_money_apply_index(100, 50), 101);	/* 100.5 */
	assert_int_equal(samv_money_apply_index(-100, 50), -101);
	assert_int_equal(samv_money_apply_index(12345678901234, -9999), 1234567890);
	assert_int_equal(samv_money_apply_index(1, 200000000000000), 20000000001);
}

static void test_apply_index_chained(void **state)
{
	/* 2017-2019 at 2.30, 1.50 and 2.00 percent from 1530 kr, each year from the last. */
	samv_ore a = 153000;

	(void)state;
	a = samv_money_apply_index(a, 230);
	assert_int_equal(a, 156519);
	a = samv_money_apply_index(a, 150);
	assert_int_equal(a, 158867); /* 1588.66785 */
	a = samv_money_apply_index(a, 200);
	assert_int_equal(a, 162044); /* 1620.4434 */
}

/* a * (10000 + p) / 10000 rounded half away from zero, where the product fits. */
static samv_ore reference(samv_ore a, int64_t p)
{
	int64_t n = a * (10000 + p);
	int64_t q = n / 10000, r = n % 10000;

	if (r >= 5000)
		q++;
	else if (r <= -5000)
		q--;
	return q;
}

static void test_apply_index_against_reference(void **state)
{
	(void)state;
	for (samv_ore a = -30011; a <= 30011; a += 13)
		for (int64_t p = -25000; p <= 25000; p += 7)
			assert_int_equal(samv_money_apply_index(a, p), reference(a, p));
	for (samv_ore a = 999999000000; a <= 1000000000000; a += 99991)
		for (int64_t p = -300; p <= 300; p += 11)
			assert_int_equal(samv_money_apply_index(a, p), reference(a, p));
}

static void test_apply_index_saturates(void **state)
{
	(void)state;
	assert_int_equal(samv_money_apply_index(99999999999999, 10), SAMV_MONEY_MAX);
	assert_int_equal(samv_money_apply_index(SAMV_MONEY_MAX, -20000), -SAMV_MONEY_MAX);
	assert_int_equal(samv_money_apply_index(INT64_MIN, 5), -SAMV_MONEY_MAX);
	assert_int_equal(samv_money_apply_index(INT64_MIN, INT64_MIN), SAMV_MONEY_MAX);
	assert_int_equal(samv_money_apply_index(INT64_MAX, INT64_MAX), SAMV_MONEY_MAX);
	assert_int_equal(samv_money_apply_index(-1, INT64_MAX), -SAMV_MONEY_MAX);
	assert_int_equal(samv_money_apply_index(INT64_MAX, -10000), 0);
	assert_int_equal(samv_money_apply_index(9999, INT64_MAX - 10000), SAMV_MONEY_MAX);
	assert_int_equal(samv_money_apply_index(-9999, INT64_MIN), SAMV_MONEY_MAX);
	assert_int_equal(samv_money_apply_index(0, INT64_MAX), 0);
	assert_int_equal(samv_money_apply_index(0, INT64_MIN), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_too_precise),
		cmocka_unit_test(test_parse_bad_format),
		cmocka_unit_test(test_parse_too_large),
		cmocka_unit_test(test_parse_long_digit_runs),
		cmocka_unit_test(test_parse_reads_only_len),
		cmocka_unit_test(test_format_sv),
		cmocka_unit_test(test_format_plain),
		cmocka_unit_test(test_plain_round_trip),
		cmocka_unit_test(test_apply_index_examples),
		cmocka_unit_test(test_apply_index_chained),
		cmocka_unit_test(test_apply_index_against_reference),
		cmocka_unit_test(test_apply_index_saturates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
