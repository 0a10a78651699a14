/*
 * report/invoices.c — `samv-report invoices --term T [--unit U]`: the invoice bases of a
 * term (Bilaga 2 of the agreement template, § 4.6) as Markdown, printable HTML, CSV, JSON
 * and PEPPOL BIS Billing 3.0 e-invoices (UBL 2.1).
 *
 * First the bases are collected from the typed records (collect()): which placements, which
 * seller and buyer, which invoice number, and every amount through pay.h. Then one renderer
 * per format lays the same bases out; no renderer computes anything (md and html share one
 * layout, write_basis, and differ only in their markup). md, html, csv and json make one
 * file "invoices/TERM.EXT" holding every basis; ubl makes one file per basis,
 * "invoices/TERM/NUMBER.xml".
 *
 * Decisions (where SPEC § 5 and the issue leave a choice):
 * - A basis holds the term's placements with status confirmed or completed, grouped by the
 *   seller (a unit of the agreement's municipal party), the university and the term. The
 *   seller's organisation number is the unit's own (a private LOV or contractor unit), else
 *   its party's (a municipal unit; a district carries its city's number).
 * - The university of a placement is its agreement's only university. When an agreement
 *   names several, it is the `to` of a recorded invoice of the term that lists the
 *   placement, else the first one listed.
 * - A recorded invoice (kind invoice) of the same term, party, unit and university gives
 *   the basis its number, issue and due date. When the placements of one group are on two
 *   recorded invoices (Björkbacken 2019-HT in the example ledger: F2019-102, then F2020-008
 *   for a placement that ended in January), each recorded invoice is a basis of its own, so
 *   that every basis is exactly one invoice and its total is that invoice's; placements on
 *   no recorded invoice form a draft basis, numbered "TERM-UNIT-UNIVERSITY", issued today
 *   (--as-of or the ledger's as_of) and due 30 days later. The total is always computed,
 *   never copied from the record (invoice-total reports a record that differs).
 * - A placement whose unit, agreement or university does not resolve is left out: that is a
 *   ref error, so the document carries the error notice.
 * - A paid day in a year without an amount in the rates makes the report fail (exit 1),
 *   naming the placement and the year (rule rate-missing): an invoice is never made with a
 *   guessed or zero amount.
 * - Order: bases by party, unit and university id, recorded invoices by issue date and
 *   number before the draft; lines by start date, then placement reference.
 * - Weeks are days / 5 with one decimal, exact in integer tenths (days * 2).
 * - CSV is one row per placement (a flat table a spreadsheet can filter and sum), with the
 *   invoice's fields repeated on each row; the notice (when the ledger has errors) is the
 *   first row and the stamp the last. Numbers keep the decimal comma under --lang en too:
 *   the CSV is for Swedish spreadsheets, only its labels change.
 * - HTML carries the notice and the stamp in every invoice, since each prints on a page of
 *   its own.
 * - UBL: quantity 1 (unit code C62) with the line's compensation as price, so that the
 *   EN 16931 line arithmetic (quantity x price = line amount) holds exactly even for a
 *   placement across 1 January, whose amount mixes two years' rates; days, weeks, student and
 *   period are in the line's note, item and invoice period. VAT category E with the reason
 *   as text only: no VATEX code is claimed, since the legal ground is for the parties to
 *   state. The records hold no postal address, so the addresses give only the country (SE),
 *   which is all the rules ask. The seller's VAT number is SE + organisation number + 01.
 *   BuyerReference is the agreement id (also given as the contract reference) when all lines
 *   come from one agreement, else the invoice number. The error notice, when there is one,
 *   leads the invoice's one note (PEPPOL allows one); the stamp is an XML comment. A term
 *   with nothing to invoice makes no ubl file (and an md/html/csv/json file that says so).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger/pay.h"
#include "ledger/term.h"
#include "report/report.h"
#include "report/page.h"
#include "report/table.h"

/* ---- the bases ---- */

typedef struct inv_line {
	const samv_placement *p;
	samv_pay_line pay;
} inv_line;

typedef struct basis {
	const samv_party *party; /* the agreement's municipal party */
	const samv_unit *unit; /* the seller */
	const samv_party *university; /* the buyer */
	const samv_invoice *invoice; /* the recorded invoice, or NULL for a draft */
	const samv_agreement *agreement; /* the agreement of every line, or NULL when several */
	const char *org_number; /* the seller's: the unit's own or its party's */
	char *number; /* owned */
	samv_date issued, due, first, last; /* first start and last end of the lines */
	inv_line *lines;
	size_t nlines, cap;
	samv_ore total;
} basis;

typedef struct bases {
	basis *items;
	size_t n, cap;
	/* While collecting, where each basis is found by its key: open addressing, slot i
	 * holding an index into items plus one (0 is free), never more than half full. A scan
	 * of the bases for every placement was quadratic in a term's bases (a thousand at
	 * middle size). */
	size_t *slots;
	size_t nslots; /* 0 or a power of two */
} bases;

static void bases_free(bases *bs)
{
	for (size_t i = 0; i < bs->n; i++) {
		free(bs->items[i].number);
		free(bs->items[i].lines);
	}
	free(bs->items);
	free(bs->slots);
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The agreement's university for p (see the decisions above), as a party id. */
static const char *university_of(const samv_agreement *a, const samv_placement *p, const char *term)
{
	if (!a->nuniversities)
		return NULL;
	for (size_t i = 0; a->nuniversities > 1 && i < p->ninvoices; i++) {
		const samv_invoice *inv = p->invoices[i];
		if (same(inv->term, term) && inv->to)
			return inv->to;
	}
	return a->universities[0];
}

/* The recorded invoice that lists p from this party and unit to this university, or NULL. */
static const samv_invoice *recorded_invoice(const char *term, const samv_party *party,
					    const samv_unit *unit, const samv_party *university,
					    const samv_placement *p)
{
	for (size_t i = 0; i < p->ninvoices; i++) {
		const samv_invoice *inv = p->invoices[i];
		if (same(inv->term, term) && same(inv->from_party, party->id) &&
		    same(inv->from_unit, unit->id) && same(inv->to, university->id) && inv->number)
			return inv;
	}
	return NULL;
}

/* The slot of the basis with this key: its own, or the free one where it goes. */
static size_t *slot_of(const bases *bs, const samv_party *party, const samv_unit *unit,
		       const samv_party *university, const samv_invoice *invoice)
{
	/* Multiplied by an odd constant (2^64 / the golden ratio) and the high half folded
	 * down, since the low bits of the pointers into records' arrays hardly vary. */
	const uintptr_t k = (uintptr_t)0x9E3779B97F4A7C15u;
	uintptr_t h = ((uintptr_t)party ^ (uintptr_t)unit) * k;
	h = (h ^ (uintptr_t)university) * k;
	h = (h ^ (uintptr_t)invoice) * k;
	h ^= h >> (sizeof h * 4);
	for (size_t i = (size_t)h & (bs->nslots - 1);; i = (i + 1) & (bs->nslots - 1)) {
		const basis *b = bs->slots[i] ? &bs->items[bs->slots[i] - 1] : NULL;
		if (!b || (b->party == party && b->unit == unit && b->university == university &&
			   b->invoice == invoice))
			return &bs->slots[i];
	}
}

/* Twice the slots, the bases placed again. */
static int grow_slots(bases *bs)
{
	size_t n = bs->nslots ? 2 * bs->nslots : 64;
	size_t *slots = calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	free(bs->slots);
	bs->slots = slots;
	bs->nslots = n;
	for (size_t i = 0; i < bs->n; i++) {
		const basis *b = &bs->items[i];
		*slot_of(bs, b->party, b->unit, b->university, b->invoice) = i + 1;
	}
	return 0;
}

static basis *basis_for(bases *bs, const samv_party *party, const samv_unit *unit,
			const samv_party *university, const samv_invoice *invoice)
{
	if (2 * (bs->n + 1) > bs->nslots && grow_slots(bs))
		return NULL;
	size_t *slot = slot_of(bs, party, unit, university, invoice);
	if (*slot)
		return &bs->items[*slot - 1];
	basis *items = samv_grow(bs->items, &bs->cap, sizeof *items, 8, bs->n + 1);
	if (!items)
		return NULL;
	bs->items = items;
	*slot = bs->n + 1;
	basis *b = &bs->items[bs->n++];
	*b = (basis){ .party = party, .unit = unit, .university = university, .invoice = invoice,
		      .org_number = unit->org_number ? unit->org_number : party->org_number,
		      .issued = SAMV_NO_DATE, .due = SAMV_NO_DATE, .first = SAMV_NO_DATE,
		      .last = SAMV_NO_DATE };
	return b;
}

static int add_line(basis *b, const samv_placement *p, samv_pay_line pay)
{
	inv_line *lines = samv_grow(b->lines, &b->cap, sizeof *lines, 8, b->nlines + 1);
	if (!lines)
		return -1;
	b->lines = lines;
	b->lines[b->nlines++] = (inv_line){ p, pay };
	return 0;
}

static int line_order(const void *x, const void *y)
{
	const inv_line *a = x, *b = y;
	if (a->p->start != b->p->start)
		return a->p->start < b->p->start ? -1 : 1;
	return strcmp(a->p->ref ? a->p->ref : "", b->p->ref ? b->p->ref : "");
}

static int str_order(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int basis_order(const void *x, const void *y)
{
	const basis *a = x, *b = y;
	int r = str_order(a->party->id, b->party->id);
	if (!r)
		r = str_order(a->unit->id, b->unit->id);
	if (!r)
		r = str_order(a->university->id, b->university->id);
	if (r)
		return r;
	if (!a->invoice != !b->invoice)
		return a->invoice ? -1 : 1; /* recorded invoices before the draft */
	if (!a->invoice)
		return 0;
	if (a->invoice->issued != b->invoice->issued)
		return a->invoice->issued < b->invoice->issued ? -1 : 1;
	return str_order(a->invoice->number, b->invoice->number);
}

static samv_date plus_days(samv_date d, int days)
{
	return d > SAMV_DATE_MAX - days ? SAMV_DATE_MAX : d + days;
}

/* Number, dates, period, total and the one agreement of a collected basis. */
static int finish(const samv_report_ctx *c, basis *b, const char *term)
{
	qsort(b->lines, b->nlines, sizeof *b->lines, line_order);
	b->agreement = b->lines[0].p->term->agreement;
	for (size_t i = 0; i < b->nlines; i++) {
		const samv_placement *p = b->lines[i].p;
		b->total += b->lines[i].pay.amount;
		if (b->first == SAMV_NO_DATE || p->start < b->first)
			b->first = p->start;
		if (b->last == SAMV_NO_DATE || p->end > b->last)
			b->last = p->end;
		if (p->term->agreement != b->agreement)
			b->agreement = NULL;
	}
	if (b->invoice) {
		b->number = strdup(b->invoice->number);
		b->issued = b->invoice->issued;
		b->due = b->invoice->due;
	} else {
		b->number = samv_strprintf("%s-%s-%s", term, b->unit->id, b->university->id);
	}
	if (b->issued == SAMV_NO_DATE)
		b->issued = c->cfg->today;
	if (b->due == SAMV_NO_DATE)
		b->due = plus_days(b->issued, 30);
	return b->number ? 0 : -1;
}

static bool party_has_unit(const samv_records *r, const char *unit)
{
	for (size_t i = 0; i < r->nparties; i++)
		if (samv_party_unit(&r->parties[i], unit))
			return true;
	return false;
}

/* Whether the ledger holds a term file for term, valid or not. */
static bool term_file_exists(const samv_report_ctx *c, const char *term)
{
	for (size_t i = 0; i < c->records->nfile_terms; i++)
		if (same(c->records->file_terms[i], term))
			return true;
	return false;
}

static int collect(const samv_report_ctx *c, const char *term, const char *unit_id, bases *bs,
		   char **err)
{
	const samv_records *r = c->records;
	int year;
	bool autumn;
	if (!samv_term_parse(term, &year, &autumn)) {
		*err = samv_strprintf(_("'%s' is not a term: write YYYY-VT (spring) or YYYY-HT (autumn)"), term);
		return -1;
	}
	if (!term_file_exists(c, term)) {
		*err = samv_strprintf(_("no term file for '%s' (a record of kind term with term: %s)"), term, term);
		return -1;
	}
	if (unit_id && !party_has_unit(r, unit_id)) {
		*err = samv_strprintf(_("unknown unit '%s': no party has a unit with that id"), unit_id);
		return -1;
	}
	for (size_t t = 0; t < r->nterms; t++) {
		const samv_term *tf = &r->terms[t];
		const samv_agreement *a = tf->agreement;
		if (!same(tf->term, term) || !a || !a->party)
			continue;
		for (size_t i = 0; i < tf->nplacements; i++) {
			const samv_placement *p = &tf->placements[i];
			if (p->status != SAMV_CONFIRMED && p->status != SAMV_COMPLETED)
				continue;
			const samv_unit *unit = samv_party_unit(a->party, p->unit);
			const samv_party *uni = samv_records_party(r, university_of(a, p, term));
			if (!unit || !uni || (unit_id && strcmp(unit->id, unit_id) != 0))
				continue;
			samv_pay_line pay = samv_pay_placement(p, a->rates);
			if (pay.missing_year) {
				*err = samv_strprintf(
					_("cannot make the invoice basis of '%s' to '%s': placement %s has paid days "
					  "in %d, which rates '%s' do not cover; add %d to the rates (rate-missing)"),
					unit->id, uni->id, p->ref, pay.missing_year,
					a->rates_id ? a->rates_id : "", pay.missing_year);
				return -1;
			}
			const samv_invoice *inv = recorded_invoice(term, a->party, unit, uni, p);
			basis *b = basis_for(bs, a->party, unit, uni, inv);
			if (!b || add_line(b, p, pay))
				goto oom;
		}
	}
	for (size_t i = 0; i < bs->n; i++)
		if (finish(c, &bs->items[i], term))
			goto oom;
	if (bs->n)
		qsort(bs->items, bs->n, sizeof *bs->items, basis_order);
	return 0;
oom:
	*err = samv_strprintf(_("out of memory"));
	return -1;
}

/* ---- what the renderers share ---- */

/* "höstterminen 2019" / "autumn term 2019" */
static void term_name(const samv_report_ctx *c, samv_buf *b, const char *term)
{
	int year;
	bool autumn;
	if (!samv_term_parse(term, &year, &autumn)) {
		samv_buf_puts(b, term);
		return;
	}
	/* TRANSLATORS: %d is a year; the term as it stands inside a sentence ("the invoice
	 * basis for the spring term 2025", "Period: spring term 2025, 2025-01-20 – ..."). */
	samv_buf_printf(b, autumn ? samv_tr(c, "autumn term %d") : samv_tr(c, "spring term %d"), year);
}

/* days / 5 with one decimal: "4,6" (sv) or "4.6" (en). */
static void weeks(samv_buf *b, int32_t days, bool swedish)
{
	int64_t tenths = (int64_t)days * 2;
	samv_buf_printf(b, "%lld%c%lld", (long long)(tenths / 10), swedish ? ',' : '.',
			(long long)(tenths % 10));
}

/* Only the digits of s, at most cap - 1 of them. */
static void digits(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (; s && *s && n + 1 < cap; s++)
		if (*s >= '0' && *s <= '9')
			out[n++] = *s;
	out[n] = '\0';
}

static const char *giro_label(const samv_unit *u)
{
	return u->bankgiro ? "Bankgiro" : "Plusgiro";
}

static const char *giro_number(const samv_unit *u)
{
	return u->bankgiro ? u->bankgiro : u->plusgiro;
}

static const char *title(const samv_report_ctx *c)
{
	return samv_tr(c, "Invoice basis for clinical placements (VFU)");
}

static const char *vat_text(const samv_report_ctx *c)
{
	return samv_tr(c, "VAT exempt");
}

/* ---- Markdown and HTML ---- */

/* Markdown and HTML lay out a basis alike (write_basis): its fields, the table of its
 * placements, the seller's fields and the VAT line. A markup holds what one of the two
 * writes around those pieces. Labels are our own text and go in as they are; ledger text
 * goes through escape. */
typedef struct markup {
	void (*escape)(samv_buf *b, const char *s);
	const char *fields, *fields_end; /* around a list of fields */
	const char *field, *field_end; /* around one; field takes the label */
	const char *date, *date_end; /* around a date in running text */
	const char *vat; /* takes the VAT text */
	samv_format table; /* the format of the table of placements */
} markup;

static const markup md_markup = {
	.escape = samv_escape_md,
	.fields = "", .fields_end = "\n",
	.field = "- %s: ", .field_end = "\n",
	.date = "", .date_end = "",
	.vat = "**%s**\n\n",
	.table = SAMV_FORMAT_MD,
};

static const markup html_markup = {
	.escape = samv_escape_html,
	.fields = "<dl>\n", .fields_end = "</dl>\n",
	.field = "<dt>%s</dt><dd>", .field_end = "</dd>\n",
	.date = "<span class=\"date\">", .date_end = "</span>",
	.vat = "<p class=\"vat\">%s</p>\n",
	.table = SAMV_FORMAT_HTML,
};

/* A field of text, left out when there is no text. */
static void text_field(const markup *m, samv_buf *b, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	samv_buf_printf(b, m->field, label);
	m->escape(b, value);
	samv_buf_puts(b, m->field_end);
}

static void date_field(const markup *m, samv_buf *b, const char *label, samv_date d)
{
	samv_buf_printf(b, m->field, label);
	samv_date_write(b, d);
	samv_buf_puts(b, m->field_end);
}

static void text_date(const markup *m, samv_buf *b, samv_date d)
{
	samv_buf_puts(b, m->date);
	samv_date_write(b, d);
	samv_buf_puts(b, m->date_end);
}

/* A basis from its issue date on; what comes before (heading, invoice number, draft) and
 * after it differs between the formats. */
static void write_basis(const samv_report_ctx *c, const char *term, const basis *x, const markup *m,
			samv_buf *b)
{
	date_field(m, b, samv_tr(c, "Issue date"), x->issued);
	date_field(m, b, samv_tr(c, "Due date"), x->due);
	samv_buf_printf(b, m->field, samv_tr(c, "Recipient"));
	m->escape(b, x->university->name);
	if (x->university->org_number) {
		samv_buf_printf(b, ", %s ", samv_tr(c, "org. no."));
		m->escape(b, x->university->org_number);
	}
	samv_buf_puts(b, m->field_end);
	samv_buf_printf(b, m->field, samv_tr(c, "Period"));
	term_name(c, b, term);
	samv_buf_puts(b, ", ");
	text_date(m, b, x->first);
	samv_buf_puts(b, " – ");
	text_date(m, b, x->last);
	samv_buf_puts(b, m->field_end);
	samv_buf_puts(b, m->fields_end);

	samv_table t;
	samv_table_init(&t, NULL, NULL, NULL);
	t.spaced = true;
	samv_table_col(&t, samv_tr(c, "Unit"), false);
	samv_table_col(&t, samv_tr(c, "Student"), false);
	samv_table_col(&t, samv_tr(c, "Start"), false);
	samv_table_col(&t, samv_tr(c, "End"), false);
	samv_table_col(&t, samv_tr(c, "Weeks"), true);
	samv_table_col(&t, samv_tr(c, "Compensation"), true);
	for (size_t k = 0; k < x->nlines; k++) {
		const inv_line *l = &x->lines[k];
		samv_table_row *r = samv_table_row_add(&t, false);
		r->c[0] = samv_cell_text(x->unit->name);
		r->c[1] = samv_cell_text(l->p->student);
		r->c[2] = samv_cell_date(l->p->start);
		r->c[3] = samv_cell_date(l->p->end);
		r->c[4] = samv_cell_tenths((int64_t)l->pay.days * 2);
		r->c[5] = samv_cell_money(l->pay.amount);
	}
	samv_table_row *total = samv_table_row_add(&t, false);
	total->foot = true;
	total->c[0] = samv_cell_text(samv_tr(c, "Total compensation"));
	for (size_t i = 1; i < 5; i++)
		total->c[i] = samv_cell_spanned();
	total->c[5] = samv_cell_money(x->total);
	samv_table_write(c, b, &t, m->table);
	samv_table_free(&t);

	samv_buf_puts(b, m->fields);
	text_field(m, b, samv_tr(c, "Unit name"), x->unit->name);
	text_field(m, b, samv_tr(c, "Organisation number"), x->org_number);
	text_field(m, b, samv_trp(c, "the unit's", "Contact person"), x->unit->contact_name);
	text_field(m, b, samv_tr(c, "Phone"), x->unit->contact_phone);
	text_field(m, b, samv_tr(c, "E-mail"), x->unit->contact_email);
	text_field(m, b, giro_label(x->unit), giro_number(x->unit));
	text_field(m, b, samv_tr(c, "Payment terms"), samv_tr(c, "30 days"));
	samv_buf_puts(b, m->fields_end);
	samv_buf_printf(b, m->vat, vat_text(c));
}

static void render_md(const samv_report_ctx *c, const char *term, const bases *bs, samv_buf *b)
{
	samv_buf_printf(b, "# %s, ", title(c));
	term_name(c, b, term);
	samv_buf_puts(b, "\n\n");
	samv_report_md_notice(c, b);
	if (!bs->n)
		samv_buf_printf(b, "%s\n\n",
				samv_tr(c, "No confirmed or completed placements to invoice."));
	for (size_t i = 0; i < bs->n; i++) {
		const basis *x = &bs->items[i];
		samv_buf_puts(b, "## ");
		samv_escape_md(b, x->unit->name);
		samv_buf_puts(b, " – ");
		samv_escape_md(b, x->university->name);
		samv_buf_puts(b, "\n\n");
		/* Here rather than in write_basis: Markdown says a draft beside the number, HTML in
		 * a paragraph above the fields. */
		samv_buf_printf(b, md_markup.field, samv_tr(c, "Invoice number"));
		samv_escape_md(b, x->number);
		if (!x->invoice)
			samv_buf_printf(b, " (%s)", samv_tr(c, "draft, no invoice recorded"));
		samv_buf_puts(b, md_markup.field_end);
		write_basis(c, term, x, &md_markup, b);
		if (i + 1 < bs->n)
			samv_buf_puts(b, "---\n\n");
	}
	samv_buf_puts(b, "_");
	samv_buf stamp = { 0 };
	samv_report_stamp(c, &stamp);
	samv_escape_md(b, stamp.data);
	samv_buf_free(&stamp);
	samv_buf_puts(b, "_\n");
}

/* ---- HTML ---- */

static const char html_style[] =
	"body { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; color: #111; "
	"margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }\n"
	"h1 { font-size: 1.5rem; }\n"
	"h2 { font-size: 1.25rem; margin-bottom: 0.25rem; }\n"
	"h2 .kind { display: block; font-size: 0.9rem; font-weight: normal; color: #444; }\n"
	".invoice { margin-bottom: 3rem; }\n"
	".notice { border: 2px solid #b00020; background: #fdecee; color: #5f0010; padding: 0.5rem 0.75rem; "
	"font-weight: bold; }\n"
	".draft { color: #8a4b00; font-weight: bold; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 1rem 0; }\n"
	"th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }\n"
	"td { overflow-wrap: anywhere; }\n"
	"thead th { background: #eee; }\n"
	".num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
	".date { white-space: nowrap; }\n"
	"tfoot th, tfoot td { font-weight: bold; }\n"
	"dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }\n"
	"dt { font-weight: bold; }\n"
	"dd { margin: 0; }\n"
	".vat { font-weight: bold; }\n"
	".stamp { color: #555; font-size: 0.85rem; }\n"
	"@page { size: A4; margin: 15mm }\n"
	"@media print {\n"
	"  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }\n"
	"  h1 { display: none; }\n"
	"  .invoice { margin: 0; page-break-after: always; break-after: page; }\n"
	"  .invoice:last-of-type { page-break-after: auto; break-after: auto; }\n"
	"  thead th { background: none; }\n"
	"}\n";

static void html_stamp(const samv_report_ctx *c, samv_buf *b)
{
	samv_buf stamp = { 0 };
	samv_report_stamp(c, &stamp);
	samv_buf_puts(b, "<p class=\"stamp\">");
	samv_escape_html(b, stamp.data);
	samv_buf_puts(b, "</p>\n");
	b->oom |= stamp.oom;
	samv_buf_free(&stamp);
}

static void render_html(const samv_report_ctx *c, const char *term, const bases *bs, samv_buf *b)
{
	samv_buf page_title = { 0 };
	samv_buf_printf(&page_title, "%s, ", title(c));
	term_name(c, &page_title, term);
	samv_page_open(c, b, page_title.data, html_style);
	b->oom |= page_title.oom;
	samv_buf_free(&page_title);
	samv_buf_puts(b, "<main>\n<h1>");
	samv_buf_printf(b, "%s, ", title(c));
	term_name(c, b, term);
	samv_buf_puts(b, "</h1>\n");
	if (!bs->n) {
		samv_report_html_notice(c, b);
		samv_buf_printf(b, "<p>%s</p>\n",
				samv_tr(c, "No confirmed or completed placements to invoice."));
		html_stamp(c, b);
	}
	/* Each basis carries the notice and the stamp, since each prints on a page of its own. */
	for (size_t i = 0; i < bs->n; i++) {
		const basis *x = &bs->items[i];
		samv_buf_puts(b, "<section class=\"invoice\">\n");
		samv_report_html_notice(c, b);
		samv_buf_printf(b, "<h2><span class=\"kind\">%s</span> ", title(c));
		samv_escape_html(b, x->unit->name);
		samv_buf_puts(b, " – ");
		samv_escape_html(b, x->university->name);
		samv_buf_puts(b, "</h2>\n");
		if (!x->invoice)
			samv_buf_printf(b, "<p class=\"draft\">%s</p>\n",
					samv_tr(c, "Draft: no invoice is recorded for these placements."));
		samv_buf_puts(b, html_markup.fields);
		text_field(&html_markup, b, samv_tr(c, "Invoice number"), x->number);
		write_basis(c, term, x, &html_markup, b);
		html_stamp(c, b);
		samv_buf_puts(b, "</section>\n");
	}
	samv_buf_puts(b, "</main>\n");
	samv_page_close(b);
}

/* ---- CSV ---- */

static void render_csv(const samv_report_ctx *c, const char *term, const bases *bs, samv_buf *b)
{
	samv_buf_puts(b, "\xEF\xBB\xBF");
	samv_buf text = { 0 };
	samv_report_notice(c, &text);
	if (text.len) {
		samv_escape_csv(b, text.data);
		samv_buf_puts(b, "\r\n");
	}
	samv_buf_free(&text);
	static const char *const head[] = {
		N_("Invoice number"), N_("Draft"), N_("Issue date"), N_("Due date"), N_("Term"),
		N_("Unit"), N_("Organisation number"), N_("University"), N_("Placement"), N_("Student"),
		N_("Start"), N_("End"), N_("Days"), N_("Weeks"), N_("Compensation (SEK)"),
		N_("Contact person"), N_("Phone"), N_("E-mail"), N_("Bankgiro/plusgiro"), N_("VAT"),
	};
	samv_table t;
	samv_table_init(&t, NULL, NULL, NULL);
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		samv_table_col(&t, samv_tr(c, head[i]), false);
	for (size_t i = 0; i < bs->n; i++) {
		const basis *x = &bs->items[i];
		const char *giro = samv_table_printf(&t, "%s %s", giro_label(x->unit),
						     giro_number(x->unit) ? giro_number(x->unit) : "");
		for (size_t k = 0; k < x->nlines; k++) {
			const inv_line *l = &x->lines[k];
			samv_table_row *r = samv_table_row_add(&t, false);
			const samv_cell cells[] = {
				samv_cell_text(x->number),
				samv_cell_text(x->invoice ? "" : samv_tr(c, "yes")),
				samv_cell_date(x->issued),
				samv_cell_date(x->due),
				samv_cell_text(term),
				samv_cell_text(x->unit->name),
				samv_cell_text(x->org_number),
				samv_cell_text(x->university->name),
				samv_cell_text(l->p->ref),
				samv_cell_text(l->p->student),
				samv_cell_date(l->p->start),
				samv_cell_date(l->p->end),
				samv_cell_int(l->pay.days),
				samv_cell_tenths((int64_t)l->pay.days * 2),
				samv_cell_money(l->pay.amount),
				samv_cell_text(x->unit->contact_name),
				samv_cell_text(x->unit->contact_phone),
				samv_cell_text(x->unit->contact_email),
				samv_cell_text(giro),
				samv_cell_text(samv_tr(c, "exempt")),
			};
			memcpy(r->c, cells, sizeof cells);
		}
	}
	samv_table_csv(c, b, &t);
	samv_table_free(&t);
	text = (samv_buf){ 0 };
	samv_report_stamp(c, &text);
	samv_escape_csv(b, text.data);
	samv_buf_puts(b, "\r\n");
	samv_buf_free(&text);
}

/* ---- JSON ---- */

static void render_json(const samv_report_ctx *c, const char *term, const bases *bs, samv_buf *b)
{
	samv_jw w;
	samv_jw_init(&w, b);
	samv_jw_block(&w, NULL, '{');
	samv_jw_block(&w, "invoices", '[');
	for (size_t i = 0; i < bs->n; i++) {
		const basis *x = &bs->items[i];
		samv_jw_block(&w, NULL, '{');
		samv_jw_str(&w, "term", term);
		samv_jw_str(&w, "unit", x->unit->id);
		samv_jw_str(&w, "university", x->university->id);
		samv_jw_str(&w, "number", x->number);
		samv_jw_date(&w, "issued", x->issued);
		samv_jw_date(&w, "due", x->due);
		samv_jw_block(&w, "lines", '[');
		for (size_t k = 0; k < x->nlines; k++) {
			const inv_line *l = &x->lines[k];
			samv_jw_inline(&w, NULL, '{');
			samv_jw_str(&w, "placement", l->p->ref);
			samv_jw_str(&w, "student", l->p->student);
			samv_jw_date(&w, "start", l->p->start);
			samv_jw_date(&w, "end", l->p->end);
			samv_jw_int(&w, "days", l->pay.days);
			samv_jw_int(&w, "amount_ore", l->pay.amount);
			samv_jw_close(&w);
		}
		samv_jw_close(&w);
		samv_jw_int(&w, "total_ore", x->total);
		samv_jw_bool(&w, "draft", !x->invoice);
		samv_jw_str(&w, "party", x->party->id);
		samv_jw_str(&w, "agreement", x->agreement ? x->agreement->id : NULL);
		samv_jw_inline(&w, "period", '{');
		samv_jw_date(&w, "start", x->first);
		samv_jw_date(&w, "end", x->last);
		samv_jw_close(&w);
		samv_jw_inline(&w, "seller", '{');
		samv_jw_str(&w, "name", x->unit->name);
		samv_jw_str(&w, "org_number", x->org_number);
		samv_jw_str(&w, "contact", x->unit->contact_name);
		samv_jw_str(&w, "phone", x->unit->contact_phone);
		samv_jw_str(&w, "email", x->unit->contact_email);
		samv_jw_str(&w, x->unit->bankgiro ? "bankgiro" : "plusgiro", giro_number(x->unit));
		samv_jw_close(&w);
		samv_jw_inline(&w, "buyer", '{');
		samv_jw_str(&w, "name", x->university->name);
		samv_jw_str(&w, "org_number", x->university->org_number);
		samv_jw_close(&w);
		samv_jw_str(&w, "vat", "exempt");
		samv_jw_close(&w);
	}
	samv_jw_close(&w);
	samv_report_json_stamp(c, &w);
	samv_jw_close(&w);
	samv_buf_puts(b, "\n");
}

/* ---- UBL 2.1, PEPPOL BIS Billing 3.0 ---- */

static void xml_el(samv_buf *b, const char *indent, const char *name, const char *text)
{
	if (!text || !*text)
		return; /* PEPPOL-EN16931-R008: no empty elements */
	samv_buf_printf(b, "%s<%s>", indent, name);
	samv_escape_xml(b, text);
	samv_buf_printf(b, "</%s>\n", name);
}

static void xml_date(samv_buf *b, const char *indent, const char *name, samv_date d)
{
	if (d == SAMV_NO_DATE)
		return;
	samv_buf_printf(b, "%s<%s>", indent, name);
	samv_date_write(b, d);
	samv_buf_printf(b, "</%s>\n", name);
}

static void xml_amount(samv_buf *b, const char *indent, const char *name, samv_ore amount)
{
	samv_buf_printf(b, "%s<%s currencyID=\"SEK\">", indent, name);
	samv_money_write_plain(b, amount, false);
	samv_buf_printf(b, "</%s>\n", name);
}

static void ubl_party(samv_buf *b, const char *name, const char *legal_name, const char *org_number,
		      bool seller, const samv_unit *contact)
{
	char org[32];
	digits(org_number, org, sizeof org);
	samv_buf_puts(b, "    <cac:Party>\n");
	if (*org)
		samv_buf_printf(b, "      <cbc:EndpointID schemeID=\"0007\">%s</cbc:EndpointID>\n"
				   "      <cac:PartyIdentification>\n"
				   "        <cbc:ID schemeID=\"0007\">%s</cbc:ID>\n"
				   "      </cac:PartyIdentification>\n",
				org, org);
	samv_buf_puts(b, "      <cac:PartyName>\n");
	xml_el(b, "        ", "cbc:Name", name);
	samv_buf_puts(b, "      </cac:PartyName>\n"
			 "      <cac:PostalAddress>\n"
			 "        <cac:Country>\n"
			 "          <cbc:IdentificationCode>SE</cbc:IdentificationCode>\n"
			 "        </cac:Country>\n"
			 "      </cac:PostalAddress>\n");
	if (seller && *org)
		samv_buf_printf(b, "      <cac:PartyTaxScheme>\n"
				   "        <cbc:CompanyID>SE%s01</cbc:CompanyID>\n"
				   "        <cac:TaxScheme>\n"
				   "          <cbc:ID>VAT</cbc:ID>\n"
				   "        </cac:TaxScheme>\n"
				   "      </cac:PartyTaxScheme>\n",
				org);
	samv_buf_puts(b, "      <cac:PartyLegalEntity>\n");
	xml_el(b, "        ", "cbc:RegistrationName", legal_name);
	if (*org)
		samv_buf_printf(b, "        <cbc:CompanyID schemeID=\"0007\">%s</cbc:CompanyID>\n", org);
	samv_buf_puts(b, "      </cac:PartyLegalEntity>\n");
	if (contact && (contact->contact_name || contact->contact_phone || contact->contact_email)) {
		samv_buf_puts(b, "      <cac:Contact>\n");
		xml_el(b, "        ", "cbc:Name", contact->contact_name);
		xml_el(b, "        ", "cbc:Telephone", contact->contact_phone);
		xml_el(b, "        ", "cbc:ElectronicMail", contact->contact_email);
		samv_buf_puts(b, "      </cac:Contact>\n");
	}
	samv_buf_puts(b, "    </cac:Party>\n");
}

/* The one tax category samv invoices in, exempt at 0 %, as ELEMENT (TaxCategory for the
 * total, which also gives REASON; ClassifiedTaxCategory for a line, where REASON is NULL). */
static void ubl_tax_category(samv_buf *b, const char *element, const char *reason)
{
	samv_buf_printf(b, "      <cac:%s>\n"
			   "        <cbc:ID>E</cbc:ID>\n"
			   "        <cbc:Percent>0</cbc:Percent>\n",
			element);
	xml_el(b, "        ", "cbc:TaxExemptionReason", reason);
	samv_buf_printf(b, "        <cac:TaxScheme>\n"
			   "          <cbc:ID>VAT</cbc:ID>\n"
			   "        </cac:TaxScheme>\n"
			   "      </cac:%s>\n",
			element);
}

static void render_ubl(const samv_report_ctx *c, const char *term, const basis *x, samv_buf *b)
{
	samv_buf text = { 0 };
	samv_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- samv-report: ");
	samv_report_stamp(c, &text);
	samv_escape_xml(b, text.data); /* the stamp holds no "--" */
	samv_buf_free(&text);
	samv_buf_puts(b, " -->\n"
			 "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"\n"
			 "         xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"\n"
			 "         xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n"
			 "  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>\n"
			 "  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>\n");
	xml_el(b, "  ", "cbc:ID", x->number);
	xml_date(b, "  ", "cbc:IssueDate", x->issued);
	xml_date(b, "  ", "cbc:DueDate", x->due);
	samv_buf_puts(b, "  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>\n");

	/* One note (PEPPOL-EN16931-R002): the notice, then what the invoice is for. */
	samv_buf period = { 0 };
	term_name(c, &period, term);
	samv_report_notice(c, &text);
	if (text.len)
		samv_buf_puts(&text, " ");
	if (x->agreement)
		/* TRANSLATORS: an e-invoice's note: the first %s is the term ("spring term 2025"),
		 * the second the collaboration agreement's id. */
		samv_buf_printf(&text,
				samv_tr(c, "Compensation for clinical placements (VFU), %s, under collaboration "
					   "agreement %s § 4.6. VAT exempt."),
				period.data ? period.data : "", x->agreement->id);
	else
		/* TRANSLATORS: an e-invoice's note: %s is the term ("spring term 2025"). */
		samv_buf_printf(&text, samv_tr(c, "Compensation for clinical placements (VFU), %s. VAT exempt."),
				period.data ? period.data : "");
	b->oom |= period.oom || text.oom;
	samv_buf_free(&period);
	xml_el(b, "  ", "cbc:Note", text.data);
	samv_buf_free(&text);
	samv_buf_puts(b, "  <cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>\n");
	xml_el(b, "  ", "cbc:BuyerReference", x->agreement ? x->agreement->id : x->number);
	samv_buf_puts(b, "  <cac:InvoicePeriod>\n");
	xml_date(b, "    ", "cbc:StartDate", x->first);
	xml_date(b, "    ", "cbc:EndDate", x->last);
	samv_buf_puts(b, "  </cac:InvoicePeriod>\n");
	if (x->agreement) {
		samv_buf_puts(b, "  <cac:ContractDocumentReference>\n");
		xml_el(b, "    ", "cbc:ID", x->agreement->id);
		samv_buf_puts(b, "  </cac:ContractDocumentReference>\n");
	}

	/* The seller: the unit, under its own organisation number or its party's. A municipal
	 * unit's legal entity is its party; a private provider is its own. */
	bool own = x->unit->org_number != NULL;
	samv_buf_puts(b, "  <cac:AccountingSupplierParty>\n");
	ubl_party(b, x->unit->name, own ? x->unit->name : x->party->name, x->org_number, true, x->unit);
	samv_buf_puts(b, "  </cac:AccountingSupplierParty>\n  <cac:AccountingCustomerParty>\n");
	ubl_party(b, x->university->name, x->university->name, x->university->org_number, false, NULL);
	samv_buf_puts(b, "  </cac:AccountingCustomerParty>\n");

	char giro[32];
	digits(giro_number(x->unit), giro, sizeof giro);
	samv_buf_puts(b, "  <cac:PaymentMeans>\n"
			 "    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>\n");
	xml_el(b, "    ", "cbc:PaymentID", x->number);
	samv_buf_puts(b, "    <cac:PayeeFinancialAccount>\n");
	xml_el(b, "      ", "cbc:ID", giro);
	xml_el(b, "      ", "cbc:Name", own ? x->unit->name : x->party->name);
	samv_buf_printf(b, "      <cac:FinancialInstitutionBranch>\n"
			   "        <cbc:ID>%s</cbc:ID>\n"
			   "      </cac:FinancialInstitutionBranch>\n"
			   "    </cac:PayeeFinancialAccount>\n"
			   "  </cac:PaymentMeans>\n"
			   "  <cac:PaymentTerms>\n",
			x->unit->bankgiro ? "SE:BANKGIRO" : "SE:PLUSGIRO");
	xml_el(b, "    ", "cbc:Note", samv_tr(c, "30 days net"));
	samv_buf_puts(b, "  </cac:PaymentTerms>\n  <cac:TaxTotal>\n");
	xml_amount(b, "    ", "cbc:TaxAmount", 0);
	samv_buf_puts(b, "    <cac:TaxSubtotal>\n");
	xml_amount(b, "      ", "cbc:TaxableAmount", x->total);
	xml_amount(b, "      ", "cbc:TaxAmount", 0);
	ubl_tax_category(b, "TaxCategory", samv_tr(c, "VAT exempt: compensation for clinical placements (VFU)"));
	samv_buf_puts(b, "    </cac:TaxSubtotal>\n"
			 "  </cac:TaxTotal>\n"
			 "  <cac:LegalMonetaryTotal>\n");
	xml_amount(b, "    ", "cbc:LineExtensionAmount", x->total);
	xml_amount(b, "    ", "cbc:TaxExclusiveAmount", x->total);
	xml_amount(b, "    ", "cbc:TaxInclusiveAmount", x->total);
	xml_amount(b, "    ", "cbc:PayableAmount", x->total);
	samv_buf_puts(b, "  </cac:LegalMonetaryTotal>\n");

	for (size_t k = 0; k < x->nlines; k++) {
		const inv_line *l = &x->lines[k];
		samv_buf_printf(b, "  <cac:InvoiceLine>\n    <cbc:ID>%zu</cbc:ID>\n", k + 1);
		samv_buf w = { 0 };
		weeks(&w, l->pay.days, samv_report_swedish(c));
		text = (samv_buf){ 0 };
		/* TRANSLATORS: an e-invoice line's note: %d is the paid days, %s the weeks they
		 * make, with one decimal ("4,6"). */
		samv_buf_printf(&text, samv_trn(c, "%d day (%s weeks)", "%d days (%s weeks)", (uint64_t)l->pay.days),
				(int)l->pay.days, w.data ? w.data : "");
		b->oom |= w.oom || text.oom;
		samv_buf_free(&w);
		xml_el(b, "    ", "cbc:Note", text.data);
		samv_buf_free(&text);
		samv_buf_puts(b, "    <cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>\n");
		xml_amount(b, "    ", "cbc:LineExtensionAmount", l->pay.amount);
		if (l->p->start != SAMV_NO_DATE || l->p->end != SAMV_NO_DATE) {
			samv_buf_puts(b, "    <cac:InvoicePeriod>\n");
			xml_date(b, "      ", "cbc:StartDate", l->p->start);
			xml_date(b, "      ", "cbc:EndDate", l->p->end);
			samv_buf_puts(b, "    </cac:InvoicePeriod>\n");
		}
		samv_buf_puts(b, "    <cac:Item>\n");
		xml_el(b, "      ", "cbc:Description", l->p->course);
		text = (samv_buf){ 0 };
		/* TRANSLATORS: an e-invoice line's item: %s is the student's name. */
		samv_buf_printf(&text, samv_tr(c, "VFU placement %s"), l->p->student ? l->p->student : "");
		b->oom |= text.oom;
		xml_el(b, "      ", "cbc:Name", text.data);
		samv_buf_free(&text);
		samv_buf_puts(b, "      <cac:SellersItemIdentification>\n");
		xml_el(b, "        ", "cbc:ID", l->p->ref);
		samv_buf_puts(b, "      </cac:SellersItemIdentification>\n");
		ubl_tax_category(b, "ClassifiedTaxCategory", NULL);
		samv_buf_puts(b, "    </cac:Item>\n"
				 "    <cac:Price>\n");
		xml_amount(b, "      ", "cbc:PriceAmount", l->pay.amount);
		samv_buf_puts(b, "    </cac:Price>\n  </cac:InvoiceLine>\n");
	}
	samv_buf_puts(b, "</Invoice>\n");
}

/* The file names of the ubl invoices, "invoices/TERM/NUMBER.xml", with each number made
 * safe for a file name (only letters, digits, - and _) and unique ("-2", "-3", ... after a
 * name already taken). Returns an array of bs->n malloc'd names, or NULL when out of memory. */
static char **ubl_names(const char *term, const bases *bs)
{
	char **names = calloc(bs->n ? bs->n : 1, sizeof *names);
	for (size_t i = 0; names && i < bs->n; i++) {
		char *base = strdup(bs->items[i].number);
		if (!base)
			goto oom;
		for (char *s = base; *s; s++)
			if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
			      *s == '-' || *s == '_'))
				*s = '_';
		for (int n = 1; !names[i]; n++) {
			char *name = n == 1 ? samv_strprintf("invoices/%s/%s.xml", term, base)
					    : samv_strprintf("invoices/%s/%s-%d.xml", term, base, n);
			bool taken = false;
			for (size_t k = 0; name && k < i; k++)
				taken = taken || strcmp(names[k], name) == 0;
			if (!name || !taken)
				names[i] = name;
			else
				free(name);
			if (!name)
				break;
		}
		free(base);
		if (!names[i])
			goto oom;
	}
	return names;
oom:
	for (size_t i = 0; i < bs->n; i++)
		free(names[i]);
	free(names);
	return NULL;
}

/* ---- the subcommand ---- */

int samv_report_invoices(const samv_report_ctx *c, const char *term, const char *unit,
			 samv_format format, const samv_emitter *e, char **err)
{
	bases bs = { 0 };
	samv_buf out = { 0 };
	char *name = NULL, **names = NULL;
	int rc = -1;

	if (format == SAMV_FORMAT_ICS) {
		*err = samv_strprintf(_("invoices come as md, html, csv, json or ubl, not ics"));
		return -1;
	}
	if (collect(c, term, unit, &bs, err))
		goto done;
	if (format == SAMV_FORMAT_UBL) {
		names = ubl_names(term, &bs);
		for (size_t i = 0; names && i < bs.n; i++) {
			samv_buf_free(&out);
			render_ubl(c, term, &bs.items[i], &out);
			if (out.oom)
				break;
			if (e->emit(e->arg, names[i], &out, err))
				goto done;
		}
		if (!names || out.oom) {
			*err = samv_strprintf(_("out of memory"));
			goto done;
		}
		rc = 0;
		goto done;
	}
	switch (format) {
	case SAMV_FORMAT_MD:
		render_md(c, term, &bs, &out);
		break;
	case SAMV_FORMAT_HTML:
		render_html(c, term, &bs, &out);
		break;
	case SAMV_FORMAT_CSV:
		render_csv(c, term, &bs, &out);
		break;
	default:
		render_json(c, term, &bs, &out);
		break;
	}
	name = samv_strprintf("invoices/%s.%s", term, samv_format_extension(format));
	if (out.oom || !name) {
		*err = samv_strprintf(_("out of memory"));
		goto done;
	}
	rc = e->emit(e->arg, name, &out, err);
done:
	for (size_t i = 0; names && i < bs.n; i++)
		free(names[i]);
	free(names);
	free(name);
	samv_buf_free(&out);
	bases_free(&bs);
	return rc;
}
