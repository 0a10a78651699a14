/*
 * test_schema.c — the validator's verdicts and, above all, its messages: they are what a
 * coordinator reads, so each is pinned word for word with the node it points at.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "input/json.h"
#include "input/yaml.h"
#include "schema/schema.h"

static const char party_schema[] =
	"{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"id\", \"type\"],"
	" \"properties\": {"
	"  \"id\": {\"type\": \"string\", \"pattern\": \"^[a-z0-9][a-z0-9-]*$\"},"
	"  \"type\": {\"enum\": [\"municipality\", \"district\", \"university\"]},"
	"  \"address\": {\"type\": \"string\", \"minLength\": 1},"
	"  \"since\": {\"type\": \"string\", \"format\": \"date\"},"
	"  \"count\": {\"type\": \"integer\", \"minimum\": 0},"
	"  \"payment\": {\"type\": \"object\", \"oneOf\": [{\"required\": [\"bankgiro\"]}, {\"required\": [\"plusgiro\"]}],"
	"               \"properties\": {\"bankgiro\": {\"type\": \"string\"}, \"plusgiro\": {\"type\": \"string\"}}},"
	"  \"units\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/unit\"}}"
	" },"
	" \"$defs\": {\"unit\": {\"type\": \"object\", \"required\": [\"name\"], \"properties\": {\"name\": {\"type\": \"string\"}}}}"
	"}";

static samv_schema *compile_text(const char *text)
{
	samv_doc *doc = samv_doc_new("schema.json");
	char *err = NULL;
	assert_int_equal(samv_json_parse(doc, text, strlen(text), &err), 0);
	samv_schema *s = NULL;
	if (samv_schema_compile(&s, doc, &err))
		fail_msg("compile: %s", err);
	return s;
}

/* Validate YAML text against a schema; expect exactly one error with this message at
 * line:col, or none when message is NULL. */
static void one_error_in(const char *schema, const char *yaml, const char *message, uint32_t line,
			 uint32_t col)
{
	samv_schema *s = compile_text(schema);
	samv_doc *doc = samv_doc_new("x.yaml");
	samv_diags diags = { 0 };
	assert_int_equal(samv_yaml_load(doc, yaml, strlen(yaml), &diags), 0);
	samv_schema_errors errs = { 0 };
	int rc = samv_schema_validate(s, doc->root, NULL, &errs);
	if (message) {
		assert_int_equal(rc, 0);
		assert_int_equal(errs.count, 1);
		assert_string_equal(errs.items[0].message, message);
		assert_int_equal(errs.items[0].node->line, line);
		assert_int_equal(errs.items[0].node->col, col);
	} else {
		assert_int_equal(rc, 1);
		assert_int_equal(errs.count, 0);
	}
	samv_schema_errors_free(&errs);
	samv_diags_free(&diags);
	samv_doc_free(doc);
	samv_schema_free(s);
}

static void one_error(const char *yaml, const char *message, uint32_t line, uint32_t col)
{
	one_error_in(party_schema, yaml, message, line, col);
}

static void test_valid(void **state)
{
	(void)state;
	one_error("id: nacka\ntype: municipality\npayment: {bankgiro: 5050-1055}\n", NULL, 0, 0);
}

static void test_messages(void **state)
{
	(void)state;
	one_error("id: nacka\n", "missing required field `type`", 1, 1);
	one_error("id: nacka\ntype: kommun\n",
		  "`type` must be one of municipality, district, university (not 'kommun')", 2, 7);
	one_error("id: nacka\ntype: district\nadress: Storgatan 1\n",
		  "unknown field `adress` — did you mean `address`?", 3, 1);
	one_error("id: nacka\ntype: district\nwebsite: x\n", "unknown field `website`", 3, 1);
	one_error("id: Nacka\ntype: district\n",
		  "`id` 'Nacka' does not match ^[a-z0-9][a-z0-9-]*$", 1, 5);
	one_error("id: nacka\ntype: district\ncount: tre\n",
		  "`count` must be an integer, not 'tre'", 3, 8);
	one_error("id: nacka\ntype: district\ncount: -1\n", "`count` must be at least 0, not -1", 3, 8);
	one_error("id: nacka\ntype: district\naddress: ''\n", "`address` must not be empty", 3, 10);
	one_error("id: nacka\ntype: district\npayment: {}\n",
		  "`payment` needs one of `bankgiro`, `plusgiro`", 3, 1);
	one_error("id: nacka\ntype: district\npayment: {bankgiro: a, plusgiro: b}\n",
		  "`payment` gives more than one of `bankgiro`, `plusgiro`; give exactly one", 3, 1);
	one_error("id: nacka\ntype: district\nunits:\n  - {}\n",
		  "missing required field `name` in units", 4, 5);
}

/* A `const` that is a list or a mapping has no text to quote (its node's pointer is its
 * items'): the message says so in words. */
static void test_const_collection(void **state)
{
	(void)state;
	const char *schema = "{\"properties\": {\"a\": {\"const\": [\"x\"]}, \"b\": {\"const\": \"y\"}}}";
	one_error_in(schema, "a: 5\n", "`a` must be the fixed value", 1, 4);
	one_error_in(schema, "b: z\n", "`b` must be 'y'", 1, 4);
}

static void test_missing_day(void **state)
{
	(void)state;
	samv_schema *s = compile_text(party_schema);
	samv_doc *doc = samv_doc_new("x.yaml");
	samv_diags diags = { 0 };
	const char *yaml = "id: a\ntype: district\nsince: 2025-02-30\n";
	assert_int_equal(samv_yaml_load(doc, yaml, strlen(yaml), &diags), 0);
	samv_schema_errors errs = { 0 };
	assert_int_equal(samv_schema_validate(s, doc->root, NULL, &errs), 0);
	assert_int_equal(errs.count, 1);
	assert_true(errs.items[0].missing_day);
	assert_string_equal(errs.items[0].message, "`since` '2025-02-30' is not a day in the calendar");
	samv_schema_errors_free(&errs);
	samv_diags_free(&diags);
	samv_doc_free(doc);
	samv_schema_free(s);
}

static void test_unsupported_is_said(void **state)
{
	(void)state;
	const char *text = "{\"unevaluatedProperties\": false}";
	samv_doc *doc = samv_doc_new("s.json");
	char *err = NULL;
	assert_int_equal(samv_json_parse(doc, text, strlen(text), &err), 0);
	samv_schema *s = NULL;
	assert_int_equal(samv_schema_compile(&s, doc, &err), -1);
	assert_non_null(strstr(err, "unsupported: keyword 'unevaluatedProperties'"));
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_const_collection),
		cmocka_unit_test(test_missing_day),
		cmocka_unit_test(test_unsupported_is_said),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
