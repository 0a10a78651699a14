/*
 * test_source.c — unit tests for source.c: listing and reading a ledger from the work
 * tree, the git index and a commit, describing it, and finding its root.
 *
 * Every test builds its ledger under one temporary directory (removed at the end) and
 * uses the git command line to make repositories, so what is checked is how source.c
 * reads repositories that git itself wrote.
 */
#define _XOPEN_SOURCE 700 /* realpath, as in source.c */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/diag.h"
#include "input/source.h"

static char base[] = "/tmp/samv-source-XXXXXX";
/* The index a hook names in GIT_INDEX_FILE, as the command passes it to samv_source_open. */
static const char *index_file;

static const char msg_link[] =
	"symbolic link not followed: samv reads only regular files inside the ledger";
static const char msg_dir[] = "is a directory, not a record file";

/* ---- helpers ---- */

static char *path_of(const char *dir, const char *rel)
{
	char *p = samv_strprintf("%s/%s/%s", base, dir, rel);
	assert_non_null(p);
	return p;
}

static void sh(const char *fmt, ...) SAMV_PRINTF(1, 2);

static void sh(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *cmd = samv_vstrprintf(fmt, ap);
	va_end(ap);
	assert_non_null(cmd);
	int r = system(cmd);
	if (r != 0)
		fail_msg("command failed (%d): %s", r, cmd);
	free(cmd);
}

/* Run git in base/dir; args are pasted into a shell command. */
static void git(const char *dir, const char *args)
{
	sh("cd '%s/%s' && git %s", base, dir, args);
}

/* Write base/dir/rel, creating the directories on the way. */
static void put(const char *dir, const char *rel, const char *content)
{
	char *p = path_of(dir, rel);
	for (char *s = strchr(p + strlen(base) + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(content, f);
	assert_int_equal(fclose(f), 0);
	free(p);
}

static void link_to(const char *dir, const char *rel, const char *target)
{
	char *p = path_of(dir, rel);
	assert_int_equal(symlink(target, p), 0);
	free(p);
}

typedef struct listing {
	samv_file *files;
	size_t count;
	samv_diags diags;
	bool unreadable;
} listing;

static void list_with(listing *out, const char *dir, samv_source_kind kind, const char *rev,
		      const char *const *ignore, size_t nignore)
{
	char *root = path_of(dir, "."), *err = NULL;
	samv_source *src = NULL;

	memset(out, 0, sizeof *out);
	if (samv_source_open(&src, root, kind, rev, index_file, &err) != 0)
		fail_msg("open %s: %s", root, err);
	if (samv_source_list(src, ignore, nignore, &out->files, &out->count, &out->diags,
			     &out->unreadable, &err) != 0)
		fail_msg("list %s: %s", root, err);
	samv_diags_sort(&out->diags);
	samv_source_free(src);
	free(root);
}

static void list_kind(listing *out, const char *dir, samv_source_kind kind, const char *rev)
{
	list_with(out, dir, kind, rev, NULL, 0);
}

static void listing_free(listing *l)
{
	samv_files_free(l->files, l->count);
	samv_diags_free(&l->diags);
}

static void assert_paths(const listing *l, const char *const *want, size_t n)
{
	for (size_t i = 0; i < l->count && i < n; i++)
		assert_string_equal(l->files[i].path, want[i]);
	assert_int_equal(l->count, n);
}

static const samv_file *find(const listing *l, const char *path)
{
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->files[i].path, path) == 0)
			return &l->files[i];
	return NULL;
}

static void assert_content(const listing *l, const char *path, const char *want)
{
	const samv_file *f = find(l, path);
	if (!f)
		fail_msg("%s is not in the listing", path);
	assert_int_equal(f->len, strlen(want));
	assert_memory_equal(f->data, want, f->len);
	assert_int_equal(f->data[f->len], '\0');
}

typedef struct want_finding {
	const char *file, *message;
} want_finding;

static void assert_findings(const listing *l, const want_finding *want, size_t n)
{
	for (size_t i = 0; i < l->diags.count && i < n; i++) {
		const samv_finding *f = &l->diags.items[i];
		assert_string_equal(f->file, want[i].file);
		assert_string_equal(f->message, want[i].message);
		assert_string_equal(f->rule, "yaml");
		assert_int_equal(f->line, 1);
		assert_int_equal(f->col, 1);
	}
	assert_int_equal(l->diags.count, n);
}

static void assert_open_fails(const char *dir, samv_source_kind kind, const char *rev,
			      const char *want)
{
	char *root = path_of(dir, "."), *err = NULL;
	samv_source *src = NULL;

	assert_int_equal(samv_source_open(&src, root, kind, rev, index_file, &err), -1);
	assert_null(src);
	assert_non_null(err);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("error '%s' does not start with '%s'", err, want);
	free(err);
	free(root);
}

/* Read one file through a fresh source; returns what samv_source_read returned. */
static int read_one(const char *dir, samv_source_kind kind, const char *rev, const char *path,
		    samv_file *out, char **err)
{
	char *root = path_of(dir, "."), *open_err = NULL;
	samv_source *src = NULL;

	if (samv_source_open(&src, root, kind, rev, index_file, &open_err) != 0)
		fail_msg("open %s: %s", root, open_err);
	int r = samv_source_read(src, path, out, err);
	samv_source_free(src);
	free(root);
	return r;
}

static char *rev_parse(const char *dir, const char *rev)
{
	char *cmd = samv_strprintf("git -C '%s/%s' rev-parse %s", base, dir, rev);
	char line[64] = "";
	assert_non_null(cmd);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	assert_non_null(fgets(line, sizeof line, p));
	assert_int_equal(pclose(p), 0);
	free(cmd);
	line[strcspn(line, "\n")] = '\0';
	char *s = strdup(line);
	assert_non_null(s);
	return s;
}

static void describe(const char *dir, samv_source_kind kind, const char *rev, char **commit,
		     bool *modified)
{
	char *root = path_of(dir, "."), *err = NULL;
	samv_source *src = NULL;

	if (samv_source_open(&src, root, kind, rev, index_file, &err) != 0)
		fail_msg("open %s: %s", root, err);
	assert_int_equal(samv_source_describe(src, commit, modified), 0);
	samv_source_free(src);
	free(root);
}

/* Whether describe calls the ledger in base/dir, read as kind, changed since its commit,
 * where the commit itself is not what is checked. */
static bool is_modified(const char *dir, samv_source_kind kind, const char *rev)
{
	char *commit = NULL;
	bool modified = true;

	describe(dir, kind, rev, &commit, &modified);
	free(commit);
	return modified;
}

/* A repository in base/dir holding samv.yaml and r.yaml, committed once. */
static void make_repo(const char *dir)
{
	sh("git init -q -b main '%s/%s'", base, dir);
	put(dir, "samv.yaml", "kind: ledger\n");
	put(dir, "r.yaml", "v1\n");
	git(dir, "add -A && git commit -qm one");
}

/* ---- the work tree ---- */

/* A tree with every case of the work tree listing rules. */
static void make_worktree(const char *dir)
{
	char *p;
	int fd;

	put(dir, "samv.yaml", "kind: ledger\n");
	put(dir, "b.yaml", "kind: b\n");
	put(dir, "a.yml", "kind: a\n");
	put(dir, "sub/c.yaml", "kind: c\n");
	put(dir, "notes.txt", "not a record\n");
	put(dir, ".hidden.yaml", "skipped\n");
	put(dir, ".dot/x.yaml", "skipped\n");
	put(dir, "archive/old.yaml", "ignored\n");
	put(dir, "old/2019/y.yaml", "ignored\n");
	put(dir, "old/2020/z.yaml", "kind: z\n");
	put(dir, "dir.yaml/inner.yaml", "kind: inner\n");
	put(dir, "with space/\xc3\xb6.yaml", "kind: \xc3\xb6\n");
	link_to(dir, "link.yaml", "b.yaml");
	link_to(dir, "dangling.yaml", "nowhere.yaml");
	link_to(dir, "linkdir", "sub");
	link_to(dir, "plain-link", "samv.yaml"); /* a link to a file, not named .yaml: quiet */

	p = path_of(dir, "big.yaml"); /* sparse: 17 MiB that take no disk */
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)17 * 1024 * 1024), 0);
	close(fd);
	free(p);

	p = path_of(dir, "fifo.yaml");
	assert_int_equal(mkfifo(p, 0644), 0);
	free(p);
}

static void test_worktree_listing(void **state)
{
	(void)state;
	static const char *const ignore[] = {"archive", "old/2019/"};
	static const char *const want[] = {
		"a.yml",	   "b.yaml",	 "dir.yaml/inner.yaml", "old/2020/z.yaml",
		"samv.yaml",	   "sub/c.yaml", "with space/\xc3\xb6.yaml",
	};
	listing l;
	bool root = geteuid() == 0;

	make_worktree("wt");
	if (!root) {
		put("wt", "secret.yaml", "kind: secret\n");
		char *p = path_of("wt", "secret.yaml");
		assert_int_equal(chmod(p, 0), 0);
		free(p);
	}
	list_with(&l, "wt", SAMV_SOURCE_WORKTREE, NULL, ignore, 2);
	assert_paths(&l, want, sizeof want / sizeof *want);
	assert_content(&l, "samv.yaml", "kind: ledger\n");
	assert_content(&l, "with space/\xc3\xb6.yaml", "kind: \xc3\xb6\n");

	want_finding findings[] = {
		{"big.yaml",
		 "file is 17825792 bytes, larger than the 16 MiB a record file may have"},
		{"dangling.yaml", msg_link},
		{"dir.yaml", msg_dir},
		{"fifo.yaml", "not a regular file"},
		{"link.yaml", msg_link},
		{"linkdir", msg_link},
		{"secret.yaml", "cannot read file: Permission denied"},
	};
	/* As root chmod 000 does not stop reading, so the last case exists only for others. */
	assert_findings(&l, findings, root ? 6 : 7);
	assert_int_equal(l.unreadable, !root);
	listing_free(&l);

	/* Without the ignore list the ignored directories come back. */
	list_kind(&l, "wt", SAMV_SOURCE_WORKTREE, NULL);
	assert_non_null(find(&l, "archive/old.yaml"));
	assert_non_null(find(&l, "old/2019/y.yaml"));
	assert_null(find(&l, ".dot/x.yaml"));
	listing_free(&l);
}

static void test_worktree_read(void **state)
{
	(void)state;
	samv_file f;
	char *err = NULL;

	make_worktree("wtread");
	assert_int_equal(read_one("wtread", SAMV_SOURCE_WORKTREE, NULL, "samv.yaml", &f, &err), 0);
	assert_string_equal(f.path, "samv.yaml");
	assert_int_equal(f.len, 13);
	assert_string_equal(f.data, "kind: ledger\n");
	samv_file_clear(&f);
	samv_file_clear(&f); /* clearing twice is harmless */

	assert_int_equal(read_one("wtread", SAMV_SOURCE_WORKTREE, NULL, "none.yaml", &f, &err), 1);
	assert_int_equal(read_one("wtread", SAMV_SOURCE_WORKTREE, NULL, "none/x.yaml", &f, &err),
			 1);

	static const struct {
		const char *path, *err;
	} bad[] = {
		{"link.yaml", "link.yaml: symbolic link not followed"},
		{"big.yaml", "big.yaml: file is 17825792 bytes"},
		{"fifo.yaml", "fifo.yaml: not a regular file"}, /* and it does not block */
		{"dir.yaml", "dir.yaml: is a directory, not a record file"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int r = read_one("wtread", SAMV_SOURCE_WORKTREE, NULL, bad[i].path, &f, &err);
		assert_int_equal(r, -1);
		assert_null(f.path);
		assert_non_null(err);
		if (strncmp(err, bad[i].err, strlen(bad[i].err)) != 0)
			fail_msg("'%s' does not start with '%s'", err, bad[i].err);
		free(err);
	}
}

static void test_worktree_missing_root(void **state)
{
	(void)state;
	char *root = path_of("no-such-dir", "."), *err = NULL;
	samv_source *src = NULL;
	listing l;

	memset(&l, 0, sizeof l);
	assert_int_equal(samv_source_open(&src, root, SAMV_SOURCE_WORKTREE, NULL, NULL, &err), 0);
	assert_int_equal(samv_source_list(src, NULL, 0, &l.files, &l.count, &l.diags,
					  &l.unreadable, &err),
			 -1);
	assert_null(l.files);
	assert_non_null(strstr(err, "cannot read directory"));
	free(err);
	samv_source_free(src);
	samv_source_free(NULL);
	free(root);
}

static void test_find_root(void **state)
{
	(void)state;
	put("fr", "samv.yaml", "kind: ledger\n");
	put("fr", "parties/deep/x.txt", "");
	put("fr-none", "x.txt", "");

	char *start = path_of("fr", "parties/deep"), *want = path_of("fr", "."),
	     *want_real = realpath(want, NULL), *found = samv_source_find_root(start);
	assert_non_null(found);
	assert_string_equal(found, want_real);
	free(found);
	free(start);

	start = path_of("fr", ".");
	found = samv_source_find_root(start);
	assert_string_equal(found, want_real);
	free(found);
	free(start);

	start = path_of("fr-none", ".");
	assert_null(samv_source_find_root(start));
	free(start);

	start = path_of("fr", "no/such/dir");
	assert_null(samv_source_find_root(start));
	free(start);
	free(want);
	free(want_real);
}

/* ---- git ---- */

static void test_not_a_repository(void **state)
{
	(void)state;
	char *commit = NULL;
	bool modified = true;

	put("plain", "samv.yaml", "kind: ledger\n");
	assert_open_fails("plain", SAMV_SOURCE_INDEX, NULL,
			  "not a git repository (needed for --staged and --rev): ");
	assert_open_fails("plain", SAMV_SOURCE_COMMIT, "HEAD",
			  "not a git repository (needed for --staged and --rev): ");
	describe("plain", SAMV_SOURCE_WORKTREE, NULL, &commit, &modified);
	assert_null(commit);
	assert_false(modified);
}

static void test_index_and_commits(void **state)
{
	(void)state;
	static const char *const tracked[] = {"r.yaml", "samv.yaml"};
	static const char *const all[] = {"r.yaml", "samv.yaml", "u.yaml"};
	listing l;
	samv_file f;
	char *err = NULL;

	make_repo("hist");
	put("hist", "r.yaml", "v2\n");
	git("hist", "commit -qam two");
	put("hist", "r.yaml", "v3\n");
	git("hist", "add r.yaml");
	put("hist", "r.yaml", "v4\n");
	put("hist", "u.yaml", "untracked\n");

	list_kind(&l, "hist", SAMV_SOURCE_INDEX, NULL);
	assert_paths(&l, tracked, 2);
	assert_content(&l, "r.yaml", "v3\n");
	assert_int_equal(l.diags.count, 0);
	listing_free(&l);

	list_kind(&l, "hist", SAMV_SOURCE_WORKTREE, NULL);
	assert_paths(&l, all, 3);
	assert_content(&l, "r.yaml", "v4\n");
	listing_free(&l);

	list_kind(&l, "hist", SAMV_SOURCE_COMMIT, "HEAD");
	assert_paths(&l, tracked, 2);
	assert_content(&l, "r.yaml", "v2\n");
	listing_free(&l);

	list_kind(&l, "hist", SAMV_SOURCE_COMMIT, "HEAD~1");
	assert_content(&l, "r.yaml", "v1\n");
	listing_free(&l);

	assert_int_equal(read_one("hist", SAMV_SOURCE_INDEX, NULL, "u.yaml", &f, &err), 1);
	assert_int_equal(read_one("hist", SAMV_SOURCE_INDEX, NULL, "r.yaml", &f, &err), 0);
	assert_string_equal(f.data, "v3\n");
	samv_file_clear(&f);
	assert_int_equal(read_one("hist", SAMV_SOURCE_COMMIT, "HEAD~1", "r.yaml", &f, &err), 0);
	assert_string_equal(f.data, "v1\n");
	samv_file_clear(&f);
	assert_int_equal(read_one("hist", SAMV_SOURCE_COMMIT, "HEAD", "u.yaml", &f, &err), 1);

	assert_open_fails("hist", SAMV_SOURCE_COMMIT, "nope", "unknown revision 'nope'");
	assert_open_fails("hist", SAMV_SOURCE_COMMIT, "HEAD~9", "unknown revision 'HEAD~9'");
	assert_open_fails("hist", SAMV_SOURCE_COMMIT, "HEAD:r.yaml",
			  "revision 'HEAD:r.yaml' is not a commit");
}

static void test_describe(void **state)
{
	(void)state;
	char *commit = NULL, *head, *first;
	bool modified = true;

	make_repo("desc");
	put("desc", "r.yaml", "v2\n");
	git("desc", "commit -qam two");
	head = rev_parse("desc", "HEAD");
	first = rev_parse("desc", "HEAD~1");

	describe("desc", SAMV_SOURCE_WORKTREE, NULL, &commit, &modified);
	assert_int_equal(strlen(commit), 40);
	assert_string_equal(commit, head);
	assert_false(modified);
	free(commit);

	/* A file that is no record does not count as a change; a new record does, in the
	 * work tree only. */
	put("desc", "notes.txt", "x\n");
	assert_false(is_modified("desc", SAMV_SOURCE_WORKTREE, NULL));
	put("desc", "new.yaml", "kind: new\n");
	assert_true(is_modified("desc", SAMV_SOURCE_WORKTREE, NULL));
	describe("desc", SAMV_SOURCE_INDEX, NULL, &commit, &modified);
	assert_string_equal(commit, head);
	assert_false(modified);
	free(commit);

	git("desc", "add new.yaml");
	assert_true(is_modified("desc", SAMV_SOURCE_INDEX, NULL));

	describe("desc", SAMV_SOURCE_COMMIT, "HEAD~1", &commit, &modified);
	assert_string_equal(commit, first);
	assert_false(modified);
	free(commit);
	free(head);
	free(first);
}

static void test_subdirectory_ledger(void **state)
{
	(void)state;
	static const char *const want[] = {"parties/\xc3\xa5.yaml", "samv.yaml"};
	listing l;

	sh("git init -q -b main '%s/sub'", base);
	put("sub", "top.yaml", "outside the ledger\n");
	git("sub", "add -A && git commit -qm one");
	put("sub", "my ledger/samv.yaml", "kind: ledger\n");
	put("sub", "my ledger/parties/\xc3\xa5.yaml", "kind: party\n");
	git("sub", "add -A && git commit -qm two");

	list_kind(&l, "sub/my ledger", SAMV_SOURCE_INDEX, NULL);
	assert_paths(&l, want, 2);
	assert_content(&l, "parties/\xc3\xa5.yaml", "kind: party\n");
	listing_free(&l);

	list_kind(&l, "sub/my ledger", SAMV_SOURCE_COMMIT, "HEAD");
	assert_paths(&l, want, 2);
	listing_free(&l);

	/* also reached through a path that is not the canonical one */
	list_kind(&l, "sub/my ledger/parties/..", SAMV_SOURCE_INDEX, NULL);
	assert_paths(&l, want, 2);
	listing_free(&l);

	assert_open_fails("sub/my ledger", SAMV_SOURCE_COMMIT, "HEAD~1",
			  "the ledger directory 'my ledger' does not exist in HEAD~1");

	/* a directory name that is also a glob pattern is matched as a name */
	put("sub", "l[1]/samv.yaml", "kind: ledger\n");
	git("sub", "add -A && git commit -qm three");
	put("sub", "l[1]/samv.yaml", "kind: ledger\nname: x\n");
	assert_true(is_modified("sub/l[1]", SAMV_SOURCE_WORKTREE, NULL));

	put("sub", "top.yaml", "changed outside\n");
	assert_false(is_modified("sub/my ledger", SAMV_SOURCE_WORKTREE, NULL));
	put("sub", "my ledger/samv.yaml", "kind: ledger\nname: x\n");
	assert_true(is_modified("sub/my ledger", SAMV_SOURCE_WORKTREE, NULL));
}

/* The same tree read three ways gives the same files and findings. */
static void test_git_naming_rules(void **state)
{
	(void)state;
	static const char *const ignore[] = {"archive/"};
	static const char *const want[] = {
		"a.yaml",     "dir.yaml/c.yaml",	  "dir.yaml/d.yaml",
		"samv.yaml", "sub/b.yaml", "with space/\xc3\xb6.yaml",
	};
	const want_finding findings[] = {
		{"dir.yaml", msg_dir},
		{"link.yaml", msg_link},
		{"linkdir", msg_link},
		{"sub/back", msg_link},
	};
	static const samv_source_kind kinds[] = {SAMV_SOURCE_WORKTREE, SAMV_SOURCE_INDEX,
						 SAMV_SOURCE_COMMIT};
	listing l;

	sh("git init -q -b main '%s/names'", base);
	put("names", "samv.yaml", "kind: ledger\n");
	put("names", "a.yaml", "kind: a\n");
	put("names", "sub/b.yaml", "kind: b\n");
	put("names", "dir.yaml/c.yaml", "kind: c\n");
	put("names", "dir.yaml/d.yaml", "kind: d\n"); /* the directory is reported once */
	put("names", ".github/w.yaml", "skipped\n");
	put("names", "sub/.hidden/h.yaml", "skipped\n");
	put("names", "archive/old.yaml", "ignored\n");
	put("names", "with space/\xc3\xb6.yaml", "kind: \xc3\xb6\n");
	put("names", "readme.txt", "not a record\n");
	link_to("names", "link.yaml", "a.yaml");
	link_to("names", "linkdir", "sub");
	link_to("names", "sub/back", "../sub");
	link_to("names", "readme-link", "readme.txt");
	git("names", "add -A && git commit -qm one");

	for (size_t k = 0; k < 3; k++) {
		list_with(&l, "names", kinds[k], "HEAD", ignore, 1);
		assert_paths(&l, want, sizeof want / sizeof *want);
		assert_content(&l, "with space/\xc3\xb6.yaml", "kind: \xc3\xb6\n");
		assert_findings(&l, findings, sizeof findings / sizeof *findings);
		assert_false(l.unreadable);
		listing_free(&l);
	}
}

static void test_git_size_bound(void **state)
{
	(void)state;
	listing l;
	samv_file f;
	char *err = NULL;
	const want_finding findings[] = {
		{"big.yaml",
		 "file is 16777217 bytes, larger than the 16 MiB a record file may have"},
	};

	make_repo("bigrepo");
	sh("head -c 16777217 /dev/zero > '%s/bigrepo/big.yaml'", base);
	git("bigrepo", "add big.yaml && git commit -qm big");
	list_kind(&l, "bigrepo", SAMV_SOURCE_INDEX, NULL);
	assert_findings(&l, findings, 1);
	assert_null(find(&l, "big.yaml"));
	listing_free(&l);
	list_kind(&l, "bigrepo", SAMV_SOURCE_COMMIT, "HEAD");
	assert_findings(&l, findings, 1);
	listing_free(&l);
	assert_int_equal(read_one("bigrepo", SAMV_SOURCE_COMMIT, "HEAD", "big.yaml", &f, &err),
			 -1);
	assert_string_equal(err, "big.yaml: file is 16777217 bytes, larger than the 16 MiB a "
				 "record file may have");
	free(err);
}

static void test_merge_conflict(void **state)
{
	(void)state;
	static const char *const want[] = {"samv.yaml"};
	const want_finding findings[] = {{"r.yaml", "unresolved merge conflict"}};
	listing l;
	samv_file f;
	char *err = NULL;

	make_repo("merge");
	git("merge", "checkout -q -b other && echo theirs > r.yaml && git commit -qam theirs");
	git("merge", "checkout -q main && echo ours > r.yaml && git commit -qam ours");
	git("merge", "merge -q other >/dev/null 2>&1; test -n \"$(git ls-files -u)\"");

	list_kind(&l, "merge", SAMV_SOURCE_INDEX, NULL);
	assert_paths(&l, want, 1);
	assert_findings(&l, findings, 1);
	assert_false(l.unreadable);
	listing_free(&l);

	assert_int_equal(read_one("merge", SAMV_SOURCE_INDEX, NULL, "r.yaml", &f, &err), -1);
	assert_string_equal(err, "r.yaml: unresolved merge conflict");
	free(err);
}

static void test_unborn(void **state)
{
	(void)state;
	static const char *const want[] = {"samv.yaml"};
	listing l;
	char *commit = NULL;
	bool modified = true;

	sh("git init -q -b main '%s/unborn'", base);
	put("unborn", "samv.yaml", "kind: ledger\n");
	git("unborn", "add samv.yaml");

	list_kind(&l, "unborn", SAMV_SOURCE_INDEX, NULL);
	assert_paths(&l, want, 1);
	listing_free(&l);
	assert_open_fails("unborn", SAMV_SOURCE_COMMIT, "HEAD",
			  "unknown revision 'HEAD': the repository has no commits yet");
	describe("unborn", SAMV_SOURCE_INDEX, NULL, &commit, &modified);
	assert_null(commit);
	assert_false(modified);
	describe("unborn", SAMV_SOURCE_WORKTREE, NULL, &commit, &modified);
	assert_null(commit);
}

static void test_linked_worktree(void **state)
{
	(void)state;
	listing l;
	char *commit = NULL, *head;
	bool modified = true;

	make_repo("wtmain");
	git("wtmain", "worktree add -q ../wtlinked");
	put("wtlinked", "r.yaml", "linked\n");
	git("wtlinked", "add r.yaml");

	list_kind(&l, "wtlinked", SAMV_SOURCE_INDEX, NULL);
	assert_content(&l, "r.yaml", "linked\n");
	listing_free(&l);
	list_kind(&l, "wtmain", SAMV_SOURCE_INDEX, NULL);
	assert_content(&l, "r.yaml", "v1\n");
	listing_free(&l);

	head = rev_parse("wtmain", "HEAD");
	describe("wtlinked", SAMV_SOURCE_INDEX, NULL, &commit, &modified);
	assert_string_equal(commit, head);
	assert_true(modified);
	free(commit);
	free(head);
}

/* git points GIT_INDEX_FILE at a temporary index for "git commit -a" hooks; the command
 * passes it on as the index to read. */
static void test_git_index_file(void **state)
{
	(void)state;
	listing l;
	char *alt = samv_strprintf("%s/envidx/.git/alt-index", base);

	assert_non_null(alt);
	make_repo("envidx");
	put("envidx", "r.yaml", "alt\n");
	sh("cd '%s/envidx' && GIT_INDEX_FILE='%s' git read-tree HEAD && "
	   "GIT_INDEX_FILE='%s' git add r.yaml",
	   base, alt, alt);

	index_file = alt;
	list_kind(&l, "envidx", SAMV_SOURCE_INDEX, NULL);
	assert_content(&l, "r.yaml", "alt\n");
	listing_free(&l);
	/* that index, not .git/index, is compared with HEAD */
	assert_true(is_modified("envidx", SAMV_SOURCE_INDEX, NULL));

	/* relative: from the top of the work tree, as git runs hooks */
	index_file = ".git/alt-index";
	list_kind(&l, "envidx", SAMV_SOURCE_INDEX, NULL);
	assert_content(&l, "r.yaml", "alt\n");
	listing_free(&l);

	/* another repository's index is not this one's */
	index_file = NULL;
	make_repo("envother");
	sh("cd '%s/envother' && echo other > r.yaml && git add r.yaml", base);
	char *other = samv_strprintf("%s/envother/.git/index", base);
	assert_non_null(other);
	index_file = other;
	list_kind(&l, "envidx", SAMV_SOURCE_INDEX, NULL);
	assert_content(&l, "r.yaml", "v1\n");
	listing_free(&l);

	index_file = ".git/no-such-index";
	assert_open_fails("envidx", SAMV_SOURCE_INDEX, NULL, "cannot read the git index");

	index_file = NULL;
	list_kind(&l, "envidx", SAMV_SOURCE_INDEX, NULL);
	assert_content(&l, "r.yaml", "v1\n");
	listing_free(&l);
	assert_false(is_modified("envidx", SAMV_SOURCE_INDEX, NULL));
	free(other);
	free(alt);
}

/* ---- setup ---- */

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(base))
		return -1;
	/* Tests may run from a git hook: git's variables would point the git commands here
	 * at the outer repository. A private HOME keeps user configuration out. */
	static const char *const drop[] = {"GIT_DIR",	     "GIT_WORK_TREE", "GIT_INDEX_FILE",
					   "GIT_OBJECT_DIRECTORY", "GIT_PREFIX",
					   "GIT_ALTERNATE_OBJECT_DIRECTORIES", "XDG_CONFIG_HOME"};
	for (size_t i = 0; i < sizeof drop / sizeof *drop; i++)
		unsetenv(drop[i]);
	if (setenv("HOME", base, 1) || setenv("GIT_CONFIG_NOSYSTEM", "1", 1))
		return -1;
	if (setenv("GIT_AUTHOR_NAME", "Test", 1) || setenv("GIT_COMMITTER_NAME", "Test", 1))
		return -1;
	if (setenv("GIT_AUTHOR_EMAIL", "test@example.org", 1) ||
	    setenv("GIT_COMMITTER_EMAIL", "test@example.org", 1))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = samv_strprintf("rm -rf '%s'", base);
	int r = cmd ? system(cmd) : -1;
	free(cmd);
	return r == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worktree_listing),
		cmocka_unit_test(test_worktree_read),
		cmocka_unit_test(test_worktree_missing_root),
		cmocka_unit_test(test_find_root),
		cmocka_unit_test(test_not_a_repository),
		cmocka_unit_test(test_index_and_commits),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_subdirectory_ledger),
		cmocka_unit_test(test_git_naming_rules),
		cmocka_unit_test(test_git_size_bound),
		cmocka_unit_test(test_merge_conflict),
		cmocka_unit_test(test_unborn),
		cmocka_unit_test(test_linked_worktree),
		cmocka_unit_test(test_git_index_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
