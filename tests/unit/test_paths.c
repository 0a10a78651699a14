/*
 * test_paths.c — PATH arguments made relative to the ledger root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "util/paths.h"

static void expect(const char *root, const char *base, const char *arg, const char *want)
{
	char *got = samv_path_in_root(root, base, arg);
	if (!want) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_in_root(void **state)
{
	(void)state;
	expect("/l", "/l", "parties/a.yaml", "parties/a.yaml");
	expect("/l", "/l/parties", "a.yaml", "parties/a.yaml");
	expect("/l", "/l/parties", "../terms/", "terms");
	expect("/l", "/l", ".", "");
	expect("/l", "/l", "./parties//a.yaml", "parties/a.yaml");
	expect("/l", "/x", "/l/samv.yaml", "samv.yaml");
	expect("/l", "/l", "../other", NULL);
	expect("/l", "/l", "/lx/a.yaml", NULL);
}

static void test_within(void **state)
{
	(void)state;
	assert_true(samv_path_within("parties/a.yaml", "parties"));
	assert_true(samv_path_within("parties/a.yaml", "parties/a.yaml"));
	assert_true(samv_path_within("parties/a.yaml", ""));
	assert_false(samv_path_within("parties2/a.yaml", "parties"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_root),
		cmocka_unit_test(test_within),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
