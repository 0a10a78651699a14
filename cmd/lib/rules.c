/*
 * rules.c — the rule table of SPEC § 4, severity configuration, and the rule runner.
 */
#include "rules.h"
#include "rule.h"

#include <stdarg.h>

#include <stdlib.h>
#include <string.h>

static const samv_rule_info table[] = {
	{ "yaml", SAMV_SEV_ERROR, "not parseable; duplicate key; tag; alias; not UTF-8; more than one document", "SPEC 2.1", true },
	{ "schema", SAMV_SEV_ERROR, "the record does not match its kind's schema (types, required, enums, patterns, no unknown keys)", "schema/", true },
	{ "date", SAMV_SEV_ERROR, "a date or time that does not exist; `end` before `start`", "SPEC 2.1", true },
	{ "ref", SAMV_SEV_ERROR, "a reference to a party, unit, person, agreement, rates, body, member or placement that does not exist, or of the wrong type", "SPEC 3.9", true },
	{ "duplicate-id", SAMV_SEV_ERROR, "two records of a kind, two units/people of a party, two placements of a term with one id", "SPEC 2", true },
	{ "org-number", SAMV_SEV_ERROR, "organisationsnummer fails its check digit", "SPEC 3.3", true },
	{ "giro", SAMV_SEV_ERROR, "bankgiro or plusgiro fails its check digit", "SPEC 3.3", true },
	{ "rate-missing", SAMV_SEV_ERROR, "a placement day falls in a year that the agreement's rates do not cover", "§ 4.6", true },
	{ "placement-days", SAMV_SEV_ERROR, "`days` larger than the weekdays from start to end, or not positive", "§ 4.6", true },
	{ "placement-scope", SAMV_SEV_ERROR, "a placement's unit and program are not in its agreement's scope", "§ 4.1", true },
	{ "placement-term", SAMV_SEV_WARNING, "a placement lies outside its term (VT 1 Jan-30 Jun, HT 1 Jul-31 Jan next year)", "SPEC 3.6", true },
	{ "student-overlap", SAMV_SEV_ERROR, "one student in two placements on the same day", "SPEC 4", true },
	{ "invoice-total", SAMV_SEV_ERROR, "an invoice's stated total differs from the compensation computed from its placements", "§ 4.6", true },
	{ "invoice-twice", SAMV_SEV_ERROR, "a placement on two invoices", "§ 4.6", true },
	{ "invoice-due", SAMV_SEV_ERROR, "`due` is not `issued` + 30 days", "§ 4.6", true },
	{ "invoice-late", SAMV_SEV_WARNING, "issued after the invoicing deadline (15 June for VT, 15 December for HT, or the 15th of the month after a later placement end)", "§ 4.6", true },
	{ "invoice-missing", SAMV_SEV_WARNING, "a completed placement not on any invoice after its invoicing deadline", "§ 4.6", true },
	{ "payment-overdue", SAMV_SEV_WARNING, "not paid and `due` is before today", "§ 4.6", true },
	{ "notice-late", SAMV_SEV_WARNING, "`university_notice` after 15 March (HT) / 15 September of the year before (VT)", "§ 4.2", true },
	{ "offer-late", SAMV_SEV_WARNING, "`offer.date` after 15 May (HT) / 15 November of the year before (VT)", "§ 4.2", true },
	{ "notice-missing", SAMV_SEV_WARNING, "a term whose notice or offer deadline has passed with none recorded", "§ 4.2", true },
	{ "withdrawal-late", SAMV_SEV_WARNING, "a placement withdrawn by the municipality less than 4 weeks (28 days) before its first day", "§ 4.2", true },
	{ "capacity", SAMV_SEV_WARNING, "placements of a unit and program in a calendar year exceed `students_per_year`, or a term's offer", "§ 4.1", true },
	{ "plan-missing", SAMV_SEV_WARNING, "no yearly plan recorded for a year in which the agreement was in force, once that year has begun", "§ 4.2", true },
	{ "contacts", SAMV_SEV_ERROR, "a unit in scope with no contact person; no university contact", "§ 7", true },
	{ "supervisor-training", SAMV_SEV_WARNING, "a supervisor without web-intro (or hp-7.5) completed before the placement starts", "§ 4.4", true },
	{ "lead-supervisor", SAMV_SEV_ERROR, "a lead supervisor without hp-7.5 completed before the placement starts", "§ 4.4", true },
	{ "notice-period", SAMV_SEV_ERROR, "termination or withdrawal `effective` less than `notice_months` after `notified`", "§ 9, intent", true },
	{ "follow-up", SAMV_SEV_WARNING, "no follow-up recorded for a year in which the agreement was in force, after 31 March of the next year", "§ 8", true },
	{ "protocol-roles", SAMV_SEV_ERROR, "no chair, no secretary or no adjuster; an adjuster who is the secretary or not present", "seed 004", true },
	{ "protocol-adjusted", SAMV_SEV_WARNING, "adjusted more than `protocol_adjust_days` after the meeting, or not yet adjusted after that", "seed 004", true },
	{ "protocol-attendance", SAMV_SEV_WARNING, "someone both present and absent; a member neither present nor absent; present who is not a member", "seed 004", true },
	{ "protocol-items", SAMV_SEV_ERROR, "items not numbered 1, 2, 3 ... in order; an action without `who`", "seed 004", true },
	{ "next-meeting", SAMV_SEV_WARNING, "next meeting not after this one", "seed 004", true },
	{ "body-meetings", SAMV_SEV_WARNING, "a body met fewer times in a finished calendar year than `meets_per_year`", "intent", true },
	{ "body-composition", SAMV_SEV_WARNING, "members on a protocol's date or on today do not match `composition`", "intent", true },
	{ "personal-number", SAMV_SEV_ERROR, "something that looks like a Swedish personal identity number anywhere in a record file, comments included", "GDPR", true },
};

#define NRULES (sizeof table / sizeof table[0])
_Static_assert(NRULES <= SAMV_RULES_MAX, "SAMV_RULES_MAX too small");

const samv_rule_info *samv_rules_table(size_t *count)
{
	*count = NRULES;
	return table;
}

int samv_rule_index(const char *id)
{
	for (size_t i = 0; i < NRULES; i++)
		if (strcmp(table[i].id, id) == 0)
			return (int)i;
	return -1;
}

int samv_severity_parse(const char *s, samv_severity *out)
{
	static const char *const names[] = { "off", "warning", "error" };
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (samv_severity)i;
			return 0;
		}
	return -1;
}

const char *samv_severity_name(samv_severity s)
{
	return s == SAMV_SEV_ERROR ? "error" : s == SAMV_SEV_WARNING ? "warning" : "off";
}

void samv_rules_config_init(samv_rules_config *cfg, const samv_ledger *l, samv_date system_today,
			    samv_diags *diags)
{
	memset(cfg, 0, sizeof *cfg);
	for (size_t i = 0; i < NRULES; i++)
		cfg->severity[i] = table[i].severity;
	cfg->today = system_today;
	cfg->protocol_adjust_days = 14;
	if (!l->config)
		return;
	const samv_node *root = l->config->root;
	const char *path = l->config->doc->path;
	samv_date as_of;
	if (samv_field_date(root, "as_of", &as_of))
		cfg->today = as_of;
	const samv_node *days = samv_node_get(root, "protocol_adjust_days");
	if (days && days->kind == SAMV_NODE_INT && days->num.i >= 0 && days->num.i <= 3650)
		cfg->protocol_adjust_days = (int)days->num.i;
	const samv_node *rules = samv_node_get(root, "rules");
	if (!rules || rules->kind != SAMV_NODE_MAP)
		return;
	for (size_t i = 0; i < rules->count; i++) {
		const samv_pair *p = &rules->c.pairs[i];
		int r = samv_rule_index(p->key->text);
		samv_severity sev;
		if (r < 0)
			samv_diags_add(diags, "schema", path, p->key->line, p->key->col,
				       "unknown rule '%s' in `rules` (samv-check --list-rules lists them)",
				       p->key->text);
		else if (samv_node_str(p->value) && samv_severity_parse(p->value->text, &sev) == 0)
			cfg->severity[r] = sev;
	}
}

int samv_rules_config_override(samv_rules_config *cfg, const char *spec, char **err)
{
	const char *eq = strchr(spec, '=');
	samv_severity sev;
	if (!eq) {
		*err = samv_strprintf("--rule takes ID=SEVERITY, e.g. --rule capacity=off (got '%s')", spec);
		return -1;
	}
	char *id = samv_strprintf("%.*s", (int)(eq - spec), spec);
	int r = id ? samv_rule_index(id) : -1;
	if (r < 0) {
		*err = samv_strprintf("unknown rule '%s' (samv-check --list-rules lists them)", id ? id : spec);
		free(id);
		return -1;
	}
	free(id);
	if (samv_severity_parse(eq + 1, &sev)) {
		*err = samv_strprintf("severity must be error, warning or off (got '%s')", eq + 1);
		return -1;
	}
	cfg->severity[r] = sev;
	return 0;
}

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

const samv_node *samv_rule_at(const samv_node *map, const char *key)
{
	samv_pair *p = samv_node_get_pair(map, key);
	return p ? p->value : map;
}

const samv_node *samv_rule_key_or_id(const samv_record *rec, const char *key)
{
	samv_pair *p = samv_node_get_pair(rec->root, key);
	return p ? p->key : rec->id_node;
}

samv_date_text samv_rule_date(samv_date d)
{
	samv_date_text t;
	samv_date_format(d, t.s);
	return t;
}

int samv_rules_run(const samv_ledger *l, const samv_rules_config *cfg, samv_diags *diags)
{
	samv_rules_structure(l, diags);
	samv_records *records;
	if (samv_records_build(&records, l))
		return -1;
	samv_rule_ctx c = { l, records, cfg, diags };
	samv_rules_terms(&c);
	samv_rules_invoices(&c);
	samv_rules_agreements(&c);
	samv_rules_protocols(&c);
	samv_records_free(records);
	return 0;
}

void samv_rules_apply_severity(const samv_rules_config *cfg, samv_diags *diags)
{
	size_t kept = 0;
	for (size_t i = 0; i < diags->count; i++) {
		samv_finding *f = &diags->items[i];
		int r = samv_rule_index(f->rule);
		f->severity = r < 0 ? SAMV_SEV_ERROR : cfg->severity[r];
		/* yaml findings mean a file was not read at all: they cannot be turned off. */
		if (strcmp(f->rule, "yaml") == 0)
			f->severity = SAMV_SEV_ERROR;
		if (f->severity == SAMV_SEV_OFF) {
			samv_finding_clear(f);
			continue;
		}
		diags->items[kept++] = *f;
	}
	diags->count = kept;
}
