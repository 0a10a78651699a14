/*
 * rules/table.h — the rule table, severities, and their configuration.
 *
 * Every rule of SPEC § 4 has an entry here with its id, default severity, a line on
 * what it checks, and for --explain why it exists and how to mend a finding. Rules append findings and
 * never print; the severity of each finding is set at the end from the rule's default, the
 * ledger's `rules:` and --rule, in that order of precedence (later wins).
 */
#ifndef SAMV_TABLE_H
#define SAMV_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/date.h"
#include "util/diag.h"
#include "ledger/ledger.h"

typedef struct samv_rule_info {
	const char *id;
	samv_severity severity; /* default */
	const char *summary; /* one line: what it checks */
	const char *source; /* the agreement section or spec part behind it */
	const char *why; /* for --explain: why the rule exists */
	const char *mend; /* for --explain: how to make it right */
} samv_rule_info;

const samv_rule_info *samv_rules_table(size_t *count);
int samv_rule_index(const char *id); /* -1 when unknown */
int samv_severity_parse(const char *s, samv_severity *out); /* "error|warning|off" */
const char *samv_severity_name(samv_severity s);

#define SAMV_RULES_MAX 40

typedef struct samv_rules_config {
	samv_severity severity[SAMV_RULES_MAX];
	samv_date today;
	int protocol_adjust_days;
} samv_rules_config;

/* Defaults, then the ledger's samv.yaml (rules:, as_of, protocol_adjust_days). Problems in
 * samv.yaml (an unknown rule id) become findings. today is the system date unless the
 * ledger fixes it; --as-of is applied by the caller afterwards. */
void samv_rules_config_init(samv_rules_config *cfg, const samv_ledger *l, samv_date system_today,
			    samv_diags *diags);
/* Apply "ID=SEVERITY" from the command line. Returns 0, or -1 with *err malloc'd. */
int samv_rules_config_override(samv_rules_config *cfg, const char *spec, char **err);

/* Set each finding's severity from cfg and drop those that are off. */
void samv_rules_apply_severity(const samv_rules_config *cfg, samv_diags *diags);

#endif
