/*
 * fuzz_check.h — CHECK(cond): what a harness asserts beyond the sanitizers. A failed check
 * names the harness's file and line and aborts, which libFuzzer reports as a crash and
 * keeps the input for (and the replay in make check stops on).
 */
#ifndef SAMV_FUZZ_CHECK_H
#define SAMV_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                                   \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                      \
		}                                                                     \
	} while (0)

#endif
