/*
 * replay.c — run a fuzz harness once over saved inputs, without libFuzzer.
 *
 * Linked with one harness (tests/fuzz/fuzz_*.c) by `make fuzz-regressions`, using the
 * ordinary compiler and the library of the current build (so SANITIZE=1 replays under
 * AddressSanitizer and UBSan, and a machine without clang still runs the regressions).
 * Arguments are files or directories of files; each file is one input. A harness that
 * finds a problem aborts, which fails the run; so does an input that runs longer than
 * FUZZ_REPLAY_TIMEOUT seconds (default 60: generous, for sanitizer builds on a busy
 * machine; libFuzzer itself stops at 10).
 * Usage: fuzz_TARGET [-v] PATH...
 */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional, as in libFuzzer: a harness that needs set-up defines it. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static int verbose;
static const char *current; /* the input being run, for the timeout message */
static unsigned timeout_seconds = 60;

static void on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "replay: timeout: an input ran too long: ";
	ssize_t w = write(2, msg, sizeof msg - 1);
	w = write(2, current, strlen(current));
	w = write(2, "\n", 1);
	(void)w;
	abort();
}

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	uint8_t *data = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			uint8_t *d = realloc(data, cap);
			if (!d) {
				fprintf(stderr, "%s: out of memory\n", path);
				free(data);
				fclose(f);
				return -1;
			}
			data = d;
		}
		size_t n = fread(data + len, 1, cap - len, f);
		if (n == 0)
			break;
		len += n;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		perror(path);
		free(data);
		return -1;
	}
	if (verbose)
		fprintf(stderr, "replay %s (%zu bytes)\n", path, len);
	/* An exact-size copy, so that reading past the input is caught as under libFuzzer. */
	uint8_t *exact = malloc(len ? len : 1);
	if (exact) {
		if (len)
			memcpy(exact, data, len);
		current = path;
		alarm(timeout_seconds);
		LLVMFuzzerTestOneInput(exact, len);
		alarm(0);
	}
	free(exact);
	free(data);
	return exact ? 0 : -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns the number of inputs run, or -1. */
static long run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st)) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path) ? -1 : 1;
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	long count = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof *nn);
			if (!nn) {
				count = -1;
				break;
			}
			names = nn;
		}
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		if (!(names[n] = malloc(len))) {
			count = -1;
			break;
		}
		snprintf(names[n++], len, "%s/%s", path, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n && count >= 0; i++) {
		long r = run_path(names[i]);
		count = r < 0 ? -1 : count + r;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return count;
}

int main(int argc, char **argv)
{
	long total = 0;
	const char *t = getenv("FUZZ_REPLAY_TIMEOUT");
	if (t && atoi(t) > 0)
		timeout_seconds = (unsigned)atoi(t);
	signal(SIGALRM, on_alarm);
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0) {
			verbose = 1;
			continue;
		}
		long r = run_path(argv[i]);
		if (r < 0)
			return 1;
		total += r;
	}
	printf("%s: %ld input%s replayed\n", argv[0], total, total == 1 ? "" : "s");
	return 0;
}
