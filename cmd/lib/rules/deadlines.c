/*
 * rules/deadlines.c — the deadline rules, each a reading of the one list of obligations
 * (obligations.h): notice-late, offer-late, notice-missing, withdrawal-late,
 * placement-status (§ 4.2, § 4.6); invoice-late, invoice-missing, payment-overdue (§ 4.6);
 * plan-missing, follow-up (§ 4.2, § 8); notice-period (§ 9, intent); protocol-adjusted
 * (seed 004).
 *
 * A rule here decides nothing about dates: an obligation carries the rule that reports it
 * and the node it points at, and the deadlines report shows the same obligation as a row,
 * so the check and the report cannot disagree. This file only words the findings.
 */
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "rules/families.h"

static const char *half(bool autumn)
{
	return autumn ? "HT" : "VT";
}

static void notice_late(const samv_rule_ctx *c, const samv_obligation *ob)
{
	if (ob->kind == SAMV_OBL_NOTICE)
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: a term (2025-HT), the day of the notice, then its deadline. */
				 _("the university's notice for %s came %s, after the deadline %s (§ 4.2)"),
				 ob->term->term, samv_rule_date(ob->done).s, samv_rule_date(ob->due).s);
	else
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: a term (2025-HT), the day of the offer, then its deadline. */
				 _("the municipality's offer for %s came %s, after the deadline %s (§ 4.2)"),
				 ob->term->term, samv_rule_date(ob->done).s, samv_rule_date(ob->due).s);
}

/* A notice [0] or offer [1] not recorded for a term without [0] or with [1] a term file;
 * each names the year, VT or HT, the agreement and the deadline. */
static const char *const missing_messages[2][2] = {
	{
		/* TRANSLATORS: a year and VT or HT (together a term, 2025-HT), an agreement's id,
		   then the deadline that has passed. */
		N_("no university's notice recorded for %d-%s of agreement '%s'; it was due %s (§ 4.2): "
		   "add a term file with `university_notice` and `offer`"),
		/* TRANSLATORS: as the message before, when the term file exists. */
		N_("no university's notice recorded for %d-%s of agreement '%s'; it was due %s (§ 4.2)"),
	},
	{
		/* TRANSLATORS: a year and VT or HT (together a term, 2025-HT), an agreement's id,
		   then the deadline that has passed. */
		N_("no municipality's offer recorded for %d-%s of agreement '%s'; it was due %s (§ 4.2): "
		   "add a term file with `university_notice` and `offer`"),
		/* TRANSLATORS: as the message before, when the term file exists. */
		N_("no municipality's offer recorded for %d-%s of agreement '%s'; it was due %s (§ 4.2)"),
	},
};

static void notice_missing(const samv_rule_ctx *c, const samv_obligation *ob)
{
	samv_rule_report(c, ob->rule, ob->rec, ob->at,
			 _(missing_messages[ob->kind == SAMV_OBL_OFFER][ob->term != NULL]), ob->year,
			 half(ob->autumn), ob->agreement->id, samv_rule_date(ob->due).s);
}

static void withdrawal_late(const samv_rule_ctx *c, const samv_obligation *ob)
{
	const samv_placement *p = ob->placement;
	int32_t before = p->start - p->withdrawn_on;
	int32_t days = before < 0 ? -before : before;
	const char *message =
		before < 0
			/* TRANSLATORS: a placement's id, the number of days, then the placement's
			   first day. */
			? samv_msgn("placement '%s' was withdrawn by the municipality %d day after its first "
				    "day %s; § 4.2 asks for at least 4 weeks (28 days)",
				    "placement '%s' was withdrawn by the municipality %d days after its first "
				    "day %s; § 4.2 asks for at least 4 weeks (28 days)",
				    (uint64_t)days)
			/* TRANSLATORS: a placement's id, the number of days, then the placement's
			   first day. */
			: samv_msgn("placement '%s' was withdrawn by the municipality %d day before its first "
				    "day %s; § 4.2 asks for at least 4 weeks (28 days)",
				    "placement '%s' was withdrawn by the municipality %d days before its first "
				    "day %s; § 4.2 asks for at least 4 weeks (28 days)",
				    (uint64_t)days);
	samv_rule_report(c, ob->rule, ob->rec, ob->at, message, p->id, days, samv_rule_date(p->start).s);
}

static void placement_status(const samv_rule_ctx *c, const samv_obligation *ob)
{
	const samv_placement *p = ob->placement;
	if (p->status == SAMV_COMPLETED)
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: a placement's id, then its last day, still to come;
				    `status` and `end` are field names and stay as they are. */
				 _("placement '%s' is completed, but it ends %s: correct `status` (planned or "
				   "confirmed until it has ended) or `end`"),
				 p->id, samv_rule_date(p->end).s);
	else
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: a placement's id, its last day (passed), then its status
				    as written (planned or confirmed); the values after "set it to" stay
				    as they are. */
				 _("placement '%s' ended %s but its `status` is still %s: set it to "
				   "completed, withdrawn or cancelled, as it went (§ 4.6)"),
				 p->id, samv_rule_date(p->end).s, p->status == SAMV_PLANNED ? "planned" : "confirmed");
}

static void invoice_late(const samv_rule_ctx *c, const samv_obligation *ob)
{
	const samv_invoice *inv = ob->invoice;
	samv_date deadline = c->obligations->invoice_deadline[inv - c->records->invoices];
	samv_rule_report(c, ob->rule, ob->rec, ob->at,
			 /* TRANSLATORS: an invoice's number, its issue date, the deadline, then the term
			    (2025-VT). */
			 _("invoice %s was issued %s, after the invoicing deadline %s for %s (§ 4.6)"),
			 inv->number ? inv->number : inv->id, samv_rule_date(inv->issued).s,
			 samv_rule_date(deadline).s, inv->term);
}

/* Every completed placement of the obligation on no invoice. */
static void invoice_missing(const samv_rule_ctx *c, const samv_obligation *ob)
{
	for (size_t i = 0; i < ob->nplacements; i++) {
		const samv_placement *p = ob->placements[i];
		if (p->status != SAMV_COMPLETED || p->ninvoices)
			continue;
		samv_rule_report(c, ob->rule, ob->rec, samv_node_at(p->node, "status"),
				 /* TRANSLATORS: a placement (2025-VT/kommun-uni/p1), then the deadline. */
				 _("placement '%s' is completed but on no invoice; the invoicing deadline "
				   "was %s (§ 4.6)"),
				 p->ref, samv_rule_date(ob->due).s);
	}
}

static void payment_overdue(const samv_rule_ctx *c, const samv_obligation *ob)
{
	const samv_invoice *inv = ob->invoice;
	const char *number = inv->number ? inv->number : inv->id;
	samv_date_text due = samv_rule_date(inv->due), today = samv_rule_date(c->cfg->today);
	if (inv->to)
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: an invoice's number, its due date, today's date, then the
				    id of the university (party) it was sent to. */
				 _("invoice %s was due %s and is not paid (today is %s): record `paid` when "
				   "the money arrives, or remind %s"),
				 number, due.s, today.s, inv->to);
	else
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: an invoice's number, its due date, then today's date. */
				 _("invoice %s was due %s and is not paid (today is %s): record `paid` when "
				   "the money arrives, or remind the university"),
				 number, due.s, today.s);
}

static void plan_or_follow_up(const samv_rule_ctx *c, const samv_obligation *ob)
{
	if (ob->kind == SAMV_OBL_PLAN)
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: a year, an agreement's id, then the same year; the YAML
				    after "add" is kept as it is (DATE is a placeholder to fill in). */
				 _("no yearly plan recorded for %d in agreement '%s' (§ 4.2): add "
				   "`{year: %d, agreed: DATE}` under `plans`"),
				 ob->year, ob->agreement->id, ob->year);
	else
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: a year, an agreement's id, then the deadline (31 March
				    of the next year). */
				 _("no follow-up recorded for %d in agreement '%s'; it was due by %s (§ 8)"),
				 ob->year, ob->agreement->id, samv_rule_date(ob->due).s);
}

/* A termination or withdrawal that takes effect before its notice runs out. */
static void notice_period(const samv_rule_ctx *c, const samv_obligation *ob)
{
	bool withdrawal = ob->kind == SAMV_OBL_INTENT_WITHDRAWAL;
	int months = withdrawal ? ob->intent->notice_months : ob->agreement->notice_months;
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
	samv_rule_report(c, ob->rule, ob->rec, ob->at, message, samv_rule_date(ob->done).s,
			 samv_rule_date(ob->due).s, months, samv_rule_date(samv_date_add_months(ob->done, months)).s);
}

static void protocol_adjusted(const samv_rule_ctx *c, const samv_obligation *ob)
{
	const samv_protocol *p = ob->protocol;
	int limit = c->cfg->protocol_adjust_days;
	if (ob->status == SAMV_OBL_LATE)
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: the day the protocol was adjusted, the days from
				    the meeting (more than the limit), the meeting's date, then the
				    limit in days, which decides the plural. */
				 samv_msgn("adjusted %s, %d days after the meeting of %s; protocols are "
					   "to be adjusted within %d day",
					   "adjusted %s, %d days after the meeting of %s; protocols are "
					   "to be adjusted within %d days",
					   (uint64_t)limit),
				 samv_rule_date(p->adjusted).s, p->adjusted - p->date, samv_rule_date(p->date).s, limit);
	else
		samv_rule_report(c, ob->rule, ob->rec, ob->at,
				 /* TRANSLATORS: the meeting's date, the days since (more than the limit),
				    then the limit in days, which decides the plural. */
				 samv_msgn("the protocol of %s is not adjusted yet, %d days after the meeting "
					   "(limit %d day): record `adjusted:` when it is",
					   "the protocol of %s is not adjusted yet, %d days after the meeting "
					   "(limit %d days): record `adjusted:` when it is",
					   (uint64_t)limit),
				 samv_rule_date(p->date).s, c->cfg->today - p->date, limit);
}

typedef void (*wording)(const samv_rule_ctx *c, const samv_obligation *ob);

static const struct {
	const char *rule;
	wording word;
} words[] = {
	{ "notice-late", notice_late },
	{ "offer-late", notice_late },
	{ "notice-missing", notice_missing },
	{ "withdrawal-late", withdrawal_late },
	{ "invoice-late", invoice_late },
	{ "invoice-missing", invoice_missing },
	{ "payment-overdue", payment_overdue },
	{ "plan-missing", plan_or_follow_up },
	{ "follow-up", plan_or_follow_up },
	{ "notice-period", notice_period },
	{ "protocol-adjusted", protocol_adjusted },
};

void samv_rules_deadlines(const samv_rule_ctx *c)
{
	const samv_obligations *o = c->obligations;
	for (size_t i = 0; i < o->n; i++) {
		const samv_obligation *ob = &o->items[i];
		if (!ob->rule)
			continue;
		/* An invoicing obligation waiting for statuses stands for the placement-status
		 * findings of its placements, which their own obligations report. */
		if (strcmp(ob->rule, "placement-status") == 0) {
			if (ob->kind == SAMV_OBL_STATUS)
				placement_status(c, ob);
			continue;
		}
		for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
			if (strcmp(words[k].rule, ob->rule) == 0) {
				words[k].word(c, ob);
				break;
			}
	}
}
