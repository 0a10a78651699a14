/*
 * util/money.c — amounts in öre: the exact decimal reader, the two printed forms and the
 * PLO index (see money.h).
 *
 * Everything is int64 arithmetic whose bounds are checked before each step, so no text
 * and no pair of arguments can overflow; there is no floating point anywhere.
 */
#include "util/money.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int samv_money_parse(const char *s, size_t len, samv_ore *out)
{
	size_t i = 0, int_start, int_end, frac_start = 0, frac_len = 0;
	bool negative = false;
	int64_t kronor = 0, ore = 0, value;

	if (i < len && s[i] == '-') {
		negative = true;
		i++;
	}
	int_start = i;
	while (i < len && is_digit(s[i]))
		i++;
	int_end = i;
	if (int_end == int_start)
		return SAMV_MONEY_BAD_FORMAT;
	if (i < len) {
		if (s[i] != '.')
			return SAMV_MONEY_BAD_FORMAT;
		frac_start = ++i;
		while (i < len && is_digit(s[i]))
			i++;
		frac_len = i - frac_start;
		if (i != len || frac_len == 0)
			return SAMV_MONEY_BAD_FORMAT;
		/* Only now, with the whole shape right: "1.505" is a precision error, but
		 * "1.505x" is not money at all. */
		if (frac_len > 2)
			return SAMV_MONEY_TOO_PRECISE;
	}
	/* Stopping as soon as the kronor pass the bound keeps kronor * 10 + 9 far inside
	 * int64, whatever the number of digits. */
	for (i = int_start; i < int_end; i++) {
		kronor = kronor * 10 + (s[i] - '0');
		if (kronor > SAMV_MONEY_MAX / 100)
			return SAMV_MONEY_TOO_LARGE;
	}
	for (i = 0; i < 2; i++)
		ore = ore * 10 + (i < frac_len ? s[frac_start + i] - '0' : 0);
	value = kronor * 100 + ore;
	if (value > SAMV_MONEY_MAX)
		return SAMV_MONEY_TOO_LARGE;
	*out = negative ? -value : value;
	return SAMV_MONEY_OK;
}

/* Writes the amount backwards from the end of a local buffer, then copies it out. The
 * buffer is sized for the widest int64 (17 digits of kronor and 5 group spaces, a sign,
 * the decimals and the suffix), and the amount is an integer, not text, so it is bounded. */
static char *format(samv_ore amount, bool grouped, char decimal, const char *suffix)
{
	char buf[40];
	size_t p = sizeof(buf), n, suffix_len = strlen(suffix);
	/* Through uint64 so that INT64_MIN has a magnitude too. */
	uint64_t magnitude = amount < 0 ? 0 - (uint64_t)amount : (uint64_t)amount;
	uint64_t kronor = magnitude / 100, ore = magnitude % 100;
	int ndigits = 0;
	char *result;

	p -= suffix_len;
	memcpy(buf + p, suffix, suffix_len);
	buf[--p] = (char)('0' + ore % 10);
	buf[--p] = (char)('0' + ore / 10);
	buf[--p] = decimal;
	do {
		if (grouped && ndigits > 0 && ndigits % 3 == 0)
			buf[--p] = ' ';
		buf[--p] = (char)('0' + kronor % 10);
		kronor /= 10;
		ndigits++;
	} while (kronor > 0);
	if (amount < 0)
		buf[--p] = '-';
	n = sizeof(buf) - p;
	result = malloc(n + 1);
	if (!result)
		return NULL;
	memcpy(result, buf + p, n);
	result[n] = '\0';
	return result;
}

char *samv_money_format_sv(samv_ore amount)
{
	return format(amount, true, ',', " kr");
}

char *samv_money_format_plain(samv_ore amount)
{
	return format(amount, false, '.', "");
}

static int64_t magnitude(int64_t v)
{
	return v < 0 ? -v : v;
}

/*
 * a * f / 10000 with f = 10000 + percent, exactly, for any int64 pair. Writing
 * a = qa * 10000 + ra and f = qf * 10000 + rf (C's truncating division, so each quotient
 * and remainder keeps its number's sign) gives
 *	a * f / 10000 = qa * f + ra * qf + ra * rf / 10000,
 * three terms of one sign of which only the last has a fraction. Rounding the sum half
 * away from zero is therefore rounding that last term, and each term can be bounded
 * before it is added.
 */
samv_ore samv_money_apply_index(samv_ore amount, int64_t percent_hundredths)
{
	int64_t f, qa, ra, qf, rf, t1, t2, t3, q3, r3, sum;
	bool negative;

	if (amount == 0)
		return 0;
	/* f would overflow, and any amount of at least one öre grows past the bound. */
	if (percent_hundredths > INT64_MAX - 10000)
		return amount > 0 ? SAMV_MONEY_MAX : -SAMV_MONEY_MAX;
	f = 10000 + percent_hundredths;
	negative = (amount < 0) != (f < 0);
	qa = amount / 10000;
	ra = amount % 10000;
	qf = f / 10000;
	rf = f % 10000;
	/* MAX / |qa| is the largest |f| whose product with qa stays within the bound,
	 * found without forming a product that could overflow. */
	if (qa != 0 && magnitude(f) > SAMV_MONEY_MAX / magnitude(qa))
		goto saturate;
	t1 = qa * f;
	/* |ra| < 10000 and |qf| < 9.3e14, so this product itself fits in int64. */
	t2 = ra * qf;
	if (magnitude(t2) > SAMV_MONEY_MAX)
		goto saturate;
	t3 = ra * rf;
	q3 = t3 / 10000;
	r3 = t3 % 10000;
	if (r3 >= 5000)
		q3++;
	else if (r3 <= -5000)
		q3--;
	sum = t1 + t2 + q3;
	if (magnitude(sum) > SAMV_MONEY_MAX)
		goto saturate;
	return sum;
saturate:
	return negative ? -SAMV_MONEY_MAX : SAMV_MONEY_MAX;
}

void samv_money_write(samv_buf *b, samv_ore amount, bool swedish)
{
	char *sv = samv_money_format_sv(amount);
	if (!sv) {
		b->oom = true;
		return;
	}
	if (swedish) {
		samv_buf_puts(b, sv);
	} else {
		/* "1 530,00 kr" -> "SEK 1,530.00" */
		samv_buf_puts(b, "SEK ");
		for (char *p = sv; *p && strcmp(p, " kr") != 0; p++)
			samv_buf_add(b, *p == ' ' ? "," : *p == ',' ? "." : p, 1);
	}
	free(sv);
}

void samv_money_write_plain(samv_buf *b, samv_ore amount, bool swedish)
{
	char *plain = samv_money_format_plain(amount);
	if (!plain) {
		b->oom = true;
		return;
	}
	if (swedish) {
		char *dot = strchr(plain, '.');
		if (dot)
			*dot = ',';
	}
	samv_buf_puts(b, plain);
	free(plain);
}
