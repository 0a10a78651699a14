/*
 * json.h — read JSON text (RFC 8259) into the same node tree as YAML (node.h), and write
 * the string literals of the JSON that samv prints.
 *
 * Used for the schemas in schema/ and for the JSON Schema Test Suite, so both are read
 * exactly as JSON says: numbers with a fraction or exponent are floats (1.0 stays a float
 * node; the validator decides whether it is an integer), \u escapes with surrogate pairs
 * become UTF-8, duplicate keys are refused. Nesting is bounded.
 */
#ifndef SAMV_JSON_H
#define SAMV_JSON_H

#include <stddef.h>

#include "node.h"

#define SAMV_JSON_MAX_DEPTH 512

/* Parse into doc->root; text is under 4 GiB (a node's lengths are 32 bits). Returns 0, or -1 with *err a malloc'd message that includes the
 * line and column ("line 3, column 7: expected ':'"). */
int samv_json_parse(samv_doc *doc, const char *text, size_t len, char **err);

/* Where samv_json_quote sends its output, in pieces: a FILE, a report buffer. */
typedef void (*samv_json_put)(void *arg, const char *s, size_t len);

/* s (len bytes, NULs included) as a JSON string literal, quotes included: the one escaper
 * of every JSON samv writes (findings, SARIF, reports). JSON text must be UTF-8 (RFC 8259
 * § 8.1), so each invalid sequence (a maximal subpart, utf8.h) becomes one \ufffd, as the
 * Unicode Standard and the WHATWG Encoding Standard replace it. " and \ are escaped; LF,
 * tab and CR as \n, \t and \r, the other C0 controls and DEL as \u00XX; U+2028 and U+2029
 * as \u2028 and \u2029, which JSON allows raw but JavaScript before ES2019 (JSONP, eval)
 * does not. */
void samv_json_quote(const char *s, size_t len, samv_json_put put, void *arg);

#endif
