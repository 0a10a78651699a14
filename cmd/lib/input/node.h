/*
 * input/node.h — the tree that every YAML record and every JSON schema is loaded into.
 *
 * The YAML loader (yaml.c) and the JSON reader (json.c) both build this tree, so the
 * schema validator and the record model never know which syntax a value came from.
 * Every node keeps the line and column (1-based, in characters as an editor counts them)
 * where it starts. All nodes of one document live in one arena, the samv_doc's own or the
 * store it shares with the other documents of a ledger, and are freed together with it:
 * nothing in the tree is freed on its own.
 */
#ifndef SAMV_NODE_H
#define SAMV_NODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef enum samv_node_kind {
	SAMV_NODE_NULL,
	SAMV_NODE_BOOL,
	SAMV_NODE_INT,
	SAMV_NODE_FLOAT,
	SAMV_NODE_STRING,
	SAMV_NODE_SEQ,
	SAMV_NODE_MAP
} samv_node_kind;

typedef struct samv_node samv_node;
typedef struct samv_pair samv_pair;

/* Columns above this are stored as this (a 256 MiB line; files are at most 16 MiB). */
#define SAMV_NODE_MAX_COL ((1u << 28) - 1)

/* 16 bytes on 64-bit targets. A ledger keeps every file's tree until its rules have run,
 * so the node's size is most of samv-check's memory: a country-size ledger holds some 14
 * million of them. So a node holds only its position, its kind and one pointer; what
 * else it has lives behind that pointer, where the loader put it once:
 *  - a scalar's text (strings unescaped) is NUL-terminated, with its length in bytes in
 *    the 4 bytes before it (samv_node_len);
 *  - a collection's items or pairs are one array of nodes, with their number in the 4
 *    bytes before it (samv_node_count);
 *  - numbers and booleans are read from their text (samv_node_int, samv_node_float,
 *    samv_node_bool), as money and dates always were.
 * Code that makes texts or arrays for a tree goes through samv_arena_text,
 * samv_doc_text and samv_doc_array, which lay them out this way. */
struct samv_node {
	uint32_t line;
	unsigned kind : 4; /* a samv_node_kind */
	unsigned col : 28; /* at most SAMV_NODE_MAX_COL */
	union {
		const char *text; /* scalars */
		union {
			samv_node *items; /* SAMV_NODE_SEQ */
			samv_pair *pairs; /* SAMV_NODE_MAP */
		} c;
	};
};

/* A mapping's entry: the key (always a SAMV_NODE_STRING) and its value, side by side. */
struct samv_pair {
	samv_node key;
	samv_node value;
};

/* The length prefix of a text or a node array (see struct samv_node). */
static inline uint32_t samv_node_prefix_(const void *p)
{
	uint32_t v;
	memcpy(&v, (const char *)p - sizeof v, sizeof v);
	return v;
}

/* Bytes of a scalar's text; 0 for a collection. */
static inline uint32_t samv_node_len(const samv_node *n)
{
	return n->kind < SAMV_NODE_SEQ && n->text ? samv_node_prefix_(n->text) : 0;
}

/* Items of a sequence, pairs of a mapping; 0 for a scalar. */
static inline uint32_t samv_node_count(const samv_node *n)
{
	return n->kind >= SAMV_NODE_SEQ && n->c.items ? samv_node_prefix_(n->c.items) : 0;
}

/* A scalar's text, NULL for a collection (where text shares its storage with c). */
static inline const char *samv_node_text(const samv_node *n)
{
	return n && n->kind < SAMV_NODE_SEQ ? n->text : NULL;
}

/* Item i of a sequence (i < samv_node_count). */
static inline samv_node *samv_node_item(const samv_node *seq, size_t i)
{
	return &seq->c.items[i];
}

/* A SAMV_NODE_INT's value; a SAMV_NODE_FLOAT's as the loader's strtod read it (too large
 * integers are FLOAT, as in yaml.c); 0 otherwise. */
int64_t samv_node_int(const samv_node *n);
double samv_node_float(const samv_node *n); /* INT or FLOAT, else 0 */
bool samv_node_bool(const samv_node *n); /* a SAMV_NODE_BOOL's value, else false */

/* A simple bump allocator: blocks are freed all at once by samv_arena_free. */
typedef struct samv_arena_block samv_arena_block;
typedef struct samv_arena {
	samv_arena_block *head;
	size_t used; /* bytes of the head block in use */
	size_t total; /* bytes handed out, for the size bound and benchmarks */
} samv_arena;

void *samv_arena_alloc(samv_arena *a, size_t size); /* zeroed; NULL when out of memory */
char *samv_arena_strndup(samv_arena *a, const char *s, size_t len);
/* A scalar's text laid out for a node: len bytes of s, a NUL, the length before it.
 * NULL when out of memory or len is 4 GiB or more. */
const char *samv_arena_text(samv_arena *a, const char *s, size_t len);
/* Room for n nodes (or n pairs, pairs true) of a collection, zeroed, with n before it;
 * never NULL for n = 0. NULL when out of memory. */
void *samv_arena_array(samv_arena *a, size_t n, bool pairs);
void samv_arena_free(samv_arena *a);

/* The trees of many documents that live and die together, such as a ledger's: their nodes
 * share one arena, where a small file's own arena would leave most of its block unused,
 * and their scalar texts are kept once each. A ledger's hundreds of thousands of scalars
 * are a few tens of thousands of distinct texts (keys, dates, ids, statuses). What a
 * refused file had built stays until the store is freed, no more than its tree would. */
typedef struct samv_store samv_store;
samv_store *samv_store_new(void); /* NULL when out of memory */
void samv_store_free(samv_store *store); /* accepts NULL */

/* One loaded file. path is as given to the loader (relative to the ledger root). */
typedef struct samv_doc {
	char *path;
	samv_arena arena;
	samv_node *root; /* NULL when the file could not be loaded or is empty */
	/* Borrowed, may be NULL: where the YAML loader puts the tree instead of the arena.
	 * Whoever sets it keeps the store alive as long as the document. */
	samv_store *store;
} samv_doc;

samv_doc *samv_doc_new(const char *path); /* NULL when out of memory */
void samv_doc_free(samv_doc *doc); /* accepts NULL */
/* Room for the document's tree, zeroed, from its store when it has one, else from its
 * arena. NULL when out of memory. */
void *samv_doc_alloc(samv_doc *doc, size_t size);
/* A scalar's text for the document's tree (laid out as samv_arena_text): the store's one
 * copy when the document has a store, else a copy in its arena. NULL when out of memory. */
const char *samv_doc_text(samv_doc *doc, const char *s, size_t len);
/* samv_arena_array in the document's store or arena. */
void *samv_doc_array(samv_doc *doc, size_t n, bool pairs);
/* The store needs its table of texts only while documents are added to it: this frees it
 * (some 16 bytes per distinct text). Adding a text afterwards rebuilds an empty table, so
 * the texts added after it are no longer shared with those before. */
void samv_store_seal(samv_store *store);

/* Lookup helpers. They return NULL when node is not a mapping or the key is absent. */
samv_node *samv_node_get(const samv_node *map, const char *key);
samv_pair *samv_node_get_pair(const samv_node *map, const char *key);
/* The value of a field, or the map itself when the field is absent: where a finding about
 * the field points. */
const samv_node *samv_node_at(const samv_node *map, const char *key);
const char *samv_node_str(const samv_node *n); /* text of a string node, else NULL */
bool samv_node_is(const samv_node *n, samv_node_kind kind);
const char *samv_node_kind_name(samv_node_kind kind); /* "string", "mapping", ... */

#endif
