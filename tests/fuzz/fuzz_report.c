/*
 * fuzz_report.c — libFuzzer target: a whole ledger through every samv-report renderer.
 *
 * The input is a ledger archive (fuzz_ledger.h), opened with samv_session_open as
 * samv-report opens it; the typed records are built and every subcommand of report.h is
 * asked for in every format and both languages, with arguments taken from the ledger
 * itself (each term, year, unit and protocol it names) and a few that name nothing. The
 * files go to an emitter that keeps nothing. Besides the sanitizers, the target checks
 * what report.h and buf.h promise: a renderer returns 0 without an error or -1 with one,
 * names each file it emits with a relative path, hands over NUL-terminated content, and
 * every .json file is JSON that samv's own reader accepts, every .xml file holds no
 * control character that XML forbids, no .csv cell would run as a spreadsheet formula and
 * no .html or .md file holds a <script> (reports never make anything run what a ledger
 * says).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz_ledger.h"
#include "input/json.h"
#include "ledger/records.h"
#include "report/report.h"
#include "session/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* A cell a spreadsheet would run: = + @ tab or CR first, or - before anything but a digit
 * (a negative amount is a number, and a lone "-" is text). */
static bool runs_as_formula(const char *cell, size_t len)
{
	if (len == 0)
		return false;
	if (strchr("=+@\t\r", cell[0]))
		return true;
	return cell[0] == '-' && len > 1 && (cell[1] < '0' || cell[1] > '9');
}

/* CSV as samv writes it: ';' between cells, '"' around a cell that needs it, '""' inside. */
static void check_csv(const char *name, const char *s, size_t len)
{
	char *cell = malloc(len + 1);
	if (!cell)
		return;
	size_t i = 0;
	while (i <= len) {
		size_t n = 0;
		if (i < len && s[i] == '"') {
			for (i++; i < len; i++) {
				if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
					cell[n++] = s[i++];
				else if (s[i] == '"')
					break;
				else
					cell[n++] = s[i];
			}
			i++; /* the closing quote */
		}
		while (i < len && s[i] != ';' && s[i] != '\n' && s[i] != '\r')
			cell[n++] = s[i++];
		if (runs_as_formula(cell, n)) {
			fprintf(stderr, "%s: a cell a spreadsheet would run: %.*s\n", name, (int)(n > 200 ? 200 : n), cell);
			abort();
		}
		if (i < len && s[i] == '\r')
			i++;
		i++;
	}
	free(cell);
}

static int emit(void *arg, const char *name, const samv_buf *content, char **err)
{
	(void)arg, (void)err;
	CHECK(name && name[0] != '\0' && name[0] != '/' && !strstr(name, ".."));
	CHECK(!content->oom);
	CHECK(content->len == 0 || (content->data && content->data[content->len] == '\0'));
	if (ends_with(name, ".json")) {
		samv_doc *doc = samv_doc_new(name);
		char *why = NULL;
		if (doc && samv_json_parse(doc, content->data ? content->data : "", content->len, &why)) {
			fprintf(stderr, "%s is not JSON: %s\n%.*s\n", name, why,
				(int)(content->len > 4000 ? 4000 : content->len), content->data);
			abort();
		}
		free(why);
		samv_doc_free(doc);
	}
	if (ends_with(name, ".csv"))
		check_csv(name, content->data ? content->data : "", content->len);
	/* Ledger text is escaped in every format: a record cannot put a script in a page. */
	if (content->len && (ends_with(name, ".html") || ends_with(name, ".md"))) {
		for (const char *p = content->data; (p = strchr(p, '<')); p++)
			CHECK(strncasecmp(p, "<script", 7) != 0);
	}
	if (ends_with(name, ".xml"))
		for (size_t i = 0; i < content->len; i++) {
			unsigned char c = (unsigned char)content->data[i];
			CHECK(c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
		}
	return 0;
}

static void check_rc(int rc, char **err)
{
	CHECK(rc == 0 || rc == -1);
	CHECK(rc == 0 ? *err == NULL : (*err != NULL && (*err)[0] != '\0'));
	free(*err);
	*err = NULL;
}

#define NFORMATS 6

/* Up to max distinct strings, plus the ones given. */
typedef struct names {
	const char *items[8];
	size_t n;
} names;

static void names_add(names *ns, const char *s)
{
	if (!s || ns->n == sizeof ns->items / sizeof ns->items[0])
		return;
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->items[i], s) == 0)
			return;
	ns->items[ns->n++] = s;
}

static void render_all(const samv_report_ctx *c, const samv_emitter *e)
{
	const samv_records *r = c->records;
	char *err = NULL;
	names terms = { { 0 }, 0 }, units = { { 0 }, 0 }, protocols = { { 0 }, 0 };
	int years[4] = { 2025, 0, 0, 0 };
	size_t nyears = 1;
	for (size_t i = 0; i < r->nterms; i++) {
		names_add(&terms, r->terms[i].term);
		if (nyears < 4 && r->terms[i].year != years[nyears - 1])
			years[nyears++] = r->terms[i].year;
	}
	names_add(&terms, "2025-VT");
	names_add(&terms, "not-a-term");
	for (size_t i = 0; i < r->nparties && units.n < 3; i++)
		for (size_t k = 0; k < r->parties[i].nunits && units.n < 3; k++)
			names_add(&units, r->parties[i].units[k].id);
	for (size_t i = 0; i < r->nprotocols; i++) {
		names_add(&protocols, r->protocols[i].id);
		names_add(&protocols, r->protocols[i].rec ? r->protocols[i].rec->doc->path : NULL);
	}
	names_add(&protocols, "no/such-protocol");
	static const char *const bys[] = { "agreement", "municipality", "university", "nothing" };
	samv_date jan = samv_date_from_ymd(2025, 1, 1), dec = samv_date_from_ymd(2025, 12, 31);

	for (int f = 0; f < NFORMATS; f++) {
		samv_format format = (samv_format)f;
		for (size_t t = 0; t < terms.n; t++) {
			check_rc(samv_report_invoices(c, terms.items[t], NULL, format, e, &err), &err);
			for (size_t u = 0; u < units.n && t == 0; u++)
				check_rc(samv_report_invoices(c, terms.items[t], units.items[u], format, e, &err), &err);
		}
		for (size_t y = 0; y < nyears; y++)
			for (size_t b = 0; b < 4; b++)
				check_rc(samv_report_summary(c, years[y], bys[b], format, e, &err), &err);
		for (size_t p = 0; p < protocols.n; p++)
			check_rc(samv_report_protocol(c, protocols.items[p], format, e, &err), &err);
		check_rc(samv_report_actions(c, format, e, &err), &err);
		check_rc(samv_report_deadlines(c, SAMV_NO_DATE, SAMV_NO_DATE, format, e, &err), &err);
		check_rc(samv_report_deadlines(c, jan, dec, format, e, &err), &err);
		check_rc(samv_report_deadlines(c, dec, jan, format, e, &err), &err);
	}
	check_rc(samv_report_site(c, e, &err), &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	samv_session s;
	if (fuzz_session_open(&s, data, size) == 0) {
		samv_diags_sort(&s.diags);
		samv_emitter e = { emit, NULL };
		/* The language and the stamp come from the input's length, so that both are
		 * reached without doubling the time of every run. */
		samv_report_ctx c = { .ledger = s.ledger, .records = s.records, .obligations = s.obligations,
				      .cfg = &s.cfg,
				      .findings = &s.diags,
				      .lang = samv_catalog_find(size % 2 == 0 ? "sv" : "en"),
				      .commit = size % 3 == 0 ? NULL : "0123456789abcdef0123456789abcdef01234567",
				      .modified = size % 5 == 0 };
		render_all(&c, &e);
	}
	samv_session_close(&s);
	return 0;
}
