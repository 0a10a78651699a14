/*
 * test_json.c — the JSON reader: escapes, numbers, positions of errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

static void test_values(void **state)
{
	(void)state;
	const char *text = "{\"a\": [1, 1.0, -2e3, true, null, \"\\u00e5\\ud83d\\ude00\\n\"]}";
	samv_doc *doc = samv_doc_new("t.json");
	char *err = NULL;
	assert_int_equal(samv_json_parse(doc, text, strlen(text), &err), 0);
	const samv_node *a = samv_node_get(doc->root, "a");
	assert_int_equal(samv_node_count(a), 6);
	assert_int_equal(samv_node_item(a, 0)->kind, SAMV_NODE_INT);
	assert_int_equal(samv_node_item(a, 1)->kind, SAMV_NODE_FLOAT);
	assert_true(samv_node_float(samv_node_item(a, 2)) == -2000.0);
	assert_int_equal(samv_node_int(samv_node_item(a, 0)), 1);
	assert_true(samv_node_bool(samv_node_item(a, 3)));
	assert_int_equal(samv_node_item(a, 3)->kind, SAMV_NODE_BOOL);
	assert_int_equal(samv_node_item(a, 4)->kind, SAMV_NODE_NULL);
	assert_string_equal(samv_node_item(a, 5)->text, "\xC3\xA5\xF0\x9F\x98\x80\n");
	samv_doc_free(doc);
}

static void error_at(const char *text, const char *want)
{
	samv_doc *doc = samv_doc_new("t.json");
	char *err = NULL;
	assert_int_equal(samv_json_parse(doc, text, strlen(text), &err), -1);
	assert_string_equal(err, want);
	free(err);
	samv_doc_free(doc);
}

static void test_errors(void **state)
{
	(void)state;
	error_at("{\"a\" 1}", "line 1, column 6: expected ':'");
	error_at("{\"a\": 1,\n \"a\": 2}", "line 2, column 5: duplicate key");
	error_at("[01]", "line 1, column 3: expected ',' or ']'");
	error_at("\"\\ud800\"", "line 1, column 8: unpaired surrogate in \\u escape");
	error_at("[1] x", "line 1, column 5: trailing characters after the JSON value");
	error_at("", "line 1, column 1: unexpected end of input");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
