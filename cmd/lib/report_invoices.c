/* report_invoices.c — placeholder until the invoice reports are written. */
#include "report.h"

int samv_report_invoices(const samv_report_ctx *c, const char *term, const char *unit,
			 samv_format format, const samv_emitter *e, char **err)
{
	(void)c, (void)term, (void)unit, (void)format, (void)e;
	*err = samv_strprintf("invoices: not written yet");
	return -1;
}
