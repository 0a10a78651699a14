/*
 * input/source.c — a ledger's record files from the work tree, the git index or a commit.
 *
 * Three walkers (a directory walk with lstat, the index's entry list, a tree recursion)
 * apply the same naming rules and hand each candidate to one loader per kind, which
 * either returns the bytes or says why it cannot (a link, a directory, too big, ...).
 * The walkers turn those reasons into "yaml" findings; samv_source_read turns them into
 * an error. This is the only file that includes git2.h; nothing here prints.
 */
/* realpath is XSI, not in the base _POSIX_C_SOURCE set the build defines */
#define _XOPEN_SOURCE 700

#include "input/source.h"

#include "util/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <git2/sys/repository.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Each is translated where it is used. */
static const char *const msg_link =
	N_("symbolic link not followed: samv reads only regular files inside the ledger");
static const char *const msg_dir = N_("is a directory, not a record file");
static const char *const msg_special = N_("not a regular file");
static const char *const msg_conflict = N_("unresolved merge conflict");

static int problem(char **why, int code, const char *fmt, ...) SAMV_PRINTF(3, 4);

static int problem(char **why, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	*why = samv_vstrprintf(fmt, ap);
	va_end(ap);
	return *why ? code : LOAD_FAILED;
}

static int too_big(char **why, uintmax_t size)
{
	return problem(why, LOAD_PROBLEM,
		       _("file is %ju bytes, larger than the %zu MiB a record file may have"), size,
		       SAMV_SOURCE_MAX_FILE / (1024 * 1024));
}

static int cannot_read(char **why, const char *reason)
{
	/* TRANSLATORS: %s is the reason, from the system or git (in English). */
	return problem(why, LOAD_UNREADABLE, _("cannot read file: %s"), reason);
}

static const char *git_message(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : _("unknown error");
}

static bool has_record_suffix(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* A root-relative path whose name could hold a record: no component starts with '.' and
 * it ends in .yaml or .yml. (The ignore list is applied by the walkers.) */
static bool record_path(const char *rel)
{
	for (const char *c = rel;; c++) {
		if (*c == '.')
			return false;
		c = strchr(c, '/');
		if (!c)
			break;
	}
	return has_record_suffix(base_name(rel));
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
		ret = problem(why, LOAD_PROBLEM, "%s",
			      _(S_ISLNK(st.st_mode)   ? msg_link
				: S_ISDIR(st.st_mode) ? msg_dir
						      : msg_special));
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
		ret = problem(why, LOAD_PROBLEM, "%s", _(msg_special));
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
static int load_git_object(git_repository *repo, git_odb *odb, unsigned mode, const git_oid *id,
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
		return problem(why, LOAD_PROBLEM, "%s", _(msg_link));
	case GIT_FILEMODE_TREE:
		return problem(why, LOAD_PROBLEM, "%s", _(msg_dir));
	default:
		return problem(why, LOAD_PROBLEM, "%s", _(msg_special));
	}
	/* The header gives the size without inflating the object, so a huge blob is
	 * refused before it is in memory. */
	if (git_odb_read_header(&size, &type, odb, id) < 0) {
		ret = cannot_read(why, git_message());
		goto done;
	}
	if (size > SAMV_SOURCE_MAX_FILE) {
		ret = too_big(why, size);
		goto done;
	}
	if (git_blob_lookup(&blob, repo, id) < 0) {
		ret = cannot_read(why, git_message());
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
			ret = load_git_object(src->repo, src->odb, e->mode, &e->id, data, len, why);
		goto done;
	}
	if (git_index_conflict_get(&ancestor, &ours, &theirs, src->index, full) == 0) {
		ret = problem(why, LOAD_PROBLEM, "%s", _(msg_conflict));
		goto done;
	}
	dir = samv_strprintf("%s/", full);
	if (!dir)
		goto done;
	if (git_index_find_prefix(&pos, src->index, dir) == 0)
		ret = problem(why, LOAD_PROBLEM, "%s", _(msg_dir));
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
		ret = cannot_read(why, git_message());
	else
		ret = load_git_object(src->repo, src->odb, git_tree_entry_filemode(te),
				      git_tree_entry_id(te), data, len, why);
	git_tree_entry_free(te);
	return ret;
}

static bool is_overlay(const samv_source *src, const char *rel)
{
	return src->overlay.path && strcmp(src->overlay.path, rel) == 0;
}

static int load_overlay(const samv_source *src, char **data, size_t *len)
{
	*data = malloc(src->overlay.len + 1);
	if (!*data)
		return LOAD_FAILED;
	memcpy(*data, src->overlay.data, src->overlay.len + 1);
	*len = src->overlay.len;
	return LOAD_OK;
}

static int load_path(const samv_source *src, const char *rel, char **data, size_t *len,
		     char **why)
{
	if (is_overlay(src, rel))
		return load_overlay(src, data, len);
	switch (src->kind) {
	case SAMV_SOURCE_INDEX:
		return load_index(src, rel, data, len, why);
	case SAMV_SOURCE_COMMIT:
		return load_commit(src, rel, data, len, why);
	default:
		return load_worktree(src, rel, data, len, why);
	}
}

/* ---- opening ---- */

/* libgit2 is started when a source first needs git. Reading a work tree never does
 * (only describing it does), and starting it costs a pre-commit check of a small ledger
 * a noticeable part of its time: it loads the system's CA certificates. */
static int start_git(samv_source *src, char **err)
{
	if (src->git_ready)
		return 0;
	if (git_libgit2_init() < 0) {
		*err = samv_strprintf(_("cannot start libgit2: %s"), git_message());
		return -1;
	}
	src->git_ready = true;
	return 0;
}

/* One folder for each ledger of the repository, named after its directory ("root" for
 * the work tree's top, "vfu%data" for vfu/data): the hook checks each ledger a commit
 * touches in a run of its own, and ledgers sharing one cache would each rewrite it without
 * the other's files. Two names that meet ("a%b" and "a/b") only share entries, which hold
 * for both, as an entry is keyed by its path within the ledger. */
char *samv_source_cache_dir(const samv_source *src)
{
	if (src->kind == SAMV_SOURCE_WORKTREE || !src->repo)
		return NULL;
	char *name = strdup(*src->prefix ? src->prefix : "root");
	if (!name)
		return NULL;
	size_t len = strlen(name);
	if (len > 1 && name[len - 1] == '/')
		name[--len] = '\0';
	for (char *p = name; *p; p++)
		if (*p == '/')
			*p = '%';
	char *dir = samv_strprintf("%ssamv/%s", git_repository_path(src->repo), name);
	free(name);
	return dir;
}

/* Find the repository around src->root and where the root lies in its work tree.
 * Returns 0, 1 when there is no repository, -1 with *err set. */
static int find_repo(samv_source *src, char **err)
{
	int ret = -1, r;
	char *work = NULL, *root = NULL;
	const char *wd;

	if (start_git(src, err))
		return -1;
	r = git_repository_open_ext(&src->repo, src->root, 0, NULL);
	if (r == GIT_ENOTFOUND) {
		ret = 1;
		goto done;
	}
	if (r < 0) {
		/* TRANSLATORS: %1$s is the ledger's directory, %2$s git's reason (in English). */
		*err = samv_strprintf(_("cannot open the git repository of '%s': %s"), src->root,
				      git_message());
		goto done;
	}
	wd = git_repository_workdir(src->repo);
	if (!wd) {
		*err = samv_strprintf(_("the git repository of '%s' has no work tree"), src->root);
		goto done;
	}
	work = realpath(wd, NULL);
	if (work)
		root = realpath(src->root, NULL);
	if (!root) {
		/* TRANSLATORS: %1$s is a directory, %2$s the system's reason (in English). */
		*err = samv_strprintf(_("cannot resolve '%s': %s"), work ? src->root : wd,
				      strerror(errno));
		goto done;
	}
	size_t n = strlen(work);
	if (strcmp(root, work) == 0) {
		src->prefix = strdup("");
	} else if (strncmp(root, work, n) == 0 && (root[n] == '/' || work[n - 1] == '/')) {
		/* work is "/" only when the work tree is the file system root */
		const char *rest = root + n + (root[n] == '/');
		src->prefix = samv_strprintf("%s/", rest);
	} else {
		/* TRANSLATORS: %1$s is the ledger's directory, %2$s the work tree's. */
		*err = samv_strprintf(_("'%s' is outside the work tree of its git repository (%s)"),
				      src->root, work);
		goto done;
	}
	if (!src->prefix)
		goto done;
	ret = 0;
done:
	if (ret != 0) {
		git_repository_free(src->repo);
		src->repo = NULL;
	}
	free(work);
	free(root);
	return ret;
}

/* The index a commit would be made from. While running hooks git points GIT_INDEX_FILE
 * at it: .git/index, or a temporary index for "git commit -a" and "git commit PATH" that
 * .git/index does not show. A pre-commit hook running samv-check --staged must check that
 * one, as git diff --cached would. Git runs hooks at the top of the work tree, so a
 * relative name is taken from there; an index outside this repository's git directory
 * belongs to some other repository and is not used. */
static int open_index(samv_source *src, const char *env, char **err)
{
	int ret = -1, r;
	char *name = NULL, *file = NULL, *gitdir = NULL, *slash;
	bool ours = false;

	if (env && *env) {
		const char *top = git_repository_workdir(src->repo);
		name = env[0] == '/' ? strdup(env) : samv_strprintf("%s%s", top, env);
		if (!name)
			goto done;
		file = realpath(name, NULL);
		if (!file) {
			/* TRANSLATORS: %1$s is a file, %2$s the system's reason (in English). */
			*err = samv_strprintf(_("cannot read the git index '%s' (GIT_INDEX_FILE): %s"),
					      name, strerror(errno));
			goto done;
		}
		gitdir = realpath(git_repository_path(src->repo), NULL);
		if (!gitdir) {
			*err = samv_strprintf(_("cannot resolve '%s': %s"),
					      git_repository_path(src->repo), strerror(errno));
			goto done;
		}
		slash = strrchr(file, '/');
		*slash = '\0';
		ours = strcmp(file, gitdir) == 0;
		*slash = '/';
	}
	if (!ours)
		r = git_repository_index(&src->index, src->repo);
	else if ((r = git_index_open(&src->index, file)) == 0)
		r = git_repository_set_index(src->repo, src->index); /* for describe's status */
	if (r < 0) {
		/* TRANSLATORS: %s is git's reason (in English). */
		*err = samv_strprintf(_("cannot read the git index: %s"), git_message());
		goto done;
	}
	ret = 0;
done:
	free(gitdir);
	free(file);
	free(name);
	return ret;
}

static int open_commit(samv_source *src, const char *rev, char **err)
{
	int ret = -1, r;
	git_object *obj = NULL;
	git_tree_entry *te = NULL;
	char *dir = NULL;

	r = git_revparse_single(&obj, src->repo, rev);
	if (r == GIT_ENOTFOUND || r == GIT_EINVALIDSPEC) {
		if (git_repository_head_unborn(src->repo) == 1)
			*err = samv_strprintf(
				_("unknown revision '%s': the repository has no commits yet"), rev);
		else
			*err = samv_strprintf(_("unknown revision '%s'"), rev);
		goto done;
	}
	if (r == GIT_EAMBIGUOUS) {
		*err = samv_strprintf(_("ambiguous revision '%s'"), rev);
		goto done;
	}
	if (r < 0) {
		/* TRANSLATORS: %1$s is the revision given with --rev, %2$s git's reason (in English). */
		*err = samv_strprintf(_("cannot read revision '%s': %s"), rev, git_message());
		goto done;
	}
	if (git_object_peel((git_object **)&src->commit, obj, GIT_OBJECT_COMMIT) < 0) {
		*err = samv_strprintf(_("revision '%s' is not a commit"), rev);
		goto done;
	}
	if (git_commit_tree(&src->root_tree, src->commit) < 0) {
		/* TRANSLATORS: %1$s is the revision given with --rev, %2$s git's reason (in English). */
		*err = samv_strprintf(_("cannot read the tree of '%s': %s"), rev, git_message());
		goto done;
	}
	if (!*src->prefix) {
		ret = git_tree_dup(&src->tree, src->root_tree);
		goto done;
	}
	dir = strndup(src->prefix, strlen(src->prefix) - 1); /* without the final '/' */
	if (!dir)
		goto done;
	r = git_tree_entry_bypath(&te, src->root_tree, dir);
	if (r == GIT_ENOTFOUND || (r == 0 && git_tree_entry_type(te) != GIT_OBJECT_TREE)) {
		/* TRANSLATORS: %1$s is a directory, %2$s the revision given with --rev. */
		*err = samv_strprintf(_("the ledger directory '%s' does not exist in %s"), dir, rev);
		goto done;
	}
	if (r < 0 || git_tree_lookup(&src->tree, src->repo, git_tree_entry_id(te)) < 0) {
		/* TRANSLATORS: %1$s is a directory, %2$s the revision given with --rev, %3$s git's
		 * reason (in English). */
		*err = samv_strprintf(_("cannot read '%s' in %s: %s"), dir, rev, git_message());
		goto done;
	}
	ret = 0;
done:
	free(dir);
	git_tree_entry_free(te);
	git_object_free(obj);
	return ret;
}

int samv_source_open(samv_source **out, const char *root, samv_source_kind kind,
		     const char *rev, const char *index_file, char **err)
{
	int ret = -1, r;
	samv_source *src = calloc(1, sizeof *src);

	*out = NULL;
	*err = NULL;
	if (!src)
		goto done;
	src->kind = kind;
	src->root = strdup(root);
	if (!src->root)
		goto done;
	if (kind == SAMV_SOURCE_WORKTREE) {
		ret = 0;
		goto done;
	}
	r = find_repo(src, err);
	if (r == 1)
		*err = samv_strprintf(_("not a git repository (needed for --staged and --rev): %s"),
				      root);
	if (r != 0)
		goto done;
	if (git_repository_odb(&src->odb, src->repo) < 0) {
		/* TRANSLATORS: %s is git's reason (in English). */
		*err = samv_strprintf(_("cannot open the git object store: %s"), git_message());
		goto done;
	}
	if (kind == SAMV_SOURCE_INDEX)
		ret = open_index(src, index_file, err);
	else
		ret = open_commit(src, rev ? rev : "HEAD", err);
done:
	if (ret == 0) {
		*out = src;
	} else {
		if (!*err)
			*err = strdup(_("out of memory"));
		samv_source_free(src);
	}
	return ret;
}

void samv_source_free(samv_source *src)
{
	if (!src)
		return;
	git_tree_free(src->tree);
	git_tree_free(src->root_tree);
	git_commit_free(src->commit);
	git_index_free(src->index);
	git_odb_free(src->odb);
	git_repository_free(src->repo);
	if (src->git_ready)
		git_libgit2_shutdown();
	samv_file_clear(&src->overlay);
	free(src->prefix);
	free(src->root);
	free(src);
}

int samv_source_overlay(samv_source *src, const char *path, const char *data, size_t len)
{
	samv_file_clear(&src->overlay);
	src->overlay.path = strdup(path);
	src->overlay.data = malloc(len + 1);
	if (!src->overlay.path || !src->overlay.data) {
		samv_file_clear(&src->overlay);
		return -1;
	}
	memcpy(src->overlay.data, data, len);
	src->overlay.data[len] = '\0';
	src->overlay.len = len;
	return 0;
}


int samv_source_read(samv_source *src, const char *path, samv_file *out, char **err)
{
	char *why = NULL;
	int code;

	memset(out, 0, sizeof *out);
	*err = NULL;
	code = load_path(src, path, &out->data, &out->len, &why);
	if (code == LOAD_ABSENT)
		return 1;
	if (code == LOAD_OK) {
		out->path = strdup(path);
		if (out->path)
			return 0;
		samv_file_clear(out);
	} else if (code != LOAD_FAILED) {
		*err = samv_strprintf("%s: %s", path, why);
		free(why);
	}
	if (!*err)
		*err = strdup(_("out of memory"));
	return -1;
}

/* ---- listing ---- */

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

static int oom(lister *l)
{
	if (!*l->err)
		*l->err = strdup(_("out of memory"));
	return -1;
}

/* Ignore entries are root-relative directory paths; a trailing '/' is tolerated. */
static bool ignored(const lister *l, const char *rel)
{
	size_t n = strlen(rel);
	for (size_t i = 0; i < l->nignore; i++) {
		const char *ig = l->ignore[i];
		size_t m = strlen(ig);
		while (m > 0 && ig[m - 1] == '/')
			m--;
		if (m == n && memcmp(ig, rel, n) == 0)
			return true;
	}
	return false;
}

static void report(lister *l, const char *rel, const char *msg)
{
	samv_diags_add(l->diags, "yaml", rel, 1, 1, "%s", msg);
}

/* What reading rel came to: 0 read, 1 a finding (in diags) or nothing (it vanished since
 * the directory was read), -1 out of memory. Takes why. */
static int read_outcome(samv_diags *diags, bool *unreadable, const char *rel, int code, char *why)
{
	if (code == LOAD_FAILED)
		return -1;
	if (code == LOAD_PROBLEM || code == LOAD_UNREADABLE) {
		samv_diags_add(diags, "yaml", rel, 1, 1, "%s", why);
		free(why);
		if (code == LOAD_UNREADABLE)
			*unreadable = true;
		return 1;
	}
	return code == LOAD_ABSENT ? 1 : 0;
}

static int add_entry(lister *l, const char *rel, bool git, unsigned mode, const git_oid *id)
{
	entry *entries = samv_grow(l->entries, &l->cap, sizeof *entries, 64, l->count + 1);
	if (!entries)
		return oom(l);
	l->entries = entries;
	entry *e = &l->entries[l->count];
	*e = (entry){ .path = strdup(rel), .git = git, .mode = mode };
	if (!e->path)
		return oom(l);
	if (id)
		e->id = *id;
	l->count++;
	return 0;
}

static int take(lister *l, const char *rel)
{
	return add_entry(l, rel, false, 0, NULL);
}

static int take_object(lister *l, const char *rel, unsigned mode, const git_oid *id)
{
	return add_entry(l, rel, true, mode, id);
}

static int walk_dir(lister *l, const char *rel);

static int walk_entry(lister *l, const char *rel)
{
	int ret = -1;
	char *full = samv_strprintf("%s/%s", l->src->root, rel);
	bool yaml = has_record_suffix(base_name(rel));
	struct stat st;

	if (!full)
		goto done;
	ret = 0;
	if (ignored(l, rel))
		goto done;
	if (lstat(full, &st) != 0) {
		if (errno != ENOENT) {
			samv_diags_add(l->diags, "yaml", rel, 1, 1, _("cannot read file: %s"),
				       strerror(errno));
			*l->unreadable = true;
		}
	} else if (S_ISDIR(st.st_mode)) {
		if (yaml)
			report(l, rel, _(msg_dir));
		ret = walk_dir(l, rel);
	} else if (S_ISLNK(st.st_mode)) {
		/* stat only asks where the link leads; nothing behind it is read */
		if (yaml || (stat(full, &st) == 0 && S_ISDIR(st.st_mode)))
			report(l, rel, _(msg_link));
	} else if (yaml) {
		ret = take(l, rel);
	}
done:
	free(full);
	return ret < 0 ? oom(l) : 0;
}

/* The directory's names are read in full and the directory closed before recursing, so
 * a deep tree never holds more than one directory open. */
static int walk_dir(lister *l, const char *rel)
{
	int ret = -1;
	char *full = *rel ? samv_strprintf("%s/%s", l->src->root, rel) : strdup(l->src->root);
	char **names = NULL;
	size_t n = 0, cap = 0;
	DIR *d = NULL;
	struct dirent *e;

	if (!full)
		goto done;
	d = opendir(full);
	if (!d) {
		if (!*rel) {
			/* TRANSLATORS: %1$s is a directory, %2$s the system's reason (in English). */
			*l->err = samv_strprintf(_("cannot read directory '%s': %s"), full,
						 strerror(errno));
			goto done;
		}
		/* TRANSLATORS: %s is the system's or git's reason (in English). */
		samv_diags_add(l->diags, "yaml", rel, 1, 1, _("cannot read directory: %s"),
			       strerror(errno));
		*l->unreadable = true;
		ret = 0;
		goto done;
	}
	for (;;) {
		errno = 0;
		e = readdir(d);
		if (!e)
			break;
		if (e->d_name[0] == '.')
			continue;
		char **grown = samv_grow(names, &cap, sizeof *grown, 32, n + 1);
		if (!grown)
			goto done;
		names = grown;
		names[n] = *rel ? samv_strprintf("%s/%s", rel, e->d_name) : strdup(e->d_name);
		if (!names[n])
			goto done;
		n++;
	}
	if (errno != 0) {
		samv_diags_add(l->diags, "yaml", *rel ? rel : ".", 1, 1,
			       _("cannot read directory: %s"), strerror(errno));
		*l->unreadable = true;
	}
	closedir(d);
	d = NULL;
	for (size_t i = 0; i < n; i++)
		if (walk_entry(l, names[i]) < 0)
			goto done;
	ret = 0;
done:
	if (d)
		closedir(d);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(full);
	return ret < 0 ? oom(l) : 0;
}

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
	bool report_it = has_record_suffix(base_name(rel));

	if (!report_it && git_link_is_dir(l->src, full, id, &report_it) < 0)
		return oom(l);
	if (report_it)
		report(l, rel, _(msg_link));
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
			ret = oom(l);
			goto done;
		}
		if (ignored(l, dir))
			goto done;
		/* prev below the same "prefix/dir/": already reported */
		size_t upto = plen + (size_t)(slash - rel) + 1;
		if (has_record_suffix(base_name(dir)) &&
		    (!prev || strncmp(prev, e->path, upto) != 0))
			report(l, dir, _(msg_dir));
	}
	/* one look per path: conflict stages repeat it */
	if (ignored(l, rel) || (prev && strcmp(prev, e->path) == 0) ||
	    e->mode == GIT_FILEMODE_COMMIT ||
	    (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD))
		goto done;
	if (git_index_entry_is_conflict(e)) {
		/* stage 0 sorts first, so a path whose first entry is a stage is unresolved */
		if (record_path(rel))
			report(l, rel, _(msg_conflict));
	} else if (e->mode == GIT_FILEMODE_LINK) {
		ret = git_link(l, rel, e->path, &e->id);
	} else if (has_record_suffix(base_name(rel))) {
		ret = take_object(l, rel, e->mode, &e->id);
	}
done:
	free(dir);
	return ret;
}

static int walk_index(lister *l)
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

static int walk_tree(lister *l, git_tree *tree, const char *rel)
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
		if (ignored(l, child))
			continue;
		switch (git_tree_entry_type(te)) {
		case GIT_OBJECT_TREE:
			if (has_record_suffix(name))
				report(l, child, _(msg_dir));
			if (git_tree_lookup(&sub, l->src->repo, git_tree_entry_id(te)) < 0) {
				samv_diags_add(l->diags, "yaml", child, 1, 1,
					       _("cannot read directory: %s"), git_message());
				*l->unreadable = true;
				break;
			}
			if (walk_tree(l, sub, child) < 0)
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
			} else if (has_record_suffix(name) &&
				   take_object(l, child, git_tree_entry_filemode(te),
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
	return ret < 0 ? oom(l) : 0;
}

static int cmp_entries(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

/* The overlay is listed where the source has no such file. */
static int list_overlay(lister *l)
{
	for (size_t i = 0; i < l->count; i++)
		if (is_overlay(l->src, l->entries[i].path))
			return 0;
	return add_entry(l, l->src->overlay.path, false, 0, NULL);
}

static void free_entries(entry *entries, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(entries[i].path);
	free(entries);
}

struct samv_listing {
	samv_source *src;
	entry *entries; /* sorted by path; an entry's path goes to fn's file once it is read */
	size_t count;
};

int samv_source_listing(samv_source *src, const char *const *ignore, size_t nignore,
			samv_listing **out, samv_diags *diags, bool *unreadable, char **err)
{
	lister l = {
		.src = src,
		.ignore = ignore,
		.nignore = nignore,
		.diags = diags,
		.unreadable = unreadable,
		.err = err,
	};
	samv_listing *listing = NULL;
	int r;

	*out = NULL;
	*err = NULL;
	if (src->kind == SAMV_SOURCE_INDEX)
		r = walk_index(&l);
	else if (src->kind == SAMV_SOURCE_COMMIT)
		r = walk_tree(&l, src->tree, "");
	else
		r = walk_dir(&l, "");
	if (r >= 0 && src->overlay.path)
		r = list_overlay(&l);
	if (r >= 0 && !(listing = malloc(sizeof *listing)))
		r = oom(&l);
	if (r < 0) {
		free_entries(l.entries, l.count);
		return -1;
	}
	if (l.count > 1)
		qsort(l.entries, l.count, sizeof *l.entries, cmp_entries);
	*listing = (samv_listing){ .src = src, .entries = l.entries, .count = l.count };
	*out = listing;
	return 0;
}

size_t samv_listing_count(const samv_listing *listing)
{
	return listing->count;
}

void samv_listing_free(samv_listing *listing)
{
	if (!listing)
		return;
	free_entries(listing->entries, listing->count);
	free(listing);
}

/* What the threads of one samv_listing_each share. */
typedef struct job {
	samv_listing *listing;
	samv_known_fn known;
	samv_file_fn fn;
	atomic_size_t next; /* the next entry to read: each thread takes one at a time */
	atomic_bool stop; /* a thread ran out of memory or fn stopped: the others stop too */
} job;

/* One thread's part of a samv_listing_each. A libgit2 repository must not be used by two
 * threads at once, so each reader has its own handles on the source's repository; the
 * first, which runs on the caller's thread, borrows the source's. */
typedef struct reader {
	job *job;
	samv_worker *worker;
	git_repository *repo; /* NULL for a work tree */
	git_odb *odb;
	bool own_git; /* repo and odb were opened for this reader */
	pthread_t thread;
	int result; /* 0, 1 when fn stopped, -1 out of memory */
} reader;

/* Read a listed file into f: 0, 1 when there is nothing to load (a finding is filed), -1
 * when out of memory. The overlay stands in for the file it names; a git object there is
 * still read first, so that a problem with what is staged is reported all the same. */
static int read_entry(reader *rd, const entry *e, samv_file *f)
{
	const samv_source *src = rd->job->listing->src;
	char *why = NULL; /* read only after the load has set it */
	int code;
	/* Only work tree files and the overlay are read by path, which uses no git handle. */
	if (e->git)
		code = load_git_object(rd->repo, rd->odb, e->mode, &e->id, &f->data, &f->len, &why);
	else
		code = load_path(src, e->path, &f->data, &f->len, &why);
	int r = read_outcome(&rd->worker->diags, &rd->worker->unreadable, e->path, code, why);
	if (r < 0 || !e->git || !is_overlay(src, e->path))
		return r;
	free(f->data);
	return load_overlay(src, &f->data, &f->len) == LOAD_OK ? 0 : -1;
}

/* The loop of each reader: one file at a time, so a file's bytes are freed before the
 * next is read. A pthread start routine. */
static void *read_files(void *arg)
{
	reader *rd = arg;
	job *j = rd->job;
	entry *entries = j->listing->entries;
	size_t i;

	while (!atomic_load(&j->stop) && (i = atomic_fetch_add(&j->next, 1)) < j->listing->count) {
		const entry *e = &entries[i];
		samv_file f = { e->path, NULL, 0, NULL };
		/* An overlay's text is not the blob's. */
		if (e->git && !is_overlay(j->listing->src, e->path))
			f.id = e->id.id;
		int r = 0;
		/* A blob that is missing is read, to be reported as reading it would. */
		if (f.id && j->known && (e->mode == GIT_FILEMODE_BLOB || e->mode == GIT_FILEMODE_BLOB_EXECUTABLE) &&
		    git_odb_exists(rd->odb, &e->id))
			r = j->known(&f, i, rd->worker->ctx);
		if (r) {
			if (r < 0) {
				rd->result = -1;
				atomic_store(&j->stop, true);
			}
			continue;
		}
		r = read_entry(rd, e, &f);
		if (r == 0) {
			entries[i].path = NULL; /* fn's file owns it now */
			r = j->fn(&f, i, rd->worker->ctx);
			samv_file_clear(&f);
		} else {
			r = r > 0 ? 0 : r;
		}
		if (r) {
			rd->result = r;
			atomic_store(&j->stop, true);
		}
	}
	return NULL;
}

/* A reader's own handles on the source's repository, opened as samv_source_open found it.
 * Returns 0, or -1 when git cannot open it again (the reader is then not started). */
static int open_git(reader *rd, const samv_source *src)
{
	if (git_repository_open_ext(&rd->repo, src->root, 0, NULL) < 0 ||
	    git_repository_odb(&rd->odb, rd->repo) < 0) {
		git_repository_free(rd->repo);
		rd->repo = NULL;
		return -1;
	}
	rd->own_git = true;
	return 0;
}

int samv_listing_each(samv_listing *listing, samv_known_fn known, samv_file_fn fn,
		      samv_worker *workers, size_t nworkers, char **err)
{
	const samv_source *src = listing->src;
	bool git = src->kind != SAMV_SOURCE_WORKTREE;
	job j = { .listing = listing, .known = known, .fn = fn };
	reader *rds = calloc(nworkers, sizeof *rds);
	size_t started = 1;
	int ret = 0;

	*err = NULL;
	atomic_init(&j.next, 0);
	atomic_init(&j.stop, false);
	if (!rds) {
		*err = strdup(_("out of memory"));
		return -1;
	}
	/* A libgit2 built without thread support reads on one thread. */
	if (git && !(git_libgit2_features() & GIT_FEATURE_THREADS))
		nworkers = 1;
	rds[0] = (reader){ .job = &j, .worker = &workers[0], .repo = src->repo, .odb = src->odb };
	/* A reader that cannot be given its handles or its thread is not started: the files are
	 * taken one at a time from the shared counter, so the readers that run read them all. */
	for (; started < nworkers; started++) {
		reader *rd = &rds[started];
		*rd = (reader){ .job = &j, .worker = &workers[started] };
		if (git && open_git(rd, src))
			break;
		if (pthread_create(&rd->thread, NULL, read_files, rd) != 0) {
			git_odb_free(rd->odb);
			git_repository_free(rd->repo);
			break;
		}
	}
	read_files(&rds[0]);
	for (size_t w = 0; w < started; w++) {
		if (w > 0)
			pthread_join(rds[w].thread, NULL);
		if (rds[w].own_git) {
			git_odb_free(rds[w].odb);
			git_repository_free(rds[w].repo);
		}
		if (rds[w].result < 0)
			ret = -1;
		else if (rds[w].result > 0 && ret == 0)
			ret = 1;
	}
	free(rds);
	if (ret < 0)
		*err = strdup(_("out of memory"));
	return ret;
}

typedef struct collector {
	samv_file *files;
	size_t count, cap;
} collector;

/* One reader, so the files come in listing order. */
static int collect(samv_file *f, size_t index, void *ctx)
{
	collector *c = ctx;
	(void)index;
	samv_file *files = samv_grow(c->files, &c->cap, sizeof *files, 64, c->count + 1);
	if (!files)
		return 1;
	c->files = files;
	c->files[c->count++] = *f;
	*f = (samv_file){ 0 };
	return 0;
}

int samv_source_list(samv_source *src, const char *const *ignore, size_t nignore,
		     samv_file **files, size_t *count, samv_diags *diags, bool *unreadable,
		     char **err)
{
	collector c = { 0 };
	samv_worker w = { .ctx = &c };
	samv_listing *listing;
	int r = samv_source_listing(src, ignore, nignore, &listing, diags, unreadable, err);

	*files = NULL;
	*count = 0;
	if (r == 0) {
		r = samv_listing_each(listing, NULL, collect, &w, 1, err);
		samv_listing_free(listing);
		samv_diags_take(diags, &w.diags);
		if (w.unreadable)
			*unreadable = true;
	}
	if (r) {
		if (r > 0)
			*err = strdup(_("out of memory"));
		samv_files_free(c.files, c.count);
		return -1;
	}
	*files = c.files;
	*count = c.count;
	return 0;
}

/* ---- describing ---- */

static bool status_path_counts(const samv_source *src, const char *path)
{
	size_t plen = strlen(src->prefix);
	return path && strncmp(path, src->prefix, plen) == 0 && record_path(path + plen);
}

/* Whether what was read differs from HEAD in any record file under the root: for the
 * work tree, staged or unstaged changes and new files git does not ignore; for the
 * index, staged changes. */
static int changed_since_head(samv_source *src, bool *modified)
{
	int ret = -1;
	git_status_options opts;
	git_status_list *list = NULL;
	char *spec = NULL;

	git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
	opts.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (src->kind == SAMV_SOURCE_INDEX) {
		opts.show = GIT_STATUS_SHOW_INDEX_ONLY;
	} else {
		opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
		opts.flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED |
			      GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
	}
	if (*src->prefix) {
		spec = strndup(src->prefix, strlen(src->prefix) - 1);
		if (!spec)
			goto done;
		opts.pathspec.strings = &spec;
		opts.pathspec.count = 1;
		opts.flags |= GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH; /* "l[1]" is a name */
	}
	if (git_status_list_new(&list, src->repo, &opts) < 0)
		goto done;
	size_t n = git_status_list_entrycount(list);
	for (size_t i = 0; i < n && !*modified; i++) {
		const git_status_entry *e = git_status_byindex(list, i);
		const git_diff_delta *deltas[] = {e->head_to_index, e->index_to_workdir};
		for (size_t k = 0; k < 2; k++)
			if (deltas[k] && (status_path_counts(src, deltas[k]->old_file.path) ||
					  status_path_counts(src, deltas[k]->new_file.path)))
				*modified = true;
	}
	ret = 0;
done:
	git_status_list_free(list);
	free(spec);
	return ret;
}

int samv_source_describe(samv_source *src, char **commit, bool *modified)
{
	int ret = -1, r;
	git_oid head;
	const git_oid *id;
	char *err = NULL;

	*commit = NULL;
	*modified = false;
	if (src->kind == SAMV_SOURCE_COMMIT) {
		id = git_commit_id(src->commit);
	} else {
		if (!src->repo && !src->no_repo) {
			r = find_repo(src, &err);
			if (r < 0)
				goto done;
			src->no_repo = r == 1;
		}
		if (src->no_repo) {
			ret = 0;
			goto done;
		}
		r = git_reference_name_to_id(&head, src->repo, "HEAD");
		if (r == GIT_ENOTFOUND || r == GIT_EUNBORNBRANCH) {
			ret = 0; /* no commit yet: nothing to name or compare with */
			goto done;
		}
		if (r < 0 || changed_since_head(src, modified) < 0)
			goto done;
		id = &head;
	}
	*commit = malloc(GIT_OID_HEXSZ + 1);
	if (!*commit)
		goto done;
	git_oid_tostr(*commit, GIT_OID_HEXSZ + 1, id);
	ret = 0;
done:
	free(err);
	return ret;
}

int samv_source_commit_time(samv_source *src, int64_t *seconds)
{
	char *commit = NULL;
	bool modified;
	git_oid oid;
	git_commit *c = NULL;
	if (src->kind == SAMV_SOURCE_COMMIT) {
		*seconds = (int64_t)git_commit_time(src->commit);
		return 0;
	}
	/* describe finds the repository and HEAD, or says there is none. */
	if (samv_source_describe(src, &commit, &modified))
		return -1;
	int ret = 1;
	if (commit && git_oid_fromstr(&oid, commit) == 0 && git_commit_lookup(&c, src->repo, &oid) == 0) {
		*seconds = (int64_t)git_commit_time(c);
		ret = 0;
	}
	git_commit_free(c);
	free(commit);
	return ret;
}

/* ---- files and the root ---- */

void samv_file_clear(samv_file *f)
{
	if (!f)
		return;
	free(f->path);
	free(f->data);
	f->path = NULL;
	f->data = NULL;
	f->len = 0;
}

void samv_files_free(samv_file *files, size_t count)
{
	if (!files)
		return;
	for (size_t i = 0; i < count; i++)
		samv_file_clear(&files[i]);
	free(files);
}

char *samv_source_find_root(const char *dir)
{
	char *cur = realpath(dir, NULL), *found = NULL, *candidate = NULL;
	struct stat st;

	while (cur) {
		free(candidate);
		candidate = samv_strprintf("%s%ssamv.yaml", cur, strcmp(cur, "/") ? "/" : "");
		if (!candidate)
			break;
		if (lstat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
			found = cur;
			cur = NULL;
			break;
		}
		char *slash = strrchr(cur, '/');
		if (!slash || strcmp(cur, "/") == 0)
			break;
		slash[slash == cur] = '\0'; /* "/a" becomes "/", "/a/b" becomes "/a" */
	}
	free(candidate);
	free(cur);
	return found;
}
