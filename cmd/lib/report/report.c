/*
 * report/report.c — what all reports share: language, the commit stamp, the error notice, and
 * format names.
 */
#include "report/report.h"

#include <string.h>

const char *samv_tr(const samv_report_ctx *c, const char *english)
{
	return samv_catalog_gettext(c->lang, english);
}

const char *samv_trp(const samv_report_ctx *c, const char *context, const char *english)
{
	return samv_catalog_pgettext(c->lang, context, english);
}

const char *samv_trn(const samv_report_ctx *c, const char *one, const char *many, uint64_t n)
{
	return samv_catalog_ngettext(c->lang, one, many, n);
}

bool samv_report_swedish(const samv_report_ctx *c)
{
	return strcmp(samv_catalog_language(c->lang), "sv") == 0;
}

size_t samv_report_errors(const samv_report_ctx *c)
{
	size_t n = 0;
	for (size_t i = 0; c->findings && i < c->findings->count; i++)
		n += c->findings->items[i].severity == SAMV_SEV_ERROR;
	return n;
}

void samv_report_stamp(const samv_report_ctx *c, samv_buf *b)
{
	if (!c->commit)
		samv_buf_puts(b, samv_tr(c, "Generated from a ledger outside git"));
	else if (c->modified)
		/* TRANSLATORS: %.12s is the first 12 hex digits of a git commit id. */
		samv_buf_printf(b, samv_tr(c, "Generated from commit %.12s (with changes not committed)"), c->commit);
	else
		/* TRANSLATORS: %.12s is the first 12 hex digits of a git commit id. */
		samv_buf_printf(b, samv_tr(c, "Generated from commit %.12s"), c->commit);
}

void samv_report_notice(const samv_report_ctx *c, samv_buf *b)
{
	size_t errors = samv_report_errors(c);
	if (!errors)
		return;
	samv_buf_printf(b,
			samv_trn(c, "Note: the ledger has %zu error (samv-check). Figures may be incomplete or wrong.",
				 "Note: the ledger has %zu errors (samv-check). Figures may be incomplete or wrong.",
				 errors),
			errors);
}

static void notice_paragraph(const samv_report_ctx *c, samv_buf *b, const char *open,
			     void (*escape)(samv_buf *b, const char *s), const char *close)
{
	samv_buf notice = { 0 };
	samv_report_notice(c, &notice);
	if (notice.len) {
		samv_buf_puts(b, open);
		escape(b, notice.data);
		samv_buf_puts(b, close);
	}
	b->oom |= notice.oom;
	samv_buf_free(&notice);
}

void samv_report_md_notice(const samv_report_ctx *c, samv_buf *b)
{
	notice_paragraph(c, b, "> **", samv_escape_md, "**\n\n");
}

void samv_report_html_notice(const samv_report_ctx *c, samv_buf *b)
{
	notice_paragraph(c, b, "<p class=\"notice\" role=\"alert\">", samv_escape_html, "</p>\n");
}

static const char *const format_names[] = { "md", "html", "csv", "json", "ubl", "ics" };

int samv_format_parse(const char *name, samv_format *out)
{
	for (int i = 0; i < 6; i++)
		if (strcmp(name, format_names[i]) == 0 || (i == 0 && strcmp(name, "markdown") == 0)) {
			*out = (samv_format)i;
			return 0;
		}
	return -1;
}

const char *samv_format_extension(samv_format f)
{
	return f == SAMV_FORMAT_UBL ? "xml" : format_names[f];
}

void samv_report_json_stamp(const samv_report_ctx *c, samv_jw *w)
{
	samv_jw_int(w, "errors", (int64_t)samv_report_errors(c));
	samv_jw_str(w, "commit", c->commit);
	samv_jw_bool(w, "modified", c->modified);
}
