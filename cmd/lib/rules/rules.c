/*
 * rules/rules.c — the rule runner: the structural rules on the loaded ledger, then each
 * family of domain rules on its typed records (see rules.h).
 */
#include "rules/rules.h"

#include "rules/families.h"

void samv_rules_run(const samv_ledger *l, const samv_records *records,
		    const samv_obligations *obligations, const samv_rules_config *cfg, samv_diags *diags)
{
	samv_rules_structure(l, diags);
	samv_rule_ctx c = { l, records, obligations, cfg, diags };
	samv_rules_terms(&c);
	samv_rules_invoices(&c);
	samv_rules_agreements(&c);
	samv_rules_protocols(&c);
	samv_rules_deadlines(&c);
}
