/* report_summary.c — placeholder until the summary report is written. */
#include "report.h"

int samv_report_summary(const samv_report_ctx *c, int year, const char *by, samv_format format,
			const samv_emitter *e, char **err)
{
	(void)c, (void)year, (void)by, (void)format, (void)e;
	*err = samv_strprintf("summary: not written yet");
	return -1;
}
