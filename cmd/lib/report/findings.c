/*
 * report/findings.c — findings as text lines or as the JSON document of SPEC § 6.
 */
#include "report/findings.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/escape.h"
#include "util/utf8.h"

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

static void put_in_file(void *out, const char *s, size_t len)
{
	fwrite(s, 1, len, out);
}

static void json_string(FILE *out, const char *s)
{
	samv_escape_json_to(s, strlen(s), put_in_file, out);
}

static void position(FILE *out, const char *file, uint32_t line, uint32_t col)
{
	fputs("\"file\": ", out);
	json_string(out, file);
	fprintf(out, ", \"line\": %u, \"column\": %u", line, col);
}

void samv_findings_json(FILE *out, const samv_diags *d)
{
	samv_counts c = samv_diags_count(d);
	fputs("{\"findings\": [", out);
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		fputs(i ? ",\n  {" : "\n  {", out);
		position(out, f->file, f->line, f->col);
		fprintf(out, ", \"severity\": \"%s\", \"rule\": ", severity_word(f->severity));
		json_string(out, f->rule);
		fputs(", \"message\": ", out);
		json_string(out, f->message);
		fputs(", \"related\": [", out);
		for (size_t r = 0; r < f->nrelated; r++) {
			fputs(r ? ", {" : "{", out);
			position(out, f->related[r].file, f->related[r].line, f->related[r].col);
			fputs(", \"message\": ", out);
			json_string(out, f->related[r].message);
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fprintf(out, "%s], \"errors\": %zu, \"warnings\": %zu}\n", d->count ? "\n" : "", c.errors,
		c.warnings);
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

static void sarif_physical(FILE *out, const char *prefix, const char *file, uint32_t line, uint32_t col)
{
	fputs("{\"artifactLocation\": {\"uri\": ", out);
	char *uri = samv_strprintf("%s%s", prefix, file);
	json_string(out, uri ? uri : file);
	free(uri);
	fprintf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}", line, col);
}

void samv_findings_sarif(FILE *out, const samv_diags *d, const char *prefix, const char *version)
{
	size_t nrules;
	const samv_rule_info *rules = samv_rules_table(&nrules);
	fputs("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\",\n"
	      " \"runs\": [{\"tool\": {\"driver\": {\"name\": \"samv-check\", \"version\": ", out);
	json_string(out, version);
	fputs(", \"rules\": [", out);
	for (size_t i = 0; i < nrules; i++) {
		fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", out);
		json_string(out, rules[i].id);
		fputs(", \"shortDescription\": {\"text\": ", out);
		json_string(out, _(rules[i].summary));
		fputs("}, \"fullDescription\": {\"text\": ", out);
		json_string(out, _(rules[i].why));
		fputs("}, \"help\": {\"text\": ", out);
		json_string(out, _(rules[i].mend));
		fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
			rules[i].severity == SAMV_SEV_ERROR ? "error" : "warning");
	}
	fputs("]}},\n \"results\": [", out);
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		fputs(i ? ",\n  {\"ruleId\": " : "\n  {\"ruleId\": ", out);
		json_string(out, f->rule);
		int index = samv_rule_index(f->rule);
		if (index >= 0)
			fprintf(out, ", \"ruleIndex\": %d", index);
		fprintf(out, ", \"level\": \"%s\", \"message\": {\"text\": ", severity_word(f->severity));
		json_string(out, f->message);
		fputs("}, \"locations\": [", out);
		fputs("{\"physicalLocation\": ", out);
		sarif_physical(out, prefix, f->file, f->line, f->col);
		fputs("}]", out);
		if (f->nrelated) {
			fputs(", \"relatedLocations\": [", out);
			for (size_t r = 0; r < f->nrelated; r++) {
				const samv_related *rel = &f->related[r];
				fprintf(out, "%s{\"id\": %zu, \"physicalLocation\": ", r ? ", " : "", r + 1);
				sarif_physical(out, prefix, rel->file, rel->line, rel->col);
				fputs(", \"message\": {\"text\": ", out);
				json_string(out, rel->message);
				fputs("}}", out);
			}
			fputs("]", out);
		}
		fputs("}", out);
	}
	fputs(d->count ? "\n ]}]}\n" : "]}]}\n", out);
}
