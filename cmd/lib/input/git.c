/*
 * input/git.c — the walks of the git index and of a commit's tree.
 *
 * Both apply the work tree's naming rules; a symbolic link is resolved in the index or
 * the tree only to say whether it names a directory. Nothing here prints.
 */
#include "input/git.h"

#include "util/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Resolve path in place as text: drop "." and empty components, let ".." remove the one
 * before. False when ".." would leave the top. */
static bool normalize_path(char *path)
{
	char *out = path;
	const char *in = path;

	while (*in) {
		const char *end = strchr(in, '/');
		if (!end)
			end = in + strlen(in);
		size_t n = (size_t)(end - in);
		if (n == 2 && in[0] == '.' && in[1] == '.') {
			if (out == path)
				return false;
			while (out > path && out[-1] != '/')
				out--;
			if (out > path)
				out--;
		} else if (n > 0 && !(n == 1 && in[0] == '.')) {
			if (out != path)
				*out++ = '/';
			memmove(out, in, n);
			out += n;
		}
		in = *end ? end + 1 : end;
	}
	*out = '\0';
	return true;
}

/* Whether a symbolic link stored in git points at a directory of the same index or
 * commit. There is no file system to ask, so the target is resolved as text; a target
 * outside the repository (absolute, or past the top) cannot be judged and counts as no
 * directory. link is relative to the top of the work tree. Returns -1 only without
 * memory. */
static int git_link_is_dir(samv_source *src, const char *link, const git_oid *id, bool *is_dir)
{
	int ret = -1;
	git_blob *blob = NULL;
	git_tree_entry *te = NULL;
	char *path = NULL, *dir = NULL;
	const char *slash = strrchr(link, '/');
	size_t pos;

	*is_dir = false;
	if (git_blob_lookup(&blob, src->repo, id) < 0) {
		ret = 0;
		goto done;
	}
	git_object_size_t size = git_blob_rawsize(blob);
	const char *target = git_blob_rawcontent(blob);
	if (size == 0 || size > 4096 || target[0] == '/' || memchr(target, '\0', size)) {
		ret = 0;
		goto done;
	}
	path = samv_strprintf("%.*s%.*s", slash ? (int)(slash - link + 1) : 0, link, (int)size,
			      target);
	if (!path)
		goto done;
	ret = 0;
	if (!normalize_path(path))
		goto done;
	if (!*path) {
		*is_dir = true; /* the top of the work tree */
	} else if (src->kind == SAMV_SOURCE_INDEX) {
		dir = samv_strprintf("%s/", path);
		if (!dir)
			ret = -1;
		else
			*is_dir = git_index_find_prefix(&pos, src->index, dir) == 0;
	} else if (git_tree_entry_bypath(&te, src->root_tree, path) == 0) {
		*is_dir = git_tree_entry_type(te) == GIT_OBJECT_TREE;
	}
done:
	git_tree_entry_free(te);
	git_blob_free(blob);
	free(dir);
	free(path);
	return ret;
}

/* A link found in git: reported when its name is a record's or it leads to a directory,
 * as the work tree walk does. full is relative to the top of the work tree. */
static int git_link(lister *l, const char *rel, const char *full, const git_oid *id)
{
	bool report_it = samv_src_has_record_suffix(samv_src_base_name(rel));

	if (!report_it && git_link_is_dir(l->src, full, id, &report_it) < 0)
		return samv_src_oom(l);
	if (report_it)
		samv_src_report(l, rel, _(samv_src_msg_link));
	return 0;
}

/* One index entry. The index is a sorted list of paths, so directories are implied: each
 * directory component is checked here (dot names, ignore list, a directory named x.yaml,
 * reported with the first entry below it). prev is the previous entry's path. */
static int index_entry(lister *l, const git_index_entry *e, const char *prev)
{
	int ret = 0;
	size_t plen = strlen(l->src->prefix);
	const char *rel = e->path + plen, *slash;
	char *dir = NULL;

	if (strncmp(e->path, l->src->prefix, plen) != 0)
		goto done;
	for (const char *c = rel;; c = slash + 1) {
		if (*c == '.')
			goto done;
		slash = strchr(c, '/');
		if (!slash)
			break;
		free(dir);
		dir = strndup(rel, (size_t)(slash - rel));
		if (!dir) {
			ret = samv_src_oom(l);
			goto done;
		}
		if (samv_src_ignored(l, dir))
			goto done;
		/* prev below the same "prefix/dir/": already reported */
		size_t upto = plen + (size_t)(slash - rel) + 1;
		if (samv_src_has_record_suffix(samv_src_base_name(dir)) &&
		    (!prev || strncmp(prev, e->path, upto) != 0))
			samv_src_report(l, dir, _(samv_src_msg_dir));
	}
	/* one look per path: conflict stages repeat it */
	if (samv_src_ignored(l, rel) || (prev && strcmp(prev, e->path) == 0) ||
	    e->mode == GIT_FILEMODE_COMMIT ||
	    (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD))
		goto done;
	if (git_index_entry_is_conflict(e)) {
		/* stage 0 sorts first, so a path whose first entry is a stage is unresolved */
		if (samv_src_record_path(rel))
			samv_src_report(l, rel, _(samv_src_msg_conflict));
	} else if (e->mode == GIT_FILEMODE_LINK) {
		ret = git_link(l, rel, e->path, &e->id);
	} else if (samv_src_has_record_suffix(samv_src_base_name(rel))) {
		ret = samv_src_take_object(l, rel, e->mode, &e->id);
	}
done:
	free(dir);
	return ret;
}

int samv_src_walk_index(lister *l)
{
	const char *prev = NULL;
	size_t n = git_index_entrycount(l->src->index);

	for (size_t i = 0; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(l->src->index, i);
		if (index_entry(l, e, prev) < 0)
			return -1;
		prev = e->path;
	}
	return 0;
}

int samv_src_walk_tree(lister *l, git_tree *tree, const char *rel)
{
	int ret = -1;
	size_t n = git_tree_entrycount(tree);
	char *child = NULL, *full = NULL;
	git_tree *sub = NULL;

	for (size_t i = 0; i < n; i++) {
		const git_tree_entry *te = git_tree_entry_byindex(tree, i);
		const char *name = git_tree_entry_name(te);
		if (name[0] == '.')
			continue;
		free(child);
		child = *rel ? samv_strprintf("%s/%s", rel, name) : strdup(name);
		if (!child)
			goto done;
		if (samv_src_ignored(l, child))
			continue;
		switch (git_tree_entry_type(te)) {
		case GIT_OBJECT_TREE:
			if (samv_src_has_record_suffix(name))
				samv_src_report(l, child, _(samv_src_msg_dir));
			if (git_tree_lookup(&sub, l->src->repo, git_tree_entry_id(te)) < 0) {
				samv_diags_add(l->diags, "yaml", child, 1, 1,
					       _("cannot read directory: %s"), samv_src_git_message());
				*l->unreadable = true;
				break;
			}
			if (samv_src_walk_tree(l, sub, child) < 0)
				goto done;
			git_tree_free(sub);
			sub = NULL;
			break;
		case GIT_OBJECT_BLOB:
			if (git_tree_entry_filemode(te) == GIT_FILEMODE_LINK) {
				free(full);
				full = samv_strprintf("%s%s", l->src->prefix, child);
				if (!full || git_link(l, child, full, git_tree_entry_id(te)) < 0)
					goto done;
			} else if (samv_src_has_record_suffix(name) &&
				   samv_src_take_object(l, child, git_tree_entry_filemode(te),
					       git_tree_entry_id(te)) < 0) {
				goto done;
			}
			break;
		default: /* a submodule's commit: not part of the ledger */
			break;
		}
	}
	ret = 0;
done:
	git_tree_free(sub);
	free(full);
	free(child);
	return ret < 0 ? samv_src_oom(l) : 0;
}
