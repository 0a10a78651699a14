/*
 * output.h — print a finished findings list for people (text) or programs (json).
 *
 * Text is one line per finding, `file:line:col: severity: message [rule]`, the form
 * compilers use, so editors and CI jump to it. JSON is the object SPEC § 6 defines;
 * github prints workflow commands that annotate a pull request; sarif is SARIF 2.1.0 for
 * code-scanning tools.
 * Both print the list in its current order: sort it first (samv_diags_sort).
 */
#ifndef SAMV_OUTPUT_H
#define SAMV_OUTPUT_H

#include <stdio.h>

#include "diag.h"
#include "rules.h"

typedef struct samv_counts {
	size_t errors, warnings;
} samv_counts;

samv_counts samv_diags_count(const samv_diags *d);
void samv_output_text(FILE *out, const samv_diags *d);
void samv_output_json(FILE *out, const samv_diags *d);
/* GitHub Actions workflow commands (::error file=...,line=...,col=...,title=RULE::message).
 * prefix is put before each file path so that paths are relative to the repository
 * (e.g. "ledger/"); "" when the ledger is the repository root. */
void samv_output_github(FILE *out, const samv_diags *d, const char *prefix);
/* SARIF 2.1.0, one rule entry per rule id of the table, one result per finding. */
void samv_output_sarif(FILE *out, const samv_diags *d, const char *prefix, const char *version);
/* A JSON string literal, quotes included, escaping what JSON requires. */
void samv_output_json_string(FILE *out, const char *s);

#endif
