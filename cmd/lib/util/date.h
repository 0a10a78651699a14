/*
 * util/date.h — calendar dates as whole days, with the calendar arithmetic the rules need.
 *
 * A date is an int32 count of days since 1970-01-01 (proleptic Gregorian), so comparing
 * and subtracting dates is integer arithmetic. Parsing is strict: exactly YYYY-MM-DD,
 * and the day must exist. Nothing here uses floating point or the C library's time zone.
 */
#ifndef SAMV_DATE_H
#define SAMV_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

typedef int32_t samv_date;

/* An absent date (a record that gives none): below every date a record can write. */
#define SAMV_NO_DATE INT32_MIN

/* The years a record can write, 0001 to 9999. Functions that compute a date saturate at
 * these bounds, so no input (a notice of two billion months) can overflow, and every date
 * they return fits the 10 characters of samv_date_format. */
#define SAMV_DATE_MIN ((samv_date)-719162) /* 0001-01-01 */
#define SAMV_DATE_MAX ((samv_date)2932896) /* 9999-12-31 */

/* Result codes of samv_date_parse and samv_time_parse. */
enum {
	SAMV_DATE_OK = 0,
	SAMV_DATE_BAD_FORMAT = -1, /* not YYYY-MM-DD (or not HH:MM) */
	SAMV_DATE_NO_SUCH_DAY = -2 /* well formed but not in the calendar (2025-02-30, 0000-01-01)
				      or not on the clock (25:00) */
};

/* s need not be NUL-terminated; exactly len bytes are read. */
int samv_date_parse(const char *s, size_t len, samv_date *out);
/* month 1-12 and a day that exists. Out-of-range arguments are clamped rather than left
 * undefined: a year outside 0001-9999 gives SAMV_DATE_MIN or SAMV_DATE_MAX, a month is held
 * to 1-12 and a day to the days of that month (2025-02-30 gives 2025-02-28). */
samv_date samv_date_from_ymd(int year, int month, int day);
void samv_date_to_ymd(samv_date d, int *year, int *month, int *day); /* any samv_date */
/* Writes "YYYY-MM-DD" and a NUL into buf, which holds at least 11 bytes. A date outside
 * SAMV_DATE_MIN..SAMV_DATE_MAX (only reachable by adding days to one) is written as the
 * nearer bound, since its year would not fit four digits. */
void samv_date_format(samv_date d, char buf[11]);
bool samv_date_valid_ymd(int year, int month, int day); /* year 1-9999 */
int samv_date_days_in_month(int year, int month); /* 0 for a month outside 1-12 */
int samv_date_weekday(samv_date d); /* 1 = Monday ... 7 = Sunday (ISO 8601) */
/* Calendar months, clamped to the month's last day: 2023-08-31 + 6 = 2024-02-29.
 * months may be negative; the result saturates at SAMV_DATE_MIN and SAMV_DATE_MAX. */
samv_date samv_date_add_months(samv_date d, int months);
/* Weekdays Monday-Friday from first to last, both included; 0 when last < first. */
int32_t samv_date_weekdays(samv_date first, samv_date last);

/* "HH:MM", 00:00 to 23:59; minutes since midnight in *out. 0 or a SAMV_DATE_ code:
 * BAD_FORMAT for another shape, NO_SUCH_DAY for an hour or minute out of range. */
int samv_time_parse(const char *s, size_t len, int *out);

/* Into a report: YYYY-MM-DD; nothing for SAMV_NO_DATE. */
void samv_date_write(samv_buf *b, samv_date d);

#endif
