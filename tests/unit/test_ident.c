/*
 * test_ident.c — unit tests for ident.c: Luhn, organisation numbers, bankgiro,
 * plusgiro, slugs and the personal-number finder.
 *
 * Personal numbers here are made up: each gets its check digit from
 * samv_luhn_check_digit, so that a test never depends on a real person's number.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger/ident.h"

static void test_luhn(void **state)
{
	(void)state;
	assert_int_equal(samv_luhn_check_digit("202100297", 9), 3);
	assert_int_equal(samv_luhn_check_digit("212000014", 9), 2);
	assert_int_equal(samv_luhn_check_digit("212000016", 9), 7);
	assert_int_equal(samv_luhn_check_digit("7992739871", 10), 3);
	assert_int_equal(samv_luhn_check_digit("5050105", 7), 5);
	assert_int_equal(samv_luhn_check_digit("4711642", 7), 1);
	assert_int_equal(samv_luhn_check_digit("1", 1), 8);
	assert_int_equal(samv_luhn_check_digit("", 0), 0);
	assert_int_equal(samv_luhn_check_digit("202100-297", 10), 3);
	assert_int_equal(samv_luhn_check_digit("47 11 64", 8), 4);
	assert_true(samv_luhn_valid("2021002973", 10));
	assert_true(samv_luhn_valid("79927398713", 11));
	assert_true(samv_luhn_valid("18", 2));
	assert_false(samv_luhn_valid("2021002974", 10));
	assert_false(samv_luhn_valid("79927398710", 11));
	assert_false(samv_luhn_valid("202100297x", 10));
	assert_false(samv_luhn_valid("0", 1));
	assert_false(samv_luhn_valid("", 0));
}

/* Every wrong last digit is refused with the right one as *expected. */
static void test_luhn_every_wrong_digit(void **state)
{
	char s[] = "2120000142";

	(void)state;
	for (char c = '0'; c <= '9'; c++) {
		s[9] = c;
		assert_int_equal(samv_luhn_valid(s, 10), c == '2');
	}
}

static int org(const char *s, int *expected)
{
	return samv_org_number_check(s, strlen(s), expected);
}

static void test_org_number(void **state)
{
	static const char *bad[] = {
		"", "2021002973", "202100 2973", "20210-02973", "202100-297", "202100-29733",
		" 202100-2973", "202100-2973 ", "202100-297a", "2021a0-2973", "202100--973",
		"202100+2973", "16202100-2973",
	};
	int expected = -1;

	(void)state;
	assert_int_equal(org("202100-2973", &expected), SAMV_IDENT_OK); /* Karolinska Inst. */
	assert_int_equal(org("212000-0142", &expected), SAMV_IDENT_OK); /* Stockholms stad */
	assert_int_equal(org("212000-0167", &expected), SAMV_IDENT_OK); /* Nacka kommun */
	assert_int_equal(expected, -1);
	assert_int_equal(org("202100-2974", &expected), SAMV_IDENT_BAD_CHECK);
	assert_int_equal(expected, 3);
	assert_int_equal(org("212000-0160", &expected), SAMV_IDENT_BAD_CHECK);
	assert_int_equal(expected, 7);
	assert_int_equal(org("212000-0160", NULL), SAMV_IDENT_BAD_CHECK);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(org(bad[i], &expected), SAMV_IDENT_BAD_FORMAT);
}

static int bankgiro(const char *s, int *expected)
{
	return samv_bankgiro_check(s, strlen(s), expected);
}

static void test_bankgiro(void **state)
{
	static const char *bad[] = {
		"", "5050-105", "50501055", "505-01055", "5050 1055", "50-501055",
		"50501-055", "5050-10555", "55050-1055", "5050-105x", " 505-0109", "5050_1055",
		"5050--055",
	};
	int expected = -1;

	(void)state;
	assert_int_equal(bankgiro("5050-1055", &expected), SAMV_IDENT_OK);
	assert_int_equal(bankgiro("505-0109", &expected), SAMV_IDENT_OK);
	assert_int_equal(expected, -1);
	assert_int_equal(bankgiro("5050-1050", &expected), SAMV_IDENT_BAD_CHECK);
	assert_int_equal(expected, 5);
	assert_int_equal(bankgiro("505-0100", &expected), SAMV_IDENT_BAD_CHECK);
	assert_int_equal(expected, 9);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(bankgiro(bad[i], &expected), SAMV_IDENT_BAD_FORMAT);
}

static int plusgiro(const char *s, int *expected)
{
	return samv_plusgiro_check(s, strlen(s), expected);
}

/* A plusgiro as written, given without its check digit, completed with the right one. */
static void assert_plusgiro_ok(const char *body)
{
	char s[32];
	int expected = -1;

	snprintf(s, sizeof(s), "%s-%d", body, samv_luhn_check_digit(body, strlen(body)));
	assert_int_equal(plusgiro(s, &expected), SAMV_IDENT_OK);
	s[strlen(s) - 1] = (char)('0' + (s[strlen(s) - 1] - '0' + 1) % 10);
	assert_int_equal(plusgiro(s, &expected), SAMV_IDENT_BAD_CHECK);
	assert_int_equal(expected, samv_luhn_check_digit(body, strlen(body)));
}

static void test_plusgiro(void **state)
{
	static const char *ok[] = {
		"4", "12", "1234567", "4711642", "1 23", "12 34", "1 23 45", "47 11 64",
		"1 23 45 67", "12 34 56",
	};
	static const char *bad[] = {
		"", "-", "1-", "-1", "12-", "12-34", "123 45-6", "1 2 34-5", "12 345-6",
		"1  23-4", " 12-3", "12 -3", "12- 3", "1 23 45 67 89-0", "12345678-9",
		"4711642 1", "47 11 64 -4", "47 11 64-4 ", "47 11 64--4", "4711-642-1",
		"47-11 64-4", "47 1164-4", "47 11 6-4", "47 11 64-x", "a1-2", "47\t11 64-4",
	};
	int expected = -1;

	(void)state;
	assert_int_equal(plusgiro("4711642-1", &expected), SAMV_IDENT_OK);
	assert_int_equal(plusgiro("47 11 64-4", &expected), SAMV_IDENT_OK);
	assert_int_equal(expected, -1);
	assert_int_equal(plusgiro("4711642-2", &expected), SAMV_IDENT_BAD_CHECK);
	assert_int_equal(expected, 1);
	assert_int_equal(plusgiro("47 11 64-0", NULL), SAMV_IDENT_BAD_CHECK);
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_plusgiro_ok(ok[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(plusgiro(bad[i], &expected), SAMV_IDENT_BAD_FORMAT);
}

/* The checks read exactly len bytes: ASan watches the end of each exact heap block. */
static void test_checks_read_only_len(void **state)
{
	static const char *numbers[] = { "212000-0142", "5050-1055", "47 11 64-4", "nacka" };
	int (*const checks[])(const char *, size_t, int *) = {
		samv_org_number_check, samv_bankgiro_check, samv_plusgiro_check,
	};

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		size_t n = strlen(numbers[i]);
		char *s = malloc(n);

		assert_non_null(s);
		memcpy(s, numbers[i], n);
		if (i < 3) {
			assert_int_equal(checks[i](s, n, NULL), SAMV_IDENT_OK);
			for (size_t k = 0; k < n; k++)
				checks[i](s, k, NULL);
		} else {
			assert_true(samv_slug_valid(s, n));
		}
		free(s);
	}
}

static void test_giro_digits(void **state)
{
	char dst[16];

	(void)state;
	samv_giro_digits("5050-1055", 9, dst);
	assert_string_equal(dst, "50501055");
	samv_giro_digits("47 11 64-4", 10, dst);
	assert_string_equal(dst, "4711644");
	samv_giro_digits("4711642-1", 9, dst);
	assert_string_equal(dst, "47116421");
	samv_giro_digits("5050-1055", 4, dst);
	assert_string_equal(dst, "5050");
	samv_giro_digits("", 0, dst);
	assert_string_equal(dst, "");
	samv_giro_digits("--", 2, dst);
	assert_string_equal(dst, "");
}

static bool slug(const char *s)
{
	return samv_slug_valid(s, strlen(s));
}

static void test_slug(void **state)
{
	(void)state;
	assert_true(slug("nacka"));
	assert_true(slug("a"));
	assert_true(slug("0"));
	assert_true(slug("hemtjanst-syd"));
	assert_true(slug("2025-ht"));
	assert_true(slug("a-"));
	assert_true(slug("a--b"));
	assert_false(slug(""));
	assert_false(slug("-a"));
	assert_false(slug("Nacka"));
	assert_false(slug("nacka_kommun"));
	assert_false(slug("nacka kommun"));
	assert_false(slug("a.b"));
	assert_false(slug("a/b"));
	assert_false(slug("h\xc3\xa4lsa")); /* "hälsa" */
	assert_false(slug("nacka\n"));
	assert_true(samv_slug_valid("nacka kommun", 5));
}

/*
 * Personal numbers. make() completes a made-up number written with its check digit left
 * out: the Luhn digit goes over the last nine digits of the date and serial, so the
 * century of a twelve-digit form is left out as the finder does.
 */
static char *make(const char *without_check, int delta)
{
	size_t n = strlen(without_check);
	size_t skip = (n == 11 || n == 12) ? 2 : 0; /* YYYYMMDDNNN or YYYYMMDD-NNN */
	char *s = malloc(n + 2);
	int c;

	assert_non_null(s);
	c = samv_luhn_check_digit(without_check + skip, n - skip);
	memcpy(s, without_check, n);
	s[n] = (char)('0' + (c + delta) % 10);
	s[n + 1] = '\0';
	return s;
}

/* Where the finder puts the first match in text, or -1; *len gets its length. */
static long find(const char *text, size_t *len)
{
	return samv_personal_number_find(text, strlen(text), 0, len);
}

/* The number alone and inside text is found, and with a wrong check digit is not. */
static void assert_found(const char *without_check)
{
	char *pnr = make(without_check, 0);
	char *wrong = make(without_check, 1);
	char text[64];
	size_t len = 0;

	assert_int_equal(find(pnr, &len), 0);
	assert_int_equal(len, strlen(pnr));
	snprintf(text, sizeof(text), "  student: Anna (%s) #\n", pnr);
	len = 0;
	assert_int_equal(find(text, &len), 17);
	assert_int_equal(len, strlen(pnr));
	assert_int_equal(find(wrong, &len), -1);
	snprintf(text, sizeof(text), "  student: Anna (%s) #\n", wrong);
	assert_int_equal(find(text, &len), -1);
	free(pnr);
	free(wrong);
}

static void assert_not_found(const char *without_check)
{
	size_t len = 0;

	for (int delta = 0; delta < 10; delta++) {
		char *s = make(without_check, delta);

		assert_int_equal(find(s, &len), -1);
		free(s);
	}
}

static void test_pnr_shapes(void **state)
{
	(void)state;
	assert_found("811218-987");
	assert_found("811218+987");
	assert_found("811218987");
	assert_found("19811218987");
	assert_found("19811218-987");
	assert_found("20231218-987");
	assert_found("000101-123");
}

static void test_pnr_samordningsnummer(void **state)
{
	(void)state;
	assert_found("811278-987"); /* day 18 + 60 */
	assert_found("811261-987");
	assert_found("810391-987"); /* day 31 + 60 */
	assert_found("19811278987");
	assert_not_found("811292-987"); /* day 32 */
	assert_not_found("811260-987"); /* day 0 */
	assert_not_found("810431-987"); /* 31 April */
	assert_not_found("810491-987"); /* 31 April + 60 */
}

static void test_pnr_dates(void **state)
{
	(void)state;
	assert_found("000229-123");  /* 2000 is a leap year */
	assert_found("960229-123");  /* 1996 */
	assert_found("040229-123");  /* 1904 or 2004 */
	assert_not_found("010229-123"); /* neither 1901 nor 2001 */
	assert_not_found("230229-123");
	assert_found("20000229-123");
	assert_not_found("19000229-123"); /* 1900 is not */
	assert_not_found("21000229123");
	assert_not_found("811318-987"); /* month 13 */
	assert_not_found("810018-987"); /* month 0 */
	assert_not_found("811200-987"); /* day 0 */
	assert_not_found("811232-987");
	assert_not_found("00000101123"); /* year 0000 */
}

static void test_pnr_org_numbers(void **state)
{
	size_t len = 0;

	(void)state;
	/* Real organisation numbers (month 20 or more) with valid check digits. */
	assert_int_equal(find("org_number: 212000-0142", &len), -1);
	assert_int_equal(find("org_number: '202100-2973'", &len), -1);
	assert_int_equal(find("212000-0167", &len), -1);
	assert_int_equal(find("2120000142", &len), -1);
	assert_int_equal(find("16212000-0142", &len), -1);
	assert_not_found("812018-987");
	assert_not_found("559218-987");
	assert_not_found("19812018987");
}

static void test_pnr_longer_digit_runs(void **state)
{
	char *pnr = make("811218-987", 0);
	char *solid = make("811218987", 0);
	char *zeros = make("000101-123", 0);
	char text[64];
	size_t len = 0;

	(void)state;
	snprintf(text, sizeof(text), "1%s", pnr);
	assert_int_equal(find(text, &len), -1);
	snprintf(text, sizeof(text), "%s1", pnr);
	assert_int_equal(find(text, &len), -1);
	snprintf(text, sizeof(text), "0%s", solid);
	assert_int_equal(find(text, &len), -1);
	snprintf(text, sizeof(text), "%s5", solid);
	assert_int_equal(find(text, &len), -1);
	/* Two digits more make it YYYYMMDD-NNNC, checked as such: year 1281 is a real date,
	 * year 0000 is not, though the inner "000101-..." would be. */
	snprintf(text, sizeof(text), "12%s", pnr);
	assert_int_equal(find(text, &len), 0);
	assert_int_equal(len, 13);
	snprintf(text, sizeof(text), "00%s", zeros);
	assert_int_equal(find(text, &len), -1);
	assert_int_equal(find(zeros, &len), 0);
	snprintf(text, sizeof(text), "%s-%s", pnr, pnr); /* punctuation ends a run */
	assert_int_equal(find(text, &len), 0);
	assert_int_equal(len, 11);
	snprintf(text, sizeof(text), "+46 %s", solid);
	assert_int_equal(find(text, &len), 4); /* a separator before is not a digit */
	snprintf(text, sizeof(text), "tel-%s.", pnr);
	assert_int_equal(find(text, &len), 4);
	assert_int_equal(len, 11);
	free(pnr);
	free(solid);
	free(zeros);
}

static void test_pnr_not_numbers(void **state)
{
	static const char *texts[] = {
		"", "date: 2025-03-15", "2025-03-15 13:00", "start: 2025-03-15\nend: 2025-04-11",
		"total: 1530.50", "bankgiro: 5050-1055", "plusgiro: 47 11 64-4",
		"version 1.2.3-4", "811218-98", "811218-", "811218", "811218 9876", "811218/9876",
		"19811218+9876", "20250315", "id: 2025-ht-1",
	};
	size_t len = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		assert_int_equal(find(texts[i], &len), -1);
}

static void test_pnr_from(void **state)
{
	char *a = make("811218-987", 0);
	char *b = make("19900101123", 0);
	char text[80];
	size_t len = 0, n;
	long at;

	(void)state;
	snprintf(text, sizeof(text), "a %s b %s c", a, b);
	n = strlen(text);
	at = samv_personal_number_find(text, n, 0, &len);
	assert_int_equal(at, 2);
	assert_int_equal(len, 11);
	at = samv_personal_number_find(text, n, (size_t)at + len, &len);
	assert_int_equal(at, 16);
	assert_int_equal(len, 12);
	assert_int_equal(samv_personal_number_find(text, n, (size_t)at + len, &len), -1);
	/* A match must start at or after from; one under way before it does not count. */
	assert_int_equal(samv_personal_number_find(text, n, 2, &len), 2);
	assert_int_equal(samv_personal_number_find(text, n, 3, &len), 16);
	assert_int_equal(samv_personal_number_find(text, n, 17, &len), -1);
	assert_int_equal(samv_personal_number_find(text, n, n, &len), -1);
	assert_int_equal(samv_personal_number_find(text, n, n + 1, &len), -1);
	free(a);
	free(b);
}

/* Numbers cut at the end of an exactly sized, unterminated block: no read past len. */
static void test_pnr_reads_only_len(void **state)
{
	static const char *ends[] = {
		"x 811218", "x 19811218", "x 811218-", "x 811218+98", "x 19811218-987",
		"x 811218-9876", "x 8112189876", "x 198112189876", "x 19811218-9876",
	};
	char *pnr = make("19811218-987", 0);
	size_t len = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t n = strlen(ends[i]);
		char *s = malloc(n);

		assert_non_null(s);
		memcpy(s, ends[i], n);
		samv_personal_number_find(s, n, 0, &len);
		free(s);
	}
	{
		size_t n = strlen(pnr);
		char *s = malloc(n);

		assert_non_null(s);
		memcpy(s, pnr, n);
		assert_int_equal(samv_personal_number_find(s, n, 0, &len), 0);
		assert_int_equal(len, n);
		for (size_t k = 0; k < n; k++)
			samv_personal_number_find(s, k, 0, &len);
		free(s);
	}
	free(pnr);
}

/* Texts that a quadratic search would take minutes over: 8 MB of near misses, and one
 * 8-million-digit run. */
static void test_pnr_linear(void **state)
{
	size_t n = 8u << 20;
	char *s = malloc(n);
	size_t len = 0;

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = "811218-"[i % 7];
	assert_int_equal(samv_personal_number_find(s, n, 0, &len), -1);
	memset(s, '8', n);
	assert_int_equal(samv_personal_number_find(s, n, 0, &len), -1);
	assert_int_equal(samv_personal_number_find(s, n, n / 2, &len), -1);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_luhn),
		cmocka_unit_test(test_luhn_every_wrong_digit),
		cmocka_unit_test(test_org_number),
		cmocka_unit_test(test_bankgiro),
		cmocka_unit_test(test_plusgiro),
		cmocka_unit_test(test_checks_read_only_len),
		cmocka_unit_test(test_giro_digits),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_pnr_shapes),
		cmocka_unit_test(test_pnr_samordningsnummer),
		cmocka_unit_test(test_pnr_dates),
		cmocka_unit_test(test_pnr_org_numbers),
		cmocka_unit_test(test_pnr_longer_digit_runs),
		cmocka_unit_test(test_pnr_not_numbers),
		cmocka_unit_test(test_pnr_from),
		cmocka_unit_test(test_pnr_reads_only_len),
		cmocka_unit_test(test_pnr_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
