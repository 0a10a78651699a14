/*
 * input/loaders.h — a source's inside, and the loaders of one file that the walkers and
 * the API (input/source.c) share; not for use outside those files.
 *
 * Each loader returns one of the LOAD_ codes; the two problem codes carry a message in
 * *why, which the walkers turn into a finding and samv_source_read into an error.
 */
#ifndef SAMV_INPUT_LOADERS_H
#define SAMV_INPUT_LOADERS_H

#include "input/file.h"
#include "util/diag.h"

#include <git2.h>
#include <stdbool.h>
#include <stddef.h>

struct samv_source {
	samv_source_kind kind;
	char *root;		  /* as the caller gave it */
	char *prefix;		  /* root relative to the work tree: "" or "dir/sub/" */
	git_repository *repo;	  /* NULL for a work tree until describe looks for one */
	git_odb *odb;		  /* INDEX, COMMIT */
	git_index *index;	  /* INDEX */
	git_commit *commit;	  /* COMMIT */
	git_tree *root_tree;	  /* COMMIT: the commit's whole tree, for link targets */
	git_tree *tree;		  /* COMMIT: the subtree at prefix */
	bool git_ready;		  /* git_libgit2_init succeeded: free must shut down */
	bool no_repo;		  /* describe found no repository around a work tree */
	samv_file overlay;	  /* --stdin-filename: text that stands in for one file */
};

/* What loading one file came to. The two problem codes carry a message in *why. */
enum {
	LOAD_FAILED = -1, /* out of memory */
	LOAD_OK = 0,
	LOAD_ABSENT = 1,
	LOAD_PROBLEM = 2,    /* not a record file: link, directory, too big, conflict */
	LOAD_UNREADABLE = 3, /* an I/O error: the command must exit 2 */
};

/* The reasons a file is not read, translated where they are used. */
extern const char *const samv_src_msg_link;
extern const char *const samv_src_msg_dir;
extern const char *const samv_src_msg_special;
extern const char *const samv_src_msg_conflict;

const char *samv_src_base_name(const char *path);
const char *samv_src_git_message(void);
bool samv_src_has_record_suffix(const char *name);
bool samv_src_is_overlay(const samv_source *src, const char *rel);
int samv_src_load_git_object(git_repository *repo, git_odb *odb, unsigned mode, const git_oid *id,
			   char **data, size_t *len, char **why);
int samv_src_load_overlay(const samv_source *src, char **data, size_t *len);
int samv_src_load_path(const samv_source *src, const char *rel, char **data, size_t *len,
		     char **why);
int samv_src_problem(char **why, int code, const char *fmt, ...) SAMV_PRINTF(3, 4);
bool samv_src_record_path(const char *rel);

#endif
