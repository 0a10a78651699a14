/*
 * ledger/term.c — term names and the days a term spans (see term.h).
 */
#include "ledger/term.h"

#include <string.h>

bool samv_term_parse(const char *term, int *year, bool *autumn)
{
	if (!term || strlen(term) != 7 || term[4] != '-')
		return false;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (term[i] < '0' || term[i] > '9')
			return false;
		y = y * 10 + (term[i] - '0');
	}
	if (strcmp(term + 5, "VT") != 0 && strcmp(term + 5, "HT") != 0)
		return false;
	*year = y;
	*autumn = term[5] == 'H';
	return true;
}

samv_date samv_term_first_day(int year, bool autumn)
{
	return samv_date_from_ymd(year, autumn ? 7 : 1, 1);
}

samv_date samv_term_last_day(int year, bool autumn)
{
	return autumn ? samv_date_from_ymd(year + 1, 1, 31) : samv_date_from_ymd(year, 6, 30);
}
