/*
 * input/node.c — the arena that holds a document's nodes, and lookups on the tree.
 *
 * Documents are built once and read many times, so nodes are bump-allocated from large
 * blocks and freed all at once with their document: no per-node free, no fragmentation,
 * and a country-size ledger costs a few allocations per file. A store holds the trees of a
 * ledger's documents in one arena, with each distinct scalar text once.
 */
#include "input/node.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Every file's tree is kept until the rules have run: a node that grows grows samv-check's
 * memory by as much per node. */
_Static_assert(sizeof(void *) != 8 || sizeof(samv_node) == 16, "a node is 16 bytes");
/* The loader copies a mapping's keys and values, as they lie on its stack, into pairs. */
_Static_assert(sizeof(samv_pair) == 2 * sizeof(samv_node), "a pair is two nodes");

struct samv_arena_block {
	samv_arena_block *next;
	size_t size;
	uint64_t data[];
};

/* Nothing in an arena needs more than 8-byte alignment (pointers, int64_t, double), and
 * max_align_t's 16 would round a 40-byte request up to 48. */
#define ARENA_ALIGN ((size_t)8)
#define ARENA_BLOCK ((size_t)64 * 1024)

void *samv_arena_alloc(samv_arena *a, size_t size)
{
	size = (size + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
	if (!size)
		size = ARENA_ALIGN;
	if (!a->head || a->head->size - a->used < size) {
		size_t bsize = size > ARENA_BLOCK ? size : ARENA_BLOCK;
		samv_arena_block *b = malloc(sizeof *b + bsize);
		if (!b)
			return NULL;
		b->size = bsize;
		/* A block made for one large object goes behind the head, so the head's free
		 * space stays usable for the small objects that follow. */
		if (a->head && bsize > ARENA_BLOCK) {
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

const char *samv_arena_text(samv_arena *a, const char *s, size_t len)
{
	if (len >= UINT32_MAX)
		return NULL;
	uint32_t n = (uint32_t)len;
	char *p = samv_arena_alloc(a, sizeof n + len + 1);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	memcpy(p + sizeof n, s, len);
	return p + sizeof n;
}

/* The count goes in the last 4 of 8 bytes before the array, so the array keeps the
 * arena's 8-byte alignment. */
void *samv_arena_array(samv_arena *a, size_t n, bool pairs)
{
	size_t each = pairs ? sizeof(samv_pair) : sizeof(samv_node);
	if (n > UINT32_MAX || n > (SIZE_MAX - 8) / each)
		return NULL;
	uint32_t count = (uint32_t)n;
	char *p = samv_arena_alloc(a, 8 + n * each);
	if (!p)
		return NULL;
	memcpy(p + 8 - sizeof count, &count, sizeof count);
	return p + 8;
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

/* The distinct texts are in an open-addressing table with linear probing, a power of two
 * in size and at most half full; each slot keeps its text's hash and length, so a probe
 * rarely reaches memcmp. */
typedef struct text_slot {
	const char *s; /* NULL: empty; its length is before it (samv_arena_text) */
	uint32_t hash;
} text_slot;

struct samv_store {
	samv_arena arena; /* nodes, node arrays and texts */
	text_slot *slots;
	size_t cap, n;
};

#define STORE_FIRST_CAP ((size_t)1024)

samv_store *samv_store_new(void)
{
	samv_store *store = calloc(1, sizeof *store);
	if (!store)
		return NULL;
	store->slots = calloc(STORE_FIRST_CAP, sizeof *store->slots);
	if (!store->slots) {
		free(store);
		return NULL;
	}
	store->cap = STORE_FIRST_CAP;
	return store;
}

void samv_store_seal(samv_store *store)
{
	free(store->slots);
	store->slots = NULL;
	store->cap = store->n = 0;
}

void samv_store_free(samv_store *store)
{
	if (!store)
		return;
	samv_arena_free(&store->arena);
	free(store->slots);
	free(store);
}

/* FNV-1a: the texts are short (a key, a date, an id), where it is as fast as any. */
static uint32_t text_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int store_grow(samv_store *store)
{
	size_t cap = store->cap * 2;
	text_slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < store->cap; i++) {
		if (!store->slots[i].s)
			continue;
		size_t j = store->slots[i].hash & (cap - 1);
		while (slots[j].s)
			j = (j + 1) & (cap - 1);
		slots[j] = store->slots[i];
	}
	free(store->slots);
	store->slots = slots;
	store->cap = cap;
	return 0;
}

static const char *store_text(samv_store *store, const char *s, size_t len)
{
	/* A text is under 4 GiB, as a node's length is: refuse rather than truncate. */
	if (len >= UINT32_MAX)
		return NULL;
	if (!store->slots) {
		store->slots = calloc(STORE_FIRST_CAP, sizeof *store->slots);
		if (!store->slots)
			return NULL;
		store->cap = STORE_FIRST_CAP;
		store->n = 0;
	}
	uint32_t hash = text_hash(s, len);
	size_t i = hash & (store->cap - 1);
	for (; store->slots[i].s; i = (i + 1) & (store->cap - 1)) {
		const text_slot *slot = &store->slots[i];
		if (slot->hash == hash && samv_node_prefix_(slot->s) == len && memcmp(slot->s, s, len) == 0)
			return slot->s;
	}
	if ((store->n + 1) * 2 > store->cap) {
		if (store_grow(store))
			return NULL;
		i = hash & (store->cap - 1);
		while (store->slots[i].s)
			i = (i + 1) & (store->cap - 1);
	}
	const char *copy = samv_arena_text(&store->arena, s, len);
	if (!copy)
		return NULL;
	store->slots[i] = (text_slot){ copy, hash };
	store->n++;
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

void *samv_doc_alloc(samv_doc *doc, size_t size)
{
	return samv_arena_alloc(doc->store ? &doc->store->arena : &doc->arena, size);
}

const char *samv_doc_text(samv_doc *doc, const char *s, size_t len)
{
	if (doc->store)
		return store_text(doc->store, s, len);
	return samv_arena_text(&doc->arena, s, len);
}

void *samv_doc_array(samv_doc *doc, size_t n, bool pairs)
{
	return samv_arena_array(doc->store ? &doc->store->arena : &doc->arena, n, pairs);
}

samv_pair *samv_node_get_pair(const samv_node *map, const char *key)
{
	if (!map || map->kind != SAMV_NODE_MAP)
		return NULL;
	size_t klen = strlen(key);
	uint32_t n = samv_node_count(map);
	for (uint32_t i = 0; i < n; i++) {
		const samv_node *k = &map->c.pairs[i].key;
		if (samv_node_len(k) == klen && memcmp(k->text, key, klen) == 0)
			return &map->c.pairs[i];
	}
	return NULL;
}

const samv_node *samv_node_at(const samv_node *map, const char *key)
{
	const samv_pair *p = samv_node_get_pair(map, key);
	return p ? &p->value : map;
}

samv_node *samv_node_get(const samv_node *map, const char *key)
{
	samv_pair *p = samv_node_get_pair(map, key);
	return p ? &p->value : NULL;
}

/* The YAML 1.2 core forms the loader resolves to integers (yaml.c): [-+]digits, 0o
 * octal, 0x hex; JSON's integers are a subset. The loaders make INT only of text that
 * fits int64_t; a tree from elsewhere (a damaged cache) is clamped rather than trusted. */
int64_t samv_node_int(const samv_node *n)
{
	if (!n || n->kind != SAMV_NODE_INT)
		return 0;
	const char *s = n->text;
	bool negative = s[0] == '-';
	if (s[0] == '-' || s[0] == '+')
		s++;
	int base = 10;
	if (s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
		base = s[1] == 'o' ? 8 : 16;
		s += 2;
	}
	unsigned long long v = strtoull(s, NULL, base);
	if (v > (unsigned long long)INT64_MAX)
		return negative ? INT64_MIN : INT64_MAX;
	return negative ? -(int64_t)v : (int64_t)v;
}

/* An octal integer too large for int64_t, as a number: strtod reads hex but not 0o. */
static double octal_value(const char *digits)
{
	double v = 0;
	for (; *digits >= '0' && *digits <= '7'; digits++)
		v = v * 8 + (*digits - '0');
	return v;
}

double samv_node_float(const samv_node *n)
{
	if (!n)
		return 0;
	if (n->kind == SAMV_NODE_INT)
		return (double)samv_node_int(n);
	if (n->kind != SAMV_NODE_FLOAT)
		return 0;
	const char *s = n->text;
	const char *t = s[0] == '-' || s[0] == '+' ? s + 1 : s;
	if (t[0] == '.' && (t[1] == 'i' || t[1] == 'I'))
		return s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
	if (t[0] == '.' && (t[1] == 'n' || t[1] == 'N'))
		return NAN;
	if (s[0] == '0' && s[1] == 'o')
		return octal_value(s + 2);
	return strtod(s, NULL);
}

bool samv_node_bool(const samv_node *n)
{
	return n && n->kind == SAMV_NODE_BOOL && (n->text[0] == 't' || n->text[0] == 'T');
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
