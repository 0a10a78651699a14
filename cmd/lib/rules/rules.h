/*
 * rules/rules.h — running every rule over a loaded ledger. The rules, their severities
 * and their configuration are in table.h; what a family of rules is given, in rule.h.
 */
#ifndef SAMV_RULES_H
#define SAMV_RULES_H

#include "util/diag.h"
#include "ledger/ledger.h"
#include "ledger/obligations.h"
#include "ledger/records.h"
#include "rules/table.h"

/* Run every rule: the structural ones on the ledger, the others on its typed records and
 * their obligations as of cfg->today (the caller builds both once and lends them, so that
 * the reports read the very records the rules judged). Running out of memory shows as
 * diags->oom. */
void samv_rules_run(const samv_ledger *l, const samv_records *records,
		    const samv_obligations *obligations, const samv_rules_config *cfg, samv_diags *diags);

#endif
