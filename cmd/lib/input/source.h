/*
 * input/source.h — where a ledger's bytes come from: the work tree, the git index or a commit.
 *
 * This is the only module that knows about git (libgit2): source.c and the loaders and
 * walkers behind it. Everything after it sees a list of (path, bytes) with paths relative
 * to the ledger root, so no rule can tell whether it is checking a file on disk, a staged
 * blob or a file of an old commit.
 *
 * Listing follows SPEC § 2: every *.yaml / *.yml file below the root, except names that
 * start with '.' (files and directories) and the directories given as ignored. Symbolic
 * links are never followed: a link is reported. Problems (a link, a directory named
 * x.yaml, an unreadable file, a file over the size bound) become findings under rule
 * "yaml"; an unreadable file also sets *unreadable so the command can exit 2.
 */
#ifndef SAMV_SOURCE_H
#define SAMV_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/file.h"
#include "util/diag.h"

/*
 * Open a source for the ledger whose root directory (holding samv.yaml in the work tree)
 * is root. For INDEX and COMMIT the git repository is found upward from root; rev is the
 * revision for COMMIT (anything git rev-parse takes; NULL means HEAD), ignored otherwise.
 * INDEX reads index_file (the command passes GIT_INDEX_FILE; NULL for .git/index) when
 * that is one of this repository's (git sets it for hooks: "git commit -a" stages into a
 * temporary index). On failure
 * returns -1 and sets *err to a malloc'd message for the user ("not a git repository",
 * "unknown revision 'v9'"); the caller frees it.
 */
int samv_source_open(samv_source **out, const char *root, samv_source_kind kind,
		     const char *rev, const char *index_file, char **err);
void samv_source_free(samv_source *src); /* accepts NULL */

/* Read one file by ledger-relative path. Returns 0, 1 when it does not exist, -1 on a read
 * error or when the path is no regular file within the size bound (a link, a directory,
 * an unresolved merge conflict), with *err malloc'd ("samv.yaml: <the finding's text>"). */
int samv_source_read(samv_source *src, const char *path, samv_file *out, char **err);

/* The record files of a source, listed and sorted by path but not yet read, so that a
 * caller can size its work by their count before reading any. It borrows the source. */
typedef struct samv_listing samv_listing;

/* List every record file of src and sort the list by path. ignore: directory paths
 * relative to the root ("archive", "old/2019"). Problems with single files found while
 * listing are findings in diags (rule "yaml", line 1 column 1; those found while reading
 * go to samv_listing_each's workers) and such files are not listed; *unreadable is only
 * ever set to true, never cleared. Returns 0, or -1 when the listing itself failed (*err set;
 * out of memory, or the root cannot be read). */
int samv_source_listing(samv_source *src, const char *const *ignore, size_t nignore,
			samv_listing **out, samv_diags *diags, bool *unreadable, char **err);
size_t samv_listing_count(const samv_listing *listing);
void samv_listing_free(samv_listing *listing); /* accepts NULL */

/* Called with each record file, read, and its index in the listing. It may take
 * file->path and file->data (leaving NULL in their place); what it leaves is freed when it
 * returns. Returns 0 to go on, 1 to stop. */
typedef int (*samv_file_fn)(samv_file *file, size_t index, void *ctx);

/* One of the threads of samv_listing_each: what it gives fn and what it found. */
typedef struct samv_worker {
	void *ctx; /* the caller's, given to fn */
	samv_diags diags; /* findings about the files it read (as samv_source_listing's) */
	bool unreadable; /* a file it read could not be read */
} samv_worker;

/* Called before a listed git blob is read, with file->path and file->id set and no data:
 * returns 1 when the caller has what it needs of this file from elsewhere (it is then
 * neither read nor given to fn), 0 to have it read and given to fn, -1 when out of memory.
 * Runs on the reading threads, as fn does; it may not take file->path. */
typedef int (*samv_known_fn)(const samv_file *file, size_t index, void *ctx);

/*
 * Read every listed file, each once, and give it to fn: on nworkers threads (1 or more;
 * the first is the caller's), each reading one file at a time, so that no more than
 * nworkers files' bytes are in memory at once. Which worker reads which file, and in what
 * order, is up to the threads: fn runs on several threads at once, each call with its
 * worker's ctx, so it must touch nothing but that and its own file's index. With one
 * worker the files come in listing order. Fewer threads run when one cannot be started.
 * A listing is read once: its paths go to fn. known, when not NULL, is asked first about
 * each regular file from git. Returns 0, 1 when fn stopped it, or -1 when out of memory
 * (*err set).
 */
int samv_listing_each(samv_listing *listing, samv_known_fn known, samv_file_fn fn,
		      samv_worker *workers, size_t nworkers, char **err);

/* The folder where samv keeps what it may keep between runs of a git source: one in the
 * repository's git folder's "samv" for each ledger root. malloc'd; NULL for a work tree or
 * out of memory. */
char *samv_source_cache_dir(const samv_source *src);

/* Every record file, read, sorted by path (samv_source_listing, then samv_listing_each on
 * one thread). The files array and its contents belong to the caller (samv_files_free).
 * Returns 0, or -1 with *err set. */
int samv_source_list(samv_source *src, const char *const *ignore, size_t nignore,
		     samv_file **files, size_t *count, samv_diags *diags, bool *unreadable,
		     char **err);

/* A short description of what was read, for reports: the commit id (40 hex, malloc'd) and
 * whether what was read differs from it in a record file under the root (WORKTREE: staged,
 * unstaged or new files git does not ignore; INDEX: staged changes; COMMIT: never). NULL
 * commit and false when there is no git repository or no commit yet. Returns 0, or -1 when
 * git fails. */
int samv_source_describe(samv_source *src, char **commit, bool *modified);

/* Let text stand in for the file at path (root-relative) in this source: listed and read
 * in its place, or added when the source has no such file. For editors that check an
 * unsaved buffer (--stdin-filename). The text is copied. Returns 0, or -1 when out of
 * memory. */
int samv_source_overlay(samv_source *src, const char *path, const char *data, size_t len);

/* The time of the commit that describe names (seconds since 1970, UTC): 0, or 1 when there
 * is no commit, -1 on a git error. Reports stamp calendars with it rather than the clock. */
int samv_source_commit_time(samv_source *src, int64_t *seconds);

void samv_file_clear(samv_file *f);
void samv_files_free(samv_file *files, size_t count);

/* Find the ledger root upward from dir: the nearest directory holding samv.yaml.
 * Returns a malloc'd absolute path, or NULL. */
char *samv_source_find_root(const char *dir);

#endif
