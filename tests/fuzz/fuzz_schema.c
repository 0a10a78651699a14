/*
 * fuzz_schema.c — libFuzzer target: the JSON Schema validator, schema and instance both
 * fuzzed.
 *
 * The input is a schema (JSON text) and an instance, split at the first NUL byte:
 * "SCHEMA\0INSTANCE" (tests/fuzz/seed.sh pairs each schema of schema/ with the records of
 * its kind, and the JSON Schema Test Suite's schemas with their data). The schema is read
 * with samv_json_parse and compiled; the instance is read both as JSON and as YAML (the
 * two readers build different trees from the same text: 1.0 is a float in one) and each
 * tree is validated with formats as assertions and as annotations, with and without an
 * error list. Besides the sanitizers, the target checks what schema.h promises: the
 * answer does not depend on whether errors are collected, an invalid instance gets at
 * least one error, and every error has a node, a keyword and a message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "input/json.h"
#include "input/yaml.h"
#include "input/node.h"
#include "schema/schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static void validate_both_ways(const samv_schema *s, const samv_node *instance)
{
	int quick = samv_schema_validate(s, instance, NULL, NULL);
	samv_schema_errors errs = { 0 };
	int full = samv_schema_validate(s, instance, "value", &errs);
	CHECK(quick == 0 || quick == 1);
	CHECK(full >= -1 && full <= 1);
	if (full >= 0) {
		CHECK(quick == full);
		CHECK(full == 0 ? errs.count > 0 : errs.count == 0);
	}
	for (size_t i = 0; i < errs.count; i++) {
		const samv_schema_error *e = &errs.items[i];
		CHECK(e->node != NULL);
		CHECK(e->keyword != NULL && e->keyword[0] != '\0');
		CHECK(e->message != NULL && e->message[0] != '\0');
		CHECK(e->node->line >= 1 && e->node->col >= 1);
	}
	samv_schema_errors_free(&errs);
}

static void validate_instance(samv_schema *s, const samv_node *instance)
{
	samv_schema_assert_formats(s, true);
	validate_both_ways(s, instance);
	samv_schema_assert_formats(s, false);
	validate_both_ways(s, instance);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t schema_len = nul ? (size_t)(nul - data) : size;
	size_t instance_len = nul ? size - schema_len - 1 : 0;
	/* Copies without slack, so that reading one byte past either is caught. */
	char *schema_text = malloc(schema_len ? schema_len : 1);
	char *instance_text = malloc(instance_len ? instance_len : 1);
	samv_doc *schema_doc = samv_doc_new("schema.json");
	samv_doc *json_doc = samv_doc_new("instance.json");
	samv_doc *yaml_doc = samv_doc_new("instance.yaml");
	samv_schema *s = NULL;
	char *err = NULL;
	samv_diags diags = { 0 };
	if (!schema_text || !instance_text || !schema_doc || !json_doc || !yaml_doc)
		goto done;
	if (schema_len)
		memcpy(schema_text, data, schema_len);
	if (instance_len)
		memcpy(instance_text, nul + 1, instance_len);

	if (samv_json_parse(schema_doc, schema_text, schema_len, &err))
		goto done;
	int rc = samv_schema_compile(&s, schema_doc, &err);
	schema_doc = NULL; /* the schema owns it now, or freed it */
	if (rc) {
		CHECK(err != NULL && err[0] != '\0');
		goto done;
	}
	CHECK(samv_schema_root(s) != NULL);

	free(err);
	err = NULL;
	if (samv_json_parse(json_doc, instance_text, instance_len, &err) == 0)
		validate_instance(s, json_doc->root);
	if (samv_yaml_load(yaml_doc, instance_text, instance_len, &diags) == 0 && yaml_doc->root)
		validate_instance(s, yaml_doc->root);
done:
	samv_diags_free(&diags);
	free(err);
	samv_schema_free(s);
	samv_doc_free(schema_doc);
	samv_doc_free(json_doc);
	samv_doc_free(yaml_doc);
	free(schema_text);
	free(instance_text);
	return 0;
}
