/*
 * ledger/records.c — build the typed records of records.h from validated nodes.
 *
 * One builder per kind reads its fields with the small readers below; the schema has
 * already guaranteed their types, so a reader only has to tell "absent" from "present".
 * Cross-links are resolved in a second pass, once every kind is built. Each kind's array
 * keeps the ledger's order (by id), so lookups are binary searches.
 */
#include "ledger/records.h"

#include "ledger/term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct builder {
	samv_records *r;
	int oom;
} builder;

static void *alloc(builder *b, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	void *p = samv_arena_alloc(&b->r->arena, n * size);
	if (!p)
		b->oom = 1;
	return p;
}

static const char *str(const samv_node *map, const char *key)
{
	return samv_field_str(map, key);
}

static samv_date date(const samv_node *map, const char *key)
{
	samv_date d;
	return samv_field_date(map, key, &d) ? d : SAMV_NO_DATE;
}

static int64_t num(const samv_node *map, const char *key, int64_t absent)
{
	const samv_node *n = samv_node_get(map, key);
	return n && n->kind == SAMV_NODE_INT ? samv_node_int(n) : absent;
}

static const samv_node *list(const samv_node *map, const char *key)
{
	const samv_node *n = samv_node_get(map, key);
	return n && n->kind == SAMV_NODE_SEQ ? n : NULL;
}

static size_t count(const samv_node *map, const char *key)
{
	const samv_node *n = list(map, key);
	return n ? samv_node_count(n) : 0;
}

static const samv_node *item(const samv_node *map, const char *key, size_t i)
{
	return samv_node_item(list(map, key), i);
}

/* The strings of a list field, in order (NULL for an item that is not one), and their
 * number. */
static const char **strings(builder *b, const samv_node *map, const char *key, size_t *n)
{
	*n = count(map, key);
	const char **out = alloc(b, *n, sizeof *out);
	for (size_t i = 0; out && i < *n; i++)
		out[i] = samv_node_str(item(map, key, i));
	return out;
}

/* ---- builders, one per kind ---- */

static void build_party(builder *b, samv_party *p, const samv_record *rec)
{
	const samv_node *r = rec->root;
	*p = (samv_party){ .rec = rec, .id = rec->id, .type = str(r, "type"), .name = str(r, "name"),
			   .org_number = str(r, "org_number"), .parent = str(r, "parent") };
	p->nunits = count(r, "units");
	p->units = alloc(b, p->nunits, sizeof *p->units);
	for (size_t i = 0; p->units && i < p->nunits; i++) {
		const samv_node *u = item(r, "units", i), *pay = samv_node_get(u, "payment"),
				*contact = samv_node_get(u, "invoice_contact");
		p->units[i] = (samv_unit){ u, str(u, "id"), str(u, "name"), str(u, "area"),
					   str(u, "operator"), str(u, "org_number"), str(pay, "bankgiro"),
					   str(pay, "plusgiro"), str(contact, "name"), str(contact, "phone"),
					   str(contact, "email") };
	}
	p->npeople = count(r, "people");
	p->people = alloc(b, p->npeople, sizeof *p->people);
	for (size_t i = 0; p->people && i < p->npeople; i++) {
		const samv_node *n = item(r, "people", i);
		samv_person *person = &p->people[i];
		*person = (samv_person){ n, str(n, "id"), str(n, "name"), str(n, "title"), str(n, "unit"),
					 str(n, "email"), str(n, "phone"), NULL, 0 };
		person->ntraining = count(n, "supervisor_training");
		person->training = alloc(b, person->ntraining, sizeof *person->training);
		for (size_t k = 0; person->training && k < person->ntraining; k++) {
			const samv_node *t = item(n, "supervisor_training", k);
			person->training[k] = (samv_training){ str(t, "course"), date(t, "completed") };
		}
	}
}

static samv_ore amount_of(const samv_node *n)
{
	samv_ore ore;
	if (!samv_node_text(n) || samv_money_parse(n->text, samv_node_len(n), &ore) != SAMV_MONEY_OK)
		return -1;
	return ore;
}

/* Each year's amount: as given, or the previous year's indexed by the PLO percentage. */
static void build_rates(builder *b, samv_rates *rt, const samv_record *rec)
{
	const samv_node *r = rec->root, *base = samv_node_get(r, "base"),
			*years = samv_node_get(r, "years");
	int base_year = (int)num(base, "year", 0);
	int first = base_year, last = base_year;
	for (size_t i = 0; years && i < samv_node_count(years); i++) {
		int y = atoi(years->c.pairs[i].key.text);
		first = y < first ? y : first;
		last = y > last ? y : last;
	}
	*rt = (samv_rates){ .rec = rec, .id = rec->id, .first_year = first, .last_year = last };
	rt->amount_of = alloc(b, (size_t)(last - first + 1), sizeof *rt->amount_of);
	if (!rt->amount_of)
		return;
	for (int y = first; y <= last; y++) {
		char key[12];
		snprintf(key, sizeof key, "%d", y);
		const samv_node *entry = samv_node_get(years, key);
		samv_ore prev = y > first ? rt->amount_of[y - 1 - first] : -1;
		samv_ore amount = -1;
		if (y == base_year) {
			amount = amount_of(samv_node_get(base, "amount"));
		} else if (samv_node_get(entry, "amount")) {
			amount = amount_of(samv_node_get(entry, "amount"));
		} else if (samv_node_get(entry, "index") && prev >= 0) {
			/* An index may be negative, so it is read here rather than by amount_of. */
			const samv_node *idx = samv_node_get(entry, "index");
			samv_ore pct;
			if (samv_node_text(idx) && samv_money_parse(idx->text, samv_node_len(idx), &pct) == SAMV_MONEY_OK)
				amount = samv_money_apply_index(prev, pct);
		}
		rt->amount_of[y - first] = amount;
	}
}

static void build_intent(builder *b, samv_intent *it, const samv_record *rec)
{
	const samv_node *r = rec->root;
	*it = (samv_intent){ .rec = rec, .id = rec->id, .title = str(r, "title"), .date = date(r, "date"),
			     .notice_months = (int)num(r, "notice_months", 6) };
	it->nwithdrawals = count(r, "withdrawals");
	it->withdrawals = alloc(b, it->nwithdrawals, sizeof *it->withdrawals);
	for (size_t i = 0; it->withdrawals && i < it->nwithdrawals; i++) {
		const samv_node *w = item(r, "withdrawals", i);
		it->withdrawals[i] = (samv_withdrawal){ w, str(w, "party"), date(w, "notified"),
							date(w, "effective") };
	}
}

static samv_dated *build_dated(builder *b, const samv_node *r, const char *key, const char *date_key,
			       const char *by_key, size_t *n)
{
	*n = count(r, key);
	samv_dated *out = alloc(b, *n, sizeof *out);
	for (size_t i = 0; out && i < *n; i++) {
		const samv_node *e = item(r, key, i);
		out[i] = (samv_dated){ e, (int)num(e, "year", 0), date(e, date_key),
				       by_key ? str(e, by_key) : NULL };
	}
	return out;
}

static void build_agreement(builder *b, samv_agreement *a, const samv_record *rec)
{
	const samv_node *r = rec->root, *term = samv_node_get(r, "termination"),
			*contacts = samv_node_get(r, "contacts");
	*a = (samv_agreement){ .rec = rec, .id = rec->id, .intent = str(r, "intent"),
			       .municipality = str(r, "municipality"), .rates_id = str(r, "rates"),
			       .signed_on = date(r, "signed"),
			       .valid_from = date(r, "valid_from"),
			       .notice_months = (int)num(r, "notice_months", 6),
			       .termination_node = term, .terminated_by = str(term, "by"),
			       .notified = date(term, "notified"), .effective = date(term, "effective"),
			       .contacts_node = contacts,
			       .university_contacts = list(contacts, "university") };
	a->nscope = count(r, "scope");
	a->scope = alloc(b, a->nscope, sizeof *a->scope);
	for (size_t i = 0; a->scope && i < a->nscope; i++) {
		const samv_node *s = item(r, "scope", i);
		a->scope[i] = (samv_scope){ s, str(s, "unit"), str(s, "program"), str(s, "specialization"),
					    num(s, "students_per_year", 0) };
	}
	a->universities = strings(b, r, "universities", &a->nuniversities);
	a->plans = build_dated(b, r, "plans", "agreed", NULL, &a->nplans);
	a->follow_ups = build_dated(b, r, "follow_ups", "date", "initiated_by", &a->nfollow_ups);
	a->nunit_contacts = count(contacts, "units");
	a->unit_contacts = alloc(b, a->nunit_contacts, sizeof *a->unit_contacts);
	for (size_t i = 0; a->unit_contacts && i < a->nunit_contacts; i++) {
		const samv_node *c = item(contacts, "units", i);
		a->unit_contacts[i] = (samv_unit_contact){ c, str(c, "unit"), str(c, "person") };
	}
	a->ncourses = count(r, "courses");
	a->courses = alloc(b, a->ncourses, sizeof *a->courses);
	for (size_t i = 0; a->courses && i < a->ncourses; i++) {
		const samv_node *c = item(r, "courses", i);
		a->courses[i] = (samv_course){ str(c, "title"), str(c, "extent"), num(c, "year", -1) };
	}
	a->nprojects = count(r, "projects");
	a->projects = alloc(b, a->nprojects, sizeof *a->projects);
	for (size_t i = 0; a->projects && i < a->nprojects; i++) {
		const samv_node *p = item(r, "projects", i);
		a->projects[i] = (samv_project){ str(p, "title"), str(p, "unit"), str(p, "term") };
	}
}

static samv_status status_of(const char *s)
{
	static const char *const names[] = { "planned", "confirmed", "completed", "withdrawn", "cancelled" };
	for (int i = 0; s && i < 5; i++)
		if (strcmp(s, names[i]) == 0)
			return (samv_status)i;
	return SAMV_PLANNED;
}

static void build_term(builder *b, samv_term *t, const samv_record *rec)
{
	const samv_node *r = rec->root, *offer = samv_node_get(r, "offer");
	*t = (samv_term){ .rec = rec, .agreement_id = str(r, "agreement"), .term = str(r, "term"),
			  .notice = date(r, "university_notice"), .offer = date(offer, "date") };
	if (samv_term_parse(t->term, &t->year, &t->autumn)) {
		t->first_day = samv_term_first_day(t->year, t->autumn);
		t->last_day = samv_term_last_day(t->year, t->autumn);
	}
	t->nplaces = count(offer, "places");
	t->places = alloc(b, t->nplaces, sizeof *t->places);
	for (size_t i = 0; t->places && i < t->nplaces; i++) {
		const samv_node *p = item(offer, "places", i);
		t->places[i] = (samv_offer_place){ .node = p, .unit = str(p, "unit"), .program = str(p, "program"),
						   .specialization = str(p, "specialization"),
						   .places = num(p, "places", 0) };
	}
	t->nplacements = count(r, "placements");
	t->placements = alloc(b, t->nplacements, sizeof *t->placements);
	for (size_t i = 0; t->placements && i < t->nplacements; i++) {
		const samv_node *p = item(r, "placements", i), *w = samv_node_get(p, "withdrawn");
		samv_placement *pl = &t->placements[i];
		*pl = (samv_placement){ .node = p, .term = t, .id = str(p, "id"), .student = str(p, "student"),
					.program = str(p, "program"), .specialization = str(p, "specialization"),
					.course = str(p, "course"), .unit = str(p, "unit"),
					.lead_supervisor = str(p, "lead_supervisor"),
					.supervisors_node = list(p, "supervisors"), .start = date(p, "start"),
					.end = date(p, "end"), .days = (int32_t)num(p, "days", 0),
					.status = status_of(str(p, "status")), .withdrawn_on = date(w, "date"),
					.withdrawn_by = str(w, "by"), .withdrawn_reason = str(w, "reason") };
		pl->supervisors = strings(b, p, "supervisors", &pl->nsupervisors);
		/* "TERM/AGREEMENT/ID", joined by hand: one per placement of the ledger. */
		size_t id_len = strlen(rec->id), p_len = pl->id ? strlen(pl->id) : 0;
		pl->ref = malloc(id_len + p_len + 2);
		if (!pl->ref) {
			b->oom = 1;
			continue;
		}
		memcpy(pl->ref, rec->id, id_len);
		pl->ref[id_len] = '/';
		memcpy(pl->ref + id_len + 1, pl->id ? pl->id : "", p_len);
		pl->ref[id_len + 1 + p_len] = '\0';
	}
}

static void build_invoice(builder *b, samv_invoice *inv, const samv_record *rec)
{
	const samv_node *r = rec->root, *from = samv_node_get(r, "from");
	*inv = (samv_invoice){ .rec = rec, .id = rec->id, .number = str(r, "number"), .term = str(r, "term"),
			       .from_party = str(from, "party"), .from_unit = str(from, "unit"),
			       .to = str(r, "to"), .issued = date(r, "issued"), .due = date(r, "due"),
			       .paid = date(r, "paid"), .total = amount_of(samv_node_get(r, "total")),
			       .placement_refs = list(r, "placements") };
	inv->nplacements = count(r, "placements");
	inv->placements = alloc(b, inv->nplacements, sizeof *inv->placements);
}

static void build_body(builder *b, samv_body *body, const samv_record *rec)
{
	const samv_node *r = rec->root, *comp = samv_node_get(r, "composition");
	*body = (samv_body){ .rec = rec, .id = rec->id, .name = str(r, "name"), .type = str(r, "type"),
			     .composition_university = comp ? num(comp, "university", -1) : -1,
			     .composition_municipality = comp ? num(comp, "municipality", -1) : -1,
			     .meets_per_year = num(r, "meets_per_year", -1) };
	body->nmembers = count(r, "members");
	body->members = alloc(b, body->nmembers, sizeof *body->members);
	for (size_t i = 0; body->members && i < body->nmembers; i++) {
		const samv_node *m = item(r, "members", i);
		body->members[i] = (samv_member){ m, str(m, "id"), str(m, "name"), str(m, "party"),
						  str(m, "role"), date(m, "from"), date(m, "to") };
	}
}

static void build_protocol(builder *b, samv_protocol *p, const samv_record *rec)
{
	const samv_node *r = rec->root, *time = samv_node_get(r, "time"),
			*next = samv_node_get(r, "next_meeting"), *next_time = samv_node_get(next, "time");
	*p = (samv_protocol){ .rec = rec, .id = rec->id, .body_id = str(r, "body"), .place = str(r, "place"),
			      .chair = str(r, "chair"), .secretary = str(r, "secretary"),
			      .date = date(r, "date"), .adjusted = date(r, "adjusted"),
			      .time_start = str(time, "start"), .time_end = str(time, "end"),
			      .adjusters_node = list(r, "adjusters"), .present_node = list(r, "present"),
			      .absent_node = list(r, "absent"), .next_meeting = next,
			      .next_date = date(next, "date"), .next_place = str(next, "place") };
	/* The next meeting's time is "HH:MM" or a span {start, end}. */
	p->next_start = samv_node_str(next_time) ? samv_node_str(next_time) : str(next_time, "start");
	p->next_end = samv_node_str(next_time) ? NULL : str(next_time, "end");
	p->adjusters = strings(b, r, "adjusters", &p->nadjusters);
	p->present = strings(b, r, "present", &p->npresent);
	p->absent = strings(b, r, "absent", &p->nabsent);
	p->nothers_present = count(r, "others_present");
	p->others_present = alloc(b, p->nothers_present, sizeof *p->others_present);
	for (size_t i = 0; p->others_present && i < p->nothers_present; i++) {
		const samv_node *o = item(r, "others_present", i);
		p->others_present[i] = (samv_guest){ str(o, "name"), str(o, "party") };
	}
	p->nitems = count(r, "items");
	p->items = alloc(b, p->nitems, sizeof *p->items);
	for (size_t i = 0; p->items && i < p->nitems; i++) {
		const samv_node *it = item(r, "items", i);
		samv_item *x = &p->items[i];
		*x = (samv_item){ .node = it, .number = num(it, "number", -1), .title = str(it, "title"),
				  .text = str(it, "text") };
		x->decisions = strings(b, it, "decisions", &x->ndecisions);
		x->nactions = count(it, "actions");
		x->actions = alloc(b, x->nactions, sizeof *x->actions);
		for (size_t k = 0; x->actions && k < x->nactions; k++) {
			const samv_node *a = item(it, "actions", k);
			x->actions[k] = (samv_action){ a, str(a, "who"), str(a, "what"), date(a, "due") };
		}
	}
}

/* ---- lookups ---- */

#define FIND_BY_ID(array, n, id_field, id)                                    \
	do {                                                                  \
		size_t lo = 0, hi = (n);                                      \
		while ((id) && lo < hi) {                                     \
			size_t mid = lo + (hi - lo) / 2;                      \
			if (strcmp((array)[mid].id_field, (id)) < 0)          \
				lo = mid + 1;                                 \
			else                                                  \
				hi = mid;                                     \
		}                                                             \
		return (id) && lo < (n) && strcmp((array)[lo].id_field, (id)) == 0 \
			       ? &(array)[lo]                                 \
			       : NULL;                                        \
	} while (0)

const samv_party *samv_records_party(const samv_records *r, const char *id)
{
	FIND_BY_ID(r->parties, r->nparties, id, id);
}

const samv_agreement *samv_records_agreement(const samv_records *r, const char *id)
{
	FIND_BY_ID(r->agreements, r->nagreements, id, id);
}

const samv_body *samv_records_body(const samv_records *r, const char *id)
{
	FIND_BY_ID(r->bodies, r->nbodies, id, id);
}

static const samv_rates *records_rates(const samv_records *r, const char *id)
{
	FIND_BY_ID(r->rates, r->nrates, id, id);
}

static const samv_term *records_term(const samv_records *r, const char *id)
{
	FIND_BY_ID(r->terms, r->nterms, rec->id, id);
}

static samv_placement *find_placement(const samv_records *r, const char *ref)
{
	const char *last = ref ? strrchr(ref, '/') : NULL;
	if (!last)
		return NULL;
	/* One reference per invoice line: the term's id is copied on the stack when it fits. */
	char buf[128];
	size_t len = (size_t)(last - ref);
	const samv_term *t;
	if (len < sizeof buf) {
		memcpy(buf, ref, len);
		buf[len] = '\0';
		t = records_term(r, buf);
	} else {
		char *term_id = samv_strprintf("%.*s", (int)len, ref);
		t = term_id ? records_term(r, term_id) : NULL;
		free(term_id);
	}
	for (size_t i = 0; t && i < t->nplacements; i++)
		if (t->placements[i].id && strcmp(t->placements[i].id, last + 1) == 0)
			return &t->placements[i];
	return NULL;
}

const samv_placement *samv_records_placement(const samv_records *r, const char *ref)
{
	return find_placement(r, ref);
}

const samv_unit *samv_party_unit(const samv_party *p, const char *id)
{
	for (size_t i = 0; p && id && i < p->nunits; i++)
		if (strcmp(p->units[i].id, id) == 0)
			return &p->units[i];
	return NULL;
}

const samv_person *samv_party_person(const samv_party *p, const char *id)
{
	for (size_t i = 0; p && id && i < p->npeople; i++)
		if (strcmp(p->people[i].id, id) == 0)
			return &p->people[i];
	return NULL;
}

const samv_member *samv_body_member(const samv_body *b, const char *id)
{
	for (size_t i = 0; b && id && i < b->nmembers; i++)
		if (strcmp(b->members[i].id, id) == 0)
			return &b->members[i];
	return NULL;
}

bool samv_same_specialization(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

const char *samv_fit_specialization(const samv_scope *line, const char *given)
{
	return line ? line->specialization : given;
}

/* SPEC § 3.6: a place or placement meets the scope lines of its unit and program. A
 * specialization it gives picks the line that lists it; one it leaves out picks the line
 * without one, else the lines' specialization when they all name the same. Among equal
 * lines the first counts. */
static samv_fit fit_of(const samv_agreement *a, const char *unit, const char *program,
		       const char *given, const samv_scope **line)
{
	const samv_scope *first = NULL;
	bool several = false;
	*line = NULL;
	for (size_t i = 0; a && unit && program && i < a->nscope; i++) {
		const samv_scope *s = &a->scope[i];
		if (strcmp(s->unit, unit) != 0 || strcmp(s->program, program) != 0)
			continue;
		if (samv_same_specialization(s->specialization, given)) {
			*line = s;
			return SAMV_FIT_LINE;
		}
		if (!first)
			first = s;
		else if (!samv_same_specialization(first->specialization, s->specialization))
			several = true;
	}
	if (!first)
		return SAMV_FIT_NONE;
	if (given)
		return SAMV_FIT_UNLISTED;
	if (several)
		return SAMV_FIT_AMBIGUOUS;
	*line = first;
	return SAMV_FIT_LINE;
}

/* A term's identity is "TERM/AGREEMENT" and the terms are sorted by it, so this is a
 * binary search: notice-missing asks for every agreement and every term it is in force,
 * which a scan of all term files made quadratic. Only valid term files are here, and
 * their term is four digits, so no other year can match. */
const samv_term *samv_records_term(const samv_records *r, const char *agreement, int year, bool autumn)
{
	char buf[128];
	if (!agreement)
		return NULL;
	int n = snprintf(buf, sizeof buf, "%04d-%s/%s", year, autumn ? "HT" : "VT", agreement);
	if (n < 0)
		return NULL;
	if ((size_t)n < sizeof buf)
		return records_term(r, buf);
	char *id = samv_strprintf("%04d-%s/%s", year, autumn ? "HT" : "VT", agreement);
	const samv_term *t = id ? records_term(r, id) : NULL;
	free(id);
	return t;
}

bool samv_agreement_in_force(const samv_agreement *a, samv_date first, samv_date last)
{
	if (a->valid_from == SAMV_NO_DATE || a->valid_from > last)
		return false;
	return a->effective == SAMV_NO_DATE || a->effective > first;
}

bool samv_agreement_has_term(const samv_agreement *a, int year, bool autumn)
{
	return samv_agreement_in_force(a, samv_term_first_day(year, autumn),
				       samv_date_from_ymd(year, autumn ? 12 : 6, autumn ? 31 : 30));
}

bool samv_agreement_years(const samv_agreement *a, int *first, int *last)
{
	int m, d;
	if (a->valid_from == SAMV_NO_DATE)
		return false;
	samv_date_to_ymd(a->valid_from, first, &m, &d);
	*last = 9999;
	if (a->effective != SAMV_NO_DATE)
		samv_date_to_ymd(a->effective - 1, last, &m, &d);
	return *last >= *first;
}

/* ---- assembly ---- */

/* Valid records of one kind with an id; duplicates after the first are left out. */
static size_t valid_of(const samv_ledger *l, samv_kind kind, const samv_record **out)
{
	size_t n = 0;
	for (size_t i = l->by_kind[kind]; i < l->by_kind[kind + 1]; i++) {
		const samv_record *rec = &l->records[i];
		if (!rec->valid || !rec->id)
			continue;
		if (n && strcmp(out[n - 1]->id, rec->id) == 0)
			continue;
		out[n++] = rec;
	}
	return n;
}

#define BUILD_KIND(b, l, recs, kind, array, n, fn)                                  \
	do {                                                                        \
		size_t found_ = valid_of((l), (kind), (recs));                      \
		(array) = alloc((b), found_, sizeof *(array));                      \
		for (size_t i_ = 0; (array) && i_ < found_; i_++)                   \
			fn((b), &(array)[i_], (recs)[i_]);                          \
		(n) = (array) ? found_ : 0;                                         \
	} while (0)

/* Each placement's invoices (records.h): counted while the invoices' references are
 * resolved, then one array for all, sliced per placement in term order. */
static void link_invoices(builder *b, samv_records *r, size_t listed)
{
	const samv_invoice **all = alloc(b, listed, sizeof *all);
	size_t at = 0;
	for (size_t i = 0; all && i < r->nterms; i++)
		for (size_t k = 0; r->terms[i].placements && k < r->terms[i].nplacements; k++) {
			samv_placement *p = &r->terms[i].placements[k];
			p->invoices = p->ninvoices ? all + at : NULL;
			at += p->ninvoices;
			p->ninvoices = 0;
		}
	for (size_t i = 0; all && i < r->ninvoices; i++) {
		const samv_invoice *inv = &r->invoices[i];
		for (size_t k = 0; inv->placements && k < inv->nplacements; k++) {
			/* The placements are being built here; the invoice holds them as const only
			 * for its readers. */
			samv_placement *p = (samv_placement *)inv->placements[k];
			if (p)
				p->invoices[p->ninvoices++] = inv;
		}
	}
}

static void link(builder *b, samv_records *r)
{
	for (size_t i = 0; i < r->nagreements; i++) {
		samv_agreement *a = &r->agreements[i];
		a->party = samv_records_party(r, a->municipality);
		a->rates = records_rates(r, a->rates_id);
	}
	for (size_t i = 0; i < r->nterms; i++) {
		samv_term *t = &r->terms[i];
		t->agreement = samv_records_agreement(r, t->agreement_id);
		for (size_t k = 0; t->places && k < t->nplaces; k++) {
			samv_offer_place *o = &t->places[k];
			o->fit = fit_of(t->agreement, o->unit, o->program, o->specialization, &o->scope);
		}
		for (size_t k = 0; t->placements && k < t->nplacements; k++) {
			samv_placement *p = &t->placements[k];
			p->fit = fit_of(t->agreement, p->unit, p->program, p->specialization, &p->scope);
		}
	}
	size_t listed = 0;
	for (size_t i = 0; i < r->ninvoices; i++) {
		samv_invoice *inv = &r->invoices[i];
		inv->party = samv_records_party(r, inv->from_party);
		inv->unit = samv_party_unit(inv->party, inv->from_unit);
		for (size_t k = 0; inv->placements && k < inv->nplacements; k++) {
			samv_placement *p = find_placement(r, samv_node_str(samv_node_item(inv->placement_refs, k)));
			inv->placements[k] = p;
			if (p) {
				p->ninvoices++;
				listed++;
			}
		}
	}
	link_invoices(b, r, listed);
	for (size_t i = 0; i < r->nprotocols; i++)
		r->protocols[i].body = samv_records_body(r, r->protocols[i].body_id);
}

int samv_records_build(samv_records **out, const samv_ledger *l)
{
	*out = NULL;
	samv_records *r = calloc(1, sizeof *r);
	const samv_record **recs = calloc(l->nrecords ? l->nrecords : 1, sizeof *recs);
	builder b = { r, r == NULL || recs == NULL };
	if (!b.oom) {
		r->ledger = l;
		r->ledger_name = l->config ? str(l->config->root, "name") : NULL;
		r->nfile_terms = l->by_kind[SAMV_KIND_TERM + 1] - l->by_kind[SAMV_KIND_TERM];
		r->file_terms = alloc(&b, r->nfile_terms, sizeof *r->file_terms);
		for (size_t i = 0; r->file_terms && i < r->nfile_terms; i++)
			r->file_terms[i] = str(l->records[l->by_kind[SAMV_KIND_TERM] + i].root, "term");
		BUILD_KIND(&b, l, recs, SAMV_KIND_PARTY, r->parties, r->nparties, build_party);
		BUILD_KIND(&b, l, recs, SAMV_KIND_RATES, r->rates, r->nrates, build_rates);
		BUILD_KIND(&b, l, recs, SAMV_KIND_INTENT, r->intents, r->nintents, build_intent);
		BUILD_KIND(&b, l, recs, SAMV_KIND_AGREEMENT, r->agreements, r->nagreements, build_agreement);
		BUILD_KIND(&b, l, recs, SAMV_KIND_TERM, r->terms, r->nterms, build_term);
		BUILD_KIND(&b, l, recs, SAMV_KIND_INVOICE, r->invoices, r->ninvoices, build_invoice);
		BUILD_KIND(&b, l, recs, SAMV_KIND_BODY, r->bodies, r->nbodies, build_body);
		BUILD_KIND(&b, l, recs, SAMV_KIND_PROTOCOL, r->protocols, r->nprotocols, build_protocol);
		link(&b, r);
	}
	free(recs);
	if (b.oom) {
		samv_records_free(r);
		return -1;
	}
	*out = r;
	return 0;
}

void samv_records_free(samv_records *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nterms; i++)
		for (size_t k = 0; r->terms[i].placements && k < r->terms[i].nplacements; k++)
			free(r->terms[i].placements[k].ref);
	samv_arena_free(&r->arena);
	free(r);
}
