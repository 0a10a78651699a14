/*
 * rules/terms.c — rules about terms and their placements (§ 4.1, § 4.2, § 4.4, § 4.6):
 * rate-missing, placement-days, placement-scope, placement-term, student-overlap, capacity,
 * supervisor-training, lead-supervisor. The deadlines of a term are in rules/deadlines.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "ledger/deadlines.h"
#include "util/i18n.h"
#include "ledger/pay.h"
#include "rules/families.h"

static bool counts(const samv_placement *p)
{
	return p->status != SAMV_WITHDRAWN && p->status != SAMV_CANCELLED;
}

/* A placement at a unit its agreement's party does not have is the ref rule's finding;
 * the scope and capacity rules stay quiet about it. */
static bool known_unit(const samv_term *t, const char *unit)
{
	return t->agreement && samv_party_unit(t->agreement->party, unit) != NULL;
}

/* A place or placement whose specialization picks no scope line is placement-scope's
 * finding: capacity cannot tell which seat it is, nor what an offer holding one is for. */
static bool readable(samv_fit fit)
{
	return fit == SAMV_FIT_NONE || fit == SAMV_FIT_LINE;
}

static void rate_missing(const samv_rule_ctx *c, const samv_term *t, const samv_placement *p)
{
	const samv_agreement *a = t->agreement;
	if (!a || !a->rates || !counts(p))
		return;
	samv_pay_line line = samv_pay_placement(p, a->rates);
	if (!line.missing_year)
		return;
	/* A year given as an index has no amount when the year before has none: the year to
	 * add is the first of that chain. */
	int y = line.missing_year, need = y;
	const samv_node *years = samv_node_get(a->rates->rec->root, "years");
	for (;;) {
		char key[12];
		snprintf(key, sizeof key, "%d", need);
		if (!samv_node_get(samv_node_get(years, key), "index"))
			break;
		need--;
	}
	if (need == y)
		samv_rule_report(c, "rate-missing", t->rec, samv_node_at(p->node, "start"),
				 /* TRANSLATORS: a placement's id, a year, the rates' id, then the same
				    year twice. */
				 _("placement '%s' has days in %d, but rates '%s' give no amount for %d: add "
				   "`%d:` with its amount or index under `years`"),
				 p->id, y, a->rates->id, y, y);
	else
		samv_rule_report(c, "rate-missing", t->rec, samv_node_at(p->node, "start"),
				 /* TRANSLATORS: a placement's id, a year, the rates' id, the same year,
				    the year before it, then the first year of the chain of indexes that
				    has no amount. */
				 _("placement '%s' has days in %d, but rates '%s' give no amount for %d: its "
				   "`index` applies to the amount for %d, which is missing: add `%d:` with its "
				   "amount or index under `years`"),
				 p->id, y, a->rates->id, y, y - 1, need);
	/* TRANSLATORS: the id of a rates record (the compensation per year). */
	samv_rule_relate(c, a->rates->rec, a->rates->rec->id_node, _("rates '%s'"), a->rates->id);
}

static void placement_days(const samv_rule_ctx *c, const samv_term *t, const samv_placement *p)
{
	const samv_node *days = samv_node_get(p->node, "days");
	if (!days || p->start == SAMV_NO_DATE || p->end < p->start)
		return;
	int32_t weekdays = samv_date_weekdays(p->start, p->end);
	if (p->days <= 0)
		samv_rule_report(c, "placement-days", t->rec, days,
				 /* TRANSLATORS: the placement's `days` (0 or less). */
				 _("`days` is %d: a placement has at least one day; remove `days` to pay "
				   "every weekday from start to end"),
				 p->days);
	else if (p->days > weekdays)
		samv_rule_report(c, "placement-days", t->rec, days,
				 /* TRANSLATORS: the placement's `days`, its start and end dates, then the
				    number of weekdays between them. */
				 samv_msgn("`days` is %d, but %s to %s has only %d weekday: lower `days` or move `end`",
					   "`days` is %d, but %s to %s has only %d weekdays: lower `days` or move `end`",
					   (uint64_t)weekdays),
				 p->days, samv_rule_date(p->start).s, samv_rule_date(p->end).s, weekdays);
}

/* The specializations the scope lists for a unit and program, each once, in its order:
 * "'vård av äldre', 'psykiatrisk vård'", and how many; NULL when it lists none. */
static char *specializations_of(const samv_rule_ctx *c, const samv_agreement *a, const char *unit,
				const char *program, size_t *n)
{
	*n = 0;
	samv_buf b = { 0 };
	for (size_t i = 0; i < a->nscope; i++) {
		const samv_scope *s = &a->scope[i];
		bool seen = !s->specialization || strcmp(s->unit, unit) != 0 || strcmp(s->program, program) != 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(a->scope[k].unit, unit) == 0 && strcmp(a->scope[k].program, program) == 0 &&
			       samv_same_specialization(a->scope[k].specialization, s->specialization);
		if (!seen)
			samv_buf_printf(&b, "%s'%s'", (*n)++ ? ", " : "", s->specialization);
	}
	if (b.oom) {
		c->diags->oom = 1;
		samv_buf_free(&b);
	}
	return b.data;
}

static void relate_scope(const samv_rule_ctx *c, const samv_agreement *a)
{
	/* TRANSLATORS: an agreement's id. */
	samv_rule_relate(c, a->rec, samv_node_at(a->rec->root, "scope"), _("the scope of '%s'"), a->id);
}

/* A place's or placement's unit and program are in the scope, but its specialization, given
 * or left out, picks none of their lines (SPEC § 3.6). */
static void specialization_scope(const samv_rule_ctx *c, const samv_term *t, const samv_node *entry,
				 samv_fit fit, const char *unit, const char *program, const char *given)
{
	const samv_agreement *a = t->agreement;
	if (readable(fit) || !known_unit(t, unit))
		return;
	size_t n;
	char *listed = specializations_of(c, a, unit, program, &n);
	if (n && !listed)
		return; /* out of memory, marked */
	if (fit == SAMV_FIT_AMBIGUOUS)
		samv_rule_report(c, "placement-scope", t->rec, samv_node_at(entry, "program"),
				 /* TRANSLATORS: a `program` as written (specialist-nursing), a unit's id,
				    an agreement's id, then the specializations of its scope there, each
				    quoted: 'vård av äldre', 'psykiatrisk vård'. */
				 _("%s at unit '%s' matches several specializations in the scope of agreement "
				   "'%s': %s; say which with `specialization`"),
				 program, unit, a->id, listed);
	else if (listed)
		samv_rule_report(c, "placement-scope", t->rec, samv_node_at(entry, "specialization"),
				 /* TRANSLATORS: the specialization given, an agreement's id, a `program`
				    as written (specialist-nursing), a unit's id, then the specializations
				    of the scope there, each quoted: 'vård av äldre', 'psykiatrisk vård'
				    (their number decides the plural). */
				 samv_msgn("specialization '%s' is not in the scope of agreement '%s', which lists %s "
					   "at unit '%s' with %s: write that one, or add it to the agreement's `scope`",
					   "specialization '%s' is not in the scope of agreement '%s', which lists %s "
					   "at unit '%s' with %s: write one of those, or add it to the agreement's "
					   "`scope`",
					   (uint64_t)n),
				 given, a->id, program, unit, listed);
	else
		samv_rule_report(c, "placement-scope", t->rec, samv_node_at(entry, "specialization"),
				 /* TRANSLATORS: the specialization given, an agreement's id, a `program`
				    as written (nursing), then a unit's id. */
				 _("specialization '%s' is not in the scope of agreement '%s', which lists %s at "
				   "unit '%s' without one: remove `specialization`, or add it to the "
				   "agreement's `scope`"),
				 given, a->id, program, unit);
	free(listed);
	relate_scope(c, a);
}

static void placement_scope(const samv_rule_ctx *c, const samv_term *t, const samv_placement *p)
{
	const samv_agreement *a = t->agreement;
	if (!a || !p->unit || !p->program || !known_unit(t, p->unit))
		return;
	if (p->fit != SAMV_FIT_NONE) {
		specialization_scope(c, t, p->node, p->fit, p->unit, p->program, p->specialization);
		return;
	}
	samv_rule_report(c, "placement-scope", t->rec, samv_node_at(p->node, "unit"),
			 /* TRANSLATORS: a placement's id, its `program` as written (sjukskoterska), its
			    unit's id, then the agreement's id. */
			 _("placement '%s' is %s at unit '%s', which is not in the scope of agreement '%s': "
			   "add it to the agreement's `scope` or place the student elsewhere"),
			 p->id, p->program, p->unit, a->id);
	relate_scope(c, a);
}

/* A placement outside its term: each names the placement, the day it starts or ends, the
 * term (2025-VT) and the term's first and last days. */
static const char *placement_term_message(bool early, bool autumn)
{
	if (early && autumn)
		/* TRANSLATORS: a placement's id, its first day, the term (2025-HT), then the term's
		   first and last days. */
		return _("placement '%s' starts %s, outside autumn (HT) %s (%s to %s): move it to the "
			 "term file it belongs to");
	if (early)
		/* TRANSLATORS: a placement's id, its first day, the term (2025-VT), then the term's
		   first and last days. */
		return _("placement '%s' starts %s, outside spring (VT) %s (%s to %s): move it to the "
			 "term file it belongs to");
	if (autumn)
		/* TRANSLATORS: a placement's id, its last day, the term (2025-HT), then the term's
		   first and last days. */
		return _("placement '%s' ends %s, outside autumn (HT) %s (%s to %s): move it to the "
			 "term file it belongs to");
	/* TRANSLATORS: a placement's id, its last day, the term (2025-VT), then the term's first
	   and last days. */
	return _("placement '%s' ends %s, outside spring (VT) %s (%s to %s): move it to the term "
		 "file it belongs to");
}

static void placement_term(const samv_rule_ctx *c, const samv_term *t, const samv_placement *p)
{
	if (!t->year || p->start == SAMV_NO_DATE || p->end == SAMV_NO_DATE)
		return;
	bool early = p->start < t->first_day, late = p->end > t->last_day;
	if (!early && !late)
		return;
	samv_rule_report(c, "placement-term", t->rec, samv_node_at(p->node, early ? "start" : "end"),
			 placement_term_message(early, t->autumn), p->id,
			 samv_rule_date(early ? p->start : p->end).s, t->term,
			 samv_rule_date(t->first_day).s, samv_rule_date(t->last_day).s);
}

/* A person's training course completed before day, or NULL. */
static bool trained(const samv_person *person, samv_date day, bool long_course_only)
{
	for (size_t i = 0; i < person->ntraining; i++) {
		const samv_training *tr = &person->training[i];
		bool fits = strcmp(tr->course, "hp-7.5") == 0 ||
			    (!long_course_only && strcmp(tr->course, "web-intro") == 0);
		if (fits && tr->completed != SAMV_NO_DATE && tr->completed < day)
			return true;
	}
	return false;
}

static void supervisors(const samv_rule_ctx *c, const samv_term *t, const samv_placement *p)
{
	const samv_party *party = t->agreement ? t->agreement->party : NULL;
	if (!party || p->start == SAMV_NO_DATE || !counts(p))
		return;
	for (size_t i = 0; p->supervisors_node && i < samv_node_count(p->supervisors_node); i++) {
		const samv_node *id = samv_node_item(p->supervisors_node, i);
		const samv_person *person = samv_party_person(party, samv_node_str(id));
		if (person && !trained(person, p->start, false)) {
			samv_rule_report(c, "supervisor-training", t->rec, id,
					 /* TRANSLATORS: a person's id, a placement's id, then its first day.
					    web-intro and hp-7.5 are course ids, kept as they are. */
					 _("supervisor '%s' of placement '%s' has no web-intro or hp-7.5 "
					   "completed before %s (§ 4.4): record the course under "
					   "`supervisor_training`"),
					 person->id, p->id, samv_rule_date(p->start).s);
			/* TRANSLATORS: a person's id. */
			samv_rule_relate(c, party->rec, person->node, _("'%s' is defined here"), person->id);
		}
	}
	const samv_person *lead = samv_party_person(party, p->lead_supervisor);
	if (lead && !trained(lead, p->start, true)) {
		samv_rule_report(c, "lead-supervisor", t->rec, samv_node_at(p->node, "lead_supervisor"),
				 /* TRANSLATORS: a person's id, a placement's id, then its first day. hp-7.5
				    is a course id, kept as it is. */
				 _("lead supervisor '%s' of placement '%s' has no hp-7.5 completed before %s "
				   "(§ 4.4): choose a supervisor with the 7.5 credit course"),
				 lead->id, p->id, samv_rule_date(p->start).s);
		samv_rule_relate(c, party->rec, lead->node, _("'%s' is defined here"), lead->id);
	}
}

/* Room for an item of SIZE bytes per placement of the ledger, for the rules that look at
 * all of them together; NULL, with the findings marked incomplete, when out of memory. */
static void *per_placement(const samv_rule_ctx *c, size_t size)
{
	size_t n = 0;
	for (size_t i = 0; i < c->records->nterms; i++)
		n += c->records->terms[i].nplacements;
	void *items = malloc((n ? n : 1) * size);
	if (!items)
		c->diags->oom = 1;
	return items;
}

/* ---- capacity ---- */

/* A placement that counts against a line of its agreement's scope in a calendar year.
 * Placements that meet no line (placement-scope's finding) count against nothing here. */
typedef struct seat {
	const samv_placement *p;
	const samv_scope *scope;
	int year;
} seat;

/* A program as written with the specialization it counts under, for the capacity
 * messages: "specialist-nursing (vård av äldre)". NULL when out of memory. */
static char *seat_name(const samv_rule_ctx *c, const char *program, const char *specialization)
{
	char *name = specialization ? samv_strprintf("%s (%s)", program, specialization)
				    : samv_strprintf("%s", program);
	if (!name)
		c->diags->oom = 1;
	return name;
}

/* Grouped by the scope line itself (one agreement, unit, program and specialization)
 * rather than by its names: comparing pointers keeps the sort of every placement of the
 * ledger from chasing strings all over memory. Within a group: by start, then reference. */
static int seat_cmp(const void *pa, const void *pb)
{
	const seat *a = pa, *b = pb;
	if (a->scope != b->scope)
		return (uintptr_t)a->scope < (uintptr_t)b->scope ? -1 : 1;
	int c = (a->year > b->year) - (a->year < b->year);
	if (!c)
		c = (a->p->start > b->p->start) - (a->p->start < b->p->start);
	if (!c)
		c = strcmp(a->p->ref, b->p->ref);
	return c;
}

/* One line of the agreement's scope in one year. */
static bool same_group(const seat *a, const seat *b)
{
	return a->scope == b->scope && a->year == b->year;
}

static void capacity_per_year(const samv_rule_ctx *c)
{
	const samv_records *r = c->records;
	seat *seats = per_placement(c, sizeof *seats);
	if (!seats)
		return;
	size_t n = 0;
	for (size_t i = 0; i < r->nterms; i++)
		for (size_t k = 0; k < r->terms[i].nplacements; k++) {
			const samv_placement *p = &r->terms[i].placements[k];
			int y, m, d;
			if (!counts(p) || p->start == SAMV_NO_DATE || !p->scope)
				continue;
			samv_date_to_ymd(p->start, &y, &m, &d);
			seats[n++] = (seat){ p, p->scope, y };
		}
	qsort(seats, n, sizeof *seats, seat_cmp);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && same_group(&seats[i], &seats[j]))
			j++;
		const samv_agreement *a = seats[i].p->term->agreement;
		const samv_scope *s = seats[i].scope;
		char *name = (int64_t)(j - i) > s->students_per_year ? seat_name(c, s->program, s->specialization)
								     : NULL;
		if (name) {
			const samv_placement *over = seats[i + (size_t)s->students_per_year].p;
			samv_rule_report(c, "capacity", over->term->rec, samv_node_at(over->node, "start"),
					 /* TRANSLATORS: the number of students, their `program` as written
					    (sjukskoterska) with its specialization in brackets where the
					    scope names one, a unit's id, a year, the number a year the
					    agreement allows, the agreement's id, then a placement's id. */
					 samv_msgn("%zu %s student starts at unit '%s' in %d, more than the %lld a year "
						   "agreed in '%s' (§ 4.1); placement '%s' is the first beyond it",
						   "%zu %s students start at unit '%s' in %d, more than the %lld a year "
						   "agreed in '%s' (§ 4.1); placement '%s' is the first beyond it",
						   j - i),
					 j - i, name, s->unit, seats[i].year, (long long)s->students_per_year, a->id,
					 over->id);
			samv_rule_relate(c, a->rec, s->node,
					 /* TRANSLATORS: a `program` as written, as in the message before,
					    then a unit's id. */
					 _("students_per_year of '%s' at '%s'"), name, s->unit);
			free(name);
		}
		i = j;
	}
	free(seats);
}

/* The same seat of the offer: unit, program and the specialization it counts under. */
static bool same_seat(const samv_placement *a, const samv_placement *b)
{
	return counts(b) && readable(b->fit) && b->unit && b->program && strcmp(a->unit, b->unit) == 0 &&
	       strcmp(a->program, b->program) == 0 &&
	       samv_same_specialization(samv_fit_specialization(a->scope, a->specialization),
					samv_fit_specialization(b->scope, b->specialization));
}

/* Placements of a seat beyond the term's offer: reported at the first one past the offered
 * places, once per seat. An offer of the unit and program that placement-scope finds no
 * line for says nothing about how many there are of which, so it is left alone. */
static void capacity_per_offer(const samv_rule_ctx *c, const samv_term *t)
{
	if (t->offer == SAMV_NO_DATE)
		return;
	for (size_t i = 0; i < t->nplacements; i++) {
		const samv_placement *p = &t->placements[i];
		if (!counts(p) || !readable(p->fit) || !p->unit || !p->program || !known_unit(t, p->unit))
			continue;
		bool first = true;
		for (size_t k = 0; k < i && first; k++)
			first = !same_seat(p, &t->placements[k]);
		if (!first)
			continue;
		const char *specialization = samv_fit_specialization(p->scope, p->specialization);
		int64_t offered = 0;
		const samv_offer_place *place = NULL;
		bool unread = false;
		for (size_t k = 0; k < t->nplaces; k++) {
			const samv_offer_place *o = &t->places[k];
			if (strcmp(o->unit, p->unit) != 0 || strcmp(o->program, p->program) != 0)
				continue;
			if (!readable(o->fit))
				unread = true;
			else if (samv_same_specialization(specialization,
							  samv_fit_specialization(o->scope, o->specialization))) {
				offered += o->places;
				place = o;
			}
		}
		if (unread)
			continue;
		int64_t taken = 0;
		const samv_placement *beyond = NULL;
		for (size_t k = i; k < t->nplacements; k++)
			if (same_seat(p, &t->placements[k]) && ++taken == offered + 1)
				beyond = &t->placements[k];
		char *name = beyond ? seat_name(c, p->program, specialization) : NULL;
		if (!name)
			continue;
		/* With places offered there are more placements than one; with none, the number of
		 * places is 0, said in the plural. So one count decides each sentence's words. */
		const char *message =
			offered > 0
				/* TRANSLATORS: the number of placements (2 or more), their `program` as
				   written with its specialization in brackets where the scope or the
				   placements name one, a unit's id, a term (2025-HT), the number of
				   places offered (which decides the plural), then a placement's id. */
				? samv_msgn("%lld %s placements at unit '%s' in %s, but the offer gave %lld place; "
					    "placement '%s' is the first beyond it: record the larger offer, or move a "
					    "student",
					    "%lld %s placements at unit '%s' in %s, but the offer gave %lld places; "
					    "placement '%s' is the first beyond it: record the larger offer, or move a "
					    "student",
					    (uint64_t)offered)
				/* TRANSLATORS: as the message before, when no places were offered (the
				   number of places is 0): the number of placements decides the plural. */
				: samv_msgn("%lld %s placement at unit '%s' in %s, but the offer gave %lld places; "
					    "placement '%s' is the first beyond it: record the larger offer, or move a "
					    "student",
					    "%lld %s placements at unit '%s' in %s, but the offer gave %lld places; "
					    "placement '%s' is the first beyond it: record the larger offer, or move a "
					    "student",
					    (uint64_t)taken);
		samv_rule_report(c, "capacity", t->rec, samv_node_at(beyond->node, "unit"), message,
				 (long long)taken, name, p->unit, t->term, (long long)offered, beyond->id);
		if (place)
			samv_rule_relate(c, t->rec, place->node,
					 /* TRANSLATORS: a `program` as written, as in the message before,
					    then a unit's id. */
					 _("the offer for %s at '%s'"), name, p->unit);
		free(name);
	}
}

/* ---- one student in two places at once ---- */

static int by_student(const void *pa, const void *pb)
{
	const samv_placement *a = *(const samv_placement *const *)pa, *b = *(const samv_placement *const *)pb;
	int c = strcmp(a->student, b->student);
	if (!c)
		c = (a->start > b->start) - (a->start < b->start);
	if (!c)
		c = strcmp(a->ref, b->ref);
	return c;
}

static void student_overlap(const samv_rule_ctx *c)
{
	const samv_records *r = c->records;
	const samv_placement **all = per_placement(c, sizeof *all);
	if (!all)
		return;
	size_t n = 0;
	for (size_t i = 0; i < r->nterms; i++)
		for (size_t k = 0; k < r->terms[i].nplacements; k++) {
			const samv_placement *p = &r->terms[i].placements[k];
			if (counts(p) && p->student && p->start != SAMV_NO_DATE && p->end >= p->start)
				all[n++] = p;
		}
	qsort(all, n, sizeof *all, by_student);
	/* Sorted by student and start: each placement overlaps the one before it with the
	 * latest end, if any does. */
	const samv_placement *longest = NULL;
	for (size_t i = 0; i < n; i++) {
		const samv_placement *p = all[i];
		if (longest && strcmp(longest->student, p->student) != 0)
			longest = NULL;
		if (longest && p->start <= longest->end) {
			samv_rule_report(c, "student-overlap", p->term->rec, samv_node_at(p->node, "start"),
					 /* TRANSLATORS: a student's name, a placement (2025-VT/kommun-uni/p2)
					    and its first day, then the other placement and its last day. */
					 _("%s is placed in '%s' from %s, while still in '%s' until %s: correct "
					   "the dates, or remove the placement that is there twice"),
					 p->student, p->ref, samv_rule_date(p->start).s, longest->ref,
					 samv_rule_date(longest->end).s);
			samv_rule_relate(c, longest->term->rec, longest->node,
					 /* TRANSLATORS: a placement (2025-VT/kommun-uni/p1). */
					 _("placement '%s'"), longest->ref);
		}
		if (!longest || p->end > longest->end)
			longest = p;
	}
	free(all);
}

void samv_rules_terms(const samv_rule_ctx *c)
{
	const samv_records *r = c->records;
	for (size_t i = 0; i < r->nterms; i++) {
		const samv_term *t = &r->terms[i];
		for (size_t k = 0; k < t->nplaces; k++) {
			const samv_offer_place *o = &t->places[k];
			specialization_scope(c, t, o->node, o->fit, o->unit, o->program, o->specialization);
		}
		capacity_per_offer(c, t);
		for (size_t k = 0; k < t->nplacements; k++) {
			const samv_placement *p = &t->placements[k];
			rate_missing(c, t, p);
			placement_days(c, t, p);
			placement_scope(c, t, p);
			placement_term(c, t, p);
			supervisors(c, t, p);
		}
	}
	capacity_per_year(c);
	student_overlap(c);
}
