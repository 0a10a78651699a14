/*
 * output.c — findings as text lines or as the JSON document of SPEC § 6.
 */
#include "output.h"

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

void samv_output_text(FILE *out, const samv_diags *d)
{
	for (size_t i = 0; i < d->count; i++) {
		const samv_finding *f = &d->items[i];
		fprintf(out, "%s:%u:%u: %s: %s [%s]\n", f->file, f->line, f->col,
			severity_word(f->severity), f->message, f->rule);
	}
}

void samv_output_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
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
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
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
