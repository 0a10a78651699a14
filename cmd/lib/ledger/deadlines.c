/*
 * ledger/deadlines.c — § 4.2, § 4.6 and § 8 deadlines as dates (see deadlines.h).
 */
#include "ledger/deadlines.h"

samv_date samv_deadline_notice(int year, bool autumn)
{
	return autumn ? samv_date_from_ymd(year, 3, 15) : samv_date_from_ymd(year - 1, 9, 15);
}

samv_date samv_deadline_offer(int year, bool autumn)
{
	return autumn ? samv_date_from_ymd(year, 5, 15) : samv_date_from_ymd(year - 1, 11, 15);
}

samv_date samv_deadline_invoice(int year, bool autumn, samv_date latest_end)
{
	samv_date term = autumn ? samv_date_from_ymd(year, 12, 15) : samv_date_from_ymd(year, 6, 15);
	if (latest_end == SAMV_NO_DATE || latest_end <= term)
		return term;
	int y, m, d;
	samv_date_to_ymd(latest_end, &y, &m, &d);
	return m == 12 ? samv_date_from_ymd(y + 1, 1, 15) : samv_date_from_ymd(y, m + 1, 15);
}

samv_date samv_deadline_follow_up(int year)
{
	return samv_date_from_ymd(year + 1, 3, 31);
}
