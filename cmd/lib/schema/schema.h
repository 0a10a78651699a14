/*
 * schema/schema.h — JSON Schema (draft 2020-12) validation over samv nodes.
 *
 * A schema document (read with json.h) is compiled once into a tree of checks; records
 * are then validated against it many times without allocating unless something fails.
 * Failures come back as errors in the user's words ("missing required field `email`",
 * "unknown field `adress` — did you mean `address`?") attached to the instance node they
 * are about, never as schema paths.
 *
 * Supported: type, enum, const, required, properties, additionalProperties,
 * patternProperties, propertyNames, dependentRequired, dependentSchemas, minProperties,
 * maxProperties, items, prefixItems, contains, minContains, maxContains, minItems,
 * maxItems, uniqueItems, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf,
 * minLength, maxLength (code points), pattern (PCRE2, UTF), format (date, time, email as
 * assertions; others ignored), $ref to "#..." JSON pointers, $defs, allOf, anyOf, oneOf,
 * not, if/then/else, boolean schemas. Annotation keywords are ignored. Keywords that need
 * what is not supported ($dynamicRef, $anchor, $id below the root, remote $ref,
 * unevaluatedProperties/Items, $vocabulary) make compilation fail with a message that
 * starts "unsupported:", so a caller can tell "cannot judge" from "invalid".
 */
#ifndef SAMV_SCHEMA_H
#define SAMV_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "input/node.h"

typedef struct samv_schema samv_schema;

/* Compile the schema in doc->root. The schema takes ownership of doc (freed with it).
 * Returns 0, or -1 with *err malloc'd (and doc freed). */
int samv_schema_compile(samv_schema **out, samv_doc *doc, char **err);
void samv_schema_free(samv_schema *s); /* accepts NULL */

typedef struct samv_schema_error {
	const samv_node *node; /* where to point: the value, or the key of an object */
	const char *keyword; /* "required", "type", "format", ... (static string) */
	bool missing_day; /* a date or time of the right shape that does not exist */
	char *message; /* owned */
} samv_schema_error;

typedef struct samv_schema_errors {
	samv_schema_error *items;
	size_t count, cap;
	int oom;
} samv_schema_errors;

void samv_schema_errors_free(samv_schema_errors *e); /* frees contents */

/* Validate instance. Returns 1 valid, 0 invalid (errors appended when errs is non-NULL),
 * -1 out of memory. name is what to call the instance's top level in messages (NULL for
 * "the record"). */
int samv_schema_validate(const samv_schema *s, const samv_node *instance, const char *name,
			 samv_schema_errors *errs);

/* Formats are assertions by default (the format-assertion vocabulary), as samv's records
 * need; false makes them annotations only, as draft 2020-12 has it without that vocabulary. */
void samv_schema_assert_formats(samv_schema *s, bool assert);

/* The root schema's node (for title/description lookups by callers). */
const samv_node *samv_schema_root(const samv_schema *s);

#endif
