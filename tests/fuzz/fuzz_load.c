/*
 * fuzz_load.c — libFuzzer target: any bytes through both readers of the node tree.
 *
 * The bytes go to samv_yaml_load (the record loader) and to samv_json_parse (the schema
 * reader). Besides the sanitizers, the target checks what yaml.h, json.h and node.h
 * promise: a refused file says why (a finding, or a message), nothing is both refused and
 * given a root, every node has a 1-based position, every key is a string, every scalar's
 * text is NUL-terminated at its length, and the tree is no deeper than the bound.
 * Built by mk/fuzz.mk with clang's libFuzzer, or with tests/fuzz/replay.c for make
 * fuzz-regressions.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "input/json.h"
#include "input/yaml.h"
#include "input/node.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

/* Returns the depth of the tree below n (1 for a scalar). */
static size_t check_tree(const samv_node *n, bool json)
{
	CHECK(n->line >= 1 && n->col >= 1);
	switch (n->kind) {
	case SAMV_NODE_SEQ: {
		CHECK(n->c.items != NULL);
		size_t deepest = 0;
		for (size_t i = 0; i < samv_node_count(n); i++) {
			size_t d = check_tree(samv_node_item(n, i), json);
			deepest = d > deepest ? d : deepest;
		}
		return deepest + 1;
	}
	case SAMV_NODE_MAP: {
		CHECK(n->c.pairs != NULL);
		size_t deepest = 0;
		for (size_t i = 0; i < samv_node_count(n); i++) {
			CHECK(n->c.pairs[i].key.kind == SAMV_NODE_STRING);
			check_tree(&n->c.pairs[i].key, json);
			size_t d = check_tree(&n->c.pairs[i].value, json);
			deepest = d > deepest ? d : deepest;
		}
		return deepest + 1;
	}
	default:
		/* Every scalar has its text as written, its length before it. */
		CHECK(n->text != NULL);
		CHECK(n->text[samv_node_len(n)] == '\0' && strlen(n->text) == samv_node_len(n));
		if (n->kind == SAMV_NODE_INT)
			CHECK(samv_node_float(n) == (double)samv_node_int(n));
		return 1;
	}
}

static void fuzz_yaml(const char *text, size_t size)
{
	samv_doc *doc = samv_doc_new("fuzz.yaml");
	samv_diags diags = { 0 };
	if (!doc)
		return;
	int rc = samv_yaml_load(doc, text, size, &diags);
	CHECK(rc == 0 || rc == -1 || rc == -2);
	if (rc == 0) {
		CHECK(diags.count == 0);
		if (doc->root)
			CHECK(check_tree(doc->root, false) <= SAMV_YAML_MAX_DEPTH);
	} else {
		CHECK(doc->root == NULL);
		CHECK(rc == -2 || diags.count > 0 || diags.oom);
	}
	for (size_t i = 0; i < diags.count; i++) {
		const samv_finding *f = &diags.items[i];
		CHECK(f->line >= 1 && f->col >= 1);
		CHECK(strcmp(f->rule, "yaml") == 0);
		CHECK(strcmp(f->file, "fuzz.yaml") == 0);
		CHECK(f->message[0] != '\0');
	}
	samv_diags_free(&diags);
	samv_doc_free(doc);
}

static void fuzz_json(const char *text, size_t size)
{
	samv_doc *doc = samv_doc_new("fuzz.json");
	char *err = NULL;
	if (!doc)
		return;
	int rc = samv_json_parse(doc, text, size, &err);
	CHECK(rc == 0 || rc == -1);
	if (rc == 0) {
		CHECK(err == NULL);
		CHECK(doc->root != NULL);
		CHECK(check_tree(doc->root, true) <= SAMV_JSON_MAX_DEPTH + 1);
	} else {
		CHECK(err != NULL && err[0] != '\0');
	}
	free(err);
	samv_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy without slack, so that reading one byte past the input is caught. */
	char *text = malloc(size ? size : 1);
	if (!text)
		return 0;
	if (size)
		memcpy(text, data, size);
	fuzz_yaml(text, size);
	fuzz_json(text, size);
	free(text);
	return 0;
}
