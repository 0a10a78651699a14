/*
 * rules/rule.c — how a family of rules reports a finding (see rule.h).
 */
#include "rules/rule.h"

#include <stdarg.h>
#include <stdlib.h>

void samv_rule_report(const samv_rule_ctx *c, const char *rule, const samv_record *rec,
		      const samv_node *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	samv_diags_vadd(c->diags, rule, rec->doc->path, at->line, at->col, fmt, ap);
	va_end(ap);
}

void samv_rule_relate(const samv_rule_ctx *c, const samv_record *rec, const samv_node *at,
		      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = samv_vstrprintf(fmt, ap);
	va_end(ap);
	if (!msg) {
		c->diags->oom = 1;
		return;
	}
	samv_diags_relate(c->diags, rec->doc->path, at->line, at->col, "%s", msg);
	free(msg);
}

samv_date_text samv_rule_date(samv_date d)
{
	samv_date_text t;
	samv_date_format(d, t.s);
	return t;
}
