/*
 * jsonschema-suite.c — run files of the official JSON Schema Test Suite against schema.c.
 *
 * Usage: jsonschema-suite [--annotate-formats] FILE.json...
 * Each file holds groups {description, schema, tests: [{description, data, valid}]}. A
 * group whose schema needs a feature the validator does not support (compilation says
 * "unsupported: ...") is counted as skipped, with its reason, never as passed. Prints every
 * failure, then "jsonschema-suite: N passed, M failed, K skipped"; exits 1 if anything failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/json.h"
#include "schema/schema.h"

typedef struct counts {
	unsigned passed, failed, skipped;
} counts;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			char *b = realloc(buf, cap + 1);
			if (!b) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = b;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* The schema of group g, compiled from a fresh copy of the file so the schema owns it. */
static int compile_group(const char *text, size_t len, size_t g, bool assert_formats,
			 samv_schema **out, char **err)
{
	samv_doc *doc = samv_doc_new("suite");
	if (!doc || samv_json_parse(doc, text, len, err)) {
		samv_doc_free(doc);
		return -1;
	}
	doc->root = samv_node_get(samv_node_item(doc->root, g), "schema");
	int rc = samv_schema_compile(out, doc, err);
	if (rc == 0)
		samv_schema_assert_formats(*out, assert_formats);
	return rc;
}

static int run_file(const char *path, bool assert_formats, counts *total)
{
	size_t len;
	char *text = slurp(path, &len);
	char *err = NULL;
	samv_doc *doc = samv_doc_new(path);
	if (!text || !doc || samv_json_parse(doc, text, len, &err) || doc->root->kind != SAMV_NODE_SEQ) {
		printf("%s: cannot read: %s\n", path, err ? err : "not a test file");
		free(err);
		free(text);
		samv_doc_free(doc);
		return -1;
	}
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	for (size_t g = 0; g < samv_node_count(doc->root); g++) {
		const samv_node *group = samv_node_item(doc->root, g);
		const char *gdesc = samv_node_str(samv_node_get(group, "description"));
		const samv_node *tests = samv_node_get(group, "tests");
		samv_schema *schema = NULL;
		if (compile_group(text, len, g, assert_formats, &schema, &err)) {
			printf("skip %s: %s: %s\n", name, gdesc, err);
			total->skipped += (unsigned)(tests ? samv_node_count(tests) : 0);
			free(err);
			err = NULL;
			continue;
		}
		for (size_t t = 0; tests && t < samv_node_count(tests); t++) {
			const samv_node *test = samv_node_item(tests, t);
			const samv_node *valid = samv_node_get(test, "valid");
			int got = samv_schema_validate(schema, samv_node_get(test, "data"), NULL, NULL);
			if (valid && got == (samv_node_bool(valid) ? 1 : 0)) {
				total->passed++;
			} else {
				total->failed++;
				printf("FAIL %s: %s: %s (expected %s)\n", name, gdesc,
				       samv_node_str(samv_node_get(test, "description")),
				       valid && samv_node_bool(valid) ? "valid" : "invalid");
			}
		}
		samv_schema_free(schema);
	}
	samv_doc_free(doc);
	free(text);
	return 0;
}

int main(int argc, char **argv)
{
	counts total = { 0, 0, 0 };
	bool assert_formats = true;
	int bad_files = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--annotate-formats") == 0)
			assert_formats = false;
		else if (strcmp(argv[i], "--assert-formats") == 0)
			assert_formats = true;
		else if (run_file(argv[i], assert_formats, &total))
			bad_files++;
	}
	printf("jsonschema-suite: %u passed, %u failed, %u skipped\n", total.passed, total.failed, total.skipped);
	return total.failed || bad_files ? 1 : 0;
}
