/*
 * fuzz_ledger.h — shared by fuzz_rules.c and fuzz_report.c: one fuzz input as a whole
 * ledger in a temporary directory, opened through the same session as samv-check.
 *
 * The input is a little archive: parts separated by a line "%%" ("\n%%\n"). The first part
 * is samv.yaml; each later part is a record file, named by its first line when that reads
 * "#path parties/nacka.yaml" (a YAML comment, so it stays in the file harmlessly) and
 * "fN.yaml" otherwise. tests/fuzz/seed.sh turns every fixture ledger into such an archive.
 * Paths are limited to a few plain components ending in .yaml or .yml, so nothing is
 * written outside the directory. Every input gets a fresh tree: the previous one is removed
 * first. The directory is under /dev/shm where that exists (no disk traffic per run).
 * This harness is the one place outside source.c that calls libgit2, and only to keep it
 * initialised (below).
 */
#ifndef SAMV_FUZZ_LEDGER_H
#define SAMV_FUZZ_LEDGER_H

#include <errno.h>
#include <ftw.h>
#include <git2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "session/session.h"

#define FUZZ_MAX_PARTS 64
#define FUZZ_AS_OF "2025-06-15"

#include "fuzz_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* libgit2 stays initialised for the whole process: every session opens and closes it, and
 * the last close shuts it down, which makes the next open load OpenSSL's certificates
 * again (a third of the time of a run). */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	git_libgit2_init();
	return 0;
}

static char fuzz_root[64];
static char fuzz_ledger[96];

static int fuzz_remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag;
	if (ftw->level > 0)
		remove(path);
	return 0;
}

static void fuzz_remove_root(void)
{
	if (fuzz_root[0]) {
		nftw(fuzz_root, fuzz_remove_one, 16, FTW_DEPTH | FTW_PHYS);
		rmdir(fuzz_root);
	}
}

/* The ledger directory, created once per process. */
static const char *fuzz_ledger_dir(void)
{
	if (fuzz_root[0])
		return fuzz_ledger;
	struct stat st;
	const char *base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
	snprintf(fuzz_root, sizeof fuzz_root, "%s/samv-fuzz-XXXXXX", base);
	if (!mkdtemp(fuzz_root)) {
		perror("mkdtemp");
		abort();
	}
	/* The ledger is one level down, so that no samv.yaml above it is ever found. */
	snprintf(fuzz_ledger, sizeof fuzz_ledger, "%s/ledger", fuzz_root);
	atexit(fuzz_remove_root);
	return fuzz_ledger;
}

/* Whether the first line of a part names a safe path: "#path a/b.yaml". */
static int fuzz_part_path(const char *p, size_t n, char *out, size_t cap)
{
	static const char tag[] = "#path ";
	if (n < sizeof tag || memcmp(p, tag, sizeof tag - 1) != 0)
		return 0;
	const char *s = p + sizeof tag - 1, *end = memchr(s, '\n', n - (sizeof tag - 1));
	size_t len = end ? (size_t)(end - s) : n - (sizeof tag - 1);
	if (len == 0 || len >= cap || len > 100)
		return 0;
	int components = 1;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		bool start = i == 0 || s[i - 1] == '/';
		if (c == '/')
			components++;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '/' || (c == '.' && !start)))
			return 0;
		if (c == '/' && (start || i + 1 == len))
			return 0;
	}
	if (components > 4)
		return 0;
	bool yaml = (len > 5 && memcmp(s + len - 5, ".yaml", 5) == 0) ||
		    (len > 4 && memcmp(s + len - 4, ".yml", 4) == 0);
	if (!yaml || (len == 9 && memcmp(s, "samv.yaml", 9) == 0))
		return 0;
	memcpy(out, s, len);
	out[len] = '\0';
	return 1;
}

static int fuzz_write_file(const char *dir, const char *rel, const char *data, size_t len)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0755);
		*p = '/';
		if (rc && errno != EEXIST)
			return -1;
	}
	FILE *f = fopen(path, "wx"); /* never replace: a path given twice keeps the first */
	if (!f)
		return -1;
	size_t done = len ? fwrite(data, 1, len, f) : 0;
	int rc = fclose(f);
	return done == len && rc == 0 ? 0 : -1;
}

/* Turn the input into the ledger tree. Returns the ledger directory. */
static const char *fuzz_ledger_write(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_ledger_dir();
	nftw(fuzz_root, fuzz_remove_one, 16, FTW_DEPTH | FTW_PHYS);
	if (mkdir(dir, 0755)) {
		perror("mkdir");
		abort();
	}
	const char *p = (const char *)data, *end = p + size;
	for (int part = 0; part < FUZZ_MAX_PARTS && p <= end; part++) {
		const char *sep = NULL;
		for (const char *q = p; q + 4 <= end; q++)
			if (memcmp(q, "\n%%\n", 4) == 0) {
				sep = q;
				break;
			}
		const char *stop = sep ? sep + 1 : end; /* the part keeps its last newline */
		size_t n = (size_t)(stop - p);
		char rel[128];
		if (part == 0) {
			CHECK(fuzz_write_file(dir, "samv.yaml", p, n) == 0);
		} else if (!fuzz_part_path(p, n, rel, sizeof rel) || fuzz_write_file(dir, rel, p, n)) {
			snprintf(rel, sizeof rel, "f%d.yaml", part);
			fuzz_write_file(dir, rel, p, n);
		}
		if (!sep)
			break;
		p = sep + 4;
	}
	return dir;
}

/* Open the session on the input's ledger. Returns 0, or -1 (s is then to be closed too). */
static int fuzz_session_open(samv_session *s, const uint8_t *data, size_t size)
{
	samv_session_options o = { 0 };
	o.dir = fuzz_ledger_write(data, size);
	o.source = SAMV_SOURCE_WORKTREE;
	o.as_of = FUZZ_AS_OF;
	char *err = NULL;
	int rc = samv_session_open(s, &o, &err);
	CHECK(rc == 0 ? err == NULL : err != NULL);
	free(err);
	return rc;
}

#endif
