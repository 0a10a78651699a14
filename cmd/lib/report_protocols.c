/* report_protocols.c — placeholder until the protocol reports are written. */
#include "report.h"

int samv_report_protocol(const samv_report_ctx *c, const char *id_or_file, samv_format format,
			 const samv_emitter *e, char **err)
{
	(void)c, (void)id_or_file, (void)format, (void)e;
	*err = samv_strprintf("protocol: not written yet");
	return -1;
}

int samv_report_actions(const samv_report_ctx *c, samv_format format, const samv_emitter *e, char **err)
{
	(void)c, (void)format, (void)e;
	*err = samv_strprintf("actions: not written yet");
	return -1;
}

int samv_report_deadlines(const samv_report_ctx *c, samv_date from, samv_date to,
			  samv_format format, const samv_emitter *e, char **err)
{
	(void)c, (void)from, (void)to, (void)format, (void)e;
	*err = samv_strprintf("deadlines: not written yet");
	return -1;
}
