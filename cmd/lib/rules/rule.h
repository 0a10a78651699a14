/*
 * rules/rule.h — what every family of domain rules is given, and how it reports (rule.c).
 *
 * Internal to the rules: a family gets the loaded ledger, its typed records and their
 * obligations, the configuration (today, protocol_adjust_days) and the findings list, and reports each
 * finding at a node of a record. Families never print and never read files.
 */
#ifndef SAMV_RULE_H
#define SAMV_RULE_H

#include "ledger/obligations.h"
#include "ledger/records.h"
#include "rules/table.h"

typedef struct samv_rule_ctx {
	const samv_ledger *ledger;
	const samv_records *records;
	const samv_obligations *obligations; /* of the records as of cfg->today */
	const samv_rules_config *cfg;
	samv_diags *diags;
} samv_rule_ctx;

void samv_rule_report(const samv_rule_ctx *c, const char *rule, const samv_record *rec,
		      const samv_node *at, const char *fmt, ...) SAMV_PRINTF(5, 6);
/* A related position for the finding reported last. */
void samv_rule_relate(const samv_rule_ctx *c, const samv_record *rec, const samv_node *at,
		      const char *fmt, ...) SAMV_PRINTF(4, 5);
/* "2025-03-15" for messages. */
typedef struct samv_date_text {
	char s[11];
} samv_date_text;
samv_date_text samv_rule_date(samv_date d);

#endif
