/*
 * test_json.c — the JSON reader (escapes, numbers, positions of errors) and the escaper of
 * the JSON samv writes: invalid UTF-8 at each edge of Table 3-7, one U+FFFD per maximal
 * subpart, and the same literal from a report buffer and from the findings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/escape.h"
#include "input/json.h"
#include "report/findings.h"

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

static void put(void *b, const char *s, size_t len)
{
	samv_buf_add(b, s, len);
}

/* What samv_escape_json_to makes of the LEN bytes at S, compared with WANT. */
static void quotes_as(const char *s, size_t len, const char *want)
{
	samv_buf b = { 0 };
	samv_escape_json_to(s, len, put, &b);
	assert_false(b.oom);
	assert_string_equal(b.data, want);
	samv_buf_free(&b);
}

#define QUOTES_AS(s, want) quotes_as(s, sizeof s - 1, want)

static void test_quote_escapes(void **state)
{
	(void)state;
	QUOTES_AS("", "\"\"");
	QUOTES_AS("a\"b\\c/", "\"a\\\"b\\\\c/\"");
	QUOTES_AS("\n\t\r\x01\x1f\x7f ~", "\"\\n\\t\\r\\u0001\\u001f\\u007f ~\"");
	QUOTES_AS("a\0b", "\"a\\u0000b\"");
	/* JSON allows U+2028 and U+2029 raw, JavaScript before ES2019 does not; U+2027 and
	 * U+202A beside them stay as they are. */
	QUOTES_AS("a\xE2\x80\xA8" "b\xE2\x80\xA9", "\"a\\u2028b\\u2029\"");
	QUOTES_AS("\xE2\x80\xA7\xE2\x80\xAA", "\"\xE2\x80\xA7\xE2\x80\xAA\"");
}

static void test_quote_valid_edges(void **state)
{
	(void)state;
	/* U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF: the first and last
	 * of each row of Table 3-7, passed through as they are. */
	static const char edges[] = "\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80"
				    "\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
	QUOTES_AS(edges, "\"\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80"
			 "\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\"");
	QUOTES_AS("\xC3\xA5\xF0\x9F\x98\x80", "\"\xC3\xA5\xF0\x9F\x98\x80\"");
}

#define FFFD "\\ufffd"

static void test_quote_invalid(void **state)
{
	(void)state;
	/* Bytes that start nothing: a continuation byte, C0, C1, F5 and FF. */
	QUOTES_AS("a\x80" "b", "\"a" FFFD "b\"");
	QUOTES_AS("\xBF\xC0\xC1\xF5\xFF", "\"" FFFD FFFD FFFD FFFD FFFD "\"");
	/* Overlong forms: the lead or the second byte is out of range, so each byte is one. */
	QUOTES_AS("\xC0\xAF", "\"" FFFD FFFD "\"");
	QUOTES_AS("\xE0\x80\xAF", "\"" FFFD FFFD FFFD "\"");
	QUOTES_AS("\xF0\x80\x80\xAF", "\"" FFFD FFFD FFFD FFFD "\"");
	/* Surrogates, U+D800 and U+DFFF, and a pair written as two of them. */
	QUOTES_AS("\xED\xA0\x80", "\"" FFFD FFFD FFFD "\"");
	QUOTES_AS("\xED\xBF\xBF", "\"" FFFD FFFD FFFD "\"");
	QUOTES_AS("\xED\xA0\xBD\xED\xB8\x80", "\"" FFFD FFFD FFFD FFFD FFFD FFFD "\"");
	/* Above U+10FFFF. */
	QUOTES_AS("\xF4\x90\x80\x80", "\"" FFFD FFFD FFFD FFFD "\"");
}

static void test_quote_truncated(void **state)
{
	(void)state;
	/* A sequence cut off is one maximal subpart, one U+FFFD however much of it is there:
	 * at the end of the text, before an ASCII byte, before another lead byte. */
	QUOTES_AS("a\xE2\x82", "\"a" FFFD "\"");
	QUOTES_AS("\xF0\x9F\x98", "\"" FFFD "\"");
	QUOTES_AS("\xF0\x9F", "\"" FFFD "\"");
	QUOTES_AS("\xC3", "\"" FFFD "\"");
	QUOTES_AS("\xE2\x82" "a", "\"" FFFD "a\"");
	QUOTES_AS("\xF0\x9F\x98\xC3\xA5", "\"" FFFD "\xC3\xA5\"");
	/* A cut-off U+2028 is invalid, not a line separator. */
	QUOTES_AS("\xE2\x80", "\"" FFFD "\"");
}

/* Reports and findings write the same literal for the same bytes. */
static void test_quote_everywhere(void **state)
{
	(void)state;
	static const char text[] = "\xFF\xE2\x80\xA8\x7f\"\xE2\x82";
	static const char want[] = "\"" FFFD "\\u2028\\u007f\\\"" FFFD "\"";
	samv_buf b = { 0 };
	samv_escape_json(&b, text);
	assert_string_equal(b.data, want);
	samv_buf_free(&b);

	samv_diags d = { 0 };
	samv_diags_add(&d, "yaml", text, 1, 1, "%s", text);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	samv_findings_json(f, &d);
	assert_int_equal(fclose(f), 0);
	char *file = samv_strprintf("\"file\": %s,", want);
	char *message = samv_strprintf("\"message\": %s,", want);
	assert_non_null(strstr(out, file));
	assert_non_null(strstr(out, message));
	free(file);
	free(message);
	free(out);
	samv_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_quote_escapes),
		cmocka_unit_test(test_quote_valid_edges),
		cmocka_unit_test(test_quote_invalid),
		cmocka_unit_test(test_quote_truncated),
		cmocka_unit_test(test_quote_everywhere),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
