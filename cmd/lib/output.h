/*
 * output.h — print a finished findings list for people (text) or programs (json).
 *
 * Text is one line per finding, `file:line:col: severity: message [rule]`, the form
 * compilers use, so editors and CI jump to it. JSON is the object SPEC § 6 defines.
 * Both print the list in its current order: sort it first (samv_diags_sort).
 */
#ifndef SAMV_OUTPUT_H
#define SAMV_OUTPUT_H

#include <stdio.h>

#include "diag.h"

typedef struct samv_counts {
	size_t errors, warnings;
} samv_counts;

samv_counts samv_diags_count(const samv_diags *d);
void samv_output_text(FILE *out, const samv_diags *d);
void samv_output_json(FILE *out, const samv_diags *d);
/* A JSON string literal, quotes included, escaping what JSON requires. */
void samv_output_json_string(FILE *out, const char *s);

#endif
