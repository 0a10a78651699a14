/*
 * input/git.h — the walks of the git index and of a commit's tree, which list their
 * record files as the work tree's walk does; for input/source.c only.
 */
#ifndef SAMV_INPUT_GIT_H
#define SAMV_INPUT_GIT_H

#include "input/worktree.h"

int samv_src_walk_index(lister *l);
int samv_src_walk_tree(lister *l, git_tree *tree, const char *rel);

#endif
