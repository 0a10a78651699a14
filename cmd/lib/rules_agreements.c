/*
 * rules_agreements.c — rules about agreements and the declaration of intent: contacts
 * (§ 7), plan-missing (§ 4.2), follow-up (§ 8), notice-period (§ 9 and the intent).
 */
#include <string.h>

#include "deadlines.h"
#include "i18n.h"
#include "rule.h"

static void contacts(const samv_rule_ctx *c, const samv_agreement *a)
{
	const samv_node *at = samv_rule_key_or_id(a->rec, "contacts");
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

static bool has_year(const samv_dated *list, size_t n, int year)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].year == year)
			return true;
	return false;
}

static void plans_and_follow_ups(const samv_rule_ctx *c, const samv_agreement *a)
{
	int first, last, today_year, m, d;
	if (!samv_agreement_years(a, &first, &last))
		return;
	samv_date_to_ymd(c->cfg->today, &today_year, &m, &d);
	for (int y = first; y <= last && y <= today_year; y++) {
		if (!has_year(a->plans, a->nplans, y))
			samv_rule_report(c, "plan-missing", a->rec, samv_rule_key_or_id(a->rec, "plans"),
					 /* TRANSLATORS: a year, an agreement's id, then the same year; the YAML
					    after "add" is kept as it is (DATE is a placeholder to fill in). */
					 _("no yearly plan recorded for %d in agreement '%s' (§ 4.2): add "
					   "`{year: %d, agreed: DATE}` under `plans`"),
					 y, a->id, y);
		samv_date due = samv_deadline_follow_up(y);
		if (c->cfg->today > due && !has_year(a->follow_ups, a->nfollow_ups, y))
			samv_rule_report(c, "follow-up", a->rec, samv_rule_key_or_id(a->rec, "follow_ups"),
					 /* TRANSLATORS: a year, an agreement's id, then the deadline (31 March
					    of the next year). */
					 _("no follow-up recorded for %d in agreement '%s'; it was due by %s (§ 8)"),
					 y, a->id, samv_rule_date(due).s);
	}
}

/* A termination or withdrawal that takes effect before its notice runs out. */
static void notice_period(const samv_rule_ctx *c, const samv_record *rec, const samv_node *at,
			  bool withdrawal, samv_date notified, samv_date effective, int months)
{
	if (notified == SAMV_NO_DATE || effective == SAMV_NO_DATE)
		return;
	samv_date earliest = samv_date_add_months(notified, months);
	if (effective >= earliest)
		return;
	uint64_t n = months < 0 ? 0 : (uint64_t)months;
	const char *message =
		withdrawal
			/* TRANSLATORS: a withdrawal from the declaration of intent (frånträde): the
			   day it was notified, the day it takes effect, the months of notice, then
			   the day the notice runs out. */
			? samv_msgn("the withdrawal notified %s takes effect %s, before the %d month's notice "
				    "runs out on %s",
				    "the withdrawal notified %s takes effect %s, before the %d months' notice "
				    "runs out on %s",
				    n)
			/* TRANSLATORS: the termination of an agreement (uppsägning): the day it was
			   notified, the day it takes effect, the months of notice, then the day the
			   notice runs out. */
			: samv_msgn("the termination notified %s takes effect %s, before the %d month's notice "
				    "runs out on %s",
				    "the termination notified %s takes effect %s, before the %d months' notice "
				    "runs out on %s",
				    n);
	samv_rule_report(c, "notice-period", rec, samv_rule_at(at, "effective"), message,
			 samv_rule_date(notified).s, samv_rule_date(effective).s, months,
			 samv_rule_date(earliest).s);
}

void samv_rules_agreements(const samv_rule_ctx *c)
{
	const samv_records *r = c->records;
	for (size_t i = 0; i < r->nagreements; i++) {
		const samv_agreement *a = &r->agreements[i];
		contacts(c, a);
		plans_and_follow_ups(c, a);
		if (a->termination_node)
			notice_period(c, a->rec, a->termination_node, false, a->notified, a->effective,
				      a->notice_months);
	}
	for (size_t i = 0; i < r->nintents; i++) {
		const samv_intent *it = &r->intents[i];
		for (size_t k = 0; k < it->nwithdrawals; k++)
			notice_period(c, it->rec, it->withdrawals[k].node, true, it->withdrawals[k].notified,
				      it->withdrawals[k].effective, it->notice_months);
	}
}
