/*
 * input/file.h — a record file as a source gives it, and the kinds of source.
 *
 * Apart from input/source.h so that the files behind it (loaders.c, worktree.c, git.c)
 * can share these without using the API that is built on them.
 */
#ifndef SAMV_INPUT_FILE_H
#define SAMV_INPUT_FILE_H

#include <stddef.h>

typedef enum samv_source_kind {
	SAMV_SOURCE_WORKTREE,
	SAMV_SOURCE_INDEX,
	SAMV_SOURCE_COMMIT
} samv_source_kind;

/* Files larger than this are reported and not loaded. */
#define SAMV_SOURCE_MAX_FILE ((size_t)16 * 1024 * 1024)

#define SAMV_BLOB_ID_LEN 20 /* the raw bytes of a git blob id (SHA-1) */

typedef struct samv_file {
	char *path; /* relative to the ledger root, '/'-separated; owned */
	char *data; /* owned; NUL-terminated for convenience, len excludes it */
	size_t len;
	/* Borrowed: the SAMV_BLOB_ID_LEN bytes of the git blob the data was read from, which
	 * names those bytes; NULL for a file of the work tree or one that an overlay
	 * stands in for. Only set by samv_listing_each. */
	const unsigned char *id;
} samv_file;

typedef struct samv_source samv_source;

#endif
