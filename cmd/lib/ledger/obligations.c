/*
 * ledger/obligations.c — the one list of obligations and their status (see obligations.h).
 *
 * Decisions taken here, where the agreement template leaves room:
 * - Done on or before the deadline is done, after it late; nothing done is missing once
 *   the deadline has passed ("after D" is later than D, SPEC § 3.9) and due until then.
 * - The yearly plan is due as its year begins for the agreement (1 January, or valid_from
 *   in its first year) and missing from that day: "once that year has begun" (§ 4 of the
 *   spec), so an agreement that takes effect later in the year owes no plan before it is
 *   in force. A plan recorded at all is done, since plan-missing asks only that one is
 *   recorded. The same for a follow-up: follow-up warns only when none is recorded by 31
 *   March, so one recorded later is done, on its date.
 * - A notice (§ 9, intent) given at least notice_months before it takes effect is done,
 *   listed on the day it takes effect with the day it was given; otherwise late.
 * - Invoicing groups a term's placements by their invoicing deadline. A placement counts
 *   when it is planned, confirmed or completed, or on an invoice whatever its status. A
 *   group is done when every placement is on an invoice issued by that invoice's own
 *   deadline (as invoice-late decides: its placements' latest end), late when one was
 *   issued after it; once the deadline has passed it is missing while a completed
 *   placement is on no invoice (invoice-missing), and otherwise waiting while placements
 *   that have ended are still planned or confirmed (placement-status).
 * - Where a finding points: a missing notice or offer at the term file, or the agreement
 *   when the term has no file (and not at all when the term file failed its schema: its
 *   finding comes first); a late one at its date. A late invoicing group at the invoice
 *   issued late; other invoicing at the term file.
 */
#include "ledger/obligations.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "ledger/deadlines.h"
#include "ledger/term.h"

typedef struct builder {
	const samv_records *r;
	samv_date today;
	int adjust_days;
	samv_obligations *o;
	size_t cap;
	size_t nstore; /* placements used in o->placement_store */
	/* Per invoice of the records: issued after its own deadline; the late invoice of an
	 * invoicing obligation. */
	bool *late, *represented;
	bool oom;
} builder;

static samv_obligation *push(builder *b, samv_obligation_kind kind, samv_date due, const samv_record *rec)
{
	if (b->oom)
		return NULL;
	samv_obligation *items = samv_grow(b->o->items, &b->cap, sizeof *items, 64, b->o->n + 1);
	if (!items) {
		b->oom = true;
		return NULL;
	}
	b->o->items = items;
	samv_obligation *ob = &b->o->items[b->o->n++];
	*ob = (samv_obligation){ .kind = kind, .due = due, .done = SAMV_NO_DATE, .rec = rec,
				 .at = rec->id_node, .standard = SAMV_NO_DATE };
	return ob;
}

static samv_obligation_status judge(samv_date due, samv_date done, samv_date today)
{
	if (done != SAMV_NO_DATE)
		return done <= due ? SAMV_OBL_DONE : SAMV_OBL_LATE;
	return today > due ? SAMV_OBL_MISSING : SAMV_OBL_DUE;
}

static int year_of(samv_date d)
{
	int y, m, day;
	samv_date_to_ymd(d, &y, &m, &day);
	return y;
}

/* Not owed: its deadline fell before the agreement was signed (SPEC § 3.9). */
static bool before_signed(const samv_agreement *a, samv_date due)
{
	return a->signed_on != SAMV_NO_DATE && due < a->signed_on;
}

/* A term file that exists but failed its schema is not in the typed records. */
static bool term_file_invalid(const builder *b, const char *agreement, int year, bool autumn)
{
	char *id = samv_strprintf("%d-%s/%s", year, autumn ? "HT" : "VT", agreement);
	if (!id)
		return false;
	bool found = samv_ledger_find(b->r->ledger, SAMV_KIND_TERM, id) != NULL;
	free(id);
	return found;
}

/* A term's notice or offer. A term in which the agreement is not in force owes neither,
 * but one recorded in its file is still judged. */
static void notice_or_offer(builder *b, const samv_agreement *a, const samv_term *t, int year, bool autumn,
			    bool offer)
{
	samv_date due = offer ? samv_deadline_offer(year, autumn) : samv_deadline_notice(year, autumn);
	samv_date done = t ? (offer ? t->offer : t->notice) : SAMV_NO_DATE;
	bool in_force = samv_agreement_has_term(a, year, autumn);
	if ((!in_force && done == SAMV_NO_DATE) || before_signed(a, due))
		return;
	if (!t && term_file_invalid(b, a->id, year, autumn))
		return; /* the file exists; its schema finding comes first */
	samv_obligation *ob = push(b, offer ? SAMV_OBL_OFFER : SAMV_OBL_NOTICE, due, t ? t->rec : a->rec);
	if (!ob)
		return;
	ob->year = year;
	ob->autumn = autumn;
	ob->agreement = a;
	ob->term = t;
	ob->done = done;
	ob->status = judge(due, done, b->today);
	if (ob->status == SAMV_OBL_LATE) {
		ob->rule = offer ? "offer-late" : "notice-late";
		ob->at = offer ? samv_node_at(samv_node_at(t->rec->root, "offer"), "date")
			       : samv_node_at(t->rec->root, "university_notice");
	} else if (ob->status == SAMV_OBL_MISSING) {
		ob->rule = "notice-missing";
	}
}

static void notice_and_offer(builder *b, const samv_agreement *a, const samv_term *t, int year, bool autumn)
{
	notice_or_offer(b, a, t, year, autumn, false);
	notice_or_offer(b, a, t, year, autumn, true);
}

/* § 4.2 for every term in which the agreement is in force, from the year before it takes
 * effect up to the year after today, and for every term that has a file. */
static void notices(builder *b, const samv_agreement *a)
{
	int first = a->valid_from == SAMV_NO_DATE ? 1 : year_of(a->valid_from) - 1;
	int last = a->valid_from == SAMV_NO_DATE ? 0 : year_of(b->today) + 1;
	for (int y = first; y <= last; y++)
		for (int half = 0; half < 2; half++)
			if (samv_agreement_has_term(a, y, half == 1))
				notice_and_offer(b, a, samv_records_term(b->r, a->id, y, half == 1), y, half == 1);
	for (size_t i = 0; i < b->r->nterms; i++) {
		const samv_term *t = &b->r->terms[i];
		if (t->year && t->agreement == a &&
		    (t->year < first || t->year > last || !samv_agreement_has_term(a, t->year, t->autumn)))
			notice_and_offer(b, a, t, t->year, t->autumn);
	}
}

static const samv_dated *dated_of(const samv_dated *list, size_t n, int year)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].year == year)
			return &list[i];
	return NULL;
}

/* A plan or follow-up: done when recorded, whatever its date. */
static void dated(builder *b, const samv_agreement *a, samv_obligation_kind kind, int year, samv_date due,
		  const samv_dated *list, size_t n, const char *key, const char *rule)
{
	if (before_signed(a, due))
		return;
	samv_obligation *ob = push(b, kind, due, a->rec);
	if (!ob)
		return;
	const samv_dated *rec = dated_of(list, n, year);
	ob->year = year;
	ob->agreement = a;
	ob->at = samv_record_key_or_id(a->rec, key);
	ob->done = rec ? rec->date : SAMV_NO_DATE;
	/* A plan is for the year ahead: missing on the day its year begins. */
	samv_date missing_from = kind == SAMV_OBL_PLAN ? due : due + 1;
	ob->status = rec ? SAMV_OBL_DONE : b->today >= missing_from ? SAMV_OBL_MISSING : SAMV_OBL_DUE;
	if (ob->status == SAMV_OBL_MISSING)
		ob->rule = rule;
}

/* The yearly plan of every year in force up to next year, due as the agreement's part of
 * the year begins (1 January, or valid_from in its first year); the follow-up of every
 * year up to this one. */
static void plans_and_follow_ups(builder *b, const samv_agreement *a)
{
	int first, last, this_year = year_of(b->today);
	if (!samv_agreement_years(a, &first, &last))
		return;
	for (int y = first; y <= last && y <= this_year + 1; y++) {
		samv_date begins = samv_date_from_ymd(y, 1, 1);
		if (a->valid_from != SAMV_NO_DATE && a->valid_from > begins)
			begins = a->valid_from;
		dated(b, a, SAMV_OBL_PLAN, y, begins, a->plans, a->nplans, "plans", "plan-missing");
		if (y <= this_year)
			dated(b, a, SAMV_OBL_FOLLOW_UP, y, samv_deadline_follow_up(y), a->follow_ups,
			      a->nfollow_ups, "follow_ups", "follow-up");
	}
}

/* § 9 and the intent: notice given notice_months before it takes effect. */
static void notice_given(builder *b, samv_obligation_kind kind, const samv_record *rec, const samv_node *at,
			 samv_date notified, samv_date effective, int months)
{
	if (notified == SAMV_NO_DATE || effective == SAMV_NO_DATE)
		return; /* a date that does not exist is the date rule's */
	samv_obligation *ob = push(b, kind, effective, rec);
	if (!ob)
		return;
	ob->done = notified;
	ob->status = effective >= samv_date_add_months(notified, months) ? SAMV_OBL_DONE : SAMV_OBL_LATE;
	ob->at = samv_node_at(at, "effective");
	if (ob->status == SAMV_OBL_LATE)
		ob->rule = "notice-period";
}

static void agreement(builder *b, const samv_agreement *a)
{
	notices(b, a);
	plans_and_follow_ups(b, a);
	if (a->termination_node) {
		notice_given(b, SAMV_OBL_TERMINATION, a->rec, a->termination_node, a->notified, a->effective,
			     a->notice_months);
		if (b->o->n && b->o->items[b->o->n - 1].kind == SAMV_OBL_TERMINATION)
			b->o->items[b->o->n - 1].agreement = a;
	}
}

static void intent(builder *b, const samv_intent *it)
{
	for (size_t i = 0; i < it->nwithdrawals; i++) {
		size_t before = b->o->n;
		const samv_withdrawal *w = &it->withdrawals[i];
		notice_given(b, SAMV_OBL_INTENT_WITHDRAWAL, it->rec, w->node, w->notified, w->effective,
			     it->notice_months);
		if (b->o->n > before) {
			b->o->items[before].intent = it;
			b->o->items[before].withdrawal = i;
		}
	}
}

/* § 4.2: a withdrawal by the municipality at least 4 weeks (28 days) before the first day. */
static void withdrawal(builder *b, const samv_term *t, const samv_placement *p)
{
	if (p->status != SAMV_WITHDRAWN || !p->withdrawn_by || strcmp(p->withdrawn_by, "municipality") != 0 ||
	    p->withdrawn_on == SAMV_NO_DATE || p->start == SAMV_NO_DATE)
		return;
	samv_obligation *ob = push(b, SAMV_OBL_WITHDRAWAL, p->start - 28, t->rec);
	if (!ob)
		return;
	ob->term = t;
	ob->placement = p;
	ob->done = p->withdrawn_on;
	ob->status = judge(ob->due, ob->done, b->today);
	ob->at = samv_node_at(samv_node_at(p->node, "withdrawn"), "date");
	if (ob->status == SAMV_OBL_LATE)
		ob->rule = "withdrawal-late";
}

/* § 4.6: a placement's status says what became of it. Listed only when it is waiting:
 * ended while planned or confirmed, or completed while its end is still to come. */
static void placement_status(builder *b, const samv_term *t, const samv_placement *p)
{
	if (p->end == SAMV_NO_DATE)
		return;
	bool open = p->status == SAMV_PLANNED || p->status == SAMV_CONFIRMED;
	if (!(open && b->today > p->end) && !(p->status == SAMV_COMPLETED && b->today < p->end))
		return;
	samv_obligation *ob = push(b, SAMV_OBL_STATUS, p->end, t->rec);
	if (!ob)
		return;
	ob->term = t;
	ob->placement = p;
	ob->status = SAMV_OBL_WAITING;
	ob->rule = "placement-status";
	ob->at = samv_node_at(p->node, "status");
}

/* A placement's invoicing deadline under § 4.6: the term's, or the 15th of the month after
 * a later end. */
static samv_date placement_deadline(const samv_placement *p)
{
	return samv_deadline_invoice(p->term->year, p->term->autumn, p->end);
}

static bool invoiceable(const samv_placement *p)
{
	return p->status == SAMV_PLANNED || p->status == SAMV_CONFIRMED || p->status == SAMV_COMPLETED ||
	       p->ninvoices > 0;
}

/* The invoice that holds a placement: the earliest issued when several do. */
static const samv_invoice *invoice_of(const samv_placement *p)
{
	const samv_invoice *found = NULL;
	for (size_t i = 0; i < p->ninvoices; i++)
		if (!found || p->invoices[i]->issued < found->issued)
			found = p->invoices[i];
	return found;
}

static bool late_invoice(const builder *b, const samv_invoice *inv)
{
	return b->late[inv - b->r->invoices];
}

/* The obligation of one invoicing deadline `due` of a term, over its placements. */
static void invoicing_group(builder *b, const samv_term *t, samv_date due)
{
	samv_obligation *ob = push(b, SAMV_OBL_INVOICING, due, t->rec);
	if (!ob)
		return;
	ob->term = t;
	ob->standard = samv_deadline_invoice(t->year, t->autumn, SAMV_NO_DATE);
	ob->placements = b->o->placement_store + b->nstore;
	size_t unbilled = 0; /* completed, on no invoice */
	const samv_invoice *last = NULL, *late = NULL;
	bool several = false; /* invoices issued late other than `late` */
	for (size_t i = 0; i < t->nplacements; i++) {
		const samv_placement *p = &t->placements[i];
		if (!invoiceable(p) || placement_deadline(p) != due)
			continue;
		b->o->placement_store[b->nstore++] = p;
		ob->nplacements++;
		const samv_invoice *inv = invoice_of(p);
		if (!inv) {
			unbilled += p->status == SAMV_COMPLETED;
			continue;
		}
		ob->ninvoiced++;
		if (!last || inv->issued > last->issued)
			last = inv;
		if (late_invoice(b, inv)) {
			several |= late && late != inv;
			late = late ? late : inv;
		}
	}
	if (ob->ninvoiced < ob->nplacements) {
		if (b->today <= due) {
			ob->status = SAMV_OBL_DUE;
		} else if (unbilled) {
			ob->status = SAMV_OBL_MISSING;
			ob->rule = "invoice-missing";
		} else {
			ob->status = SAMV_OBL_WAITING;
			ob->rule = "placement-status";
		}
		return;
	}
	ob->invoice = late && !several ? late : last;
	ob->done = last->issued;
	ob->status = late && !several ? SAMV_OBL_LATE : SAMV_OBL_DONE;
	if (ob->status == SAMV_OBL_LATE) {
		b->represented[late - b->r->invoices] = true;
		ob->rule = "invoice-late";
		ob->rec = late->rec;
		ob->at = samv_node_at(late->rec->root, "issued");
	}
}

/* § 4.6 for one term: one obligation per distinct invoicing deadline of its placements,
 * earliest first. */
static void invoicing(builder *b, const samv_term *t)
{
	if (!t->year)
		return;
	samv_date prev = SAMV_NO_DATE;
	for (;;) {
		samv_date due = SAMV_NO_DATE;
		for (size_t i = 0; i < t->nplacements; i++) {
			const samv_placement *p = &t->placements[i];
			samv_date d = placement_deadline(p);
			if (invoiceable(p) && (prev == SAMV_NO_DATE || d > prev) && (due == SAMV_NO_DATE || d < due))
				due = d;
		}
		if (due == SAMV_NO_DATE || b->oom)
			return;
		invoicing_group(b, t, due);
		prev = due;
	}
}

/* An invoice issued late that no invoicing obligation stands for (its term's placements
 * are not all invoiced yet, or more than one of their invoices was late): an obligation
 * of its own, so that every invoice-late finding has its row. */
static void late_alone(builder *b, const samv_invoice *inv, size_t i)
{
	if (!b->late[i] || b->represented[i])
		return;
	samv_obligation *ob = push(b, SAMV_OBL_INVOICING, b->o->invoice_deadline[i], inv->rec);
	if (!ob)
		return;
	ob->invoice = inv;
	ob->done = inv->issued;
	ob->status = SAMV_OBL_LATE;
	ob->rule = "invoice-late";
	ob->at = samv_node_at(inv->rec->root, "issued");
}

/* An invoice's own deadline: from its term and the latest end of its placements. */
static samv_date invoice_deadline(const samv_invoice *inv)
{
	int year;
	bool autumn;
	if (!samv_term_parse(inv->term, &year, &autumn))
		return SAMV_NO_DATE;
	samv_date latest = SAMV_NO_DATE;
	for (size_t i = 0; inv->placements && i < inv->nplacements; i++)
		if (inv->placements[i] && inv->placements[i]->end != SAMV_NO_DATE &&
		    (latest == SAMV_NO_DATE || inv->placements[i]->end > latest))
			latest = inv->placements[i]->end;
	return samv_deadline_invoice(year, autumn, latest);
}

/* § 4.6: payment by the due date of every recorded invoice. Paid late is history. */
static void payment(builder *b, const samv_invoice *inv)
{
	if (inv->due == SAMV_NO_DATE)
		return;
	samv_obligation *ob = push(b, SAMV_OBL_PAYMENT, inv->due, inv->rec);
	if (!ob)
		return;
	ob->invoice = inv;
	ob->done = inv->paid;
	ob->status = judge(inv->due, inv->paid, b->today);
	ob->at = samv_node_at(inv->rec->root, "due");
	if (ob->status == SAMV_OBL_MISSING)
		ob->rule = "payment-overdue";
}

static void adjustment(builder *b, const samv_protocol *p)
{
	if (p->date == SAMV_NO_DATE)
		return;
	samv_obligation *ob = push(b, SAMV_OBL_ADJUSTMENT, p->date + b->adjust_days, p->rec);
	if (!ob)
		return;
	ob->protocol = p;
	ob->done = p->adjusted;
	ob->status = judge(ob->due, ob->done, b->today);
	if (ob->status == SAMV_OBL_LATE)
		ob->at = samv_node_at(p->rec->root, "adjusted");
	if (ob->status == SAMV_OBL_LATE || ob->status == SAMV_OBL_MISSING)
		ob->rule = "protocol-adjusted";
}

int samv_obligations_build(samv_obligations **out, const samv_records *r, samv_date today,
			   int protocol_adjust_days)
{
	*out = NULL;
	size_t ninv = r->ninvoices ? r->ninvoices : 1;
	builder b = { r, today, protocol_adjust_days, calloc(1, sizeof *b.o), 0, 0,
		      calloc(ninv, sizeof *b.late), calloc(ninv, sizeof *b.represented), false };
	if (!b.o || !b.late || !b.represented)
		goto fail;
	size_t nplacements = 0;
	for (size_t i = 0; i < r->nterms; i++)
		nplacements += r->terms[i].nplacements;
	b.o->invoice_deadline = calloc(ninv, sizeof *b.o->invoice_deadline);
	b.o->placement_store = calloc(nplacements ? nplacements : 1, sizeof *b.o->placement_store);
	if (!b.o->invoice_deadline || !b.o->placement_store)
		goto fail;
	for (size_t i = 0; i < r->ninvoices; i++) {
		const samv_invoice *inv = &r->invoices[i];
		samv_date d = invoice_deadline(inv);
		b.o->invoice_deadline[i] = d;
		b.late[i] = d != SAMV_NO_DATE && inv->issued != SAMV_NO_DATE && inv->issued > d;
	}
	for (size_t i = 0; i < r->nagreements; i++)
		agreement(&b, &r->agreements[i]);
	for (size_t i = 0; i < r->nintents; i++)
		intent(&b, &r->intents[i]);
	for (size_t i = 0; i < r->nterms; i++) {
		const samv_term *t = &r->terms[i];
		for (size_t k = 0; k < t->nplacements; k++) {
			withdrawal(&b, t, &t->placements[k]);
			placement_status(&b, t, &t->placements[k]);
		}
		invoicing(&b, t);
	}
	for (size_t i = 0; i < r->ninvoices; i++) {
		late_alone(&b, &r->invoices[i], i);
		payment(&b, &r->invoices[i]);
	}
	for (size_t i = 0; i < r->nprotocols; i++)
		adjustment(&b, &r->protocols[i]);
	if (b.oom)
		goto fail;
	*out = b.o;
	b.o = NULL;
fail:
	free(b.late);
	free(b.represented);
	samv_obligations_free(b.o);
	return *out ? 0 : -1;
}

void samv_obligations_free(samv_obligations *o)
{
	if (!o)
		return;
	free(o->items);
	free(o->invoice_deadline);
	free(o->placement_store);
	free(o);
}
