/*
 * node.c — the arena that holds a document's nodes, and lookups on the tree.
 *
 * Documents are built once and read many times, so nodes are bump-allocated from large
 * blocks and freed all at once with their document: no per-node free, no fragmentation,
 * and a country-size ledger costs a few allocations per file.
 */
#include "node.h"

#include <stdlib.h>
#include <string.h>

struct samv_arena_block {
	samv_arena_block *next;
	size_t size;
	max_align_t data[];
};

#define ARENA_BLOCK ((size_t)64 * 1024)

void *samv_arena_alloc(samv_arena *a, size_t size)
{
	size_t align = sizeof(max_align_t);
	size = (size + align - 1) / align * align;
	if (!size)
		size = align;
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
