/*
 * input/json.h — read JSON text (RFC 8259) into the same node tree as YAML (node.h), and write
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

#include "input/node.h"

#define SAMV_JSON_MAX_DEPTH 512

/* Parse into doc->root; text is under 4 GiB (a node's lengths are 32 bits). Returns 0, or -1 with *err a malloc'd message that includes the
 * line and column ("line 3, column 7: expected ':'"). */
int samv_json_parse(samv_doc *doc, const char *text, size_t len, char **err);

#endif
