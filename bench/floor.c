/*
 * floor.c — the floor of the benchmark: the least any YAML checker built on libyaml must
 * do. It walks a ledger the way samv-check lists it (every *.yaml / *.yml file below the
 * root, skipping names that start with '.'), reads each file whole and runs libyaml's
 * parser over all its events, and nothing else: no tree, no schema, no rules.
 *
 *     floor DIR       prints "files N bytes N events N"; exit 1 on a parse error
 */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static unsigned long long nfiles, nbytes, nevents;
static char *buf;
static size_t cap;

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n > k && strcmp(s + n - k, suffix) == 0;
}

static int parse_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		perror(path);
		return -1;
	}
	size_t size = (size_t)st.st_size;
	if (size + 1 > cap) {
		cap = size + 1 > 2 * cap ? size + 1 : 2 * cap;
		buf = realloc(buf, cap);
		if (!buf) {
			perror("realloc");
			exit(2);
		}
	}
	size_t got = 0;
	while (got < size) {
		ssize_t r = read(fd, buf + got, size - got);
		if (r <= 0) {
			perror(path);
			close(fd);
			return -1;
		}
		got += (size_t)r;
	}
	close(fd);
	nfiles++;
	nbytes += size;

	yaml_parser_t parser;
	yaml_event_t event;
	int done = 0, rc = 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, size);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s: %s\n", path, parser.problem ? parser.problem : "parse error");
			rc = -1;
			break;
		}
		nevents++;
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	return rc;
}

/* Sorted, as samv-check reads them, so both touch the files in one order. */
static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, ncap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == ncap) {
			ncap = ncap ? 2 * ncap : 64;
			names = realloc(names, ncap * sizeof *names);
			if (!names) {
				perror("realloc");
				exit(2);
			}
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, name_cmp);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(len);
		struct stat st;
		snprintf(path, len, "%s/%s", dir, names[i]);
		if (lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				rc |= walk(path);
			else if (S_ISREG(st.st_mode) && (has_suffix(names[i], ".yaml") || has_suffix(names[i], ".yml")))
				rc |= parse_file(path);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: floor DIR\n");
		return 2;
	}
	int rc = walk(argv[1]);
	printf("files %llu bytes %llu events %llu\n", nfiles, nbytes, nevents);
	free(buf);
	return rc ? 1 : 0;
}
