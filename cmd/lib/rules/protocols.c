/*
 * rules/protocols.c — rules about bodies and their protocols, after the protocol of
 * seed 004 and the intent's steering group: protocol-roles, protocol-attendance,
 * protocol-items, next-meeting, body-meetings, body-composition. protocol-adjusted is a
 * deadline, in rules/deadlines.c.
 */
#include <string.h>

#include "util/i18n.h"
#include "rules/families.h"

static bool listed(const samv_node *list, const char *id)
{
	for (size_t i = 0; list && id && i < samv_node_count(list); i++)
		if (samv_node_str(samv_node_item(list, i)) && strcmp(samv_node_item(list, i)->text, id) == 0)
			return true;
	return false;
}

static bool member_on(const samv_member *m, samv_date day)
{
	return (m->from == SAMV_NO_DATE || m->from <= day) && (m->to == SAMV_NO_DATE || day <= m->to);
}

static void roles(const samv_rule_ctx *c, const samv_protocol *p)
{
	const samv_record *rec = p->rec;
	if (!p->chair)
		samv_rule_report(c, "protocol-roles", rec, rec->id_node, "%s",
				 _("the protocol names no chair: add `chair:` with a member id"));
	if (!p->secretary)
		samv_rule_report(c, "protocol-roles", rec, rec->id_node, "%s",
				 _("the protocol names no secretary: add `secretary:` with a member id"));
	if (!p->adjusters_node || samv_node_count(p->adjusters_node) == 0)
		samv_rule_report(c, "protocol-roles", rec, samv_record_key_or_id(rec, "adjusters"), "%s",
				 _("the protocol names no adjuster (justerare): add `adjusters:` with a "
				   "member who was present"));
	for (size_t i = 0; p->adjusters_node && i < samv_node_count(p->adjusters_node); i++) {
		const samv_node *a = samv_node_item(p->adjusters_node, i);
		const char *id = samv_node_str(a);
		if (!id)
			continue;
		if (p->secretary && strcmp(id, p->secretary) == 0)
			samv_rule_report(c, "protocol-roles", rec, a,
					 /* TRANSLATORS: a member's id. */
					 _("'%s' is both secretary and adjuster: the adjuster checks the "
					   "secretary's protocol, so choose another member"), id);
		else if (p->present_node && !listed(p->present_node, id))
			samv_rule_report(c, "protocol-roles", rec, a,
					 /* TRANSLATORS: a member's id. */
					 _("adjuster '%s' is not listed as present: only someone who was at the "
					   "meeting can adjust its protocol"), id);
	}
}

static void attendance(const samv_rule_ctx *c, const samv_protocol *p)
{
	const samv_body *body = p->body;
	for (size_t i = 0; p->present_node && i < samv_node_count(p->present_node); i++) {
		const samv_node *n = samv_node_item(p->present_node, i);
		const char *id = samv_node_str(n);
		if (listed(p->absent_node, id))
			samv_rule_report(c, "protocol-attendance", p->rec, n,
					 /* TRANSLATORS: a member's id. */
					 _("'%s' is listed both present and absent"), id);
		const samv_member *m = samv_body_member(body, id);
		if (body && !m)
			samv_rule_report(c, "protocol-attendance", p->rec, n,
					 /* TRANSLATORS: an id listed as present, then a body's id. */
					 _("'%s' is present but not a member of '%s': list guests under "
					   "`others_present` with their name and party"),
					 id, body->id);
		else if (m && p->date != SAMV_NO_DATE && !member_on(m, p->date))
			samv_rule_report(c, "protocol-attendance", p->rec, n,
					 /* TRANSLATORS: a member's id, a body's id, then the meeting's date. */
					 _("'%s' is present but not a member of '%s' on %s: list them under "
					   "`others_present`"),
					 id, body->id, samv_rule_date(p->date).s);
	}
	for (size_t i = 0; body && p->date != SAMV_NO_DATE && i < body->nmembers; i++) {
		const samv_member *m = &body->members[i];
		if (member_on(m, p->date) && !listed(p->present_node, m->id) && !listed(p->absent_node, m->id))
			samv_rule_report(c, "protocol-attendance", p->rec, samv_record_key_or_id(p->rec, "present"),
					 /* TRANSLATORS: a member's id, then a body's id. */
					 _("member '%s' of '%s' is neither present nor absent: add them to one "
					   "of the lists"),
					 m->id, body->id);
	}
}

static void items(const samv_rule_ctx *c, const samv_protocol *p)
{
	for (size_t i = 0; i < p->nitems; i++) {
		const samv_item *it = &p->items[i];
		if (it->number != (int64_t)i + 1) {
			samv_rule_report(c, "protocol-items", p->rec, samv_node_at(it->node, "number"),
					 /* TRANSLATORS: an item's `number` as written, then the number it should have. */
					 _("item %lld should be number %zu: items are numbered 1, 2, 3 ... in order"),
					 (long long)it->number, i + 1);
			break; /* one finding: the rest follow from it */
		}
	}
	for (size_t i = 0; i < p->nitems; i++)
		for (size_t k = 0; k < p->items[i].nactions; k++)
			if (!p->items[i].actions[k].who)
				samv_rule_report(c, "protocol-items", p->rec, p->items[i].actions[k].node,
						 /* TRANSLATORS: an item's number. */
						 _("an action point of item %lld has no `who`: say which member "
						   "is to do it"),
						 (long long)p->items[i].number);
}

static void next_meeting(const samv_rule_ctx *c, const samv_protocol *p)
{
	if (p->next_date == SAMV_NO_DATE || p->date == SAMV_NO_DATE || p->next_date > p->date)
		return;
	samv_rule_report(c, "next-meeting", p->rec, samv_node_at(p->next_meeting, "date"),
			 /* TRANSLATORS: the next meeting's date, then this meeting's date. */
			 _("the next meeting %s is not after this one of %s"),
			 samv_rule_date(p->next_date).s, samv_rule_date(p->date).s);
}

/* Members on a day by the type of their party: university, or municipal (municipality and
 * district). The day is a protocol's date, or today for the body itself. */
static void composition_on(const samv_rule_ctx *c, const samv_body *b, samv_date day,
			   const samv_record *rec, const samv_node *at, bool today)
{
	if (b->composition_university < 0 && b->composition_municipality < 0)
		return;
	int64_t university = 0, municipality = 0;
	for (size_t i = 0; i < b->nmembers; i++) {
		const samv_member *m = &b->members[i];
		const samv_party *party = samv_records_party(c->records, m->party);
		if (!member_on(m, day) || !party || !party->type)
			continue;
		if (strcmp(party->type, "university") == 0)
			university++;
		else if (strcmp(party->type, "municipality") == 0 || strcmp(party->type, "district") == 0)
			municipality++;
	}
	if ((b->composition_university < 0 || university == b->composition_university) &&
	    (b->composition_municipality < 0 || municipality == b->composition_municipality))
		return;
	long long want_university = b->composition_university < 0 ? university : b->composition_university,
		  want_municipality = b->composition_municipality < 0 ? municipality : b->composition_municipality;
	if (today)
		samv_rule_report(c, "body-composition", rec, at,
				 /* TRANSLATORS: a body's id, its members from universities and from
				    municipalities today, then the numbers its `composition` asks for. */
				 _("'%s' has %lld university and %lld municipal members today, but its "
				   "composition is %lld + %lld"),
				 b->id, (long long)university, (long long)municipality, want_university,
				 want_municipality);
	else
		samv_rule_report(c, "body-composition", rec, at,
				 /* TRANSLATORS: a body's id, its members from universities and from
				    municipalities on a meeting's date, that date, then the numbers its
				    `composition` asks for. */
				 _("'%s' has %lld university and %lld municipal members on %s, but its "
				   "composition is %lld + %lld"),
				 b->id, (long long)university, (long long)municipality,
				 samv_rule_date(day).s, want_university, want_municipality);
}

static bool has_members_in(const samv_body *b, int year)
{
	samv_date first = samv_date_from_ymd(year, 1, 1), last = samv_date_from_ymd(year, 12, 31);
	for (size_t i = 0; i < b->nmembers; i++) {
		const samv_member *m = &b->members[i];
		if ((m->from == SAMV_NO_DATE || m->from <= last) && (m->to == SAMV_NO_DATE || m->to >= first))
			return true;
	}
	return b->nmembers == 0; /* members not recorded: the body is taken to exist */
}

static void body_meetings(const samv_rule_ctx *c, const samv_body *b)
{
	if (b->meets_per_year <= 0)
		return;
	samv_date first = SAMV_NO_DATE;
	for (size_t i = 0; i < b->nmembers; i++)
		if (b->members[i].from != SAMV_NO_DATE && (first == SAMV_NO_DATE || b->members[i].from < first))
			first = b->members[i].from;
	for (size_t i = 0; i < c->records->nprotocols; i++) {
		const samv_protocol *p = &c->records->protocols[i];
		if (p->body == b && p->date != SAMV_NO_DATE && (first == SAMV_NO_DATE || p->date < first))
			first = p->date;
	}
	if (first == SAMV_NO_DATE)
		return;
	int first_year, today_year, m, d;
	samv_date_to_ymd(first, &first_year, &m, &d);
	samv_date_to_ymd(c->cfg->today, &today_year, &m, &d);
	for (int y = first_year; y < today_year; y++) {
		if (!has_members_in(b, y))
			continue; /* a body with no members that year did not exist to meet */
		int64_t met = 0;
		for (size_t i = 0; i < c->records->nprotocols; i++) {
			const samv_protocol *p = &c->records->protocols[i];
			int py;
			if (p->body != b || p->date == SAMV_NO_DATE)
				continue;
			samv_date_to_ymd(p->date, &py, &m, &d);
			met += py == y;
		}
		if (met < b->meets_per_year)
			samv_rule_report(c, "body-meetings", b->rec, samv_record_key_or_id(b->rec, "meets_per_year"),
					 /* TRANSLATORS: a body's id, the number of its meetings in a year, the
					    year, then the meetings a year it should have. */
					 samv_msgn("'%s' met %lld time in %d, fewer than the %lld a year it should",
						   "'%s' met %lld times in %d, fewer than the %lld a year it should",
						   (uint64_t)met),
					 b->id, (long long)met, y, (long long)b->meets_per_year);
	}
}

void samv_rules_protocols(const samv_rule_ctx *c)
{
	const samv_records *r = c->records;
	for (size_t i = 0; i < r->nprotocols; i++) {
		const samv_protocol *p = &r->protocols[i];
		roles(c, p);
		attendance(c, p);
		items(c, p);
		next_meeting(c, p);
		if (p->body && p->date != SAMV_NO_DATE)
			composition_on(c, p->body, p->date, p->rec, samv_node_at(p->rec->root, "date"), false);
	}
	for (size_t i = 0; i < r->nbodies; i++) {
		const samv_body *b = &r->bodies[i];
		body_meetings(c, b);
		composition_on(c, b, c->cfg->today, b->rec, samv_record_key_or_id(b->rec, "composition"), true);
	}
}
