/*
 * input/worktree.h — the entries of a listing as the walkers collect them, and the walk
 * of a work tree; for input/git.c and input/source.c only.
 */
#ifndef SAMV_INPUT_WORKTREE_H
#define SAMV_INPUT_WORKTREE_H

#include "input/loaders.h"

/* A record file found by the walk, to be read once the listing is sorted: by its path from
 * the work tree (and the overlay), or by its object id from git. */
typedef struct entry {
	char *path; /* relative to the root; owned */
	bool git;
	unsigned mode;
	git_oid id;
} entry;

typedef struct lister {
	samv_source *src;
	const char *const *ignore;
	size_t nignore;
	entry *entries;
	size_t count, cap;
	samv_diags *diags;
	bool *unreadable;
	char **err;
} lister;

int samv_src_add_entry(lister *l, const char *rel, bool git, unsigned mode, const git_oid *id);
bool samv_src_ignored(const lister *l, const char *rel);
int samv_src_oom(lister *l);
int samv_src_read_outcome(samv_diags *diags, bool *unreadable, const char *rel, int code, char *why);
void samv_src_report(lister *l, const char *rel, const char *msg);
int samv_src_take_object(lister *l, const char *rel, unsigned mode, const git_oid *id);
int samv_src_walk_dir(lister *l, const char *rel);

#endif
