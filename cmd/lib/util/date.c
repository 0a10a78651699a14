/*
 * util/date.c — the proleptic Gregorian calendar as day numbers (see date.h).
 *
 * Conversions are Howard Hinnant's days_from_civil / civil_from_days, which work in
 * 400-year eras and need no tables or loops; everything else is built on them.
 */
#include "util/date.h"

#define YEAR_MIN 1
#define YEAR_MAX 9999

/* Floor division and its remainder: C truncates toward zero, but counting whole weeks
 * and eras before 1970 needs -1 / 7 to be -1, not 0. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

static bool is_leap(int year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int samv_date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && is_leap(year))
		return 29;
	return days[month - 1];
}

bool samv_date_valid_ymd(int year, int month, int day)
{
	return year >= YEAR_MIN && year <= YEAR_MAX && day >= 1 &&
	       day <= samv_date_days_in_month(year, month);
}

/* Hinnant: counting years from 1 March puts the leap day last, so the day of the year
 * follows from the month by one linear formula. Valid arguments only: with year >= 1 the
 * March-based year is never negative, so the era is a plain division. */
static samv_date days_from_civil(int year, int month, int day)
{
	int y = year - (month <= 2);
	int era = y / 400;
	int yoe = y - era * 400;
	int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

samv_date samv_date_from_ymd(int year, int month, int day)
{
	int dim;

	if (year < YEAR_MIN)
		return SAMV_DATE_MIN;
	if (year > YEAR_MAX)
		return SAMV_DATE_MAX;
	if (month < 1)
		month = 1;
	else if (month > 12)
		month = 12;
	dim = samv_date_days_in_month(year, month);
	if (day < 1)
		day = 1;
	else if (day > dim)
		day = dim;
	return days_from_civil(year, month, day);
}

/* int64 throughout, so that any int32 day number, even far outside 0001-9999, converts
 * without overflow; the year then still fits an int (about +-5.9 million). */
void samv_date_to_ymd(samv_date d, int *year, int *month, int *day)
{
	int64_t z = (int64_t)d + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;

	*year = (int)(yoe + era * 400 + (m <= 2));
	*month = (int)m;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
}

/* n decimal digits of v, zero-padded, at p. */
static void put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

void samv_date_format(samv_date d, char buf[11])
{
	int y, m, dd;

	/* Only SAMV_DATE_MIN..SAMV_DATE_MAX has four-digit years. */
	if (d < SAMV_DATE_MIN)
		d = SAMV_DATE_MIN;
	else if (d > SAMV_DATE_MAX)
		d = SAMV_DATE_MAX;
	samv_date_to_ymd(d, &y, &m, &dd);
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, dd, 2);
	buf[10] = '\0';
}

/* The value of n ASCII digits, or -1 if any of them is not a digit. */
static int digits(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int samv_date_parse(const char *s, size_t len, samv_date *out)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return SAMV_DATE_BAD_FORMAT;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return SAMV_DATE_BAD_FORMAT;
	if (!samv_date_valid_ymd(y, m, d))
		return SAMV_DATE_NO_SUCH_DAY;
	*out = days_from_civil(y, m, d);
	return SAMV_DATE_OK;
}

int samv_date_weekday(samv_date d)
{
	/* 1970-01-01 was a Thursday, ISO day 4. */
	return (int)floor_mod((int64_t)d + 3, 7) + 1;
}

samv_date samv_date_add_months(samv_date d, int months)
{
	int y, m, day, dim;
	int64_t t;

	samv_date_to_ymd(d, &y, &m, &day);
	t = (int64_t)y * 12 + (m - 1) + months;
	if (t < (int64_t)YEAR_MIN * 12)
		return SAMV_DATE_MIN;
	if (t > (int64_t)YEAR_MAX * 12 + 11)
		return SAMV_DATE_MAX;
	y = (int)(t / 12);
	m = (int)(t % 12) + 1;
	dim = samv_date_days_in_month(y, m);
	return days_from_civil(y, m, day < dim ? day : dim);
}

/* Weekdays from the Monday 1969-12-29 (day -3) up to, not including, day d: five for
 * every whole week, plus the part of the last week that falls on Monday-Friday. */
static int64_t weekdays_before(int64_t d)
{
	int64_t since_monday = d + 3;
	int64_t weeks = floor_div(since_monday, 7);
	int64_t rest = since_monday - weeks * 7;

	return weeks * 5 + (rest < 5 ? rest : 5);
}

int32_t samv_date_weekdays(samv_date first, samv_date last)
{
	int64_t n;

	if (last < first)
		return 0;
	n = weekdays_before((int64_t)last + 1) - weekdays_before(first);
	/* Only a span of dates far outside 0001-9999 can hold more than INT32_MAX weekdays. */
	return n > INT32_MAX ? INT32_MAX : (int32_t)n;
}

int samv_time_parse(const char *s, size_t len, int *out)
{
	int h, m;

	if (len != 5 || s[2] != ':')
		return SAMV_DATE_BAD_FORMAT;
	h = digits(s, 2);
	m = digits(s + 3, 2);
	if (h < 0 || m < 0)
		return SAMV_DATE_BAD_FORMAT;
	if (h > 23 || m > 59)
		return SAMV_DATE_NO_SUCH_DAY;
	*out = h * 60 + m;
	return SAMV_DATE_OK;
}

void samv_date_write(samv_buf *b, samv_date d)
{
	if (d == SAMV_NO_DATE)
		return;
	char s[11];
	samv_date_format(d, s);
	samv_buf_puts(b, s);
}
