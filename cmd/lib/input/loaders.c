/*
 * input/loaders.c — one record file's bytes, from the work tree, a git object or the overlay.
 *
 * One loader per kind of source, each applying the same rules: it returns the bytes or says
 * why it cannot (a link, a directory, too big, a conflict), and the caller turns the reason
 * into a finding or an error. Nothing here prints.
 */
#include "input/loaders.h"

#include "util/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Each is translated where it is used. */
const char *const samv_src_msg_link =
	N_("symbolic link not followed: samv reads only regular files inside the ledger");
const char *const samv_src_msg_dir = N_("is a directory, not a record file");
const char *const samv_src_msg_special = N_("not a regular file");
const char *const samv_src_msg_conflict = N_("unresolved merge conflict");


int samv_src_problem(char **why, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	*why = samv_vstrprintf(fmt, ap);
	va_end(ap);
	return *why ? code : LOAD_FAILED;
}

static int too_big(char **why, uintmax_t size)
{
	return samv_src_problem(why, LOAD_PROBLEM,
		       _("file is %ju bytes, larger than the %zu MiB a record file may have"), size,
		       SAMV_SOURCE_MAX_FILE / (1024 * 1024));
}

static int cannot_read(char **why, const char *reason)
{
	/* TRANSLATORS: %s is the reason, from the system or git (in English). */
	return samv_src_problem(why, LOAD_UNREADABLE, _("cannot read file: %s"), reason);
}

const char *samv_src_git_message(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : _("unknown error");
}

bool samv_src_has_record_suffix(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

const char *samv_src_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* A root-relative path whose name could hold a record: no component starts with '.' and
 * it ends in .yaml or .yml. (The ignore list is applied by the walkers.) */
bool samv_src_record_path(const char *rel)
{
	for (const char *c = rel;; c++) {
		if (*c == '.')
			return false;
		c = strchr(c, '/');
		if (!c)
			break;
	}
	return samv_src_has_record_suffix(samv_src_base_name(rel));
}

/* ---- loading one file ---- */

static int load_worktree(const samv_source *src, const char *rel, char **data, size_t *len,
			 char **why)
{
	int ret = LOAD_FAILED, fd = -1;
	char *full = samv_strprintf("%s/%s", src->root, rel), *buf = NULL;
	struct stat st;
	size_t got = 0;

	if (!full)
		goto done;
	if (lstat(full, &st) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			ret = LOAD_ABSENT;
		else
			ret = cannot_read(why, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		ret = samv_src_problem(why, LOAD_PROBLEM, "%s",
			      _(S_ISLNK(st.st_mode)   ? samv_src_msg_link
				: S_ISDIR(st.st_mode) ? samv_src_msg_dir
						      : samv_src_msg_special));
		goto done;
	}
	/* O_NONBLOCK and O_NOFOLLOW: if the file was swapped for a fifo or a link since the
	 * lstat, the open neither hangs nor follows; fstat below catches the fifo. */
	fd = open(full, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		ret = cannot_read(why, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		ret = samv_src_problem(why, LOAD_PROBLEM, "%s", _(samv_src_msg_special));
		goto done;
	}
	if ((uintmax_t)st.st_size > SAMV_SOURCE_MAX_FILE) {
		ret = too_big(why, (uintmax_t)st.st_size);
		goto done;
	}
	size_t size = (size_t)st.st_size;
	buf = malloc(size + 1);
	if (!buf)
		goto done;
	/* Read exactly the size fstat gave, then probe one byte more: a file that grows
	 * while we read it is reported, never read past the buffer. */
	for (;;) {
		char probe;
		char *at = got < size ? buf + got : &probe;
		ssize_t n = read(fd, at, got < size ? size - got : 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = cannot_read(why, strerror(errno));
			goto done;
		}
		if (n == 0)
			break;
		if (at == &probe) {
			ret = cannot_read(why, _("it changed while being read"));
			goto done;
		}
		got += (size_t)n;
	}
	buf[got] = '\0';
	*data = buf;
	*len = got;
	buf = NULL;
	ret = LOAD_OK;
done:
	if (fd >= 0)
		close(fd);
	free(buf);
	free(full);
	return ret;
}

/* A blob, tree or link found in the index or a tree, by its mode, read through repo and its
 * odb: the source's own, or a reading thread's (see samv_listing_each). */
int samv_src_load_git_object(git_repository *repo, git_odb *odb, unsigned mode, const git_oid *id,
			   char **data, size_t *len, char **why)
{
	int ret = LOAD_FAILED;
	git_blob *blob = NULL;
	char *buf;
	size_t size;
	git_object_t type;

	switch (mode) {
	case GIT_FILEMODE_BLOB:
	case GIT_FILEMODE_BLOB_EXECUTABLE:
		break;
	case GIT_FILEMODE_LINK:
		return samv_src_problem(why, LOAD_PROBLEM, "%s", _(samv_src_msg_link));
	case GIT_FILEMODE_TREE:
		return samv_src_problem(why, LOAD_PROBLEM, "%s", _(samv_src_msg_dir));
	default:
		return samv_src_problem(why, LOAD_PROBLEM, "%s", _(samv_src_msg_special));
	}
	/* The header gives the size without inflating the object, so a huge blob is
	 * refused before it is in memory. */
	if (git_odb_read_header(&size, &type, odb, id) < 0) {
		ret = cannot_read(why, samv_src_git_message());
		goto done;
	}
	if (size > SAMV_SOURCE_MAX_FILE) {
		ret = too_big(why, size);
		goto done;
	}
	if (git_blob_lookup(&blob, repo, id) < 0) {
		ret = cannot_read(why, samv_src_git_message());
		goto done;
	}
	size = (size_t)git_blob_rawsize(blob);
	buf = malloc(size + 1);
	if (!buf)
		goto done;
	memcpy(buf, git_blob_rawcontent(blob), size);
	buf[size] = '\0';
	*data = buf;
	*len = size;
	ret = LOAD_OK;
done:
	git_blob_free(blob);
	return ret;
}

static int load_index(const samv_source *src, const char *rel, char **data, size_t *len,
		      char **why)
{
	int ret = LOAD_FAILED;
	char *full = samv_strprintf("%s%s", src->prefix, rel), *dir = NULL;
	const git_index_entry *e, *ancestor, *ours, *theirs;
	size_t pos;

	if (!full)
		goto done;
	e = git_index_get_bypath(src->index, full, 0);
	if (e) {
		/* git add -N: recorded but nothing staged; a commit would not contain it */
		if (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD)
			ret = LOAD_ABSENT;
		else
			ret = samv_src_load_git_object(src->repo, src->odb, e->mode, &e->id, data, len, why);
		goto done;
	}
	if (git_index_conflict_get(&ancestor, &ours, &theirs, src->index, full) == 0) {
		ret = samv_src_problem(why, LOAD_PROBLEM, "%s", _(samv_src_msg_conflict));
		goto done;
	}
	dir = samv_strprintf("%s/", full);
	if (!dir)
		goto done;
	if (git_index_find_prefix(&pos, src->index, dir) == 0)
		ret = samv_src_problem(why, LOAD_PROBLEM, "%s", _(samv_src_msg_dir));
	else
		ret = LOAD_ABSENT;
done:
	free(dir);
	free(full);
	return ret;
}

static int load_commit(const samv_source *src, const char *rel, char **data, size_t *len,
		       char **why)
{
	git_tree_entry *te = NULL;
	int ret, r = git_tree_entry_bypath(&te, src->tree, rel);

	if (r == GIT_ENOTFOUND)
		ret = LOAD_ABSENT;
	else if (r < 0)
		ret = cannot_read(why, samv_src_git_message());
	else
		ret = samv_src_load_git_object(src->repo, src->odb, git_tree_entry_filemode(te),
				      git_tree_entry_id(te), data, len, why);
	git_tree_entry_free(te);
	return ret;
}

bool samv_src_is_overlay(const samv_source *src, const char *rel)
{
	return src->overlay.path && strcmp(src->overlay.path, rel) == 0;
}

int samv_src_load_overlay(const samv_source *src, char **data, size_t *len)
{
	*data = malloc(src->overlay.len + 1);
	if (!*data)
		return LOAD_FAILED;
	memcpy(*data, src->overlay.data, src->overlay.len + 1);
	*len = src->overlay.len;
	return LOAD_OK;
}

int samv_src_load_path(const samv_source *src, const char *rel, char **data, size_t *len,
		     char **why)
{
	if (samv_src_is_overlay(src, rel))
		return samv_src_load_overlay(src, data, len);
	switch (src->kind) {
	case SAMV_SOURCE_INDEX:
		return load_index(src, rel, data, len, why);
	case SAMV_SOURCE_COMMIT:
		return load_commit(src, rel, data, len, why);
	default:
		return load_worktree(src, rel, data, len, why);
	}
}
