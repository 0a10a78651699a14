/*
 * report.c — what all reports share: language, the commit stamp, the error notice, and
 * format names.
 */
#include "report.h"

#include <string.h>

const char *samv_tr(const samv_report_ctx *c, const char *swedish, const char *english)
{
	return c->swedish ? swedish : english;
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
	if (!c->commit) {
		samv_buf_puts(b, samv_tr(c, "Genererad från en liggare utanför git", "Generated from a ledger outside git"));
		return;
	}
	samv_buf_printf(b, "%s %.12s", samv_tr(c, "Genererad från commit", "Generated from commit"), c->commit);
	if (c->modified)
		samv_buf_puts(b, samv_tr(c, " (med ändringar som inte är incheckade)", " (with changes not committed)"));
}

void samv_report_notice(const samv_report_ctx *c, samv_buf *b)
{
	size_t errors = samv_report_errors(c);
	if (!errors)
		return;
	samv_buf_printf(b,
			c->swedish ? "Observera: liggaren har %zu fel (samv-check). Uppgifterna kan vara ofullständiga eller felaktiga."
				   : "Note: the ledger has %zu error%s (samv-check). Figures may be incomplete or wrong.",
			errors, errors == 1 ? "" : "s");
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
