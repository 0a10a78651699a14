/*
 * rules_invoices.c — rules about invoices (§ 4.6): invoice-total, invoice-twice,
 * invoice-due, invoice-late, invoice-missing, payment-overdue.
 *
 * Amounts come from pay.c, the same module samv-report uses, so a checked total is the
 * total the invoice report prints.
 */
#include <stdlib.h>
#include <string.h>

#include "deadlines.h"
#include "i18n.h"
#include "pay.h"
#include "rule.h"

static char *kr(samv_ore amount)
{
	char *s = samv_money_format_sv(amount);
	return s ? s : samv_strprintf("?");
}

static void invoice_total(const samv_rule_ctx *c, const samv_invoice *inv)
{
	samv_ore computed = 0;
	for (size_t i = 0; i < inv->nplacements; i++) {
		const samv_placement *p = inv->placements ? inv->placements[i] : NULL;
		if (!p || !p->term->agreement)
			return; /* an unknown placement is the ref rule's finding */
		samv_pay_line line = samv_pay_placement(p, p->term->agreement->rates);
		if (line.missing_year || !p->term->agreement->rates)
			return; /* rate-missing says it */
		computed += line.amount;
	}
	if (inv->total < 0 || computed == inv->total)
		return;
	char *stated = kr(inv->total), *sum = kr(computed),
	     *diff = kr(computed > inv->total ? computed - inv->total : inv->total - computed);
	const char *message =
		computed > inv->total
			/* TRANSLATORS: an invoice's number, its stated total (1 530,00 kr), the number
			   of its placements, what they come to, then how much more that is. */
			? samv_msgn("invoice %s states %s but its %zu placement comes to %s (%s more)",
				    "invoice %s states %s but its %zu placements come to %s (%s more)",
				    inv->nplacements)
			/* TRANSLATORS: as the message before, when the placements come to less. */
			: samv_msgn("invoice %s states %s but its %zu placement comes to %s (%s less)",
				    "invoice %s states %s but its %zu placements come to %s (%s less)",
				    inv->nplacements);
	samv_rule_report(c, "invoice-total", inv->rec, samv_rule_at(inv->rec->root, "total"), message,
			 inv->number ? inv->number : inv->id, stated, inv->nplacements, sum, diff);
	free(stated);
	free(sum);
	free(diff);
}

static void invoice_due(const samv_rule_ctx *c, const samv_invoice *inv)
{
	if (inv->issued == SAMV_NO_DATE || inv->due == SAMV_NO_DATE || inv->due == inv->issued + 30)
		return;
	samv_rule_report(c, "invoice-due", inv->rec, samv_rule_at(inv->rec->root, "due"),
			 /* TRANSLATORS: the invoice's due date, its issue date, then the due date that
			    30 days from it gives. */
			 _("`due` is %s, but the terms are 30 days from `issued` %s: due %s (§ 4.6)"),
			 samv_rule_date(inv->due).s, samv_rule_date(inv->issued).s,
			 samv_rule_date(inv->issued + 30).s);
}

static void invoice_late(const samv_rule_ctx *c, const samv_invoice *inv)
{
	samv_date deadline = samv_invoice_deadline(inv);
	if (deadline == SAMV_NO_DATE || inv->issued == SAMV_NO_DATE || inv->issued <= deadline)
		return;
	samv_rule_report(c, "invoice-late", inv->rec, samv_rule_at(inv->rec->root, "issued"),
			 /* TRANSLATORS: an invoice's number, its issue date, the deadline, then the term
			    (2025-VT). */
			 _("invoice %s was issued %s, after the invoicing deadline %s for %s (§ 4.6)"),
			 inv->number ? inv->number : inv->id, samv_rule_date(inv->issued).s,
			 samv_rule_date(deadline).s, inv->term);
}

static void payment_overdue(const samv_rule_ctx *c, const samv_invoice *inv)
{
	if (inv->paid != SAMV_NO_DATE || inv->due == SAMV_NO_DATE || inv->due >= c->cfg->today)
		return;
	const char *number = inv->number ? inv->number : inv->id;
	samv_date_text due = samv_rule_date(inv->due), today = samv_rule_date(c->cfg->today);
	if (inv->to)
		samv_rule_report(c, "payment-overdue", inv->rec, samv_rule_at(inv->rec->root, "due"),
				 /* TRANSLATORS: an invoice's number, its due date, today's date, then the
				    id of the university (party) it was sent to. */
				 _("invoice %s was due %s and is not paid (today is %s): record `paid` when "
				   "the money arrives, or remind %s"),
				 number, due.s, today.s, inv->to);
	else
		samv_rule_report(c, "payment-overdue", inv->rec, samv_rule_at(inv->rec->root, "due"),
				 /* TRANSLATORS: an invoice's number, its due date, then today's date. */
				 _("invoice %s was due %s and is not paid (today is %s): record `paid` when "
				   "the money arrives, or remind the university"),
				 number, due.s, today.s);
}

/* ---- placements and the invoices that hold them ---- */

typedef struct billed {
	const samv_placement *p;
	const samv_invoice *inv;
	const samv_node *at; /* the reference in the invoice */
} billed;

static int billed_cmp(const void *pa, const void *pb)
{
	const billed *a = pa, *b = pb;
	if (a->p != b->p)
		return strcmp(a->p->ref, b->p->ref);
	/* The earlier invoice is the original: by issue date, then file. */
	if (a->inv->issued != b->inv->issued)
		return a->inv->issued < b->inv->issued ? -1 : 1;
	int c = strcmp(a->inv->rec->doc->path, b->inv->rec->doc->path);
	return c ? c : (a->at->line > b->at->line) - (a->at->line < b->at->line);
}

static billed *collect_billed(const samv_rule_ctx *c, size_t *n)
{
	const samv_records *r = c->records;
	size_t total = 0;
	for (size_t i = 0; i < r->ninvoices; i++)
		total += r->invoices[i].nplacements;
	billed *all = malloc((total ? total : 1) * sizeof *all);
	*n = 0;
	if (!all) {
		c->diags->oom = 1;
		return NULL;
	}
	for (size_t i = 0; i < r->ninvoices; i++) {
		const samv_invoice *inv = &r->invoices[i];
		for (size_t k = 0; inv->placements && k < inv->nplacements; k++)
			if (inv->placements[k])
				all[(*n)++] = (billed){ inv->placements[k], inv, samv_node_item(inv->placement_refs, k) };
	}
	qsort(all, *n, sizeof *all, billed_cmp);
	return all;
}

static void invoice_twice(const samv_rule_ctx *c, const billed *all, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		if (all[i].p != all[i - 1].p)
			continue;
		const billed *first = &all[i - 1];
		while (first > all && (first - 1)->p == all[i].p)
			first--;
		samv_rule_report(c, "invoice-twice", all[i].inv->rec, all[i].at,
				 /* TRANSLATORS: a placement (2025-VT/kommun-uni/p1), then an invoice's number. */
				 _("placement '%s' is already on invoice %s: a placement is invoiced once"),
				 all[i].p->ref, first->inv->number ? first->inv->number : first->inv->id);
		samv_rule_relate(c, first->inv->rec, first->at, "%s", _("first invoiced here"));
	}
}

static bool is_billed(const billed *all, size_t n, const samv_placement *p)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(all[mid].p->ref, p->ref) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && all[lo].p == p;
}

static void invoice_missing(const samv_rule_ctx *c, const billed *all, size_t n)
{
	const samv_records *r = c->records;
	for (size_t i = 0; i < r->nterms; i++) {
		const samv_term *t = &r->terms[i];
		for (size_t k = 0; t->year && k < t->nplacements; k++) {
			const samv_placement *p = &t->placements[k];
			if (p->status != SAMV_COMPLETED || is_billed(all, n, p))
				continue;
			samv_date deadline = samv_deadline_invoice(t->year, t->autumn, p->end);
			if (c->cfg->today <= deadline)
				continue;
			samv_rule_report(c, "invoice-missing", t->rec, samv_rule_at(p->node, "status"),
					 /* TRANSLATORS: a placement (2025-VT/kommun-uni/p1), then the deadline. */
					 _("placement '%s' is completed but on no invoice; the invoicing deadline "
					   "was %s (§ 4.6)"),
					 p->ref, samv_rule_date(deadline).s);
		}
	}
}

void samv_rules_invoices(const samv_rule_ctx *c)
{
	const samv_records *r = c->records;
	for (size_t i = 0; i < r->ninvoices; i++) {
		const samv_invoice *inv = &r->invoices[i];
		invoice_total(c, inv);
		invoice_due(c, inv);
		invoice_late(c, inv);
		payment_overdue(c, inv);
	}
	size_t n;
	billed *all = collect_billed(c, &n);
	if (!all)
		return;
	invoice_twice(c, all, n);
	invoice_missing(c, all, n);
	free(all);
}
