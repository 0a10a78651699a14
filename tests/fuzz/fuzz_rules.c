/*
 * fuzz_rules.c — libFuzzer target: a whole ledger through model, records and every rule,
 * and the findings through every output format.
 *
 * The input is a ledger archive (fuzz_ledger.h): samv.yaml, then record files. It is
 * written to a temporary directory and opened with samv_session_open, as samv-check does:
 * source listing, loader, schemas, typed records, the rules and severities. The findings
 * are then printed as text (with source excerpts), json, github and sarif. Besides the
 * sanitizers, the target checks what the headers promise: every finding names a known
 * rule, a file and a 1-based position, and carries a severity; text output holds no
 * control character but the line ends; json and sarif output is JSON that samv's own
 * reader accepts.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_ledger.h"
#include "input/json.h"
#include "report/findings.h"
#include "rules/rules.h"
#include "session/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The text of a line of a ledger file, for the excerpts under each finding. */
typedef struct line_cache {
	char path[256];
	char *data;
	size_t len;
} line_cache;

static const char *line_of(void *arg, const char *file, uint32_t line, size_t *len)
{
	line_cache *c = arg;
	char path[256];
	snprintf(path, sizeof path, "%s/%s", fuzz_ledger, file);
	if (strcmp(path, c->path) != 0) {
		free(c->data);
		c->data = NULL;
		c->len = 0;
		snprintf(c->path, sizeof c->path, "%s", path);
		FILE *f = fopen(path, "rb");
		if (!f)
			return NULL;
		char buf[4096];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
			char *d = realloc(c->data, c->len + n + 1);
			if (!d)
				break;
			memcpy(d + c->len, buf, n);
			c->data = d;
			c->len += n;
			c->data[c->len] = '\0';
		}
		fclose(f);
	}
	if (!c->data)
		return NULL;
	const char *p = c->data, *end = c->data + c->len;
	for (uint32_t l = 1; l < line; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*len = nl ? (size_t)(nl - p) : (size_t)(end - p);
	return p;
}

static void check_json(const char *text, size_t len)
{
	samv_doc *doc = samv_doc_new("out.json");
	char *err = NULL;
	if (!doc)
		return;
	if (samv_json_parse(doc, text, len, &err)) {
		fprintf(stderr, "output is not JSON: %s\n%.*s\n", err, (int)(len > 4000 ? 4000 : len), text);
		abort();
	}
	free(err);
	samv_doc_free(doc);
}

static void check_outputs(const samv_diags *d, bool sarif)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	line_cache cache = { { 0 }, NULL, 0 };
	samv_text_style style = { false, line_of, &cache };
	if ((out = open_memstream(&text, &len))) {
		samv_findings_text_styled(out, d, &style);
		fclose(out);
		for (size_t i = 0; i < len; i++)
			CHECK(((unsigned char)text[i] >= 0x20 && text[i] != 0x7F) || text[i] == '\n' ||
			      text[i] == '\t');
		free(text);
	}
	free(cache.data);
	if ((out = open_memstream(&text, &len))) {
		samv_findings_text(out, d);
		fclose(out);
		size_t lines = 0;
		for (size_t i = 0; i < len; i++) {
			CHECK(((unsigned char)text[i] >= 0x20 && text[i] != 0x7F) || text[i] == '\n');
			lines += text[i] == '\n';
		}
		CHECK(lines == d->count); /* one finding, one line */
		free(text);
	}
	if ((out = open_memstream(&text, &len))) {
		samv_findings_json(out, d);
		fclose(out);
		check_json(text, len);
		free(text);
	}
	/* SARIF carries the whole rule table: reading it back on every run would take a
	 * tenth of the time, so only one input in eight is checked. */
	if (sarif && (out = open_memstream(&text, &len))) {
		samv_findings_sarif(out, d, "ledger/", "0.0.0-fuzz");
		fclose(out);
		check_json(text, len);
		free(text);
	}
	if ((out = open_memstream(&text, &len))) {
		samv_findings_github(out, d, "");
		fclose(out);
		size_t lines = 0;
		for (size_t i = 0; i < len; i++)
			lines += text[i] == '\n';
		CHECK(lines == d->count);
		free(text);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	samv_session s;
	if (fuzz_session_open(&s, data, size) == 0) {
		for (size_t i = 0; i < s.diags.count; i++) {
			const samv_finding *f = &s.diags.items[i];
			CHECK(samv_rule_index(f->rule) >= 0);
			CHECK(f->file && f->file[0] != '\0');
			CHECK(f->line >= 1 && f->col >= 1);
			CHECK(f->severity == SAMV_SEV_ERROR || f->severity == SAMV_SEV_WARNING);
			CHECK(f->message && f->message[0] != '\0');
		}
		samv_diags_sort(&s.diags);
		check_outputs(&s.diags, size % 8 == 0);
	}
	samv_session_close(&s);
	return 0;
}
