/*
 * report/summary.c — `samv-report summary --year Y [--by agreement|municipality|university]`:
 * the yearly follow-up of § 8 of the agreement template, as Markdown, HTML (with two inline
 * SVG charts), CSV and JSON, into "summary/<YEAR>.<ext>".
 *
 * The figures are gathered once into a `summary` (gather) and then written by one renderer
 * per format; md, html and csv share the table model of table.h so that the three
 * say the same numbers in the same order. Amounts come only from pay.h; nothing here uses
 * floating point (bar lengths and student-weeks are integer arithmetic).
 *
 * Decisions, where the spec leaves room:
 * - Agreements reported: those in force in Y (valid_from up to the day before a
 *   termination's `effective`, as the plan-missing and follow-up rules count), and any
 *   other agreement with placements or invoices that count in Y.
 * - Placed in Y: placements not withdrawn or cancelled whose `start` is in Y, per agreement,
 *   unit, program and specialization against the scope line they count against (records.h,
 *   the counting of the capacity rule: a placement may leave out a specialization that the
 *   scope names). One that meets no line, outside the scope or with a specialization that
 *   picks none, gets a row of its own with no agreed number. Student-weeks are those placements' paid days / 5: days * 2 tenths.
 * - Compensation is per agreement and unit, not per program, because invoices are made per
 *   unit and term: computed = the pay lines of confirmed and completed placements of the
 *   terms VT Y and HT Y; invoiced = the stated totals of the invoices of those terms;
 *   paid = those of them with `paid`; outstanding = invoiced - paid. An invoice belongs to
 *   the agreement of its first resolvable placement, else to the agreement between its
 *   `from.party` and `to`; an invoice that resolves to neither is left out (its ref errors
 *   put the notice on the report). A line whose rates lack a year (rate-missing) adds 0.
 * - --by orders the per-agreement tables into groups (the agreement; its municipal party;
 *   its universities, all of them together when there are several, so nothing counts
 *   twice) with a subtotal per group and a total.
 * - Supervisors: people named in `supervisors` or `lead_supervisor` of a placement that
 *   counts and whose start..end touches Y, with the first completion of each course.
 *   "Som handledare" counts the placements naming them in `supervisors`, "Som
 *   huvudansvarig" those naming them as `lead_supervisor` (the two are apart: one may be
 *   lead of more placements than they supervise). "With training" counts web-intro or
 *   hp-7.5 completed by 31 December Y.
 * - HTML is printed on A4 portrait: headings may break (soft hyphens in long compound
 *   words), while dates, ids and figures are kept on one line.
 * - Courses with `year` Y and projects whose `term` is in Y, from every agreement.
 * - Meetings: every body with a member on some day of Y (open from/to count) or a
 *   protocol dated in Y; held = its protocols dated in Y, against meets_per_year.
 * - Findings are those of the whole ledger as checked today, not only of Y.
 * - CSV: one file, first column the section, each section with its own header row and a
 *   blank line after it; only data rows (no subtotals, which a spreadsheet would count
 *   twice). Decimal comma in both languages (a spreadsheet set to Swedish reads "9695,46"
 *   as a number and "9695.46" as text), as the invoices' CSV has it.
 * - JSON: money as integer öre (_ore), student_weeks as a decimal with one digit, ids
 *   rather than names where a record has an id.
 * - Names are sorted the Swedish way (å, ä, ö after z).
 */
#include "report/report.h"
#include "report/chart.h"
#include "report/page.h"
#include "report/table.h"
#include "util/collate.h"
#include "util/pool.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ledger/deadlines.h"
#include "ledger/term.h"
#include "ledger/pay.h"

enum by { BY_AGREEMENT, BY_MUNICIPALITY, BY_UNIVERSITY };

#define RESERVE(arr, n, cap, onfail)                                                   \
	do {                                                                           \
		void *q_ = samv_grow((arr), &(cap), sizeof *(arr), 16, (n) + 1);       \
		if (!q_) {                                                             \
			onfail;                                                        \
		} else {                                                               \
			(arr) = q_;                                                    \
		}                                                                      \
	} while (0)

/* ---- the figures ---- */

typedef struct agr_info {
	const samv_agreement *a;
	const char *gkey, *gname; /* the --by group */
	const char *municipality; /* the municipal party's name */
	const char *universities; /* names, ", " between */
	bool in_force;
	size_t row0, row1, unit0, unit1; /* its rows and units */
} agr_info;

typedef struct prow { /* one agreement, unit and program */
	const samv_agreement *a;
	const char *unit, *program, *spec;
	int64_t agreed; /* -1 outside the scope */
	int64_t placed, days;
} prow;

typedef struct urow { /* one agreement and unit */
	const samv_agreement *a;
	const char *unit;
	int64_t agreed, placed;
	samv_ore computed, invoiced, paid;
} urow;

typedef struct sup {
	const samv_party *party;
	const samv_person *person;
	int64_t supervised, lead;
} sup;

typedef struct fcount {
	const char *rule;
	samv_severity sev;
	int64_t n;
} fcount;

/* A course or project of the year: item k of its agreement's courses or projects. */
typedef struct listed {
	const samv_agreement *a;
	size_t k;
} listed;

typedef struct listing {
	listed *items;
	size_t n, cap;
} listing;

typedef struct totals {
	int64_t agreed, placed, days;
	samv_ore computed, invoiced, paid;
} totals;

/* Terms or invoices grouped by agreement, each group in ledger order: those of the
 * agreement at index k are item[first[k]] up to item[first[k + 1]], indices into the
 * records' array. Made once per report, so that each agreement finds its own without a
 * scan of them all, which made the summary quadratic (13% of the site at county size). */
typedef struct by_agr {
	size_t *first, *item;
} by_agr;

typedef struct summary {
	const samv_report_ctx *c;
	const samv_records *r;
	int year;
	enum by by;
	samv_date first, last; /* 1 January and 31 December of the year */
	agr_info *agr;
	size_t nagr, capagr;
	prow *rows;
	size_t nrows, caprows;
	urow *units;
	size_t nunits, capunits;
	samv_ore term_computed[2], term_invoiced[2], term_paid[2]; /* [0] VT, [1] HT */
	by_agr terms_of, invoices_of; /* invoices: those of the year */
	sup *sups;
	size_t nsups, capsups;
	fcount *fc;
	size_t nfc, capfc;
	listing courses, projects; /* of the year, in ledger order */
	samv_pool pool;
	bool oom;
} summary;

static bool counts(const samv_placement *p)
{
	return p->status != SAMV_WITHDRAWN && p->status != SAMV_CANCELLED;
}

static bool paid_for(const samv_placement *p)
{
	return p->status == SAMV_CONFIRMED || p->status == SAMV_COMPLETED;
}

static int year_of(samv_date d)
{
	int y, m, day;
	samv_date_to_ymd(d, &y, &m, &day);
	return y;
}

static bool placed_in(const summary *s, const samv_placement *p)
{
	return counts(p) && p->start != SAMV_NO_DATE && p->unit && p->program && year_of(p->start) == s->year;
}

static bool in_force(const summary *s, const samv_agreement *a)
{
	if (a->valid_from == SAMV_NO_DATE || a->valid_from > s->last)
		return false;
	return a->effective == SAMV_NO_DATE || a->effective > s->first;
}

static bool has_university(const samv_agreement *a, const char *id)
{
	for (size_t i = 0; id && i < a->nuniversities; i++) {
		const char *u = a->universities[i];
		if (u && strcmp(u, id) == 0)
			return true;
	}
	return false;
}

static const samv_agreement *invoice_agreement(const samv_records *r, const samv_invoice *inv)
{
	for (size_t k = 0; k < inv->nplacements; k++)
		if (inv->placements[k] && inv->placements[k]->term && inv->placements[k]->term->agreement)
			return inv->placements[k]->term->agreement;
	for (size_t i = 0; i < r->nagreements; i++) {
		const samv_agreement *a = &r->agreements[i];
		if (a->municipality && inv->from_party && strcmp(a->municipality, inv->from_party) == 0 &&
		    has_university(a, inv->to))
			return a;
	}
	return NULL;
}

/* The invoice's term when it is in the year: 0 VT, 1 HT; -1 otherwise. */
static int invoice_half(const summary *s, const samv_invoice *inv)
{
	int y;
	bool autumn;
	if (!inv->term || !samv_term_parse(inv->term, &y, &autumn) || y != s->year)
		return -1;
	return autumn ? 1 : 0;
}

static const char *party_name(const summary *s, const char *id)
{
	const samv_party *p = id ? samv_records_party(s->r, id) : NULL;
	return p && p->name ? p->name : id ? id : "";
}

static const char *unit_name(const samv_agreement *a, const char *unit)
{
	const samv_unit *u = a && a->party ? samv_party_unit(a->party, unit) : NULL;
	return u && u->name ? u->name : unit;
}

static const char *universities_of(summary *s, const samv_agreement *a, bool names)
{
	samv_buf b = { 0 };
	for (size_t i = 0; i < a->nuniversities; i++) {
		const char *u = a->universities[i];
		if (!u)
			continue;
		if (b.len)
			samv_buf_puts(&b, names ? ", " : "+");
		samv_buf_puts(&b, names ? party_name(s, u) : u);
	}
	if (b.oom) {
		samv_buf_free(&b);
		s->pool.oom = true;
		return "";
	}
	if (!b.len)
		return "";
	return samv_pool_keep(&s->pool, b.data); /* the pool owns it now */
}

static bool agreement_active(const summary *s, const samv_agreement *a)
{
	if (in_force(s, a))
		return true;
	size_t at = (size_t)(a - s->r->agreements);
	for (size_t j = s->terms_of.first[at]; j < s->terms_of.first[at + 1]; j++) {
		const samv_term *t = &s->r->terms[s->terms_of.item[j]];
		for (size_t k = 0; k < t->nplacements; k++)
			if (placed_in(s, &t->placements[k]) || (t->year == s->year && paid_for(&t->placements[k])))
				return true;
	}
	return s->invoices_of.first[at] < s->invoices_of.first[at + 1];
}

static int agr_cmp(const void *pa, const void *pb)
{
	const agr_info *a = pa, *b = pb;
	int c = samv_collate_sv(a->gname, b->gname);
	if (!c)
		c = strcmp(a->gkey, b->gkey);
	if (!c)
		c = strcmp(a->a->id, b->a->id);
	return c;
}

static prow *find_row(summary *s, size_t row0, const char *unit, const char *program, const char *spec)
{
	for (size_t i = row0; i < s->nrows; i++)
		if (strcmp(s->rows[i].unit, unit) == 0 && strcmp(s->rows[i].program, program) == 0 &&
		    samv_same_specialization(s->rows[i].spec, spec))
			return &s->rows[i];
	return NULL;
}

static prow *add_row(summary *s, const samv_agreement *a, const char *unit, const char *program,
		     const char *spec, int64_t agreed)
{
	RESERVE(s->rows, s->nrows, s->caprows, s->oom = true; return NULL);
	prow *r = &s->rows[s->nrows++];
	*r = (prow){ a, unit, program, spec, agreed, 0, 0 };
	return r;
}

static urow *unit_row(summary *s, size_t unit0, const samv_agreement *a, const char *unit)
{
	for (size_t i = unit0; i < s->nunits; i++)
		if (strcmp(s->units[i].unit, unit) == 0)
			return &s->units[i];
	RESERVE(s->units, s->nunits, s->capunits, s->oom = true; return NULL);
	urow *u = &s->units[s->nunits++];
	*u = (urow){ a, unit, 0, 0, 0, 0, 0 };
	return u;
}

static void gather_agreement(summary *s, agr_info *ai)
{
	const samv_agreement *a = ai->a;
	size_t at = (size_t)(a - s->r->agreements);
	ai->row0 = s->nrows;
	for (size_t i = 0; i < a->nscope; i++) {
		const samv_scope *sc = &a->scope[i];
		if (sc->unit && sc->program && !find_row(s, ai->row0, sc->unit, sc->program, sc->specialization))
			if (!add_row(s, a, sc->unit, sc->program, sc->specialization, sc->students_per_year))
				return;
	}
	for (size_t j = s->terms_of.first[at]; j < s->terms_of.first[at + 1]; j++) {
		const samv_term *t = &s->r->terms[s->terms_of.item[j]];
		for (size_t k = 0; k < t->nplacements; k++) {
			const samv_placement *p = &t->placements[k];
			if (!placed_in(s, p))
				continue;
			const char *spec = samv_fit_specialization(p->scope, p->specialization);
			prow *r = find_row(s, ai->row0, p->unit, p->program, spec);
			if (!r && !(r = add_row(s, a, p->unit, p->program, spec, -1)))
				return;
			r->placed++;
			r->days += samv_pay_placement(p, a->rates).days;
		}
	}
	ai->row1 = s->nrows;

	ai->unit0 = s->nunits;
	for (size_t i = ai->row0; i < ai->row1; i++) {
		urow *u = unit_row(s, ai->unit0, a, s->rows[i].unit);
		if (!u)
			return;
		u->agreed += s->rows[i].agreed > 0 ? s->rows[i].agreed : 0;
		u->placed += s->rows[i].placed;
	}
	for (size_t j = s->terms_of.first[at]; j < s->terms_of.first[at + 1]; j++) {
		const samv_term *t = &s->r->terms[s->terms_of.item[j]];
		if (t->year != s->year)
			continue;
		for (size_t k = 0; k < t->nplacements; k++) {
			const samv_placement *p = &t->placements[k];
			if (!paid_for(p) || !p->unit)
				continue;
			samv_pay_line line = samv_pay_placement(p, a->rates);
			urow *u = unit_row(s, ai->unit0, a, p->unit);
			if (!u)
				return;
			if (!line.missing_year) {
				u->computed += line.amount;
				s->term_computed[t->autumn] += line.amount;
			}
		}
	}
	for (size_t j = s->invoices_of.first[at]; j < s->invoices_of.first[at + 1]; j++) {
		const samv_invoice *inv = &s->r->invoices[s->invoices_of.item[j]];
		int half = invoice_half(s, inv);
		if (!inv->from_unit)
			continue;
		urow *u = unit_row(s, ai->unit0, a, inv->from_unit);
		if (!u)
			return;
		u->invoiced += inv->total;
		s->term_invoiced[half] += inv->total;
		if (inv->paid != SAMV_NO_DATE) {
			u->paid += inv->total;
			s->term_paid[half] += inv->total;
		}
	}
	ai->unit1 = s->nunits;
}

static bool overlaps_year(const summary *s, samv_date from, samv_date to)
{
	return (from == SAMV_NO_DATE || from <= s->last) && (to == SAMV_NO_DATE || to >= s->first);
}

static void add_supervisor(summary *s, const samv_party *party, const char *id, bool lead)
{
	const samv_person *person = id ? samv_party_person(party, id) : NULL;
	if (!person)
		return; /* the ref rule reports it */
	/* A row per mention, summed per person by gather_supervisors. */
	RESERVE(s->sups, s->nsups, s->capsups, s->oom = true; return);
	s->sups[s->nsups++] = (sup){ party, person, !lead, lead };
}

static int sup_cmp(const void *pa, const void *pb)
{
	const sup *a = pa, *b = pb;
	int c = samv_collate_sv(a->party->name, b->party->name);
	if (!c)
		c = samv_collate_sv(a->person->name, b->person->name);
	if (!c)
		c = strcmp(a->party->id, b->party->id);
	if (!c)
		c = strcmp(a->person->id, b->person->id);
	return c;
}

static int by_person(const void *pa, const void *pb)
{
	uintptr_t a = (uintptr_t)((const sup *)pa)->person, b = (uintptr_t)((const sup *)pb)->person;
	return (a > b) - (a < b);
}

static void gather_supervisors(summary *s)
{
	for (size_t i = 0; i < s->r->nterms; i++) {
		const samv_term *t = &s->r->terms[i];
		const samv_party *party = t->agreement ? t->agreement->party : NULL;
		for (size_t k = 0; party && k < t->nplacements; k++) {
			const samv_placement *p = &t->placements[k];
			if (!counts(p) || p->start == SAMV_NO_DATE || !overlaps_year(s, p->start, p->end))
				continue;
			for (size_t j = 0; j < p->nsupervisors; j++) {
				const char *id = p->supervisors[j];
				bool again = false; /* a person listed twice supervises once */
				for (size_t m = 0; m < j && !again; m++) {
					const char *other = p->supervisors[m];
					again = id && other && strcmp(id, other) == 0;
				}
				if (!again)
					add_supervisor(s, party, id, false);
			}
			if (p->lead_supervisor)
				add_supervisor(s, party, p->lead_supervisor, true);
		}
	}
	/* The rows of one person brought together and summed: a search of the rows for each
	 * mention was quadratic. sup_cmp orders people completely, so the order in which they
	 * were met does not show. */
	if (s->nsups)
		qsort(s->sups, s->nsups, sizeof *s->sups, by_person);
	size_t n = 0;
	for (size_t i = 0; i < s->nsups; i++) {
		if (n && s->sups[n - 1].person == s->sups[i].person) {
			s->sups[n - 1].supervised += s->sups[i].supervised;
			s->sups[n - 1].lead += s->sups[i].lead;
		} else {
			s->sups[n++] = s->sups[i];
		}
	}
	s->nsups = n;
	if (s->nsups)
		qsort(s->sups, s->nsups, sizeof *s->sups, sup_cmp);
}

static int fc_cmp(const void *pa, const void *pb)
{
	const fcount *a = pa, *b = pb;
	int c = strcmp(a->rule, b->rule);
	return c ? c : (a->sev < b->sev) - (a->sev > b->sev); /* errors first */
}

static void gather_findings(summary *s)
{
	const samv_diags *d = s->c->findings;
	for (size_t i = 0; d && i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		if (f->severity == SAMV_SEV_OFF || !f->rule)
			continue;
		size_t k = 0;
		while (k < s->nfc && !(strcmp(s->fc[k].rule, f->rule) == 0 && s->fc[k].sev == f->severity))
			k++;
		if (k == s->nfc) {
			RESERVE(s->fc, s->nfc, s->capfc, s->oom = true; return);
			s->fc[s->nfc++] = (fcount){ f->rule, f->severity, 0 };
		}
		s->fc[k].n++;
	}
	if (s->nfc)
		qsort(s->fc, s->nfc, sizeof *s->fc, fc_cmp);
}

static bool project_in_year(const summary *s, const samv_project *project)
{
	int y;
	bool autumn;
	return project->term && samv_term_parse(project->term, &y, &autumn) && y == s->year;
}

/* Every agreement's courses (or projects) of the year. */
static void gather_listing(summary *s, listing *l, bool courses)
{
	for (size_t i = 0; i < s->r->nagreements; i++) {
		const samv_agreement *a = &s->r->agreements[i];
		for (size_t k = 0; k < (courses ? a->ncourses : a->nprojects); k++) {
			if (courses ? a->courses[k].year != s->year : !project_in_year(s, &a->projects[k]))
				continue;
			RESERVE(l->items, l->n, l->cap, s->oom = true; return);
			l->items[l->n++] = (listed){ a, k };
		}
	}
}

/* The index in the records' agreements of term i's agreement; nagreements for none. */
static size_t term_agreement(const summary *s, size_t i)
{
	const samv_agreement *a = s->r->terms[i].agreement;
	return a ? (size_t)(a - s->r->agreements) : s->r->nagreements;
}

/* The same for invoice i, when it is of the year. */
static size_t invoice_agreement_in_year(const summary *s, size_t i)
{
	const samv_invoice *inv = &s->r->invoices[i];
	const samv_agreement *a = invoice_half(s, inv) >= 0 ? invoice_agreement(s->r, inv) : NULL;
	return a ? (size_t)(a - s->r->agreements) : s->r->nagreements;
}

/* A counting sort of n items by agreement_of, stable so that each group keeps ledger order.
 * Each item's agreement is asked once: for an invoice that reads its term and placements,
 * scattered over the ledger's memory. */
static void group(summary *s, by_agr *g, size_t n, size_t (*agreement_of)(const summary *, size_t))
{
	size_t na = s->r->nagreements;
	size_t *of = malloc((n ? n : 1) * sizeof *of);
	g->first = calloc(na + 2, sizeof *g->first);
	g->item = malloc((n ? n : 1) * sizeof *g->item);
	if (!of || !g->first || !g->item) {
		free(of);
		s->oom = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		of[i] = agreement_of(s, i);
		if (of[i] < na)
			g->first[of[i] + 2]++;
	}
	for (size_t k = 2; k < na + 2; k++)
		g->first[k] += g->first[k - 1];
	/* first[k + 1] is where group k starts; filling moves it to where group k ends, which is
	 * where group k + 1 starts. */
	for (size_t i = 0; i < n; i++)
		if (of[i] < na)
			g->item[g->first[of[i] + 1]++] = i;
	free(of);
}

static void by_agr_free(by_agr *g)
{
	free(g->first);
	free(g->item);
}

static void gather(summary *s)
{
	const samv_records *r = s->r;
	group(s, &s->terms_of, r->nterms, term_agreement);
	group(s, &s->invoices_of, r->ninvoices, invoice_agreement_in_year);
	for (size_t i = 0; i < r->nagreements && !s->oom; i++) {
		const samv_agreement *a = &r->agreements[i];
		if (!a->id || !agreement_active(s, a))
			continue;
		RESERVE(s->agr, s->nagr, s->capagr, s->oom = true; return);
		agr_info *ai = &s->agr[s->nagr++];
		*ai = (agr_info){ .a = a, .in_force = in_force(s, a) };
		ai->municipality = party_name(s, a->municipality);
		ai->universities = universities_of(s, a, true);
		switch (s->by) {
		case BY_AGREEMENT:
			ai->gkey = ai->gname = a->id;
			break;
		case BY_MUNICIPALITY:
			ai->gkey = a->municipality ? a->municipality : "";
			ai->gname = ai->municipality;
			break;
		case BY_UNIVERSITY:
			ai->gkey = universities_of(s, a, false);
			ai->gname = ai->universities;
			break;
		}
	}
	if (s->nagr)
		qsort(s->agr, s->nagr, sizeof *s->agr, agr_cmp);
	for (size_t i = 0; i < s->nagr && !s->oom; i++)
		gather_agreement(s, &s->agr[i]);
	gather_supervisors(s);
	gather_findings(s);
	gather_listing(s, &s->courses, true);
	gather_listing(s, &s->projects, false);
}

/* The groups: runs of agreements with one key. */
static size_t group_end(const summary *s, size_t i)
{
	size_t j = i + 1;
	while (j < s->nagr && strcmp(s->agr[j].gkey, s->agr[i].gkey) == 0)
		j++;
	return j;
}

static totals sum_of(const summary *s, size_t from, size_t to)
{
	totals t = { 0 };
	for (size_t i = from; i < to; i++) {
		const agr_info *ai = &s->agr[i];
		for (size_t k = ai->row0; k < ai->row1; k++) {
			t.agreed += s->rows[k].agreed > 0 ? s->rows[k].agreed : 0;
			t.placed += s->rows[k].placed;
			t.days += s->rows[k].days;
		}
		for (size_t k = ai->unit0; k < ai->unit1; k++) {
			t.computed += s->units[k].computed;
			t.invoiced += s->units[k].invoiced;
			t.paid += s->units[k].paid;
		}
	}
	return t;
}

/* ---- labels ---- */

static const char *program_label(summary *s, const char *program, const char *spec)
{
	static const char *const names[][2] = {
		{ "nursing", N_("Nursing") },
		{ "specialist-nursing", N_("Specialist nursing") },
		{ "occupational-therapy", N_("Occupational therapy") },
		{ "physiotherapy", N_("Physiotherapy") },
		{ "other", N_("Other programme") },
	};
	const char *label = program;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(program, names[i][0]) == 0)
			label = samv_tr(s->c, names[i][1]);
	return spec ? samv_pool_printf(&s->pool, "%s, %s", label, spec) : label;
}

static const char *body_type_label(const summary *s, const char *type)
{
	if (!type)
		return "";
	if (strcmp(type, "steering-group") == 0)
		return samv_tr(s->c, "steering group");
	if (strcmp(type, "council") == 0)
		return samv_tr(s->c, "council");
	return type; /* forum, workshop */
}

static const char *severity_label(const summary *s, samv_severity sev)
{
	return sev == SAMV_SEV_ERROR ? samv_trp(s->c, "severity", "error") : samv_trp(s->c, "severity", "warning");
}

static const char *term_label(summary *s, int half)
{
	/* TRANSLATORS: %d is a year; HT and VT are the terms' codes in the ledger. */
	return half ? samv_pool_printf(&s->pool, samv_tr(s->c, "Autumn term %d (HT)"), s->year)
		    : samv_pool_printf(&s->pool, samv_tr(s->c, "Spring term %d (VT)"), s->year);
}

static const char *by_label(const summary *s)
{
	switch (s->by) {
	case BY_MUNICIPALITY:
		return samv_tr(s->c, "Municipality");
	case BY_UNIVERSITY:
		return samv_tr(s->c, "University");
	default:
		return samv_tr(s->c, "Agreement");
	}
}

/* The first completion of a course, or SAMV_NO_DATE. */
static samv_date trained(const samv_person *p, const char *course)
{
	samv_date best = SAMV_NO_DATE;
	for (size_t i = 0; i < p->ntraining; i++)
		if (p->training[i].course && strcmp(p->training[i].course, course) == 0 &&
		    p->training[i].completed != SAMV_NO_DATE &&
		    (best == SAMV_NO_DATE || p->training[i].completed < best))
			best = p->training[i].completed;
	return best;
}

/* ---- cells (table.h): a missing text or date is a dash ---- */

static samv_cell text(const char *t)
{
	return t ? samv_cell_text(t) : samv_cell_dash();
}

static samv_cell weeks(int64_t days)
{
	return samv_cell_tenths(days * 2); /* days / 5 in tenths */
}

static samv_cell date(samv_date d)
{
	return d == SAMV_NO_DATE ? samv_cell_dash() : samv_cell_date(d);
}

/* Text that is a list of dates, "2019-03-14, 2019-10-17": HTML keeps each date on one line. */
static samv_cell date_list(const char *t)
{
	return t ? samv_cell_flag(samv_cell_text(t), SAMV_CELL_DATED) : samv_cell_dash();
}

typedef struct doc {
	summary *s;
	samv_format f;
	samv_buf *b;
	bool oom;
	bool in_section; /* HTML: a <section> is open */
} doc;

/* Emit and free the table. */
static void put_table(doc *d, samv_table *t)
{
	samv_table_write(d->s->c, d->b, t, d->f);
	if (d->f == SAMV_FORMAT_CSV)
		samv_buf_puts(d->b, "\r\n"); /* the blank line between sections */
	samv_table_free(t);
}

/* Make a table and emit it. */
static void add_table(doc *d, void (*make)(doc *d, samv_table *t))
{
	samv_table t;
	make(d, &t);
	put_table(d, &t);
}

static void heading(doc *d, int level, const char *id, const char *title)
{
	if (d->f == SAMV_FORMAT_MD) {
		samv_buf_printf(d->b, "%.*s ", level, "######");
		samv_escape_md(d->b, title);
		samv_buf_puts(d->b, "\n\n");
	} else if (d->f == SAMV_FORMAT_HTML) {
		if (id)
			samv_buf_printf(d->b, "<h%d id=\"%s\">", level, id);
		else
			samv_buf_printf(d->b, "<h%d>", level);
		samv_escape_html(d->b, title);
		samv_buf_printf(d->b, "</h%d>\n", level);
	}
}

static void para(doc *d, const char *text)
{
	if (d->f == SAMV_FORMAT_MD) {
		samv_escape_md(d->b, text);
		samv_buf_puts(d->b, "\n\n");
	} else if (d->f == SAMV_FORMAT_HTML) {
		samv_buf_puts(d->b, "<p>");
		samv_escape_html(d->b, text);
		samv_buf_puts(d->b, "</p>\n");
	}
}

/* ---- the sections as tables ---- */

/* The group column is shown when --by is not agreement (then the agreement column is it). */
static bool group_col(const summary *s)
{
	return s->by != BY_AGREEMENT;
}

static const char *sum_label(summary *s, const char *name)
{
	/* TRANSLATORS: a subtotal row: %s is what it sums (an agreement, a municipality, a university). */
	return samv_pool_printf(&s->pool, samv_tr(s->c, "Subtotal %s"), name);
}

/* The date of the agreement's first plan and first follow-up of the year (or SAMV_NO_DATE),
 * and the party that initiated that follow-up (an id, or NULL). */
static void plan_and_follow_up(const summary *s, const samv_agreement *a, samv_date *plan,
			       samv_date *follow_up, const char **by)
{
	*plan = *follow_up = SAMV_NO_DATE;
	*by = NULL;
	for (size_t k = 0; k < a->nplans; k++)
		if (a->plans[k].year == s->year && *plan == SAMV_NO_DATE)
			*plan = a->plans[k].date;
	for (size_t k = 0; k < a->nfollow_ups; k++)
		if (a->follow_ups[k].year == s->year && *follow_up == SAMV_NO_DATE) {
			*follow_up = a->follow_ups[k].date;
			*by = a->follow_ups[k].by;
		}
}

static void agreements_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "agreements"), NULL, samv_tr(s->c, "No agreement is in force this year."));
	samv_table_id_col(t, samv_tr(s->c, "Agreement"));
	samv_table_col(t, samv_tr(s->c, "Municipality"), false);
	samv_table_col(t, samv_tr(s->c, "University"), false);
	samv_table_col(t, samv_tr(s->c, "In force from"), false);
	samv_table_col(t, samv_pool_printf(&s->pool, samv_tr(s->c, "Plan for %d"), s->year), false);
	samv_table_col(t, samv_pool_printf(&s->pool, samv_tr(s->c, "Follow-up of %d"), s->year), false);
	samv_table_col(t, samv_tr(s->c, "Initiated by"), false);
	for (size_t i = 0; i < s->nagr; i++) {
		const agr_info *ai = &s->agr[i];
		const samv_agreement *a = ai->a;
		if (!ai->in_force)
			continue;
		samv_date plan, follow;
		const char *by;
		plan_and_follow_up(s, a, &plan, &follow, &by);
		samv_table_row *r = samv_table_row_add(t, false);
		r->c[0] = text(a->id);
		r->c[1] = text(ai->municipality);
		r->c[2] = text(ai->universities);
		r->c[3] = date(a->valid_from);
		r->c[4] = plan == SAMV_NO_DATE ? text(samv_tr(s->c, "missing")) : date(plan);
		r->c[5] = follow == SAMV_NO_DATE ? text(samv_tr(s->c, "missing")) : date(follow);
		r->c[6] = text(by ? party_name(s, by) : NULL);
	}
}

/* The first columns of the places and compensation tables: the --by group (unless that is
 * the agreement, which has a column anyway), the agreement and the unit. Returns the index
 * of the next column. */
static size_t agreement_unit_cols(summary *s, samv_table *t)
{
	if (group_col(s))
		samv_table_col(t, by_label(s), false);
	samv_table_id_col(t, samv_tr(s->c, "Agreement"));
	samv_table_col(t, samv_tr(s->c, "Unit"), false);
	return group_col(s) + 2;
}

static samv_table_row *agreement_unit_row(summary *s, samv_table *t, const agr_info *ai, const char *unit)
{
	size_t g = group_col(s);
	samv_table_row *r = samv_table_row_add(t, false);
	if (g)
		r->c[0] = text(ai->gname);
	r->c[g] = text(ai->a->id);
	r->c[g + 1] = text(unit_name(ai->a, unit));
	return r;
}

/* The rows of the places and compensation tables: those of each --by group's agreements,
 * then the group's subtotal, and at the end the total. agreement_rows adds an agreement's
 * rows and sum_cells fills a subtotal's or the total's figures, both from column at on. */
static void grouped_rows(summary *s, samv_table *t, size_t at,
			 void (*agreement_rows)(summary *s, samv_table *t, const agr_info *ai, size_t at),
			 void (*sum_cells)(samv_table_row *r, size_t at, totals tt))
{
	for (size_t i = 0; i < s->nagr;) {
		size_t j = group_end(s, i);
		for (size_t k = i; k < j; k++)
			agreement_rows(s, t, &s->agr[k], at);
		samv_table_row *r = samv_table_row_add(t, true);
		r->c[0] = text(sum_label(s, s->agr[i].gname));
		sum_cells(r, at, sum_of(s, i, j));
		i = j;
	}
	if (s->nagr) {
		samv_table_row *r = samv_table_row_add(t, true);
		r->c[0] = text(samv_tr(s->c, "Total"));
		sum_cells(r, at, sum_of(s, 0, s->nagr));
	}
}

/* Programme, agreed, placed and student-weeks. */
static void placement_rows(summary *s, samv_table *t, const agr_info *ai, size_t at)
{
	for (size_t n = ai->row0; n < ai->row1; n++) {
		const prow *p = &s->rows[n];
		samv_table_row *r = agreement_unit_row(s, t, ai, p->unit);
		r->c[at] = text(program_label(s, p->program, p->spec));
		r->c[at + 1] = p->agreed < 0 ? samv_cell_dash() : samv_cell_int(p->agreed);
		r->c[at + 2] = samv_cell_int(p->placed);
		r->c[at + 3] = weeks(p->days);
	}
}

static void placement_sums(samv_table_row *r, size_t at, totals tt)
{
	r->c[at + 1] = samv_cell_int(tt.agreed);
	r->c[at + 2] = samv_cell_int(tt.placed);
	r->c[at + 3] = weeks(tt.days);
}

static void placements_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "places"), NULL, samv_tr(s->c, "No agreements and no placements this year."));
	size_t at = agreement_unit_cols(s, t);
	samv_table_col(t, samv_tr(s->c, "Programme"), false);
	samv_table_col(t, samv_tr(s->c, "Agreed per year"), true);
	samv_table_col(t, samv_tr(s->c, "Placed"), true);
	samv_table_col(t, samv_tr(s->c, "Student-weeks"), true);
	grouped_rows(s, t, at, placement_rows, placement_sums);
}

static void money_cells(samv_table_row *r, size_t at, samv_ore computed, samv_ore invoiced, samv_ore paid)
{
	r->c[at] = samv_cell_money(computed);
	r->c[at + 1] = samv_cell_money(invoiced);
	r->c[at + 2] = samv_cell_money(paid);
	r->c[at + 3] = samv_cell_money(invoiced - paid);
}

static void money_cols(summary *s, samv_table *t)
{
	samv_table_money_col(t, samv_tr(s->c, "Computed"));
	samv_table_money_col(t, samv_tr(s->c, "Invoiced"));
	samv_table_money_col(t, samv_tr(s->c, "Paid"));
	samv_table_money_col(t, samv_tr(s->c, "Outstanding"));
}

static void compensation_rows(summary *s, samv_table *t, const agr_info *ai, size_t at)
{
	for (size_t n = ai->unit0; n < ai->unit1; n++) {
		const urow *u = &s->units[n];
		money_cells(agreement_unit_row(s, t, ai, u->unit), at, u->computed, u->invoiced, u->paid);
	}
}

static void compensation_sums(samv_table_row *r, size_t at, totals tt)
{
	money_cells(r, at, tt.computed, tt.invoiced, tt.paid);
}

static void compensation_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "compensation"), NULL, samv_tr(s->c, "No compensation this year."));
	size_t at = agreement_unit_cols(s, t);
	money_cols(s, t);
	grouped_rows(s, t, at, compensation_rows, compensation_sums);
}

static void terms_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "term"), NULL, "");
	samv_table_col(t, samv_tr(s->c, "Term"), false);
	money_cols(s, t);
	for (int half = 0; half < 2; half++) {
		samv_table_row *r = samv_table_row_add(t, false);
		r->c[0] = text(term_label(s, half));
		money_cells(r, 1, s->term_computed[half], s->term_invoiced[half], s->term_paid[half]);
	}
	samv_table_row *r = samv_table_row_add(t, true);
	r->c[0] = text(samv_tr(s->c, "Total"));
	money_cells(r, 1, s->term_computed[0] + s->term_computed[1], s->term_invoiced[0] + s->term_invoiced[1],
		    s->term_paid[0] + s->term_paid[1]);
}

/* The units shown in the first chart, and its table. */
static bool charted(const urow *u)
{
	return u->agreed > 0 || u->placed > 0;
}

static void units_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, NULL, NULL, "");
	samv_table_id_col(t, samv_tr(s->c, "Agreement"));
	samv_table_col(t, samv_tr(s->c, "Unit"), false);
	samv_table_col(t, samv_tr(s->c, "Agreed per year"), true);
	samv_table_col(t, samv_tr(s->c, "Placed"), true);
	for (size_t i = 0; i < s->nunits; i++) {
		const urow *u = &s->units[i];
		if (!charted(u))
			continue;
		samv_table_row *r = samv_table_row_add(t, false);
		r->c[0] = text(u->a->id);
		r->c[1] = text(unit_name(u->a, u->unit));
		r->c[2] = samv_cell_int(u->agreed);
		r->c[3] = samv_cell_int(u->placed);
	}
}

static int64_t trained_by_year_end(const summary *s)
{
	int64_t n = 0;
	for (size_t i = 0; i < s->nsups; i++) {
		samv_date w = trained(s->sups[i].person, "web-intro"), h = trained(s->sups[i].person, "hp-7.5");
		n += (w != SAMV_NO_DATE && w <= s->last) || (h != SAMV_NO_DATE && h <= s->last);
	}
	return n;
}

static void supervisors_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "supervisors"), NULL, samv_tr(s->c, "No supervisors this year."));
	samv_table_col(t, samv_tr(s->c, "Supervisor"), false);
	samv_table_col(t, samv_tr(s->c, "Municipality"), false);
	samv_table_col(t, samv_tr(s->c, "Unit"), false);
	samv_table_col(t, samv_tr(s->c, "As supervisor"), true);
	samv_table_col(t, samv_tr(s->c, "As lead"), true);
	samv_table_col(t, samv_tr(s->c, "Web introduction"), false);
	samv_table_col(t, samv_tr(s->c, "7.5 credits"), false);
	samv_table_col(t, samv_tr(s->c, "Other training"), false);
	for (size_t i = 0; i < s->nsups; i++) {
		const sup *p = &s->sups[i];
		const samv_unit *u = p->person->unit ? samv_party_unit(p->party, p->person->unit) : NULL;
		samv_table_row *r = samv_table_row_add(t, false);
		r->c[0] = text(p->person->name);
		r->c[1] = text(p->party->name);
		r->c[2] = text(u && u->name ? u->name : p->person->unit);
		r->c[3] = samv_cell_int(p->supervised);
		r->c[4] = samv_cell_int(p->lead);
		r->c[5] = date(trained(p->person, "web-intro"));
		r->c[6] = date(trained(p->person, "hp-7.5"));
		r->c[7] = date(trained(p->person, "other"));
	}
}

static void courses_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "courses"), NULL, samv_tr(s->c, "No courses this year."));
	samv_table_id_col(t, samv_tr(s->c, "Agreement"));
	samv_table_col(t, samv_tr(s->c, "Course"), false);
	samv_table_col(t, samv_tr(s->c, "Extent"), false);
	for (size_t i = 0; i < s->courses.n; i++) {
		const listed *l = &s->courses.items[i];
		const samv_course *course = &l->a->courses[l->k];
		samv_table_row *r = samv_table_row_add(t, false);
		r->c[0] = text(l->a->id);
		r->c[1] = text(course->title);
		r->c[2] = text(course->extent);
	}
}

static void projects_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "projects"), NULL, samv_tr(s->c, "No projects this year."));
	samv_table_id_col(t, samv_tr(s->c, "Agreement"));
	samv_table_col(t, samv_tr(s->c, "Project"), false);
	samv_table_col(t, samv_tr(s->c, "Unit"), false);
	samv_table_col(t, samv_tr(s->c, "Term"), false);
	for (size_t i = 0; i < s->projects.n; i++) {
		const listed *l = &s->projects.items[i];
		const samv_project *project = &l->a->projects[l->k];
		samv_table_row *r = samv_table_row_add(t, false);
		r->c[0] = text(l->a->id);
		r->c[1] = text(project->title);
		r->c[2] = text(project->unit ? unit_name(l->a, project->unit) : NULL);
		r->c[3] = text(project->term);
	}
}

/* Whether protocol p is one of body b's, dated in the year. */
static bool held_in_year(const summary *s, const samv_protocol *p, const samv_body *b)
{
	return p->body == b && p->date != SAMV_NO_DATE && year_of(p->date) == s->year;
}

static bool body_in_year(const summary *s, const samv_body *b)
{
	for (size_t i = 0; i < b->nmembers; i++)
		if (overlaps_year(s, b->members[i].from, b->members[i].to))
			return true;
	for (size_t i = 0; i < s->r->nprotocols; i++)
		if (held_in_year(s, &s->r->protocols[i], b))
			return true;
	return false;
}

static void meetings_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "meetings"), NULL, samv_tr(s->c, "No bodies this year."));
	samv_table_col(t, samv_tr(s->c, "Body"), false);
	samv_table_col(t, samv_tr(s->c, "Type"), false);
	samv_table_col(t, samv_tr(s->c, "Meetings held"), true);
	samv_table_col(t, samv_tr(s->c, "Required per year"), true);
	samv_table_col(t, samv_tr(s->c, "Met"), false);
	samv_table_col(t, samv_tr(s->c, "Dates"), false);
	for (size_t i = 0; i < s->r->nbodies; i++) {
		const samv_body *b = &s->r->bodies[i];
		if (!body_in_year(s, b))
			continue;
		samv_buf dates = { 0 };
		int64_t held = 0;
		for (size_t k = 0; k < s->r->nprotocols; k++) {
			const samv_protocol *p = &s->r->protocols[k];
			if (!held_in_year(s, p, b))
				continue;
			if (held++)
				samv_buf_puts(&dates, ", ");
			samv_date_write(&dates, p->date);
		}
		const char *met;
		if (b->meets_per_year < 0)
			met = NULL;
		else if (held >= b->meets_per_year)
			met = samv_tr(s->c, "yes");
		else if (s->c->cfg->today <= s->last)
			met = samv_tr(s->c, "year not over");
		else
			met = samv_tr(s->c, "no");
		samv_table_row *r = samv_table_row_add(t, false);
		r->c[0] = text(b->name);
		r->c[1] = text(body_type_label(s, b->type));
		r->c[2] = samv_cell_int(held);
		r->c[3] = b->meets_per_year < 0 ? samv_cell_dash() : samv_cell_int(b->meets_per_year);
		r->c[4] = text(met);
		if (dates.oom)
			s->pool.oom = true;
		r->c[5] = dates.len ? date_list(samv_pool_keep(&s->pool, dates.data)) : samv_cell_dash();
	}
}

static void findings_table(doc *d, samv_table *t)
{
	summary *s = d->s;
	samv_table_init(t, samv_tr(s->c, "findings"), NULL, samv_tr(s->c, "No findings."));
	samv_table_id_col(t, samv_tr(s->c, "Rule"));
	samv_table_col(t, samv_tr(s->c, "Severity"), false);
	samv_table_col(t, samv_tr(s->c, "Count"), true);
	for (size_t i = 0; i < s->nfc; i++) {
		samv_table_row *r = samv_table_row_add(t, false);
		r->c[0] = text(s->fc[i].rule);
		r->c[1] = text(severity_label(s, s->fc[i].sev));
		r->c[2] = samv_cell_int(s->fc[i].n);
	}
}

/* ---- SVG charts (HTML only; chart.h) ---- */

#define BLOCK_H 58
#define PLOT_TOP 28

static void chart_placed(doc *d)
{
	summary *s = d->s;
	samv_buf *b = d->b;
	int64_t n = 0, max = 0;
	for (size_t i = 0; i < s->nunits; i++)
		if (charted(&s->units[i])) {
			n++;
			max = s->units[i].agreed > max ? s->units[i].agreed : max;
			max = s->units[i].placed > max ? s->units[i].placed : max;
		}
	int64_t step = samv_chart_step(max ? max : 1, 8);
	int64_t axis_max = ((max ? max : 1) + step - 1) / step * step;
	int64_t axis_y = PLOT_TOP + n * BLOCK_H;
	const char *title =
		samv_pool_printf(&s->pool, samv_tr(s->c, "Students agreed per year and students placed, by unit, %d"), s->year);
	samv_chart_open(b, "chart-placed", axis_y + 44, title,
		 samv_tr(s->c, "Two bars per unit: the number agreed per year and the students placed. The table "
			       "beside it holds the same figures."));
	samv_chart_legend(b, samv_tr(s->c, "Agreed per year"), samv_tr(s->c, "Placed"));
	samv_chart_axis(b, PLOT_TOP - 4, axis_y, step, axis_max, samv_chart_count, samv_report_swedish(s->c), samv_tr(s->c, "Number of students"));
	int64_t k = 0;
	for (size_t i = 0; i < s->nunits; i++) {
		const urow *u = &s->units[i];
		if (!charted(u))
			continue;
		const char *label = samv_pool_printf(&s->pool, "%s (%s)", unit_name(u->a, u->unit), u->a->id);
		samv_chart_bars(b, samv_report_swedish(s->c), PLOT_TOP + k++ * BLOCK_H, label, u->agreed, u->placed, axis_max, false);
	}
	samv_buf_puts(b, "</svg>\n");
}

static void chart_compensation(doc *d)
{
	summary *s = d->s;
	samv_buf *b = d->b;
	samv_ore max = 0;
	for (int h = 0; h < 2; h++) {
		max = s->term_computed[h] > max ? s->term_computed[h] : max;
		max = s->term_invoiced[h] > max ? s->term_invoiced[h] : max;
	}
	int64_t max_kr = (max + 99) / 100;
	int64_t step = samv_chart_step(max_kr ? max_kr : 1, 6);
	int64_t axis_kr = ((max_kr ? max_kr : 1) + step - 1) / step * step;
	int64_t axis_y = PLOT_TOP + 2 * BLOCK_H;
	const char *title = samv_pool_printf(&s->pool, samv_tr(s->c, "Compensation computed and invoiced by term in %d"), s->year);
	samv_chart_open(b, "chart-compensation", axis_y + 44, title,
		 samv_tr(s->c, "Two bars per term: compensation computed and invoiced. The table beside it holds "
			       "the same figures."));
	samv_chart_legend(b, samv_tr(s->c, "Computed"), samv_tr(s->c, "Invoiced"));
	samv_chart_axis(b, PLOT_TOP - 4, axis_y, step, axis_kr, samv_chart_kronor, samv_report_swedish(s->c), samv_tr(s->c, "SEK"));
	for (int h = 0; h < 2; h++)
		samv_chart_bars(b, samv_report_swedish(s->c), PLOT_TOP + h * BLOCK_H, term_label(s, h), s->term_computed[h], s->term_invoiced[h],
			 axis_kr * 100, true);
	samv_buf_puts(b, "</svg>\n");
}

/* A chart with its table beside it. */
static void figure(doc *d, void (*chart)(doc *), const char *caption, samv_table *t)
{
	samv_buf_puts(d->b, "<div class=\"pair\">\n<figure>\n");
	chart(d);
	samv_buf_puts(d->b, "<figcaption>");
	samv_escape_html(d->b, caption);
	samv_buf_puts(d->b, "</figcaption>\n</figure>\n");
	put_table(d, t);
	samv_buf_puts(d->b, "</div>\n");
}

/* ---- md, html, csv ---- */

static const char html_style[] =
	"body { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; color: #1a1a1a;"
	" background: #fff; margin: 2rem; line-height: 1.4; }\n"
	"h1, h2, h3 { line-height: 1.2; }\n"
	".meta { color: #4a4a4a; }\n"
	".notice { border: 2px solid #a61b1b; background: #fff4f4; color: #7a0e0e; padding: 0.5rem 0.75rem;"
	" font-weight: bold; }\n"
	"table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }\n"
	"caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }\n"
	"th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }\n"
	"thead th { background: #e8eef4; }\n"
	".num { text-align: right; font-variant-numeric: tabular-nums; }\n"
	"td.num, .date, .id { white-space: nowrap; }\n"
	"tr.sum th, tr.sum td { font-weight: bold; background: #f3f3f3; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"thead { display: table-header-group; }\n"
	".pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }\n"
	"figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }\n"
	"figure svg { max-width: 100%; height: auto; }\n"
	"figcaption { font-size: 0.9rem; }\n"
	"@media print { body { margin: 0; font-size: 9pt; } th, td { padding: 0.15em 0.35em; }"
	" h2 { break-after: avoid; page-break-after: avoid; } }\n";

/* The stamp in the header's running text (CSV gives it a row: put_header). */
static void put_stamp(doc *d)
{
	samv_buf stamp = { 0 };
	samv_report_stamp(d->s->c, &stamp);
	if (d->f == SAMV_FORMAT_HTML)
		samv_escape_html(d->b, stamp.data);
	else
		samv_escape_md(d->b, stamp.data);
	d->oom |= stamp.oom;
	samv_buf_free(&stamp);
}

/* A row of the CSV's "report" section, the one that says what the file is. */
static void csv_report_row(doc *d, const char *item)
{
	samv_escape_csv(d->b, samv_tr(d->s->c, "report"));
	samv_buf_puts(d->b, ";");
	samv_escape_csv(d->b, item);
	samv_buf_puts(d->b, "\r\n");
}

static void put_notice(doc *d)
{
	if (d->f == SAMV_FORMAT_HTML) {
		samv_report_html_notice(d->s->c, d->b);
	} else if (d->f == SAMV_FORMAT_MD) {
		samv_report_md_notice(d->s->c, d->b);
	} else {
		samv_buf notice = { 0 };
		samv_report_notice(d->s->c, &notice);
		if (notice.len)
			csv_report_row(d, notice.data);
		d->oom |= notice.oom;
		samv_buf_free(&notice);
	}
}

static const char *ledger_name(const summary *s)
{
	return s->r->ledger_name ? s->r->ledger_name : "";
}

static void put_header(doc *d)
{
	summary *s = d->s;
	samv_buf *b = d->b;
	const char *title = samv_pool_printf(&s->pool, samv_tr(s->c, "Yearly follow-up %d"), s->year);
	char today[11];
	samv_date_format(s->c->cfg->today, today);
	const char *asof = samv_pool_printf(&s->pool, samv_tr(s->c, "Figures as of %s"), today);
	const char *grouped = s->by == BY_AGREEMENT	  ? samv_tr(s->c, "Grouped by agreement")
			      : s->by == BY_MUNICIPALITY ? samv_tr(s->c, "Grouped by municipality")
							 : samv_tr(s->c, "Grouped by university");
	if (d->f == SAMV_FORMAT_CSV) {
		samv_buf stamp = { 0 };
		samv_report_stamp(s->c, &stamp);
		const char *items[] = { title, ledger_name(s), asof, grouped, stamp.data };
		samv_buf_puts(b, "\xEF\xBB\xBF");
		samv_escape_csv(b, samv_tr(s->c, "section"));
		samv_buf_puts(b, ";");
		samv_escape_csv(b, samv_tr(s->c, "item"));
		samv_buf_puts(b, "\r\n");
		for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
			csv_report_row(d, items[i]);
		d->oom |= stamp.oom;
		samv_buf_free(&stamp);
		put_notice(d);
		samv_buf_puts(b, "\r\n");
		return;
	}
	if (d->f == SAMV_FORMAT_HTML) {
		samv_page_open(s->c, b,
			       *ledger_name(s) ? samv_pool_printf(&s->pool, "%s – %s", title, ledger_name(s)) : title,
			       html_style);
		samv_buf_puts(b, "<header>\n");
		heading(d, 1, NULL, title);
		samv_buf_puts(b, "<p class=\"meta\">");
		samv_escape_html(b, ledger_name(s));
		samv_buf_puts(b, "<br>\n");
		samv_escape_html(b, asof);
		samv_buf_puts(b, ". ");
		samv_escape_html(b, grouped);
		samv_buf_puts(b, ".<br>\n");
		put_stamp(d);
		samv_buf_puts(b, "</p>\n");
		put_notice(d);
		samv_buf_puts(b, "</header>\n<main>\n");
		return;
	}
	heading(d, 1, NULL, title);
	if (*ledger_name(s)) {
		samv_escape_md(b, ledger_name(s));
		samv_buf_puts(b, "  \n");
	}
	samv_escape_md(b, asof);
	samv_buf_puts(b, ". ");
	samv_escape_md(b, grouped);
	samv_buf_puts(b, ".  \n");
	put_stamp(d);
	samv_buf_puts(b, "\n\n");
	put_notice(d);
}

static void section(doc *d, const char *id, const char *title)
{
	if (d->f == SAMV_FORMAT_HTML) {
		if (d->in_section)
			samv_buf_puts(d->b, "</section>\n");
		samv_buf_printf(d->b, "<section aria-labelledby=\"%s\">\n", id);
		d->in_section = true;
	}
	heading(d, 2, id, title);
}

static size_t warnings_of(const samv_report_ctx *c)
{
	size_t n = 0;
	for (size_t i = 0; c->findings && i < c->findings->count; i++)
		n += c->findings->items[i].severity == SAMV_SEV_WARNING;
	return n;
}

static void render_text(doc *d)
{
	summary *s = d->s;
	samv_pool *p = &s->pool;
	int y = s->year;
	samv_table t;
	char due[11];
	samv_date_format(samv_deadline_follow_up(y), due);

	put_header(d);

	section(d, "s-agreements", samv_tr(s->c, "Agreements, plan and follow-up (§ 4.2, § 8)"));
	para(d, samv_pool_printf(p, samv_tr(s->c, "Agreements in force at some time in %d, with the year's plan for the number and distribution of students (§ 4.2) and the year's follow-up, which the university initiates and which is due by %s (§ 8)."),
			    y, due));
	add_table(d, agreements_table);

	section(d, "s-places", samv_tr(s->c, "Students placed against agreed (§ 4.1)"));
	para(d, samv_pool_printf(p, samv_tr(s->c, "Placements starting in %d that are not withdrawn or cancelled, by agreement, unit and programme, against the students agreed per year. Student-weeks are the placements' paid days divided by 5. A dash under Agreed means the unit and programme are not in the agreement's scope."),
			    y));
	if (d->f == SAMV_FORMAT_HTML && s->nunits) {
		bool any = false;
		for (size_t i = 0; i < s->nunits; i++)
			any |= charted(&s->units[i]);
		if (any) {
			units_table(d, &t);
			t.caption = samv_tr(s->c, "By unit");
			figure(d, chart_placed, samv_pool_printf(p, samv_tr(s->c, "Agreed and placed by unit, %d"), y), &t);
		}
	}
	add_table(d, placements_table);

	section(d, "s-compensation", samv_tr(s->c, "Compensation (§ 4.6)"));
	para(d, samv_pool_printf(p, samv_tr(s->c, "Computed: the compensation for confirmed and completed placements of the spring and autumn terms of %d. Invoiced: the totals of the invoices for those terms. Paid: invoices with a payment date. Outstanding: invoiced less paid."),
			    y));
	add_table(d, compensation_table);
	heading(d, 3, NULL, samv_tr(s->c, "By term"));
	terms_table(d, &t);
	if (d->f == SAMV_FORMAT_HTML && (s->term_computed[0] || s->term_computed[1] || s->term_invoiced[0] || s->term_invoiced[1]))
		figure(d, chart_compensation, samv_pool_printf(p, samv_tr(s->c, "Compensation by term, %d"), y), &t);
	else
		put_table(d, &t);

	section(d, "s-supervisors", samv_tr(s->c, "Supervisors and supervisor training (§ 4.4)"));
	para(d, samv_pool_printf(p, samv_tr(s->c, "Supervisors and lead supervisors of placements during %d: %zu, of whom %lld had completed the web introduction or 7.5 credits by %d-12-31. The dates are each course's first completion."),
			    y, s->nsups, (long long)trained_by_year_end(s), y));
	add_table(d, supervisors_table);

	section(d, "s-courses", samv_tr(s->c, "Courses and projects (§ 5.1, § 6)"));
	heading(d, 3, NULL, samv_pool_printf(p, samv_tr(s->c, "Courses for staff %d"), y));
	add_table(d, courses_table);
	heading(d, 3, NULL, samv_pool_printf(p, samv_tr(s->c, "Projects and student theses %d"), y));
	add_table(d, projects_table);

	section(d, "s-meetings", samv_tr(s->c, "Meetings"));
	para(d, samv_pool_printf(p, samv_tr(s->c, "Bodies with members during %d, meetings with protocols dated in %d against the meetings per year of the declaration of intent."),
			    y, y));
	add_table(d, meetings_table);

	section(d, "s-findings", samv_tr(s->c, "Findings by rule (samv-check)"));
	char today[11];
	samv_date_format(s->c->cfg->today, today);
	size_t errors = samv_report_errors(s->c), warnings = warnings_of(s->c);
	/* TRANSLATORS: the counts in "Findings in the whole ledger ...: 3 errors and 1 warning." */
	const char *nerrors = samv_pool_printf(p, samv_trn(s->c, "%zu error", "%zu errors", errors), errors);
	/* TRANSLATORS: the counts in "Findings in the whole ledger ...: 3 errors and 1 warning." */
	const char *nwarnings = samv_pool_printf(p, samv_trn(s->c, "%zu warning", "%zu warnings", warnings), warnings);
	/* TRANSLATORS: the first %s is a date, %d the report's year, then "3 errors" and "1 warning". */
	para(d, samv_pool_printf(p, samv_tr(s->c, "Findings in the whole ledger as of %s, not only for %d: %s and %s."), today, y,
			    nerrors, nwarnings));
	add_table(d, findings_table);

	if (d->f == SAMV_FORMAT_HTML) {
		samv_buf_puts(d->b, "</section>\n</main>\n");
		samv_page_close(d->b);
	}
}

/* ---- JSON ---- */

static void json_money(samv_jw *w, samv_ore computed, samv_ore invoiced, samv_ore paid)
{
	samv_jw_int(w, "computed_ore", computed);
	samv_jw_int(w, "invoiced_ore", invoiced);
	samv_jw_int(w, "paid_ore", paid);
	samv_jw_int(w, "outstanding_ore", invoiced - paid);
}

static void json_totals(samv_jw *w, const char *key, totals t)
{
	samv_jw_inline(w, key, '{');
	samv_jw_int(w, "students_per_year", t.agreed);
	samv_jw_int(w, "placed", t.placed);
	samv_jw_int(w, "days", t.days);
	samv_jw_tenths(w, "student_weeks", t.days * 2);
	json_money(w, t.computed, t.invoiced, t.paid);
	samv_jw_close(w);
}

static void json_universities(samv_jw *w, const samv_agreement *a)
{
	samv_jw_inline(w, "universities", '[');
	for (size_t i = 0; i < a->nuniversities; i++)
		if (a->universities[i])
			samv_jw_str(w, NULL, a->universities[i]);
	samv_jw_close(w);
}

static void json_place(samv_jw *w, const prow *p)
{
	samv_jw_inline(w, NULL, '{');
	samv_jw_str(w, "agreement", p->a->id);
	samv_jw_str(w, "unit", p->unit);
	samv_jw_str(w, "program", p->program);
	samv_jw_str(w, "specialization", p->spec);
	if (p->agreed < 0)
		samv_jw_str(w, "students_per_year", NULL);
	else
		samv_jw_int(w, "students_per_year", p->agreed);
	samv_jw_int(w, "placed", p->placed);
	samv_jw_int(w, "days", p->days);
	samv_jw_tenths(w, "student_weeks", p->days * 2);
	samv_jw_close(w);
}

static void json_compensation(samv_jw *w, const urow *u)
{
	samv_jw_inline(w, NULL, '{');
	samv_jw_str(w, "agreement", u->a->id);
	samv_jw_str(w, "unit", u->unit);
	json_money(w, u->computed, u->invoiced, u->paid);
	samv_jw_close(w);
}

/* The courses (or projects): each one's agreement, then its fields as the ledger has them. */
static void json_listing(samv_jw *w, const listing *l, bool courses)
{
	samv_jw_block(w, courses ? "courses" : "projects", '[');
	for (size_t i = 0; i < l->n; i++) {
		const samv_agreement *a = l->items[i].a;
		size_t k = l->items[i].k;
		samv_jw_inline(w, NULL, '{');
		samv_jw_str(w, "agreement", a->id);
		if (courses) {
			samv_jw_str(w, "title", a->courses[k].title);
			samv_jw_str(w, "extent", a->courses[k].extent);
		} else {
			samv_jw_str(w, "title", a->projects[k].title);
			samv_jw_str(w, "unit", a->projects[k].unit);
			samv_jw_str(w, "term", a->projects[k].term);
		}
		samv_jw_close(w);
	}
	samv_jw_close(w);
}

static void render_json(doc *d)
{
	summary *s = d->s;
	const samv_report_ctx *c = s->c;
	samv_jw w;
	samv_jw_init(&w, d->b);
	static const char *const by_names[] = { "agreement", "municipality", "university" };

	samv_jw_block(&w, NULL, '{');
	samv_jw_str(&w, "report", "summary");
	samv_jw_int(&w, "year", s->year);
	samv_jw_str(&w, "by", by_names[s->by]);
	samv_jw_str(&w, "ledger", ledger_name(s));
	samv_jw_date(&w, "as_of", c->cfg->today);
	samv_jw_str(&w, "commit", c->commit);
	samv_jw_bool(&w, "modified", c->modified);
	samv_jw_int(&w, "errors", (int64_t)samv_report_errors(c));
	samv_jw_int(&w, "warnings", (int64_t)warnings_of(c));
	samv_date due = samv_deadline_follow_up(s->year);
	samv_jw_date(&w, "follow_up_due", due);

	samv_jw_block(&w, "agreements", '[');
	for (size_t i = 0; i < s->nagr; i++) {
		const agr_info *ai = &s->agr[i];
		const samv_agreement *a = ai->a;
		samv_date plan, follow;
		const char *by;
		plan_and_follow_up(s, a, &plan, &follow, &by);
		samv_jw_inline(&w, NULL, '{');
		samv_jw_str(&w, "id", a->id);
		samv_jw_str(&w, "municipality", a->municipality);
		json_universities(&w, a);
		samv_jw_date(&w, "valid_from", a->valid_from);
		samv_jw_bool(&w, "in_force", ai->in_force);
		samv_jw_date(&w, "plan_agreed", plan);
		samv_jw_date(&w, "follow_up", follow);
		samv_jw_str(&w, "follow_up_by", by);
		samv_jw_close(&w);
	}
	samv_jw_close(&w);

	samv_jw_block(&w, "groups", '[');
	for (size_t i = 0; i < s->nagr;) {
		size_t j = group_end(s, i);
		samv_jw_block(&w, NULL, '{');
		samv_jw_str(&w, "key", s->agr[i].gkey);
		samv_jw_str(&w, "name", s->agr[i].gname);
		samv_jw_block(&w, "places", '[');
		for (size_t k = i; k < j; k++)
			for (size_t n = s->agr[k].row0; n < s->agr[k].row1; n++)
				json_place(&w, &s->rows[n]);
		samv_jw_close(&w);
		samv_jw_block(&w, "compensation", '[');
		for (size_t k = i; k < j; k++)
			for (size_t n = s->agr[k].unit0; n < s->agr[k].unit1; n++)
				json_compensation(&w, &s->units[n]);
		samv_jw_close(&w);
		json_totals(&w, "total", sum_of(s, i, j));
		samv_jw_close(&w);
		i = j;
	}
	samv_jw_close(&w);

	samv_jw_block(&w, "terms", '[');
	for (int h = 0; h < 2; h++) {
		samv_jw_inline(&w, NULL, '{');
		char term[16];
		snprintf(term, sizeof term, "%d-%s", s->year, h ? "HT" : "VT");
		samv_jw_str(&w, "term", term);
		json_money(&w, s->term_computed[h], s->term_invoiced[h], s->term_paid[h]);
		samv_jw_close(&w);
	}
	samv_jw_close(&w);
	json_totals(&w, "total", sum_of(s, 0, s->nagr));

	samv_jw_block(&w, "supervisors", '[');
	for (size_t i = 0; i < s->nsups; i++) {
		const sup *p = &s->sups[i];
		samv_jw_inline(&w, NULL, '{');
		samv_jw_str(&w, "party", p->party->id);
		samv_jw_str(&w, "person", p->person->id);
		samv_jw_str(&w, "name", p->person->name);
		samv_jw_str(&w, "unit", p->person->unit);
		samv_jw_int(&w, "placements", p->supervised);
		samv_jw_int(&w, "lead", p->lead);
		samv_jw_inline(&w, "training", '[');
		for (size_t k = 0; k < p->person->ntraining; k++) {
			samv_jw_inline(&w, NULL, '{');
			samv_jw_str(&w, "course", p->person->training[k].course);
			samv_jw_date(&w, "completed", p->person->training[k].completed);
			samv_jw_close(&w);
		}
		samv_jw_close(&w);
		samv_jw_close(&w);
	}
	samv_jw_close(&w);

	json_listing(&w, &s->courses, true);
	json_listing(&w, &s->projects, false);

	samv_jw_block(&w, "meetings", '[');
	for (size_t i = 0; i < s->r->nbodies; i++) {
		const samv_body *b = &s->r->bodies[i];
		if (!body_in_year(s, b))
			continue;
		samv_jw_inline(&w, NULL, '{');
		samv_jw_str(&w, "body", b->id);
		samv_jw_str(&w, "type", b->type);
		int64_t held = 0;
		for (size_t k = 0; k < s->r->nprotocols; k++)
			held += held_in_year(s, &s->r->protocols[k], b);
		samv_jw_int(&w, "held", held);
		if (b->meets_per_year < 0)
			samv_jw_str(&w, "required", NULL);
		else
			samv_jw_int(&w, "required", b->meets_per_year);
		samv_jw_inline(&w, "dates", '[');
		for (size_t k = 0; k < s->r->nprotocols; k++) {
			if (held_in_year(s, &s->r->protocols[k], b))
				samv_jw_date(&w, NULL, s->r->protocols[k].date);
		}
		samv_jw_close(&w);
		samv_jw_close(&w);
	}
	samv_jw_close(&w);

	samv_jw_block(&w, "findings", '[');
	for (size_t i = 0; i < s->nfc; i++) {
		samv_jw_inline(&w, NULL, '{');
		samv_jw_str(&w, "rule", s->fc[i].rule);
		samv_jw_str(&w, "severity", samv_severity_name(s->fc[i].sev));
		samv_jw_int(&w, "count", s->fc[i].n);
		samv_jw_close(&w);
	}
	samv_jw_close(&w);
	samv_jw_close(&w);
	samv_buf_puts(d->b, "\n");
}

/* ---- the subcommand ---- */

int samv_report_summary(const samv_report_ctx *c, int year, const char *by, samv_format format,
			const samv_emitter *e, char **err)
{
	summary s = { .c = c, .r = c->records, .year = year };
	samv_buf out = { 0 };
	int rc = -1;

	if (!by || strcmp(by, "agreement") == 0) {
		s.by = BY_AGREEMENT;
	} else if (strcmp(by, "municipality") == 0) {
		s.by = BY_MUNICIPALITY;
	} else if (strcmp(by, "university") == 0) {
		s.by = BY_UNIVERSITY;
	} else {
		*err = samv_strprintf(_("unknown --by '%s': use agreement, municipality or university"), by);
		return -1;
	}
	if (format != SAMV_FORMAT_MD && format != SAMV_FORMAT_HTML && format != SAMV_FORMAT_CSV &&
	    format != SAMV_FORMAT_JSON) {
		static const char *const names[] = { "md", "html", "csv", "json", "ubl", "ics" };
		*err = samv_strprintf(_("summary has no %s format (md, html, csv or json)"), names[format]);
		return -1;
	}
	s.first = samv_date_from_ymd(year, 1, 1);
	s.last = samv_date_from_ymd(year, 12, 31);

	gather(&s);
	doc d = { &s, format, &out, false, false };
	if (!s.oom) {
		if (format == SAMV_FORMAT_JSON)
			render_json(&d);
		else
			render_text(&d);
	}
	if (s.oom || s.pool.oom || d.oom || out.oom) {
		*err = samv_strprintf(_("out of memory"));
		goto done;
	}
	char name[32];
	snprintf(name, sizeof name, "summary/%d.%s", year, samv_format_extension(format));
	rc = e->emit(e->arg, name, &out, err);
done:
	samv_buf_free(&out);
	free(s.agr);
	free(s.rows);
	free(s.units);
	free(s.sups);
	free(s.fc);
	free(s.courses.items);
	free(s.projects.items);
	by_agr_free(&s.terms_of);
	by_agr_free(&s.invoices_of);
	samv_pool_free(&s.pool);
	return rc;
}
