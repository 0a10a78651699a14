/*
 * test_cache.c — the loaded-blob cache: a tree and its findings come back as they were
 * saved; base and delta; and a cache file that is damaged in any word, even with its
 * checksum made right again, is refused or read as a finite tree, never followed out of
 * bounds (run under AddressSanitizer in make check SANITIZE=1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/cache.h"
#include "input/yaml.h"

static const unsigned char id_a[SAMV_CACHE_ID_LEN] = { 0xAA, 1, 2, 3 };
static const unsigned char id_b[SAMV_CACHE_ID_LEN] = { 0xBB, 4, 5, 6 };

typedef struct fixture {
	char dir[64];
	samv_doc *doc;
	samv_diags diags; /* the findings saved with the entry */
} fixture;

static const char yaml[] = "kind: party\nid: x\nunits:\n  - {id: u1, n: 12, ok: true, f: 1.5}\n"
			   "  - []\nempty: {}\nnone:\n";

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/samv-test-cache-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->doc = samv_doc_new("parties/x.yaml");
	assert_int_equal(samv_yaml_load(f->doc, yaml, sizeof yaml - 1, &f->diags), 0);
	samv_diags_add(&f->diags, "schema", "parties/x.yaml", 3, 5, "a finding with a %s", "note");
	samv_diags_relate(&f->diags, "parties/x.yaml", 1, 1, "the note");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	samv_diags_free(&f->diags);
	samv_doc_free(f->doc);
	free(f);
	return 0;
}

static samv_cache_entry entry_of(const fixture *f, const unsigned char *id, samv_cache_from from)
{
	return (samv_cache_entry){ .id = id, .path = f->doc->path, .kind = 2, .valid = true,
				   .root = f->doc->root, .findings = f->diags.items,
				   .nfindings = f->diags.count, .from = from };
}

/* Save entries as a run would, in a cache opened for fingerprint 7. */
static int save(const fixture *f, const samv_cache_entry *entries, size_t n)
{
	samv_cache *c = samv_cache_open(f->dir, 7);
	assert_non_null(c);
	int rc = samv_cache_save(c, entries, n);
	samv_cache_free(c);
	return rc;
}

/* The fixture's tree saved alone under id_a. */
static void save_one(const fixture *f)
{
	samv_cache_entry e = entry_of(f, id_a, SAMV_CACHE_MISS);
	assert_int_equal(save(f, &e, 1), 0);
}

static char *file_in(const fixture *f, const char *name)
{
	char *p = malloc(strlen(f->dir) + strlen(name) + 2);
	assert_non_null(p);
	sprintf(p, "%s/%s", f->dir, name);
	return p;
}

static void assert_same_tree(const samv_node *a, const samv_node *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->col, b->col);
	if (a->kind < SAMV_NODE_SEQ) {
		assert_int_equal(samv_node_len(a), samv_node_len(b));
		assert_string_equal(a->text, b->text);
		return;
	}
	assert_int_equal(samv_node_count(a), samv_node_count(b));
	size_t nodes = samv_node_count(a) * (a->kind == SAMV_NODE_MAP ? 2u : 1u);
	for (size_t i = 0; i < nodes; i++)
		assert_same_tree(&a->c.items[i], &b->c.items[i]);
}

/* Look (id, path) up in a fresh cache: 1 hit, 0 miss. */
static int lookup(const fixture *f, uint64_t fingerprint, const unsigned char *id, const char *path,
		  samv_cache_from *from, bool compare)
{
	samv_cache *c = samv_cache_open(f->dir, fingerprint);
	assert_non_null(c);
	samv_diags d = { 0 };
	samv_node *root = NULL;
	int kind = -1;
	bool valid = false;
	int hit = samv_cache_get(c, id, path, &d, &root, &kind, &valid, from);
	if (hit == 1 && compare) {
		assert_non_null(root);
		assert_same_tree(f->doc->root, root);
		assert_int_equal(kind, 2);
		assert_true(valid);
		assert_int_equal(d.count, 1);
		assert_string_equal(d.items[0].rule, "schema");
		assert_string_equal(d.items[0].file, path);
		assert_string_equal(d.items[0].message, "a finding with a note");
		assert_int_equal(d.items[0].nrelated, 1);
		assert_string_equal(d.items[0].related[0].message, "the note");
	}
	samv_diags_free(&d);
	samv_cache_free(c);
	return hit;
}

static void test_round_trip(void **state)
{
	fixture *f = *state;
	samv_cache_from from;
	save_one(f);
	assert_int_equal(lookup(f, 7, id_a, "parties/x.yaml", &from, true), 1);
	assert_int_equal(from, SAMV_CACHE_BASE);
	/* the same blob at another path, another blob, another fingerprint: misses */
	assert_int_equal(lookup(f, 7, id_a, "parties/y.yaml", &from, false), 0);
	assert_int_equal(lookup(f, 7, id_b, "parties/x.yaml", &from, false), 0);
	assert_int_equal(lookup(f, 8, id_a, "parties/x.yaml", &from, false), 0);
}

static void test_base_and_delta(void **state)
{
	fixture *f = *state;
	samv_cache_from from;
	save_one(f);
	/* a run that knew id_a and met id_b: id_b goes to a delta */
	samv_cache_entry both[2] = { entry_of(f, id_a, SAMV_CACHE_BASE), entry_of(f, id_b, SAMV_CACHE_MISS) };
	both[1].path = "parties/z.yaml";
	both[1].findings = NULL;
	both[1].nfindings = 0;
	assert_int_equal(save(f, both, 2), 0);
	char *delta = file_in(f, "delta");
	struct stat st;
	assert_int_equal(stat(delta, &st), 0);
	free(delta);
	assert_int_equal(lookup(f, 7, id_a, "parties/x.yaml", &from, true), 1);
	assert_int_equal(from, SAMV_CACHE_BASE);
	assert_int_equal(lookup(f, 7, id_b, "parties/z.yaml", &from, false), 1);
	assert_int_equal(from, SAMV_CACHE_DELTA);
	/* a run of hits writes nothing, so it cannot fail */
	both[1].from = SAMV_CACHE_DELTA;
	assert_int_equal(save(f, both, 2), 0);
}

static void test_unwritable(void **state)
{
	fixture *f = *state;
	char *dir = file_in(f, "file");
	FILE *fp = fopen(dir, "w");
	assert_non_null(fp);
	fclose(fp);
	samv_cache *c = samv_cache_open(dir, 7); /* a file where the folder goes */
	assert_non_null(c);
	samv_cache_entry e = entry_of(f, id_a, SAMV_CACHE_MISS);
	assert_int_equal(samv_cache_save(c, &e, 1), -1);
	samv_cache_free(c);
	free(dir);
}

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	*len = (size_t)ftell(fp);
	fseek(fp, 0, SEEK_SET);
	unsigned char *data = malloc(*len);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, *len, fp), *len);
	fclose(fp);
	return data;
}

static void write_file(const char *path, const unsigned char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	fclose(fp);
}

static uint64_t word(const unsigned char *data, size_t at)
{
	uint64_t v;
	memcpy(&v, data + at, sizeof v);
	return v;
}

/* The checksum as cache.c makes it: the head is magic, fingerprint, checksum, count, then
 * the index's offset, the texts' offset and length, the entries' offset and length. */
static void fix_checksum(unsigned char *data)
{
	uint64_t index_off = word(data, 32), texts_off = word(data, 40), texts_len = word(data, 48);
	uint64_t entries_off = word(data, 56), entries_len = word(data, 64);
	uint64_t sum = samv_cache_fingerprint(
		samv_cache_fingerprint(samv_cache_fingerprint(0, data + index_off, texts_off - index_off),
				       data + texts_off, texts_len),
		data + entries_off, entries_len);
	memcpy(data + 16, &sum, sizeof sum);
}

/* A tree read from a damaged file must be finite: fewer nodes than the file has bytes. */
static size_t count_nodes(const samv_node *n, size_t budget)
{
	assert_true(budget > 0);
	size_t used = 1;
	if (n->kind >= SAMV_NODE_SEQ) {
		size_t nodes = samv_node_count(n) * (n->kind == SAMV_NODE_MAP ? 2u : 1u);
		for (size_t i = 0; i < nodes; i++)
			used += count_nodes(&n->c.items[i], budget - used);
	} else {
		assert_int_equal(strlen(n->text), samv_node_len(n));
	}
	return used;
}

static void test_damage(void **state)
{
	fixture *f = *state;
	save_one(f);
	char *base = file_in(f, "base");
	size_t len;
	unsigned char *good = read_file(base, &len);
	unsigned char *bad = malloc(len);
	assert_non_null(bad);

	/* a flipped byte anywhere: the checksum refuses the file */
	for (size_t at = 0; at < len; at += 7) {
		memcpy(bad, good, len);
		bad[at] ^= 0x20;
		write_file(base, bad, len);
		samv_cache_from from;
		assert_int_equal(lookup(f, 7, id_a, "parties/x.yaml", &from, false), 0);
	}
	/* every word of the index and entries set to what would lead astray, the checksum
	 * made right: refused, or a finite tree within the file. Besides fixed values, each
	 * word is moved a node or two either way, which points an array into the middle of
	 * another or at a node's position and kind read as an array's head. */
	const uint64_t evil[] = { 0, 4, 8, 12, 0x7FFFFFFF, UINT64_MAX, UINT64_MAX - 7 };
	const int64_t moves[] = { -24, -16, -8, 8, 16, 24 };
	enum { NEVIL = sizeof evil / sizeof *evil, NMOVES = sizeof moves / sizeof *moves };
	size_t refused = 0, read = 0;
	for (size_t at = word(good, 32); at + 8 <= len; at += 8) {
		if (at >= word(good, 40) && at < word(good, 56))
			continue; /* the texts section holds no offsets */
		for (size_t k = 0; k < NEVIL + 2 + NMOVES; k++) {
			memcpy(bad, good, len);
			/* also the word's own offset and the one before: a loop or a step back */
			uint64_t v = k < NEVIL	       ? evil[k]
				     : k < NEVIL + 2 ? at - word(good, 56) - (k % 2) * 16
						     : word(good, at) + (uint64_t)moves[k - NEVIL - 2];
			memcpy(bad + at, &v, sizeof v);
			fix_checksum(bad);
			write_file(base, bad, len);
			samv_cache *dc = samv_cache_open(f->dir, 7);
			samv_diags d = { 0 };
			samv_node *root = NULL;
			int kind;
			bool valid;
			samv_cache_from from;
			if (samv_cache_get(dc, id_a, "parties/x.yaml", &d, &root, &kind, &valid, &from) == 1) {
				read++;
				if (root)
					count_nodes(root, len);
			} else {
				refused++;
			}
			samv_diags_free(&d);
			samv_cache_free(dc);
		}
	}
	/* both happen: the checks refuse what would lead astray and accept harmless change */
	assert_true(refused > 100);
	assert_true(read > 10);
	free(bad);
	free(good);
	free(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_base_and_delta, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damage, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
