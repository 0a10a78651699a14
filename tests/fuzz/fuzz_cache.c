/*
 * fuzz_cache.c — libFuzzer target: the cache reader (cmd/lib/input/cache.c) on any bytes.
 *
 * The input is a cache file. A checksum would turn away nearly every mutation before the
 * reader looked at it, so the target first makes the input pass the checks that guard
 * against accidents: the magic and this build's fingerprint go into the head, and the
 * checksum is made right for the sections the head names. Then every row of the index
 * that lies within the input is looked up by its own id and path, as a run would, and
 * each tree a hit gives must be finite (no more nodes than the input has bytes) with
 * every text as long as its length says. Seeds: cache files that samv-check --staged wrote
 * (tests/fuzz/seed.sh).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/cache.h"
#include "util/diag.h"
#include "input/yaml.h"
#include "input/node.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

/* The head's words, as cache.c writes them. */
enum { MAGIC = 0, FINGERPRINT = 8, CHECKSUM = 16, COUNT = 24, INDEX_OFF = 32, TEXTS_OFF = 40,
       TEXTS_LEN = 48, ENTRIES_OFF = 56, ENTRIES_LEN = 64, HEAD = 72, ROW = 32 };

static char dir[64];
static unsigned char fingerprint[8]; /* this build's, for fingerprint 1, learnt once */

static uint64_t word(const unsigned char *p, size_t at)
{
	uint64_t v;
	memcpy(&v, p + at, sizeof v);
	return v;
}

static bool in(uint64_t off, uint64_t len, size_t size)
{
	return off <= size && len <= size - off;
}

/* A folder for the file, and the fingerprint, from a cache this build writes. */
static void start(void)
{
	snprintf(dir, sizeof dir, "/tmp/samv-fuzz-cache-XXXXXX");
	CHECK(mkdtemp(dir));
	static const char yaml[] = "kind: rates\nid: r\n";
	samv_doc *doc = samv_doc_new("r.yaml");
	samv_diags d = { 0 };
	CHECK(doc && samv_yaml_load(doc, yaml, sizeof yaml - 1, &d) == 0);
	static const unsigned char id[SAMV_CACHE_ID_LEN] = { 1 };
	samv_cache_entry e = { .id = id, .path = doc->path, .kind = 1, .root = doc->root };
	samv_cache *c = samv_cache_open(dir, 1);
	CHECK(c && samv_cache_save(c, &e, 1) == 0);
	samv_cache_free(c);
	char path[96];
	snprintf(path, sizeof path, "%s/base", dir);
	FILE *f = fopen(path, "rb");
	CHECK(f && fseek(f, FINGERPRINT, SEEK_SET) == 0 && fread(fingerprint, 1, 8, f) == 8);
	fclose(f);
	samv_diags_free(&d);
	samv_doc_free(doc);
}

static size_t count_nodes(const samv_node *n, size_t budget)
{
	CHECK(budget > 0);
	size_t used = 1;
	if (n->kind >= SAMV_NODE_SEQ) {
		size_t nodes = (size_t)samv_node_count(n) * (n->kind == SAMV_NODE_MAP ? 2 : 1);
		for (size_t i = 0; i < nodes; i++)
			used += count_nodes(&n->c.items[i], budget - used);
	} else {
		CHECK(n->text && n->text[samv_node_len(n)] == '\0');
	}
	return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0])
		start();
	if (size < HEAD || size > (1u << 20))
		return 0;
	unsigned char *buf = malloc(size);
	CHECK(buf);
	memcpy(buf, data, size);
	memcpy(buf + MAGIC, "SAMVC01\n", 8);
	memcpy(buf + FINGERPRINT, fingerprint, 8);
	uint64_t index_off = word(buf, INDEX_OFF), texts_off = word(buf, TEXTS_OFF);
	uint64_t texts_len = word(buf, TEXTS_LEN), entries_off = word(buf, ENTRIES_OFF);
	uint64_t entries_len = word(buf, ENTRIES_LEN);
	if (index_off <= texts_off && in(index_off, texts_off - index_off, size) &&
	    in(texts_off, texts_len, size) && in(entries_off, entries_len, size)) {
		uint64_t sum = samv_cache_fingerprint(
			samv_cache_fingerprint(samv_cache_fingerprint(0, buf + index_off, texts_off - index_off),
					       buf + texts_off, texts_len),
			buf + entries_off, entries_len);
		memcpy(buf + CHECKSUM, &sum, sizeof sum);
	}
	char path[96];
	snprintf(path, sizeof path, "%s/base", dir);
	FILE *f = fopen(path, "wb");
	CHECK(f && fwrite(buf, 1, size, f) == size);
	fclose(f);

	samv_cache *c = samv_cache_open(dir, 1);
	CHECK(c);
	uint64_t count = word(buf, COUNT);
	for (uint64_t r = 0; r < count && r < 64 && in(index_off + r * ROW, ROW, size); r++) {
		const unsigned char *row = buf + index_off + r * ROW;
		uint32_t ref;
		memcpy(&ref, row + SAMV_CACHE_ID_LEN, sizeof ref);
		/* the row's own path, when the texts hold a NUL-terminated one there */
		const char *p = "";
		if (in(texts_off, texts_len, size) && ref < texts_len &&
		    memchr(buf + texts_off + ref, '\0', texts_len - ref))
			p = (const char *)buf + texts_off + ref;
		samv_diags d = { 0 };
		samv_node *root;
		int kind;
		bool valid;
		samv_cache_from from;
		int hit = samv_cache_get(c, row, p, &d, &root, &kind, &valid, &from);
		CHECK(hit == 0 || hit == 1);
		if (hit == 1) {
			CHECK(from == SAMV_CACHE_BASE);
			if (root)
				count_nodes(root, size);
			for (size_t i = 0; i < d.count; i++)
				CHECK(d.items[i].rule && d.items[i].message && strcmp(d.items[i].file, p) == 0);
		}
		samv_diags_free(&d);
	}
	samv_cache_free(c);
	free(buf);
	return 0;
}
