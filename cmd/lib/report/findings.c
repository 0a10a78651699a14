/*
 * report/findings.c — findings as text lines or as the JSON document of SPEC § 6.
 */
#include "report/findings.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "report/json_writer.h"

samv_counts samv_diags_count(const samv_diags *d)
{
	samv_counts c = { 0, 0 };
	for (size_t i = 0; i < d->count; i++) {
		if (d->items[i].severity == SAMV_SEV_ERROR)
			c.errors++;
		else if (d->items[i].severity == SAMV_SEV_WARNING)
			c.warnings++;
	}
	return c;
}

/* Not translated: editors, CI problem matchers and the JSON readers match these words. */
static const char *severity_word(samv_severity s)
{
	return s == SAMV_SEV_ERROR ? "error" : "warning";
}

/* Text a ledger put into a message or a file name can hold anything; a terminal must not
 * receive control characters, and one finding must stay one line. */
static void text_escaped(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	while (p < end) {
		bool valid;
		size_t n = samv_utf8_next(p, (size_t)(end - p), &valid);
		if (valid && (n > 1 || (*p >= 0x20 && *p != 0x7F)))
			fwrite(p, 1, n, out);
		else if (valid && (*p == '\n' || *p == '\t' || *p == '\r'))
			fputs(*p == '\n' ? "\\n" : *p == '\t' ? "\\t" : "\\r", out);
		else
			for (size_t i = 0; i < n; i++)
				fprintf(out, "\\x%02x", p[i]);
		p += n;
	}
}

void samv_findings_text(FILE *out, const samv_diags *d)
{
	samv_text_style plain = { false, NULL, NULL };
	samv_findings_text_styled(out, d, &plain);
}

#define BOLD "\033[1m"
#define RESET "\033[0m"

/* The source line, then spaces (tabs where the line has tabs) up to the column, a caret. */
static void excerpt(FILE *out, const samv_text_style *st, const char *file, uint32_t line, uint32_t col)
{
	size_t len;
	const char *text = st->line_of ? st->line_of(st->arg, file, line, &len) : NULL;
	if (!text)
		return;
	char *copy = samv_strprintf("%.*s", (int)len, text);
	if (!copy)
		return;
	fprintf(out, "%6u | ", line);
	text_escaped(out, copy);
	fprintf(out, "\n       | ");
	const unsigned char *p = (const unsigned char *)copy, *end = p + strlen(copy);
	for (uint32_t c = 1; c < col && p < end; c++) {
		fputc(*p == '\t' ? '\t' : ' ', out);
		bool valid;
		size_t n = samv_utf8_next(p, (size_t)(end - p), &valid);
		p += valid ? n : 1; /* a byte that is not UTF-8 takes a column of its own */
	}
	fprintf(out, "%s^%s\n", st->colour ? "\033[1;32m" : "", st->colour ? RESET : "");
	free(copy);
}

void samv_findings_text_styled(FILE *out, const samv_diags *d, const samv_text_style *st)
{
	const char *bold = st->colour ? BOLD : "", *reset = st->colour ? RESET : "";
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		const char *hue = !st->colour ? "" : f->severity == SAMV_SEV_ERROR ? "\033[1;31m" : "\033[1;33m";
		fputs(bold, out);
		text_escaped(out, f->file);
		fprintf(out, ":%u:%u:%s %s%s:%s ", f->line, f->col, reset, hue, severity_word(f->severity), reset);
		text_escaped(out, f->message);
		fprintf(out, " [%s]\n", f->rule);
		excerpt(out, st, f->file, f->line, f->col);
		for (size_t r = 0; st->line_of && r < f->nrelated; r++) {
			const samv_related *rel = &f->related[r];
			fputs(bold, out);
			text_escaped(out, rel->file);
			/* "note", like the severity, is a word editors match: not translated. */
			fprintf(out, ":%u:%u:%s %snote:%s ", rel->line, rel->col, reset,
				st->colour ? "\033[1;36m" : "", reset);
			text_escaped(out, rel->message);
			fputc('\n', out);
			excerpt(out, st, rel->file, rel->line, rel->col);
		}
	}
}

/* The document rendered into a buffer, then written out; nothing on running out of memory,
 * which would leave half a document. */
static void put_document(FILE *out, samv_buf *b)
{
	if (!b->oom && b->len)
		fwrite(b->data, 1, b->len, out);
	samv_buf_free(b);
}

static void position(samv_jw *w, const char *file, uint32_t line, uint32_t col)
{
	samv_jw_str(w, "file", file);
	samv_jw_int(w, "line", line);
	samv_jw_int(w, "column", col);
}

void samv_findings_json(FILE *out, const samv_diags *d)
{
	samv_counts c = samv_diags_count(d);
	samv_buf b = { 0 };
	samv_jw w;
	samv_jw_init(&w, &b);
	samv_jw_inline(&w, NULL, '{');
	samv_jw_block(&w, "findings", '[');
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		samv_jw_inline(&w, NULL, '{');
		position(&w, f->file, f->line, f->col);
		samv_jw_str(&w, "severity", severity_word(f->severity));
		samv_jw_str(&w, "rule", f->rule);
		samv_jw_str(&w, "message", f->message);
		samv_jw_inline(&w, "related", '[');
		for (size_t r = 0; r < f->nrelated; r++) {
			samv_jw_inline(&w, NULL, '{');
			position(&w, f->related[r].file, f->related[r].line, f->related[r].col);
			samv_jw_str(&w, "message", f->related[r].message);
			samv_jw_close(&w);
		}
		samv_jw_close(&w);
		samv_jw_close(&w);
	}
	samv_jw_close(&w);
	samv_jw_int(&w, "errors", (int64_t)c.errors);
	samv_jw_int(&w, "warnings", (int64_t)c.warnings);
	samv_jw_close(&w);
	samv_buf_puts(&b, "\n");
	put_document(out, &b);
}

/* Workflow command values escape %, CR and LF; property values also ':' and ','. */
static void github_escaped(FILE *out, const char *s, bool property)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", out);
		else if (*s == '\r')
			fputs("%0D", out);
		else if (*s == '\n')
			fputs("%0A", out);
		else if (property && *s == ':')
			fputs("%3A", out);
		else if (property && *s == ',')
			fputs("%2C", out);
		else
			fputc(*s, out);
	}
}

void samv_findings_github(FILE *out, const samv_diags *d, const char *prefix)
{
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		fprintf(out, "::%s file=", severity_word(f->severity));
		github_escaped(out, prefix, true);
		github_escaped(out, f->file, true);
		fprintf(out, ",line=%u,col=%u,title=", f->line, f->col);
		github_escaped(out, f->rule, true);
		fputs("::", out);
		github_escaped(out, f->message, false);
		fputc('\n', out);
	}
}

/* {"text": s}, SARIF's message and description object. */
static void sarif_text(samv_jw *w, const char *key, const char *s)
{
	samv_jw_inline(w, key, '{');
	samv_jw_str(w, "text", s);
	samv_jw_close(w);
}

static void sarif_physical(samv_jw *w, const char *prefix, const char *file, uint32_t line, uint32_t col)
{
	samv_jw_inline(w, "physicalLocation", '{');
	samv_jw_inline(w, "artifactLocation", '{');
	char *uri = samv_strprintf("%s%s", prefix, file);
	samv_jw_str(w, "uri", uri ? uri : file);
	free(uri);
	samv_jw_close(w);
	samv_jw_inline(w, "region", '{');
	samv_jw_int(w, "startLine", line);
	samv_jw_int(w, "startColumn", col);
	samv_jw_close(w);
	samv_jw_close(w);
}

/* The layout is SARIF's as samv has always written it: the runs and the results start
 * lines of their own, one rule or result a line. */
void samv_findings_sarif(FILE *out, const samv_diags *d, const char *prefix, const char *version)
{
	size_t nrules;
	const samv_rule_info *rules = samv_rules_table(&nrules);
	samv_buf b = { 0 };
	samv_jw w;
	samv_jw_init(&w, &b);
	samv_jw_inline(&w, NULL, '{');
	samv_jw_str(&w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	samv_jw_str(&w, "version", "2.1.0");
	samv_jw_break(&w, 1);
	samv_jw_inline(&w, "runs", '[');
	samv_jw_inline(&w, NULL, '{');
	samv_jw_inline(&w, "tool", '{');
	samv_jw_inline(&w, "driver", '{');
	samv_jw_str(&w, "name", "samv-check");
	samv_jw_str(&w, "version", version);
	samv_jw_lines(&w, "rules", '[', 2, -1);
	for (size_t i = 0; i < nrules; i++) {
		samv_jw_inline(&w, NULL, '{');
		samv_jw_str(&w, "id", rules[i].id);
		sarif_text(&w, "shortDescription", _(rules[i].summary));
		sarif_text(&w, "fullDescription", _(rules[i].why));
		sarif_text(&w, "help", _(rules[i].mend));
		samv_jw_inline(&w, "defaultConfiguration", '{');
		samv_jw_str(&w, "level", severity_word(rules[i].severity));
		samv_jw_close(&w);
		samv_jw_close(&w);
	}
	samv_jw_close(&w);
	samv_jw_close(&w);
	samv_jw_close(&w);
	samv_jw_break(&w, 1);
	samv_jw_lines(&w, "results", '[', 2, 1);
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		samv_jw_inline(&w, NULL, '{');
		samv_jw_str(&w, "ruleId", f->rule);
		int index = samv_rule_index(f->rule);
		if (index >= 0)
			samv_jw_int(&w, "ruleIndex", index);
		samv_jw_str(&w, "level", severity_word(f->severity));
		sarif_text(&w, "message", f->message);
		samv_jw_inline(&w, "locations", '[');
		samv_jw_inline(&w, NULL, '{');
		sarif_physical(&w, prefix, f->file, f->line, f->col);
		samv_jw_close(&w);
		samv_jw_close(&w);
		if (f->nrelated) {
			samv_jw_inline(&w, "relatedLocations", '[');
			for (size_t r = 0; r < f->nrelated; r++) {
				const samv_related *rel = &f->related[r];
				samv_jw_inline(&w, NULL, '{');
				samv_jw_int(&w, "id", (int64_t)(r + 1));
				sarif_physical(&w, prefix, rel->file, rel->line, rel->col);
				sarif_text(&w, "message", rel->message);
				samv_jw_close(&w);
			}
			samv_jw_close(&w);
		}
		samv_jw_close(&w);
	}
	samv_jw_close(&w);
	samv_jw_close(&w);
	samv_jw_close(&w);
	samv_jw_close(&w);
	samv_buf_puts(&b, "\n");
	put_document(out, &b);
}
