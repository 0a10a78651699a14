/*
 * test_load.c — the YAML loader: core-schema scalars, positions, and every refusal.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "input/yaml.h"

typedef struct loaded {
	samv_doc *doc;
	samv_diags diags;
	int rc;
} loaded;

static loaded load_bytes(const char *text, size_t len)
{
	loaded l = { samv_doc_new("f.yaml"), { 0 }, 0 };
	assert_non_null(l.doc);
	l.rc = samv_yaml_load(l.doc, text, len, &l.diags);
	return l;
}

static loaded load(const char *text)
{
	return load_bytes(text, strlen(text));
}

static void done(loaded *l)
{
	samv_diags_free(&l->diags);
	samv_doc_free(l->doc);
}

/* Expect exactly one yaml finding at line:col whose message contains part. */
static void refused(const char *text, size_t len, uint32_t line, uint32_t col, const char *part)
{
	loaded l = load_bytes(text, len);
	assert_int_equal(l.rc, -1);
	assert_null(l.doc->root);
	assert_true(l.diags.count >= 1);
	assert_string_equal(l.diags.items[0].rule, "yaml");
	assert_int_equal(l.diags.items[0].line, line);
	assert_int_equal(l.diags.items[0].col, col);
	if (!strstr(l.diags.items[0].message, part))
		fail_msg("message '%s' lacks '%s'", l.diags.items[0].message, part);
	done(&l);
}

static samv_node_kind kind_of(const char *scalar)
{
	char *text = NULL;
	size_t n = strlen(scalar) + 4;
	text = malloc(n);
	snprintf(text, n, "v: %s", scalar);
	loaded l = load(text);
	free(text);
	assert_int_equal(l.rc, 0);
	samv_node_kind k = samv_node_get(l.doc->root, "v")->kind;
	done(&l);
	return k;
}

static void test_core_schema(void **state)
{
	(void)state;
	assert_int_equal(kind_of("true"), SAMV_NODE_BOOL);
	assert_int_equal(kind_of("False"), SAMV_NODE_BOOL);
	assert_int_equal(kind_of("no"), SAMV_NODE_STRING);
	assert_int_equal(kind_of("on"), SAMV_NODE_STRING);
	assert_int_equal(kind_of("~"), SAMV_NODE_NULL);
	assert_int_equal(kind_of(""), SAMV_NODE_NULL);
	assert_int_equal(kind_of("010"), SAMV_NODE_INT);
	assert_int_equal(kind_of("0x1F"), SAMV_NODE_INT);
	assert_int_equal(kind_of("0o17"), SAMV_NODE_INT);
	assert_int_equal(kind_of("1530.50"), SAMV_NODE_FLOAT);
	assert_int_equal(kind_of(".inf"), SAMV_NODE_FLOAT);
	assert_int_equal(kind_of("2025-03-15"), SAMV_NODE_STRING);
	assert_int_equal(kind_of("13:00"), SAMV_NODE_STRING);
	assert_int_equal(kind_of("\"010\""), SAMV_NODE_STRING);
	assert_int_equal(kind_of("99999999999999999999"), SAMV_NODE_FLOAT);
	loaded l = load("a: 010\nb: -12\nc: '1530.50'\n");
	assert_int_equal(samv_node_int(samv_node_get(l.doc->root, "a")), 10);
	assert_int_equal(samv_node_int(samv_node_get(l.doc->root, "b")), -12);
	assert_string_equal(samv_node_get(l.doc->root, "c")->text, "1530.50");
	done(&l);
	/* numbers are read back from their text, in every form the core schema has */
	l = load("a: 0x1F\nb: 0o17\nc: +5\nd: -.inf\ne: .nan\nf: 1.5e3\ng: True\nh: false\n"
		 "i: 99999999999999999999\nj: 0o1000000000000000000000\nk: -99999999999999999999\n");
	assert_int_equal(samv_node_int(samv_node_get(l.doc->root, "a")), 31);
	assert_int_equal(samv_node_int(samv_node_get(l.doc->root, "b")), 15);
	assert_int_equal(samv_node_int(samv_node_get(l.doc->root, "c")), 5);
	assert_true(samv_node_float(samv_node_get(l.doc->root, "d")) == -HUGE_VAL);
	assert_true(isnan(samv_node_float(samv_node_get(l.doc->root, "e"))));
	assert_true(samv_node_float(samv_node_get(l.doc->root, "f")) == 1500.0);
	assert_true(samv_node_bool(samv_node_get(l.doc->root, "g")));
	assert_false(samv_node_bool(samv_node_get(l.doc->root, "h")));
	assert_true(samv_node_float(samv_node_get(l.doc->root, "i")) == 1e20);
	assert_int_equal(samv_node_len(samv_node_get(l.doc->root, "i")), 20);
	/* too large for int64_t: numbers, with their value, octal too (8^21 = 2^63) */
	assert_int_equal(samv_node_get(l.doc->root, "j")->kind, SAMV_NODE_FLOAT);
	assert_true(samv_node_float(samv_node_get(l.doc->root, "j")) == ldexp(1, 63));
	assert_true(samv_node_float(samv_node_get(l.doc->root, "k")) == -1e20);
	done(&l);
}

static void test_positions(void **state)
{
	(void)state;
	loaded l = load("kind: party\nunits:\n  - id: å\n    name: Björk\n");
	assert_int_equal(l.rc, 0);
	const samv_node *units = samv_node_get(l.doc->root, "units");
	const samv_node *name = samv_node_get(samv_node_item(units, 0), "name");
	assert_int_equal(name->line, 4);
	assert_int_equal(name->col, 11);
	assert_int_equal(samv_node_get_pair(samv_node_item(units, 0), "name")->key.col, 5);
	done(&l);
}

static void test_bom_crlf_accepted(void **state)
{
	(void)state;
	loaded l = load("\xEF\xBB\xBFkind: ledger\r\nname: x\r\n");
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.diags.count, 0);
	assert_string_equal(samv_node_get(l.doc->root, "name")->text, "x");
	done(&l);
}

static void test_numeric_keys_are_names(void **state)
{
	(void)state;
	loaded l = load("years:\n  2017: {amount: 1}\n");
	assert_int_equal(l.rc, 0);
	assert_non_null(samv_node_get(samv_node_get(l.doc->root, "years"), "2017"));
	done(&l);
}

static void test_refusals(void **state)
{
	(void)state;
	refused("a: 1\nb: 2\na: 3\n", 15, 3, 1, "duplicate key 'a' (first at line 1)");
	refused("a: !!str 1\n", 11, 1, 4, "tag '!!str'");
	refused("a: &x 1\n", 8, 1, 4, "anchor '&x'");
	refused("a: 1\n---\nb: 2\n", 14, 2, 1, "second document");
	refused("? [a]\n: 1\n", 10, 1, 3, "key must be");
	refused("a: 1\nb: \"x\xff\"\n", 13, 2, 6, "invalid UTF-8");
	refused("a: 1\nbb: x\0y\n", 12, 2, 6, "NUL byte");
	refused("\xFF\xFEk\0", 4, 1, 1, "UTF-16");
	refused("a: \"open\n", 9, 1, 4, "not valid YAML");
}

/* The text of key k of the loaded root, which must have loaded. */
static const char *text_of(const loaded *l, const char *k)
{
	assert_int_equal(l->rc, 0);
	const samv_node *n = samv_node_get(l->doc->root, k);
	assert_non_null(n);
	return n->text;
}

/* Tabs that YAML 1.2 allows as separation or whitespace, and the tabs that are content. */
static void test_tabs_allowed(void **state)
{
	(void)state;
	loaded l = load("a:\t\"q\tuoted\"\n\t\nb: 'single\ttab'\n \t# note\t\nc: plain\ttab\n"
			"d:\n-\tx\n- \t\"y\"\n-\t-1\n");
	assert_string_equal(text_of(&l, "a"), "q\tuoted");
	assert_string_equal(text_of(&l, "b"), "single\ttab");
	assert_string_equal(text_of(&l, "c"), "plain\ttab");
	const samv_node *d = samv_node_get(l.doc->root, "d");
	assert_int_equal(samv_node_count(d), 3);
	assert_string_equal(samv_node_item(d, 0)->text, "x");
	assert_int_equal(samv_node_item(d, 0)->col, 3);
	assert_string_equal(samv_node_item(d, 1)->text, "y");
	assert_int_equal(samv_node_item(d, 2)->kind, SAMV_NODE_INT);
	done(&l);

	/* A block scalar keeps a tab after its indentation as content. */
	l = load("a:\n-\t|\n  one\n  \t\n  \ttwo\nb: >-\n  x\n  y\n\nc:\t1\n");
	assert_int_equal(l.rc, 0);
	const samv_node *a = samv_node_get(l.doc->root, "a");
	assert_string_equal(samv_node_item(a, 0)->text, "one\n\t\n\ttwo\n");
	assert_string_equal(text_of(&l, "b"), "x y");
	assert_int_equal(samv_node_get(l.doc->root, "c")->line, 10);
	done(&l);

	/* A tab inside a quoted scalar's blank line and a plain scalar's "-\t" stay. */
	l = load("a: \"x\n \t\n  y\"\nb: word\n  -\tz\n");
	assert_string_equal(text_of(&l, "a"), "x\ny");
	assert_string_equal(text_of(&l, "b"), "word -\tz");
	done(&l);
}

/* Expect text refused at line:col for a tab there. */
static void refused_tab(const char *text, uint32_t line, uint32_t col)
{
	refused(text, strlen(text), line, col, "a tab character here");
}

static void test_tabs_refused(void **state)
{
	(void)state;
	/* indentation, also after tabs that are allowed */
	refused_tab("a:\t1\n\t\nb:\n\tc: 2\n", 4, 1);
	refused_tab("a: 1\n\t# comment\n\tb: 2\n", 3, 1);
	/* a compact collection after a tab */
	refused_tab("-\t- x\n", 1, 2);
	refused_tab("- \tk: v\n", 1, 3);
	/* a tab in the indentation of a block scalar's blank line, between two of its lines
	 * or after the last, with a line break or at the end of the file */
	refused_tab("a: |\n  one\n\t\n  two\n", 3, 1);
	refused_tab("a: |\n  one\n\t\nb: 1\n", 3, 1);
	refused_tab("a: >-\n  one\n\n \t\nb: 1\n", 4, 2);
	refused_tab("a: >\n  one\n\t", 3, 1);
	/* a tab before the text of a plain scalar's next line, in its indentation */
	refused_tab("a: x\n\t\n  y\n", 2, 1);
}

static void test_many_keys_duplicates(void **state)
{
	(void)state;
	size_t n = 5000, cap = n * 16 + 32, len = 0;
	char *text = malloc(cap);
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, cap - len, "k%zu: %zu\n", i, i);
	len += (size_t)snprintf(text + len, cap - len, "k17: again\n");
	loaded l = load_bytes(text, len);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.diags.count, 1);
	assert_int_equal(l.diags.items[0].line, n + 1);
	assert_int_equal(l.diags.items[0].nrelated, 1);
	assert_int_equal(l.diags.items[0].related[0].line, 18);
	free(text);
	done(&l);
}

static void test_depth_bound(void **state)
{
	(void)state;
	size_t n = 100000;
	char *text = malloc(n + 1);
	memset(text, '[', n);
	text[n] = '\0';
	loaded l = load_bytes(text, n);
	assert_int_equal(l.rc, -1);
	assert_non_null(strstr(l.diags.items[0].message, "nesting deeper than"));
	done(&l);
	/* the same with a tab, which has libyaml's scanner read the file once more */
	text[n - 1] = '\t';
	l = load_bytes(text, n);
	assert_int_equal(l.rc, -1);
	assert_non_null(strstr(l.diags.items[0].message, "nesting deeper than"));
	free(text);
	done(&l);
}

static void test_empty(void **state)
{
	(void)state;
	loaded l = load("# only a comment\n");
	assert_int_equal(l.rc, 0);
	assert_null(l.doc->root);
	done(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_core_schema),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_bom_crlf_accepted),
		cmocka_unit_test(test_numeric_keys_are_names),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_tabs_allowed),
		cmocka_unit_test(test_tabs_refused),
		cmocka_unit_test(test_many_keys_duplicates),
		cmocka_unit_test(test_depth_bound),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
