/* report_site.c — placeholder until the site is written. */
#include "report.h"

int samv_report_site(const samv_report_ctx *c, const samv_emitter *e, char **err)
{
	(void)c, (void)e;
	*err = samv_strprintf("site: not written yet");
	return -1;
}
