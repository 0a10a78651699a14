/*
 * output.c — findings as text lines or as the JSON document of SPEC § 6.
 */
#include "output.h"

#include <stdbool.h>
#include <stdlib.h>

#include "i18n.h"

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

static const char *severity_word(samv_severity s)
{
	return s == SAMV_SEV_ERROR ? "error" : "warning";
}

/* The length of the valid UTF-8 sequence at p (1-4), or 0 when p starts none. */
static size_t utf8_sequence(const unsigned char *p)
{
	size_t n = p[0] < 0x80 ? 1 : p[0] >= 0xC2 && p[0] <= 0xDF ? 2 : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
		 : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if ((n == 3 && p[0] == 0xE0 && p[1] < 0xA0) || (n == 3 && p[0] == 0xED && p[1] >= 0xA0) ||
	    (n == 4 && p[0] == 0xF0 && p[1] < 0x90) || (n == 4 && p[0] == 0xF4 && p[1] >= 0x90))
		return 0;
	return n;
}

/* Text a ledger put into a message or a file name can hold anything; a terminal must not
 * receive control characters, and one finding must stay one line. */
static void text_escaped(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_sequence(p);
		if (n == 1 && *p >= 0x20 && *p != 0x7F) {
			fputc(*p++, out);
		} else if (n > 1) {
			fwrite(p, 1, n, out);
			p += n;
		} else if (*p == '\n' || *p == '\t' || *p == '\r') {
			fputs(*p == '\n' ? "\\n" : *p == '\t' ? "\\t" : "\\r", out);
			p++;
		} else {
			fprintf(out, "\\x%02x", *p++);
		}
	}
}

void samv_output_text(FILE *out, const samv_diags *d)
{
	samv_text_style plain = { false, NULL, NULL };
	samv_output_text_styled(out, d, &plain);
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
	const unsigned char *p = (const unsigned char *)copy;
	for (uint32_t c = 1; c < col && *p; c++) {
		fputc(*p == '\t' ? '\t' : ' ', out);
		p += utf8_sequence(p) ? utf8_sequence(p) : 1;
	}
	fprintf(out, "%s^%s\n", st->colour ? "\033[1;32m" : "", st->colour ? RESET : "");
	free(copy);
}

void samv_output_text_styled(FILE *out, const samv_diags *d, const samv_text_style *st)
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
			fprintf(out, ":%u:%u:%s %snote:%s ", rel->line, rel->col, reset,
				st->colour ? "\033[1;36m" : "", reset);
			text_escaped(out, rel->message);
			fputc('\n', out);
			excerpt(out, st, rel->file, rel->line, rel->col);
		}
	}
}

/* JSON must be valid UTF-8: a byte that starts no valid sequence becomes U+FFFD. */
void samv_output_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_sequence(p);
		if (n > 1) {
			fwrite(p, 1, n, out);
			p += n;
			continue;
		}
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		default:
			if (n == 0)
				fputs("\\ufffd", out);
			else if (*p < 0x20 || *p == 0x7F)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
		p++;
	}
	fputc('"', out);
}

static void position(FILE *out, const char *file, uint32_t line, uint32_t col)
{
	fputs("\"file\": ", out);
	samv_output_json_string(out, file);
	fprintf(out, ", \"line\": %u, \"column\": %u", line, col);
}

void samv_output_json(FILE *out, const samv_diags *d)
{
	samv_counts c = samv_diags_count(d);
	fputs("{\"findings\": [", out);
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		fputs(i ? ",\n  {" : "\n  {", out);
		position(out, f->file, f->line, f->col);
		fprintf(out, ", \"severity\": \"%s\", \"rule\": ", severity_word(f->severity));
		samv_output_json_string(out, f->rule);
		fputs(", \"message\": ", out);
		samv_output_json_string(out, f->message);
		fputs(", \"related\": [", out);
		for (size_t r = 0; r < f->nrelated; r++) {
			fputs(r ? ", {" : "{", out);
			position(out, f->related[r].file, f->related[r].line, f->related[r].col);
			fputs(", \"message\": ", out);
			samv_output_json_string(out, f->related[r].message);
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

void samv_output_github(FILE *out, const samv_diags *d, const char *prefix)
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
	samv_output_json_string(out, uri ? uri : file);
	free(uri);
	fprintf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}", line, col);
}

void samv_output_sarif(FILE *out, const samv_diags *d, const char *prefix, const char *version)
{
	size_t nrules;
	const samv_rule_info *rules = samv_rules_table(&nrules);
	fputs("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\",\n"
	      " \"runs\": [{\"tool\": {\"driver\": {\"name\": \"samv-check\", \"version\": ", out);
	samv_output_json_string(out, version);
	fputs(", \"rules\": [", out);
	for (size_t i = 0; i < nrules; i++) {
		fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", out);
		samv_output_json_string(out, rules[i].id);
		fputs(", \"shortDescription\": {\"text\": ", out);
		samv_output_json_string(out, _(rules[i].summary));
		fputs("}, \"fullDescription\": {\"text\": ", out);
		samv_output_json_string(out, _(rules[i].why));
		fputs("}, \"help\": {\"text\": ", out);
		samv_output_json_string(out, _(rules[i].mend));
		fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
			rules[i].severity == SAMV_SEV_ERROR ? "error" : "warning");
	}
	fputs("]}},\n \"results\": [", out);
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		fputs(i ? ",\n  {\"ruleId\": " : "\n  {\"ruleId\": ", out);
		samv_output_json_string(out, f->rule);
		int index = samv_rule_index(f->rule);
		if (index >= 0)
			fprintf(out, ", \"ruleIndex\": %d", index);
		fprintf(out, ", \"level\": \"%s\", \"message\": {\"text\": ", severity_word(f->severity));
		samv_output_json_string(out, f->message);
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
				samv_output_json_string(out, rel->message);
				fputs("}}", out);
			}
			fputs("]", out);
		}
		fputs("}", out);
	}
	fputs(d->count ? "\n ]}]}\n" : "]}]}\n", out);
}
