/*
 * report/findings.h — print a finished findings list for people (text) or programs (json).
 *
 * Text is one line per finding, `file:line:col: severity: message [rule]`, the form
 * compilers use, so editors and CI jump to it. JSON is the object SPEC § 6 defines;
 * github prints workflow commands that annotate a pull request; sarif is SARIF 2.1.0 for
 * code-scanning tools.
 * Both print the list in its current order: sort it first (samv_diags_sort).
 */
#ifndef SAMV_OUTPUT_H
#define SAMV_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "util/diag.h"
#include "rules/rules.h"

typedef struct samv_counts {
	size_t errors, warnings;
} samv_counts;

samv_counts samv_diags_count(const samv_diags *d);
void samv_findings_text(FILE *out, const samv_diags *d);

/* For people at a terminal: the same first line per finding (editors still parse it), then
 * the source line with a caret under the column, and each related position likewise, as
 * modern compilers do. line_of returns the text of a line of a file (without its line
 * break; *len set) or NULL; colour uses ANSI escapes. */
typedef const char *(*samv_line_of)(void *arg, const char *file, uint32_t line, size_t *len);
typedef struct samv_text_style {
	bool colour;
	samv_line_of line_of; /* NULL: no excerpts */
	void *arg;
} samv_text_style;
void samv_findings_text_styled(FILE *out, const samv_diags *d, const samv_text_style *style);
void samv_findings_json(FILE *out, const samv_diags *d);
/* GitHub Actions workflow commands (::error file=...,line=...,col=...,title=RULE::message).
 * prefix is put before each file path so that paths are relative to the repository
 * (e.g. "ledger/"); "" when the ledger is the repository root. */
void samv_findings_github(FILE *out, const samv_diags *d, const char *prefix);
/* SARIF 2.1.0, one rule entry per rule id of the table, one result per finding. */
void samv_findings_sarif(FILE *out, const samv_diags *d, const char *prefix, const char *version);

#endif
