/*
 * report/site.c — the site CI publishes: every report for every term, year, protocol and
 * format, and an index page linking them.
 *
 * Each report is made through a wrapping emitter that remembers the file names for the
 * index. A report that cannot be made (say, a term whose rates lack a year) does not stop
 * the site: the index lists it with the reason, so the rest is still published.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "report/page.h"

typedef struct entry {
	char *name; /* the file, relative to the site; NULL for a failure */
	char *group, *label, *error;
} entry;

typedef struct site {
	const samv_emitter *out;
	entry *entries;
	size_t n, cap;
	const char *group, *label; /* what is being made now */
	int oom;
	char *write_error; /* writing a file failed: the site stops */
} site;

static int add_entry(site *s, const char *name, const char *error)
{
	entry *entries = samv_grow(s->entries, &s->cap, sizeof *entries, 32, s->n + 1);
	if (!entries)
		return -1;
	s->entries = entries;
	entry *e = &s->entries[s->n];
	*e = (entry){ name ? strdup(name) : NULL, strdup(s->group), strdup(s->label),
		      error ? strdup(error) : NULL };
	if ((name && !e->name) || !e->group || !e->label || (error && !e->error)) {
		free(e->name);
		free(e->group);
		free(e->label);
		free(e->error);
		return -1;
	}
	s->n++;
	return 0;
}

static int remember(void *arg, const char *name, const samv_buf *content, char **err)
{
	site *s = arg;
	if (s->out->emit(s->out->arg, name, content, err)) {
		s->write_error = samv_strprintf("%s", *err ? *err : _("cannot write"));
		return -1;
	}
	if (add_entry(s, name, NULL)) {
		*err = samv_strprintf(_("out of memory"));
		return -1;
	}
	return 0;
}

/* Run one report; a failure becomes an index entry (writing failures are kept in
 * write_error and stop the site). */
typedef int (*maker)(const samv_report_ctx *c, const void *what, samv_format f, const samv_emitter *e, char **err);

static void make(site *s, const samv_report_ctx *c, const char *group, const char *label, maker fn,
		 const void *what, samv_format f)
{
	samv_emitter e = { remember, s };
	char *err = NULL;
	if (s->write_error)
		return; /* the site stops: with --out, none of its files is put in place */
	s->group = group;
	s->label = label;
	size_t before = s->n;
	int rc = fn(c, what, f, &e, &err);
	if (rc && !s->write_error && s->n == before) {
		char *why = samv_strprintf("%s: %s", samv_format_extension(f), err ? err : _("failed"));
		if (!why || add_entry(s, NULL, why))
			s->oom = 1;
		free(why);
	}
	free(err);
}

static int make_invoices(const samv_report_ctx *c, const void *term, samv_format f, const samv_emitter *e, char **err)
{
	return samv_report_invoices(c, term, NULL, f, e, err);
}

static int make_summary(const samv_report_ctx *c, const void *year, samv_format f, const samv_emitter *e, char **err)
{
	return samv_report_summary(c, *(const int *)year, "agreement", f, e, err);
}

static int make_protocol(const samv_report_ctx *c, const void *id, samv_format f, const samv_emitter *e, char **err)
{
	return samv_report_protocol(c, id, f, e, err);
}

static int make_actions(const samv_report_ctx *c, const void *unused, samv_format f, const samv_emitter *e, char **err)
{
	(void)unused;
	return samv_report_actions(c, f, e, err);
}

static int make_deadlines(const samv_report_ctx *c, const void *unused, samv_format f, const samv_emitter *e, char **err)
{
	(void)unused;
	return samv_report_deadlines(c, SAMV_NO_DATE, SAMV_NO_DATE, f, e, err);
}

static const char index_style[] =
	"body { font-family: sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }\n"
	"h2 { border-bottom: 1px solid #666; }\n.notice { background: #fff4ce; border: 1px solid #8a6d00; padding: .5rem 1rem; }\n"
	"li.failed { color: #8b0000; }\nfooter { color: #444; margin-top: 3rem; font-size: .9rem; }\n";

static void write_index(const site *s, const samv_report_ctx *c, samv_buf *b)
{
	const char *title = samv_tr(c, "Reports");
	const char *name = c->records->ledger_name;
	samv_page_open(c, b, name ? name : title, index_style);
	samv_buf_puts(b, "<h1>");
	samv_escape_html(b, name ? name : title);
	samv_buf_puts(b, "</h1>\n");
	samv_report_html_notice(c, b);
	const char *group = NULL, *label = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const entry *e = &s->entries[i];
		if (!group || strcmp(group, e->group) != 0) {
			samv_buf_puts(b, label ? "</li>\n</ul>\n" : "");
			samv_buf_puts(b, "<h2>");
			samv_escape_html(b, e->group);
			samv_buf_puts(b, "</h2>\n<ul>\n");
			group = e->group;
			label = NULL;
		}
		if (!label || strcmp(label, e->label) != 0) {
			samv_buf_puts(b, label ? "</li>\n" : "");
			samv_buf_printf(b, "<li%s>", e->name ? "" : " class=\"failed\"");
			samv_escape_html(b, e->label);
			samv_buf_puts(b, ":");
			label = e->label;
		}
		if (e->name) {
			/* Link text: the format, or the file's own name for one of several (e-invoices). */
			const char *base = strrchr(e->name, '/') ? strrchr(e->name, '/') + 1 : e->name;
			const char *ext = strrchr(base, '.');
			bool several = strcmp(ext ? ext : "", ".xml") == 0;
			samv_buf_puts(b, " <a href=\"");
			samv_escape_html(b, e->name);
			samv_buf_puts(b, "\">");
			samv_escape_html(b, several || !ext ? base : ext + 1);
			samv_buf_puts(b, "</a>");
		} else {
			samv_buf_printf(b, " %s: ", samv_tr(c, "could not be made"));
			samv_escape_html(b, e->error);
		}
	}
	samv_buf_puts(b, label ? "</li>\n</ul>\n" : "");
	samv_buf_puts(b, "<footer>");
	samv_buf stamp = { 0 };
	samv_report_stamp(c, &stamp);
	samv_escape_html(b, stamp.data);
	samv_buf_free(&stamp);
	samv_buf_puts(b, "</footer>\n");
	samv_page_close(b);
}

static int newest_first(const void *pa, const void *pb)
{
	const samv_term *a = *(const samv_term *const *)pa, *b = *(const samv_term *const *)pb;
	if (a->year != b->year)
		return a->year > b->year ? -1 : 1;
	return (b->autumn > a->autumn) - (b->autumn < a->autumn);
}

int samv_report_site(const samv_report_ctx *c, const samv_emitter *out, char **err)
{
	static const samv_format invoice_formats[] = { SAMV_FORMAT_HTML, SAMV_FORMAT_MD, SAMV_FORMAT_CSV,
						       SAMV_FORMAT_JSON, SAMV_FORMAT_UBL };
	static const samv_format summary_formats[] = { SAMV_FORMAT_HTML, SAMV_FORMAT_MD, SAMV_FORMAT_CSV, SAMV_FORMAT_JSON };
	static const samv_format page_formats[] = { SAMV_FORMAT_HTML, SAMV_FORMAT_MD };
	const samv_records *r = c->records;
	site s = { .out = out };
	int *years = malloc((r->nterms ? r->nterms : 1) * sizeof *years);
	size_t nyears = 0;
	int rc = -1;
	if (!years)
		goto oom;

	/* Terms newest first; terms_of holds one term of each (year, half). */
	const samv_term **terms_of = malloc((r->nterms ? r->nterms : 1) * sizeof *terms_of);
	size_t nterms = 0;
	if (!terms_of)
		goto oom;
	for (size_t i = 0; i < r->nterms; i++) {
		bool seen = false;
		for (size_t k = 0; k < nterms && !seen; k++)
			seen = strcmp(terms_of[k]->term, r->terms[i].term) == 0;
		if (!seen && r->terms[i].year)
			terms_of[nterms++] = &r->terms[i];
	}
	qsort(terms_of, nterms, sizeof *terms_of, newest_first);
	const char *g = samv_tr(c, "Invoice bases by term");
	for (size_t i = 0; i < nterms; i++) {
		for (size_t f = 0; f < sizeof invoice_formats / sizeof *invoice_formats; f++)
			make(&s, c, g, terms_of[i]->term, make_invoices, terms_of[i]->term, invoice_formats[f]);
		if (nyears == 0 || years[nyears - 1] != terms_of[i]->year)
			years[nyears++] = terms_of[i]->year;
	}
	free(terms_of);
	g = samv_tr(c, "Yearly follow-up");
	for (size_t i = nyears; i-- > 0;) {
		if (i + 1 < nyears && years[i] == years[i + 1])
			continue;
		char label[16];
		snprintf(label, sizeof label, "%d", years[i]);
		for (size_t f = 0; f < sizeof summary_formats / sizeof *summary_formats; f++)
			make(&s, c, g, label, make_summary, &years[i], summary_formats[f]);
	}
	g = samv_tr(c, "Protocols");
	for (size_t i = r->nprotocols; i-- > 0;)
		for (size_t f = 0; f < 2; f++)
			make(&s, c, g, r->protocols[i].id, make_protocol, r->protocols[i].id, page_formats[f]);
	g = samv_tr(c, "Actions and deadlines");
	for (size_t f = 0; f < 2; f++)
		make(&s, c, g, samv_trp(c, "site index", "Action points"), make_actions, NULL, page_formats[f]);
	make(&s, c, g, samv_trp(c, "site index", "Deadlines"), make_deadlines, NULL, SAMV_FORMAT_HTML);
	make(&s, c, g, samv_trp(c, "site index", "Deadlines"), make_deadlines, NULL, SAMV_FORMAT_MD);
	make(&s, c, g, samv_trp(c, "site index", "Deadlines"), make_deadlines, NULL, SAMV_FORMAT_ICS);
	if (s.write_error) {
		*err = s.write_error;
		s.write_error = NULL;
		goto done;
	}
	if (s.oom)
		goto oom;

	samv_buf index = { 0 };
	write_index(&s, c, &index);
	rc = index.oom ? -1 : out->emit(out->arg, "index.html", &index, err);
	if (index.oom)
		*err = samv_strprintf(_("out of memory"));
	samv_buf_free(&index);
	goto done;
oom:
	*err = samv_strprintf(_("out of memory"));
done:
	for (size_t i = 0; i < s.n; i++) {
		free(s.entries[i].name);
		free(s.entries[i].group);
		free(s.entries[i].label);
		free(s.entries[i].error);
	}
	free(s.entries);
	free(s.write_error);
	free(years);
	return rc;
}
