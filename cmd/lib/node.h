/*
 * node.h — the tree that every YAML record and every JSON schema is loaded into.
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
typedef struct samv_pair {
	samv_node *key; /* always a SAMV_NODE_STRING */
	samv_node *value;
} samv_pair;

/* 32 bytes on 64-bit targets: a ledger keeps every file's tree until its rules have run, so
 * the node's size is most of samv-check's memory. Scalars use len, text and num;
 * collections count and c; the unions share their storage. Lengths and counts fit 32 bits
 * because no input is near 4 GiB: record files are at most SAMV_SOURCE_MAX_FILE (16 MiB)
 * and the JSON read is schemas. */
struct samv_node {
	samv_node_kind kind;
	uint32_t line, col;
	union {
		uint32_t len; /* scalars: bytes of text */
		uint32_t count; /* items of a sequence, pairs of a mapping */
	};
	/* Scalars: the text as written (strings unescaped), NUL-terminated; money and
	 * dates are read from this text, never from the float. NULL for collections. */
	const char *text;
	union {
		union {
			bool b;
			int64_t i;
			double f;
		} num;
		union {
			samv_node **items;
			samv_pair *pairs;
		} c;
	};
};

/* A simple bump allocator: blocks are freed all at once by samv_arena_free. */
typedef struct samv_arena_block samv_arena_block;
typedef struct samv_arena {
	samv_arena_block *head;
	size_t used; /* bytes of the head block in use */
	size_t total; /* bytes handed out, for the size bound and benchmarks */
} samv_arena;

void *samv_arena_alloc(samv_arena *a, size_t size); /* zeroed; NULL when out of memory */
char *samv_arena_strndup(samv_arena *a, const char *s, size_t len);
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
/* A scalar's NUL-terminated text for the document's tree: the store's one copy when the
 * document has a store, else a copy in its arena. NULL when out of memory. */
const char *samv_doc_text(samv_doc *doc, const char *s, size_t len);

/* Lookup helpers. They return NULL when node is not a mapping or the key is absent. */
samv_node *samv_node_get(const samv_node *map, const char *key);
samv_pair *samv_node_get_pair(const samv_node *map, const char *key);
const char *samv_node_str(const samv_node *n); /* text of a string node, else NULL */
bool samv_node_is(const samv_node *n, samv_node_kind kind);
const char *samv_node_kind_name(samv_node_kind kind); /* "string", "mapping", ... */

#endif
