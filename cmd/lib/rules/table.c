/*
 * rules/table.c — the rule table of SPEC § 4 and the severity each rule is given (table.h).
 */
#include "rules/table.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

/* The texts are marked for translation and translated where they are printed; ids and
 * sources stay as they are, but for the sources that are words. */
static const samv_rule_info table[] = {
	/* TRANSLATORS: the rule table: for each rule a line on what it checks (samv-check
	   --list-rules prints it, --explain says "Checks: ..."), why the rule exists and how to
	   mend a finding (--explain). Field names in backticks stay as they are. */
	{ "yaml", SAMV_SEV_ERROR, N_("not parseable; duplicate key; tag; alias; not UTF-8; more than one document"), "SPEC 2.1",
	  N_("Every tool must read a record the same way; libyaml alone would let a duplicate key silently replace a value, and aliases can blow up memory."),
	  N_("Fix the file at the position shown: remove the duplicate key, tag, anchor or second document, save as UTF-8.") },
	{ "schema", SAMV_SEV_ERROR, N_("the record does not match its kind's schema (types, required, enums, patterns, no unknown keys)"), "schema/",
	  N_("schema/ is the one contract that samv-check and editors share: a field with the wrong name or type is not read at all."),
	  N_("Follow the message: add the missing field, correct the spelling or the value; editors with the YAML language server show the same schema as you type.") },
	{ "date", SAMV_SEV_ERROR, N_("a date or time that does not exist; `end` before `start`"), "SPEC 2.1",
	  N_("A day that is not in the calendar, or a period that ends before it starts, makes every deadline and amount built on it wrong."),
	  N_("Correct the date (YYYY-MM-DD) or time (HH:MM).") },
	{ "ref", SAMV_SEV_ERROR, N_("a reference to a party, unit, person, agreement, rates, body, member or placement that does not exist, or of the wrong type"), "SPEC 3.9",
	  N_("Records point at each other by id; a reference to nothing, or to a party of the wrong type, breaks invoices and follow-up (SPEC 3.9)."),
	  N_("Correct the id to one that exists (see the related position), or add the missing record.") },
	{ "duplicate-id", SAMV_SEV_ERROR, N_("two records of a kind, two units/people of a party, two placements of a term with one id"), "SPEC 2",
	  N_("An id must name one thing, or a reference would silently pick one of two."),
	  N_("Rename one of them, or remove the copy; the first definition is shown as related.") },
	{ "org-number", SAMV_SEV_ERROR, N_("organisationsnummer fails its check digit"), "SPEC 3.3",
	  N_("Invoices and e-invoices carry the organisation number; a wrong one is rejected by the receiver (agreement 3.3, Bilaga 2)."),
	  N_("Copy the number again from the register (allabolag, Bolagsverket); the last digit is a Luhn check digit.") },
	{ "giro", SAMV_SEV_ERROR, N_("bankgiro or plusgiro fails its check digit"), "SPEC 3.3",
	  N_("The university pays to the bankgiro or plusgiro on the invoice; a mistyped number sends money astray (agreement 4.6, Bilaga 2)."),
	  N_("Copy the number again from the unit's invoice template; the last digit is a Luhn check digit.") },
	{ "rate-missing", SAMV_SEV_ERROR, N_("a placement day falls in a year that the agreement's rates do not cover"), "§ 4.6",
	  N_("Each placement day is paid at its calendar year's amount, indexed every 1 January (agreement 4.6); a year without an amount cannot be invoiced, and samv never guesses a zero."),
	  N_("Add the year under `years` in the rates record, with its `amount` or PLO `index`.") },
	{ "placement-days", SAMV_SEV_ERROR, N_("`days` larger than the weekdays from start to end, or not positive"), "§ 4.6",
	  N_("`days` pays fewer days than the weekdays from start to end (agreement 4.6: a day is 1/5 of a week); more days than that, or none, is a typing error."),
	  N_("Correct `days`, or remove it to pay every weekday from start to end.") },
	{ "placement-scope", SAMV_SEV_ERROR, N_("a placement's unit and program are not in its agreement's scope, or a place's or placement's specialization is not one the scope lists for them (or is left out where it lists several)"), "§ 4.1",
	  N_("The agreement lists the units and programmes it covers (agreement 4.1), with their specializations; a placement outside it is outside the agreement."),
	  N_("Add the unit and programme to the agreement's `scope`, or correct the placement's unit or program. A `specialization` must be one the scope lists for them; it may be left out where the scope lists one.") },
	{ "placement-status", SAMV_SEV_WARNING, N_("a placement whose `end` has passed while it is still `planned` or `confirmed`, or that is `completed` while its `end` is still to come"), "§ 4.6",
	  N_("What became of a placement decides whether it is invoiced (agreement 4.6): one still planned or confirmed after its end is neither billed nor reported as missing, so its status must say whether it was completed, withdrawn or cancelled."),
	  N_("Set `status` to completed, withdrawn (with `withdrawn:`) or cancelled as it went; a completed placement whose end is still to come is planned or confirmed until then.") },
	{ "placement-term", SAMV_SEV_WARNING, N_("a placement lies outside its term (VT 1 Jan-30 Jun, HT 1 Jul-31 Jan next year)"), "SPEC 3.6",
	  N_("A term runs 1 January-30 June (VT) or 1 July-31 January (HT); a placement outside its term file's term is likely in the wrong file."),
	  N_("Move the placement to the term file it belongs to, or correct its dates.") },
	{ "student-overlap", SAMV_SEV_ERROR, N_("one student in two placements on the same day"), "SPEC 4",
	  N_("One student cannot be in two placements on the same day; it is usually a copied line."),
	  N_("Correct the dates, or remove the duplicate placement; the other placement is shown as related.") },
	{ "invoice-total", SAMV_SEV_ERROR, N_("an invoice's stated total differs from the compensation computed from its placements"), "§ 4.6",
	  N_("The invoice must state the compensation the agreement gives (agreement 4.6): each day at 1/5 of its year's weekly amount, rounded to the öre once per placement."),
	  N_("Correct `total` to the computed figure, or correct the placements it lists.") },
	{ "invoice-twice", SAMV_SEV_ERROR, N_("a placement on two invoices"), "§ 4.6",
	  N_("A placement is invoiced once (agreement 4.6)."),
	  N_("Remove the placement from the later invoice; the first invoice is shown as related.") },
	{ "invoice-due", SAMV_SEV_ERROR, N_("`due` is not `issued` + 30 days"), "§ 4.6",
	  N_("Payment terms are 30 days (agreement 4.6)."),
	  N_("Set `due` to `issued` + 30 days.") },
	{ "invoice-late", SAMV_SEV_WARNING, N_("issued after the invoicing deadline (15 June for VT, 15 December for HT, or the 15th of the month after a later placement end)"), "§ 4.6",
	  N_("Invoicing is per term, by 15 June (VT) and 15 December (HT) (agreement 4.6); a placement ending later is invoiced by the 15th of the month after."),
	  N_("Nothing to mend in the record: it is a fact. Invoice on time next term, or turn the rule off in samv.yaml if the parties agreed otherwise.") },
	{ "invoice-missing", SAMV_SEV_WARNING, N_("a completed placement not on any invoice after its invoicing deadline"), "§ 4.6",
	  N_("Every completed placement is to be invoiced by the invoicing deadline (agreement 4.6); a forgotten one is money the unit never gets."),
	  N_("Send the invoice and record it under invoices/.") },
	{ "payment-overdue", SAMV_SEV_WARNING, N_("not paid and `due` is before today"), "§ 4.6",
	  N_("Invoices are paid within 30 days (agreement 4.6)."),
	  N_("Record `paid:` when the payment arrives, or remind the university.") },
	{ "notice-late", SAMV_SEV_WARNING, N_("`university_notice` after 15 March (HT) / 15 September of the year before (VT)"), "§ 4.2",
	  N_("The university announces the VFU periods by 15 March for HT and 15 September the year before for VT (agreement 4.2)."),
	  N_("A fact, not a typo: mend nothing, or correct `university_notice` if the date is wrong.") },
	{ "offer-late", SAMV_SEV_WARNING, N_("`offer.date` after 15 May (HT) / 15 November of the year before (VT)"), "§ 4.2",
	  N_("The municipality answers with the places it can offer by 15 May for HT and 15 November the year before for VT (agreement 4.2)."),
	  N_("A fact, not a typo: mend nothing, or correct `offer.date` if it is wrong.") },
	{ "notice-missing", SAMV_SEV_WARNING, N_("a term whose notice or offer deadline has passed with none recorded"), "§ 4.2",
	  N_("Both the notice and the offer are due for every term the agreement is in force (agreement 4.2), term file or not."),
	  N_("Record `university_notice` and `offer` in the term file (create terms/TERM/AGREEMENT.yaml if there is none).") },
	{ "withdrawal-late", SAMV_SEV_WARNING, N_("a placement withdrawn by the municipality less than 4 weeks (28 days) before its first day"), "§ 4.2",
	  N_("A municipality that withdraws a place does so at least four weeks before the placement starts (agreement 4.2)."),
	  N_("A fact: mend nothing, or correct `withdrawn.date` if it is wrong.") },
	{ "capacity", SAMV_SEV_WARNING, N_("placements of a unit and program in a calendar year exceed `students_per_year`, or a term's offer"), "§ 4.1",
	  N_("The agreement fixes students per year for each unit and programme, and the term's offer the places (agreement 4.1, 4.2); the seeds say a fixed number is hard to promise, so this is a warning."),
	  N_("Raise `students_per_year` or the offer if the parties agreed to more, or move a placement.") },
	{ "plan-missing", SAMV_SEV_WARNING, N_("no yearly plan recorded for a year in which the agreement was in force, once that year has begun"), "§ 4.2",
	  N_("The parties agree each year on a plan for the number and distribution of placements (agreement 4.2)."),
	  N_("Add `{year: Y, agreed: DATE}` under the agreement's `plans`.") },
	{ "contacts", SAMV_SEV_ERROR, N_("a unit in scope with no contact person; no university contact"), "§ 7",
	  N_("Each party names contact persons for placements, one per unit in scope (agreement 7)."),
	  N_("Add the people under `contacts: university` and `contacts: units`.") },
	{ "supervisor-training", SAMV_SEV_WARNING, N_("a supervisor without web-intro (or hp-7.5) completed before the placement starts"), "§ 4.4",
	  N_("Supervisors are to have the web introduction or the 7.5-credit course before the student arrives (agreement 4.4)."),
	  N_("Record the completed course under the person's `supervisor_training`, or choose a trained supervisor.") },
	{ "lead-supervisor", SAMV_SEV_ERROR, N_("a lead supervisor without hp-7.5 completed before the placement starts"), "§ 4.4",
	  N_("A lead supervisor has the 7.5-credit supervision course (agreement 4.4)."),
	  N_("Record the person's hp-7.5 course, or make a trained supervisor the lead.") },
	{ "notice-period", SAMV_SEV_ERROR, N_("termination or withdrawal `effective` less than `notice_months` after `notified`"), N_("§ 9, intent"),
	  N_("Termination of an agreement and withdrawal from the declaration of intent take notice_months (6) of notice (agreement 9, intent)."),
	  N_("Correct `effective` to at least `notified` + notice_months.") },
	{ "follow-up", SAMV_SEV_WARNING, N_("no follow-up recorded for a year in which the agreement was in force, after 31 March of the next year"), "§ 8",
	  N_("The parties follow up each year's collaboration (agreement 8), by the end of March of the next year."),
	  N_("Add `{year: Y, date: DATE, initiated_by: PARTY}` under `follow_ups`.") },
	{ "protocol-roles", SAMV_SEV_ERROR, N_("no chair, no secretary or no adjuster; an adjuster who is the secretary or not present"), N_("seed 004"),
	  N_("A protocol is kept by a secretary and checked by an adjuster (justerare) other than the secretary, who was at the meeting (seed 004)."),
	  N_("Name the chair, secretary and adjusters among the members present.") },
	{ "protocol-adjusted", SAMV_SEV_WARNING, N_("adjusted more than `protocol_adjust_days` after the meeting, or not yet adjusted after that"), N_("seed 004"),
	  N_("A protocol is adjusted soon after the meeting (within protocol_adjust_days, 14 by default), so decisions can be acted on."),
	  N_("Record `adjusted:`; a late adjustment is a fact and stays a warning.") },
	{ "protocol-attendance", SAMV_SEV_WARNING, N_("someone both present and absent; a member neither present nor absent; present who is not a member"), N_("seed 004"),
	  N_("A protocol records who was present and absent (seed 004); guests go under others_present."),
	  N_("List every member once, as present or absent; move non-members to `others_present`.") },
	{ "protocol-items", SAMV_SEV_ERROR, N_("items not numbered 1, 2, 3 ... in order; an action without `who`"), N_("seed 004"),
	  N_("Items are numbered 1, 2, 3 in order, and an action point says who does it (seed 004)."),
	  N_("Renumber the items; give each action a `who`.") },
	{ "next-meeting", SAMV_SEV_WARNING, N_("next meeting not after this one"), N_("seed 004"),
	  N_("The next meeting comes after this one."),
	  N_("Correct `next_meeting.date`.") },
	{ "body-meetings", SAMV_SEV_WARNING, N_("a body met fewer times in a finished calendar year than `meets_per_year`"), N_("intent"),
	  N_("The steering group meets at least once a year (intent); a body meets as often as `meets_per_year` says."),
	  N_("Record the missing protocols, or correct `meets_per_year`.") },
	{ "body-composition", SAMV_SEV_WARNING, N_("members on a protocol's date or on today do not match `composition`"), N_("intent"),
	  N_("The steering group has four representatives of the universities and four of the municipalities (intent)."),
	  N_("Correct the members' `from`/`to`, or `composition`.") },
	{ "personal-number", SAMV_SEV_ERROR, N_("something that looks like a Swedish personal identity number anywhere in a record file, comments included"), "GDPR",
	  N_("A personal identity number is sensitive personal data (GDPR); git keeps every committed version forever, and reports are published."),
	  N_("Remove it: a student is named, never numbered. If it was committed, the history must be rewritten.") },
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

/* Said when samv.yaml or --rule would make the yaml rule less than an error. */
static const char *yaml_always_error(void)
{
	/* TRANSLATORS: yaml is a rule id and error its severity, as samv.yaml and --rule
	   write them: both stay as they are. */
	return _("rule yaml is always an error: a file it reports was not read at all");
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
	if (days && days->kind == SAMV_NODE_INT && samv_node_int(days) >= 0 && samv_node_int(days) <= 3650)
		cfg->protocol_adjust_days = (int)samv_node_int(days);
	const samv_node *rules = samv_node_get(root, "rules");
	if (!rules || rules->kind != SAMV_NODE_MAP)
		return;
	for (size_t i = 0; i < samv_node_count(rules); i++) {
		const samv_pair *p = &rules->c.pairs[i];
		int r = samv_rule_index(p->key.text);
		samv_severity sev;
		if (r < 0)
			samv_diags_add(diags, "schema", path, p->key.line, p->key.col,
				       /* TRANSLATORS: a rule id as samv.yaml's `rules` names it. */
				       _("unknown rule '%s' in `rules` (samv-check --list-rules lists them)"),
				       p->key.text);
		else if (r == samv_rule_index("yaml") && samv_node_str(&p->value) &&
			 strcmp(p->value.text, "error") != 0)
			samv_diags_add(diags, "schema", path, p->value.line, p->value.col, "%s", yaml_always_error());
		else if (samv_node_str(&p->value) && samv_severity_parse(p->value.text, &sev) == 0)
			cfg->severity[r] = sev;
	}
}

int samv_rules_config_override(samv_rules_config *cfg, const char *spec, char **err)
{
	const char *eq = strchr(spec, '=');
	samv_severity sev;
	if (!eq) {
		/* TRANSLATORS: what --rule was given; ID=SEVERITY and the example stay as they are. */
		*err = samv_strprintf(_("--rule takes ID=SEVERITY, e.g. --rule capacity=off (got '%s')"), spec);
		return -1;
	}
	char *id = samv_strprintf("%.*s", (int)(eq - spec), spec);
	int r = id ? samv_rule_index(id) : -1;
	if (r < 0) {
		/* TRANSLATORS: a rule id as --rule names it. */
		*err = samv_strprintf(_("unknown rule '%s' (samv-check --list-rules lists them)"), id ? id : spec);
		free(id);
		return -1;
	}
	free(id);
	if (samv_severity_parse(eq + 1, &sev)) {
		/* TRANSLATORS: error, warning and off are the values --rule takes: they stay as
		   they are; then what --rule was given. */
		*err = samv_strprintf(_("severity must be error, warning or off (got '%s')"), eq + 1);
		return -1;
	}
	if (r == samv_rule_index("yaml") && sev != SAMV_SEV_ERROR) {
		*err = samv_strprintf("%s", yaml_always_error());
		return -1;
	}
	cfg->severity[r] = sev;
	return 0;
}

void samv_rules_apply_severity(const samv_rules_config *cfg, samv_diags *diags)
{
	size_t kept = 0;
	for (size_t i = 0; i < diags->count; i++) {
		samv_finding *f = &diags->items[i];
		int r = samv_rule_index(f->rule);
		f->severity = r < 0 ? SAMV_SEV_ERROR : cfg->severity[r];
		if (f->severity == SAMV_SEV_OFF) {
			samv_finding_clear(f);
			continue;
		}
		diags->items[kept++] = *f;
	}
	diags->count = kept;
}
