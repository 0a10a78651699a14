/*
 * node.c — the arena that holds a document's nodes, and lookups on the tree.
 *
 * Documents are built once and read many times, so nodes are bump-allocated from large
 * blocks and freed all at once with their document: no per-node free, no fragmentation,
 * and a country-size ledger costs a few allocations per file. The string set keeps the
 * scalar texts that a ledger's documents share, each once.
 */
#include "node.h"

#include <stdlib.h>
#include <string.h>

/* Every file's tree is kept until the rules have run: a node that grows grows samv-check's
 * memory by as much per node. */
_Static_assert(sizeof(void *) != 8 || sizeof(samv_node) == 32, "a node is 32 bytes");

struct samv_arena_block {
	samv_arena_block *next;
	size_t size;
	uint64_t data[];
};

/* Nothing in an arena needs more than 8-byte alignment (pointers, int64_t, double), and
 * max_align_t's 16 would round a 40-byte request up to 48. */
#define ARENA_ALIGN ((size_t)8)
/* Blocks of an arena nobody sized (schemas, typed records): few arenas, many objects. */
#define ARENA_BLOCK ((size_t)64 * 1024)
/* A sized arena's smallest block: below this malloc's own overhead begins to count. */
#define ARENA_MIN_BLOCK ((size_t)1024)

void samv_arena_size(samv_arena *a, size_t expected)
{
	if (a->head)
		return;
	if (expected < ARENA_MIN_BLOCK)
		expected = ARENA_MIN_BLOCK;
	a->block = (expected + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
}

void *samv_arena_alloc(samv_arena *a, size_t size)
{
	size = (size + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
	if (!size)
		size = ARENA_ALIGN;
	if (!a->head || a->head->size - a->used < size) {
		if (!a->block)
			a->block = ARENA_BLOCK;
		size_t bsize = size > a->block ? size : a->block;
		samv_arena_block *b = malloc(sizeof *b + bsize);
		if (!b)
			return NULL;
		b->size = bsize;
		/* A block made for one large object goes behind the head, so the head's free
		 * space stays usable for the small objects that follow. */
		if (a->head && bsize > a->block) {
			b->next = a->head->next;
			a->head->next = b;
			a->total += size;
			return memset(b->data, 0, size);
		}
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	void *p = (char *)a->head->data + a->used;
	a->used += size;
	a->total += size;
	return memset(p, 0, size);
}

char *samv_arena_strndup(samv_arena *a, const char *s, size_t len)
{
	char *p = samv_arena_alloc(a, len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

void samv_arena_free(samv_arena *a)
{
	samv_arena_block *b = a->head;
	while (b) {
		samv_arena_block *next = b->next;
		free(b);
		b = next;
	}
	memset(a, 0, sizeof *a);
}

/* Open addressing with linear probing in a power-of-two table at most half full; each slot
 * keeps its string's hash and length, so a probe rarely reaches memcmp. */
typedef struct strings_slot {
	const char *s; /* NULL: empty */
	uint32_t len, hash;
} strings_slot;

struct samv_strings {
	samv_arena text;
	strings_slot *slots;
	size_t cap, n;
};

#define STRINGS_FIRST_CAP ((size_t)1024)

samv_strings *samv_strings_new(void)
{
	samv_strings *set = calloc(1, sizeof *set);
	if (!set)
		return NULL;
	set->slots = calloc(STRINGS_FIRST_CAP, sizeof *set->slots);
	if (!set->slots) {
		free(set);
		return NULL;
	}
	set->cap = STRINGS_FIRST_CAP;
	return set;
}

void samv_strings_free(samv_strings *set)
{
	if (!set)
		return;
	samv_arena_free(&set->text);
	free(set->slots);
	free(set);
}

/* FNV-1a: the texts are short (a key, a date, an id), where it is as fast as any. */
static uint32_t strings_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int strings_grow(samv_strings *set)
{
	size_t cap = set->cap * 2;
	strings_slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < set->cap; i++) {
		if (!set->slots[i].s)
			continue;
		size_t j = set->slots[i].hash & (cap - 1);
		while (slots[j].s)
			j = (j + 1) & (cap - 1);
		slots[j] = set->slots[i];
	}
	free(set->slots);
	set->slots = slots;
	set->cap = cap;
	return 0;
}

const char *samv_strings_intern(samv_strings *set, const char *s, size_t len)
{
	/* A text is under 4 GiB, as a node's length is: refuse rather than truncate. */
	if (len > UINT32_MAX)
		return NULL;
	uint32_t hash = strings_hash(s, len);
	size_t i = hash & (set->cap - 1);
	for (; set->slots[i].s; i = (i + 1) & (set->cap - 1)) {
		const strings_slot *slot = &set->slots[i];
		if (slot->hash == hash && slot->len == len && memcmp(slot->s, s, len) == 0)
			return slot->s;
	}
	if ((set->n + 1) * 2 > set->cap) {
		if (strings_grow(set))
			return NULL;
		i = hash & (set->cap - 1);
		while (set->slots[i].s)
			i = (i + 1) & (set->cap - 1);
	}
	const char *copy = samv_arena_strndup(&set->text, s, len);
	if (!copy)
		return NULL;
	set->slots[i] = (strings_slot){ copy, (uint32_t)len, hash };
	set->n++;
	return copy;
}

samv_doc *samv_doc_new(const char *path)
{
	samv_doc *doc = calloc(1, sizeof *doc);
	if (!doc)
		return NULL;
	doc->path = strdup(path ? path : "");
	if (!doc->path) {
		free(doc);
		return NULL;
	}
	return doc;
}

void samv_doc_free(samv_doc *doc)
{
	if (!doc)
		return;
	samv_arena_free(&doc->arena);
	free(doc->path);
	free(doc);
}

const char *samv_doc_text(samv_doc *doc, const char *s, size_t len)
{
	if (doc->strings)
		return samv_strings_intern(doc->strings, s, len);
	return samv_arena_strndup(&doc->arena, s, len);
}

samv_pair *samv_node_get_pair(const samv_node *map, const char *key)
{
	if (!map || map->kind != SAMV_NODE_MAP)
		return NULL;
	size_t klen = strlen(key);
	for (size_t i = 0; i < map->count; i++) {
		const samv_node *k = map->c.pairs[i].key;
		if (k->len == klen && memcmp(k->text, key, klen) == 0)
			return &map->c.pairs[i];
	}
	return NULL;
}

samv_node *samv_node_get(const samv_node *map, const char *key)
{
	samv_pair *p = samv_node_get_pair(map, key);
	return p ? p->value : NULL;
}

const char *samv_node_str(const samv_node *n)
{
	return n && n->kind == SAMV_NODE_STRING ? n->text : NULL;
}

bool samv_node_is(const samv_node *n, samv_node_kind kind)
{
	return n && n->kind == kind;
}

const char *samv_node_kind_name(samv_node_kind kind)
{
	switch (kind) {
	case SAMV_NODE_NULL:
		return "null";
	case SAMV_NODE_BOOL:
		return "boolean";
	case SAMV_NODE_INT:
		return "integer";
	case SAMV_NODE_FLOAT:
		return "number";
	case SAMV_NODE_STRING:
		return "string";
	case SAMV_NODE_SEQ:
		return "list";
	case SAMV_NODE_MAP:
		return "mapping";
	}
	return "value";
}
