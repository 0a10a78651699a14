/*
 * report/report.h — what every samv-report subcommand is given, and how it hands back files.
 *
 * Reports are computed from the loaded and checked ledger (records.h) and the findings of
 * the check; they never read a file. Each report renders into buffers (buf.h) and hands
 * each finished file to an emitter under a relative name ("invoices/2025-VT.md"); the
 * command decides whether that goes to standard output or, atomically, into --out. Output
 * is deterministic: stamped with the git commit (and "modified" when the work tree
 * differs), never with the clock.
 */
#ifndef SAMV_REPORT_H
#define SAMV_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/diag.h"
#include "util/escape.h"
#include "util/i18n.h"
#include "ledger/obligations.h"
#include "ledger/records.h"
#include "rules/rules.h"
#include "report/json_writer.h"

typedef struct samv_emitter {
	/* Returns 0, or -1 with *err malloc'd. */
	int (*emit)(void *arg, const char *name, const samv_buf *content, char **err);
	void *arg;
} samv_emitter;

typedef struct samv_report_ctx {
	const samv_ledger *ledger;
	const samv_records *records;
	const samv_obligations *obligations; /* of the records, as of cfg->today */
	const samv_rules_config *cfg; /* cfg->today is "today" */
	const samv_diags *findings; /* the check's findings, severities set */
	const char *commit; /* 40 hex digits, or NULL outside git */
	bool modified; /* the work tree differs from the commit */
	int64_t commit_time; /* the commit's time, seconds since 1970 UTC; -1 outside git */
	const samv_catalog *lang; /* the documents' language (--lang): labels, not messages */
} samv_report_ctx;

/* Whether numbers are written as Swedish documents write them ("1 530,00 kr", decimal
 * comma) rather than English ones ("SEK 1,530.00"): a convention of c->lang that the
 * catalogue does not hold. */
bool samv_report_swedish(const samv_report_ctx *c);

/* A label in the documents' language (c->lang), looked up by its English text; a label that
 * is a format is checked by gcc against the arguments, as printf's own would be. */
const char *samv_tr(const samv_report_ctx *c, const char *english) SAMV_FORMAT_ARG(2);
/* The same for an English label that needs a different translation where it stands
 * (context says where, e.g. "site index"). */
const char *samv_trp(const samv_report_ctx *c, const char *context, const char *english) SAMV_FORMAT_ARG(3);
/* The same for words that depend on a count. */
const char *samv_trn(const samv_report_ctx *c, const char *one, const char *many, uint64_t n)
	SAMV_FORMAT_ARG(2) SAMV_FORMAT_ARG(3);
/* The members that end a report's JSON after its list: "errors", "commit" and "modified". */
void samv_report_json_stamp(const samv_report_ctx *c, samv_jw *w);
/* Errors and warnings among the findings. */
size_t samv_report_errors(const samv_report_ctx *c);
/* One line saying what the report was made from, e.g. "Genererad från commit 1a2b3c4d5e6f
 * (med ändringar som inte är incheckade)"; no clock. */
void samv_report_stamp(const samv_report_ctx *c, samv_buf *b);
/* The visible notice for a ledger with errors ("" when it has none), plain text. */
void samv_report_notice(const samv_report_ctx *c, samv_buf *b);
/* The same as a paragraph of a Markdown ("> **...**") or HTML (<p class="notice">)
 * document; nothing when the ledger has no errors. */
void samv_report_md_notice(const samv_report_ctx *c, samv_buf *b);
void samv_report_html_notice(const samv_report_ctx *c, samv_buf *b);

/* Formats a subcommand may be asked for. */
typedef enum samv_format {
	SAMV_FORMAT_MD,
	SAMV_FORMAT_HTML,
	SAMV_FORMAT_CSV,
	SAMV_FORMAT_JSON,
	SAMV_FORMAT_UBL,
	SAMV_FORMAT_ICS
} samv_format;

int samv_format_parse(const char *name, samv_format *out); /* "md", "html", "csv", "json", "ubl", "ics" */
const char *samv_format_extension(samv_format f); /* "md", "html", "csv", "json", "xml", "ics" */

/* The subcommands. Each returns 0, or -1 with *err malloc'd (a usage problem such as an
 * unknown term, or a format the report does not have, or out of memory). */
int samv_report_invoices(const samv_report_ctx *c, const char *term, const char *unit,
			 samv_format format, const samv_emitter *e, char **err);
int samv_report_summary(const samv_report_ctx *c, int year, const char *by, samv_format format,
			const samv_emitter *e, char **err);
int samv_report_protocol(const samv_report_ctx *c, const char *id_or_file, samv_format format,
			 const samv_emitter *e, char **err);
int samv_report_actions(const samv_report_ctx *c, samv_format format, const samv_emitter *e,
			char **err);
int samv_report_deadlines(const samv_report_ctx *c, samv_date from, samv_date to,
			  samv_format format, const samv_emitter *e, char **err);
int samv_report_site(const samv_report_ctx *c, const samv_emitter *e, char **err);

#endif
