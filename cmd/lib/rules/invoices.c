/*
 * rules/invoices.c — rules about invoices (§ 4.6): invoice-total, invoice-twice,
 * invoice-due. Their deadlines (invoice-late, invoice-missing, payment-overdue) are in
 * rules/deadlines.c.
 *
 * Amounts come from pay.c, the same module samv-report uses, so a checked total is the
 * total the invoice report prints.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger/deadlines.h"
#include "util/i18n.h"
#include "ledger/pay.h"
#include "rules/families.h"

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
	samv_rule_report(c, "invoice-total", inv->rec, samv_node_at(inv->rec->root, "total"), message,
			 inv->number ? inv->number : inv->id, stated, inv->nplacements, sum, diff);
	free(stated);
	free(sum);
	free(diff);
}

static void invoice_due(const samv_rule_ctx *c, const samv_invoice *inv)
{
	if (inv->issued == SAMV_NO_DATE || inv->due == SAMV_NO_DATE || inv->due == inv->issued + 30)
		return;
	samv_rule_report(c, "invoice-due", inv->rec, samv_node_at(inv->rec->root, "due"),
			 /* TRANSLATORS: the invoice's due date, its issue date, then the due date that
			    30 days from it gives. */
			 _("`due` is %s, but the terms are 30 days from `issued` %s: due %s (§ 4.6)"),
			 samv_rule_date(inv->due).s, samv_rule_date(inv->issued).s,
			 samv_rule_date(inv->issued + 30).s);
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

void samv_rules_invoices(const samv_rule_ctx *c)
{
	const samv_records *r = c->records;
	for (size_t i = 0; i < r->ninvoices; i++) {
		const samv_invoice *inv = &r->invoices[i];
		invoice_total(c, inv);
		invoice_due(c, inv);
	}
	size_t n;
	billed *all = collect_billed(c, &n);
	if (!all)
		return;
	invoice_twice(c, all, n);
	free(all);
}
