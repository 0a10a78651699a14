/*
 * util/money.h — amounts of money as integer öre, read exactly from decimal text.
 *
 * "1530", "1530.5", "1530.50" and the YAML number 1530 all become 153000 öre; there is no
 * floating point anywhere on the way. More than two decimals is an error, not a rounding.
 * The same reader takes the PLO index percentages (hundredths of a percent).
 */
#ifndef SAMV_MONEY_H
#define SAMV_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

typedef int64_t samv_ore;

/* Bounds keep every sum of a national ledger far from int64 overflow. */
#define SAMV_MONEY_MAX ((samv_ore)100000000000000) /* 1e12 kr in öre */

enum {
	SAMV_MONEY_OK = 0,
	SAMV_MONEY_BAD_FORMAT = -1, /* not [-]digits[.d[d]] */
	SAMV_MONEY_TOO_PRECISE = -2, /* three or more decimals */
	SAMV_MONEY_TOO_LARGE = -3
};

/* Parse "[-]D+[.D{1,2}]" (no sign '+', no spaces, no exponent) into hundredths; leading
 * zeros are allowed ("0100" is 100). s need not be NUL-terminated. A wrong shape is
 * BAD_FORMAT; a right shape with three or more decimals is TOO_PRECISE; a value beyond
 * SAMV_MONEY_MAX either way is TOO_LARGE (found without overflow, however many digits).
 * *out is written only on SAMV_MONEY_OK. */
int samv_money_parse(const char *s, size_t len, samv_ore *out);

/* Swedish form: "1 530,00 kr", "-12 345 678,90 kr" (thousands grouped with a plain ASCII
 * space, decimal comma). Any int64 is written correctly. The caller frees the result;
 * NULL when out of memory. */
char *samv_money_format_sv(samv_ore amount);
/* Plain form for machines: "1530.00", "-0.05". The caller frees it; NULL when out of memory. */
char *samv_money_format_plain(samv_ore amount);

/* The yearly PLO index applied to the previous year's amount: returns the NEW amount,
 * a * (100% + percent), that is a * (10000 + percent_hundredths) / 10000 rounded half up
 * (away from zero) to the öre. 1530,00 kr with index 2.30 (230) gives 1565,19 kr; a negative
 * index lowers the amount. The result is held to -SAMV_MONEY_MAX..SAMV_MONEY_MAX, which no
 * real index reaches, so that no pair of arguments can overflow. */
samv_ore samv_money_apply_index(samv_ore amount, int64_t percent_hundredths);

/* Into a report: "1 530,00 kr" (sv) or "SEK 1,530.00" (en). */
void samv_money_write(samv_buf *b, samv_ore amount, bool swedish);
/* "1530,00" (sv, decimal comma, no grouping: for CSV) or "1530.00". */
void samv_money_write_plain(samv_buf *b, samv_ore amount, bool swedish);

#endif
