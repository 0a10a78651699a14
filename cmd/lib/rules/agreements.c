/*
 * rules/agreements.c — rules about agreements: contacts (§ 7). Their deadlines (plan-missing,
 * follow-up, notice-period) are in rules/deadlines.c.
 */
#include <string.h>

#include "ledger/deadlines.h"
#include "util/i18n.h"
#include "rules/families.h"

static void contacts(const samv_rule_ctx *c, const samv_agreement *a)
{
	const samv_node *at = samv_record_key_or_id(a->rec, "contacts");
	if (!a->university_contacts || samv_node_count(a->university_contacts) == 0)
		samv_rule_report(c, "contacts", a->rec, at,
				 /* TRANSLATORS: an agreement's id; the YAML after "add" is kept as it is. */
				 _("agreement '%s' names no university contact person (§ 7): add "
				   "`contacts: {university: [party/person]}`"),
				 a->id);
	for (size_t i = 0; i < a->nscope; i++) {
		const char *unit = a->scope[i].unit;
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(a->scope[k].unit, unit) == 0;
		for (size_t k = 0; k < a->nunit_contacts && !seen; k++)
			seen = a->unit_contacts[k].unit && strcmp(a->unit_contacts[k].unit, unit) == 0;
		if (!seen)
			samv_rule_report(c, "contacts", a->rec, at,
					 /* TRANSLATORS: a unit's id, then an agreement's id. */
					 _("unit '%s' is in the scope of agreement '%s' but has no contact person "
					   "(§ 7): add it under `contacts: units`"),
					 unit, a->id);
	}
}

void samv_rules_agreements(const samv_rule_ctx *c)
{
	const samv_records *r = c->records;
	for (size_t i = 0; i < r->nagreements; i++) {
		const samv_agreement *a = &r->agreements[i];
		contacts(c, a);
	}
}
