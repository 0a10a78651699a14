/*
 * ledger/ident.c — Swedish check-digit numbers (see ident.h): the shape of each as written in a
 * record, then one Luhn (mod 10) computation shared by all of them.
 *
 * Every check first proves the exact shape, so the Luhn code may walk the text itself,
 * skipping the separators, with no copy and no buffer.
 */
#include "ledger/ident.h"

#include <limits.h>

#include "util/date.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Walking from the right, so that the digit just before the check digit is always the
 * first one doubled: this is what makes one rule serve bodies of any length. */
int samv_luhn_check_digit(const char *digits, size_t n)
{
	int sum = 0;
	bool doubled = true;

	for (size_t i = n; i-- > 0;) {
		int d;

		if (!is_digit(digits[i]))
			continue;
		d = digits[i] - '0';
		if (doubled)
			d = d * 2 > 9 ? d * 2 - 9 : d * 2;
		sum = (sum + d) % 10;
		doubled = !doubled;
	}
	return (10 - sum) % 10;
}

bool samv_luhn_valid(const char *digits, size_t n)
{
	/* A last character that is not a digit can never equal a check digit 0-9. */
	return n >= 2 && samv_luhn_check_digit(digits, n - 1) == digits[n - 1] - '0';
}

/* s is a proven shape that ends in its check digit. */
static int check_last(const char *s, size_t len, int *expected)
{
	int want = samv_luhn_check_digit(s, len - 1);

	if (want == s[len - 1] - '0')
		return SAMV_IDENT_OK;
	if (expected)
		*expected = want;
	return SAMV_IDENT_BAD_CHECK;
}

/* Digits everywhere in s[0..len) except a hyphen at position hyphen. */
static bool digits_with_hyphen(const char *s, size_t len, size_t hyphen)
{
	for (size_t i = 0; i < len; i++)
		if (i == hyphen ? s[i] != '-' : !is_digit(s[i]))
			return false;
	return true;
}

int samv_org_number_check(const char *s, size_t len, int *expected)
{
	if (len != 11 || !digits_with_hyphen(s, len, 6))
		return SAMV_IDENT_BAD_FORMAT;
	return check_last(s, len, expected);
}

int samv_bankgiro_check(const char *s, size_t len, int *expected)
{
	if ((len != 8 && len != 9) || !digits_with_hyphen(s, len, len - 5))
		return SAMV_IDENT_BAD_FORMAT;
	return check_last(s, len, expected);
}

/*
 * Before the "-C" comes either one solid run of digits or groups as Plusgirot prints
 * them: pairs counted from the right, so only the first group may be a single digit
 * ("1 23 45-6"). A first group of one or two digits with no space after it is also the
 * solid form, which is why one pass can accept both.
 */
int samv_plusgiro_check(const char *s, size_t len, int *expected)
{
	size_t body, group = 0, ndigits = 1;
	bool grouped = false;

	if (len < 3 || s[len - 2] != '-' || !is_digit(s[len - 1]))
		return SAMV_IDENT_BAD_FORMAT;
	body = len - 2;
	for (size_t i = 0; i < body; i++) {
		if (is_digit(s[i])) {
			group++;
			ndigits++;
		} else if (s[i] == ' ' && group >= 1 && group <= 2 && (!grouped || group == 2)) {
			grouped = true;
			group = 0;
		} else {
			return SAMV_IDENT_BAD_FORMAT;
		}
	}
	if (group == 0 || (grouped && group != 2) || ndigits < 2 || ndigits > 8)
		return SAMV_IDENT_BAD_FORMAT;
	return check_last(s, len, expected);
}

void samv_giro_digits(const char *s, size_t len, char *dst)
{
	for (size_t i = 0; i < len; i++)
		if (is_digit(s[i]))
			*dst++ = s[i];
	*dst = '\0';
}

bool samv_slug_valid(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		bool ok = is_digit(s[i]) || (s[i] >= 'a' && s[i] <= 'z') || (i > 0 && s[i] == '-');

		if (!ok)
			return false;
	}
	return true;
}

static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/*
 * Whether digits give a birth date: YYMMDD (nyear 2) or YYYYMMDD (nyear 4). A two-digit
 * year may be either century, so 29 February counts if either makes it a leap day. Days
 * 61-91 are samordningsnummer (day + 60); a month of 20 or more is an organisation
 * number, and samv_date_valid_ymd already refuses every month above 12.
 */
static bool birth_date(const char *s, size_t nyear)
{
	int month = two_digits(s + nyear);
	int day = two_digits(s + nyear + 2);

	if (day > 60)
		day -= 60;
	if (nyear == 4)
		return samv_date_valid_ymd(two_digits(s) * 100 + two_digits(s + 2), month, day);
	return samv_date_valid_ymd(1900 + two_digits(s), month, day) ||
	       samv_date_valid_ymd(2000 + two_digits(s), month, day);
}

/* Whether s[at..at+n) are digits with no digit right after them; at <= len. */
static bool digit_run_of(const char *s, size_t len, size_t at, size_t n)
{
	if (len - at < n)
		return false;
	for (size_t i = at; i < at + n; i++)
		if (!is_digit(s[i]))
			return false;
	return at + n == len || !is_digit(s[at + n]);
}

/*
 * The length of a personal number starting at a run of run digits at s[0], or 0. The
 * run is maximal (no digit before or after it), so only these four shapes can match:
 * 10 or 12 digits alone, or 6 or 8 digits, a separator and exactly 4 more. The Luhn
 * check covers the last ten digits (a four-digit year's century is left out) and skips
 * the separator.
 */
static size_t personal_number_at(const char *s, size_t len, size_t run)
{
	size_t n, century = run == 8 || run == 12 ? 2 : 0;
	bool separated = run < len && ((run == 6 && (s[6] == '-' || s[6] == '+')) ||
				       (run == 8 && s[8] == '-'));

	if (separated && digit_run_of(s, len, run + 1, 4))
		n = run + 5;
	else if (run == 10 || run == 12)
		n = run;
	else
		return 0;
	if (!birth_date(s, century + 2) ||
	    check_last(s + century, n - century, NULL) != SAMV_IDENT_OK)
		return 0;
	return n;
}

/* Each run of digits is scanned once, and a candidate looks at most five characters past
 * its run, so the search is linear in the text. */
long samv_personal_number_find(const char *text, size_t len, size_t from, size_t *match_len)
{
	size_t i = from;

	if (from > len)
		return -1;
	/* A run that began before from cannot give a match at or after it. */
	if (i > 0 && is_digit(text[i - 1]))
		while (i < len && is_digit(text[i]))
			i++;
	while (i < len) {
		size_t start = i, n;

		if (!is_digit(text[i])) {
			i++;
			continue;
		}
		while (i < len && is_digit(text[i]))
			i++;
		if (start > LONG_MAX)
			return -1; /* the offset would not fit the result */
		n = personal_number_at(text + start, len - start, i - start);
		if (n > 0) {
			*match_len = n;
			return (long)start;
		}
	}
	return -1;
}
