/*
 * ledger/ident.h — Swedish check-digit numbers: organisation numbers, bankgiro, plusgiro and
 * personal identity numbers, plus the slug form of samv ids.
 *
 * Each check takes text as written in a record and answers with a code, so that the rules
 * can say exactly what is wrong ("check digit should be 3"). All of them use the Luhn
 * (mod 10) algorithm that Skatteverket and Bankgirot use.
 */
#ifndef SAMV_IDENT_H
#define SAMV_IDENT_H

#include <stdbool.h>
#include <stddef.h>

enum {
	SAMV_IDENT_OK = 0,
	SAMV_IDENT_BAD_FORMAT = -1,
	SAMV_IDENT_BAD_CHECK = -2
};

/* The Luhn check digit (0-9) that completes digits[0..n): every second digit is doubled,
 * starting from the rightmost (the one just before the check digit), as Skatteverket and
 * Bankgirot do for bodies of any length. Anything but '0'-'9' is skipped, so a separator
 * may stay in place ("202100-297" gives 3). */
int samv_luhn_check_digit(const char *digits, size_t n);
/* The last of n >= 2 characters is a digit that checks the others. */
bool samv_luhn_valid(const char *digits, size_t n);

/* Each check reads exactly len bytes (no NUL needed) and returns a SAMV_IDENT_ code:
 * BAD_FORMAT unless the shape is exactly right (no surrounding spaces), BAD_CHECK when
 * the last digit is wrong, and then *expected (if non-NULL) gets the digit that would be
 * right. The Luhn check covers every digit of the number. */

/* Organisationsnummer "NNNNNN-NNNN". */
int samv_org_number_check(const char *s, size_t len, int *expected);
/* Bankgiro "NNN-NNNN" or "NNNN-NNNN". */
int samv_bankgiro_check(const char *s, size_t len, int *expected);
/* Plusgiro: 2 to 8 digits with one hyphen before the check digit ("4711642-1"), or grouped
 * as printed, in pairs from the right with single spaces ("47 11 64-4", "1 23 45-6"). */
int samv_plusgiro_check(const char *s, size_t len, int *expected);
/* Digits only, as UBL writes a giro account: "5050-1055" -> "50501055". dst holds len+1. */
void samv_giro_digits(const char *s, size_t len, char *dst);

/* Slug ids: [a-z0-9][a-z0-9-]* */
bool samv_slug_valid(const char *s, size_t len);

/* Find something that looks like a Swedish personal identity number in text:
 * YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC or YYYYMMDD-NNNC, with a real date
 * (either century for YY; day + 60 for samordningsnummer; a month of 20 or more is an
 * organisation number, not a person), a Luhn check digit over the last ten digits, and no
 * digit right before or after it. Returns the offset of the first match that starts at or
 * after from and sets *match_len, or returns -1. Linear in len; reads no byte past len.
 * To find them all, call again with from = offset + *match_len. */
long samv_personal_number_find(const char *text, size_t len, size_t from, size_t *match_len);

#endif
