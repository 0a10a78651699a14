/*
 * input/source.c — a ledger's record files from the work tree, the git index or a commit.
 *
 * Three walkers (a directory walk with lstat, the index's entry list, a tree recursion)
 * apply the same naming rules and hand each candidate to one loader per kind, which
 * either returns the bytes or says why it cannot (a link, a directory, too big, ...).
 * The walkers turn those reasons into "yaml" findings; samv_source_read turns them into
 * an error. This file is the API: opening, listing, reading on several threads and
 * describing; the walkers are in worktree.c and git.c, the loaders in loaders.c. Only
 * these files include git2.h; nothing here prints.
 */
/* realpath is XSI, not in the base _POSIX_C_SOURCE set the build defines */
#define _XOPEN_SOURCE 700

#include "input/source.h"
#include "input/git.h"
#include "input/loaders.h"
#include "input/worktree.h"

#include "util/i18n.h"

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

/* ---- opening ---- */

/* libgit2 is started when a source first needs git. Reading a work tree never does
 * (only describing it does), and starting it costs a pre-commit check of a small ledger
 * a noticeable part of its time: it loads the system's CA certificates. */
static int start_git(samv_source *src, char **err)
{
	if (src->git_ready)
		return 0;
	if (git_libgit2_init() < 0) {
		*err = samv_strprintf(_("cannot start libgit2: %s"), samv_src_git_message());
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
				      samv_src_git_message());
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
		*err = samv_strprintf(_("cannot read the git index: %s"), samv_src_git_message());
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
		*err = samv_strprintf(_("cannot read revision '%s': %s"), rev, samv_src_git_message());
		goto done;
	}
	if (git_object_peel((git_object **)&src->commit, obj, GIT_OBJECT_COMMIT) < 0) {
		*err = samv_strprintf(_("revision '%s' is not a commit"), rev);
		goto done;
	}
	if (git_commit_tree(&src->root_tree, src->commit) < 0) {
		/* TRANSLATORS: %1$s is the revision given with --rev, %2$s git's reason (in English). */
		*err = samv_strprintf(_("cannot read the tree of '%s': %s"), rev, samv_src_git_message());
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
		*err = samv_strprintf(_("cannot read '%s' in %s: %s"), dir, rev, samv_src_git_message());
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
		*err = samv_strprintf(_("cannot open the git object store: %s"), samv_src_git_message());
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
	code = samv_src_load_path(src, path, &out->data, &out->len, &why);
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
static int cmp_entries(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

/* The overlay is listed where the source has no such file. */
static int list_overlay(lister *l)
{
	for (size_t i = 0; i < l->count; i++)
		if (samv_src_is_overlay(l->src, l->entries[i].path))
			return 0;
	return samv_src_add_entry(l, l->src->overlay.path, false, 0, NULL);
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
		r = samv_src_walk_index(&l);
	else if (src->kind == SAMV_SOURCE_COMMIT)
		r = samv_src_walk_tree(&l, src->tree, "");
	else
		r = samv_src_walk_dir(&l, "");
	if (r >= 0 && src->overlay.path)
		r = list_overlay(&l);
	if (r >= 0 && !(listing = malloc(sizeof *listing)))
		r = samv_src_oom(&l);
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
		code = samv_src_load_git_object(rd->repo, rd->odb, e->mode, &e->id, &f->data, &f->len, &why);
	else
		code = samv_src_load_path(src, e->path, &f->data, &f->len, &why);
	int r = samv_src_read_outcome(&rd->worker->diags, &rd->worker->unreadable, e->path, code, why);
	if (r < 0 || !e->git || !samv_src_is_overlay(src, e->path))
		return r;
	free(f->data);
	return samv_src_load_overlay(src, &f->data, &f->len) == LOAD_OK ? 0 : -1;
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
		if (e->git && !samv_src_is_overlay(j->listing->src, e->path))
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
	return path && strncmp(path, src->prefix, plen) == 0 && samv_src_record_path(path + plen);
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
