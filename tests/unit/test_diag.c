/*
 * test_diag.c — unit tests for samv_grow, the one way an array grows: doubling to the
 * room asked for, and NULL, with the array and its capacity untouched, when the bytes
 * would not fit a size_t (a multiplication that wraps would allocate too little).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "util/diag.h"

static void test_grow_doubles(void **state)
{
	(void)state;
	size_t cap = 0;
	int *a = samv_grow(NULL, &cap, sizeof *a, 16, 1);
	assert_non_null(a);
	assert_int_equal(cap, 16);
	assert_ptr_equal(samv_grow(a, &cap, sizeof *a, 16, 16), a); /* room enough: as it is */
	assert_int_equal(cap, 16);
	a = samv_grow(a, &cap, sizeof *a, 16, 17);
	assert_non_null(a);
	assert_int_equal(cap, 32);
	a = samv_grow(a, &cap, sizeof *a, 16, 100); /* doubled as often as it takes */
	assert_non_null(a);
	assert_int_equal(cap, 128);
	a[127] = 1;
	free(a);

	cap = 0;
	char *c = samv_grow(NULL, &cap, 1, 0, 3); /* no first size: from 1 */
	assert_non_null(c);
	assert_int_equal(cap, 4);
	free(c);
}

static void test_grow_overflow(void **state)
{
	(void)state;
	/* 16 elements of SIZE_MAX / 8 + 1 bytes: 2 * (SIZE_MAX + 1), which wraps to 0. */
	size_t cap = 0;
	assert_null(samv_grow(NULL, &cap, SIZE_MAX / 8 + 1, 16, 1));
	assert_int_equal(cap, 0);

	size_t *a = samv_grow(NULL, &cap, sizeof *a, 16, 16);
	assert_non_null(a);
	a[15] = 42;
	/* Room for SIZE_MAX / 4 of 8 bytes: more than a size_t counts. */
	assert_null(samv_grow(a, &cap, sizeof *a, 16, SIZE_MAX / 4));
	assert_int_equal(cap, 16);
	/* A count that doubling cannot reach without wrapping. */
	assert_null(samv_grow(a, &cap, 1, 16, SIZE_MAX));
	assert_int_equal(cap, 16);
	assert_int_equal(a[15], 42); /* still the caller's, as it was */
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_doubles),
		cmocka_unit_test(test_grow_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
