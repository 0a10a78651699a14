/*
 * util/utf8.h — step through text that should be UTF-8 but may not be (a file name, a value
 * quoted in a message), one character or one invalid run at a time.
 *
 * The writers of text and JSON use it to pass valid characters through and to replace or
 * escape what is not: the loader refuses ledger files that are not UTF-8, but a file name
 * can hold any bytes.
 */
#ifndef SAMV_UTF8_H
#define SAMV_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* The length of what starts at s (n > 0 bytes left): a well-formed character (1-4 bytes,
 * *valid true), or else the maximal subpart of one (Unicode § 3.9: the longest start of a
 * well-formed sequence, at least 1 byte, *valid false), which is what a decoder replaces
 * with one U+FFFD. Overlong forms, surrogates (ED A0 80) and code points above U+10FFFF are
 * not well formed; a sequence cut off by the end of s is a maximal subpart. */
size_t samv_utf8_next(const unsigned char *s, size_t n, bool *valid);

#endif
