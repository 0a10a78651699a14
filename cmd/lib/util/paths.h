/*
 * util/paths.h — turn a PATH argument into a path relative to the ledger root.
 *
 * Done lexically (no realpath on the argument), so a file that exists only in the index
 * or an old commit can still be named. Both root and base must be absolute.
 */
#ifndef SAMV_PATHS_H
#define SAMV_PATHS_H

#include <stdbool.h>

/* malloc'd root-relative path ("" for the root itself), or NULL when arg lies outside
 * the root or memory ran out. */
char *samv_path_in_root(const char *root, const char *base, const char *arg);
/* Whether file (root-relative) is prefix or lies below it. */
bool samv_path_within(const char *file, const char *prefix);

#endif
