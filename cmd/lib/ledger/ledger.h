/*
 * ledger/ledger.h — the loaded ledger: every record file as a typed record, indexed by kind and id.
 *
 * samv_ledger_load runs the first half of the data flow: source -> YAML nodes -> schema ->
 * records. A record keeps its document, so every rule can point at the exact node it is
 * about. Records whose schema check failed are kept too (marked !valid): their ids still
 * resolve, so one typo in a party does not turn every reference to it into a second error.
 * Rules read records through the lookups here and never touch the source again.
 */
#ifndef SAMV_MODEL_H
#define SAMV_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/date.h"
#include "util/diag.h"
#include "input/node.h"
#include "input/source.h"

typedef enum samv_kind {
	SAMV_KIND_LEDGER,
	SAMV_KIND_RATES,
	SAMV_KIND_PARTY,
	SAMV_KIND_INTENT,
	SAMV_KIND_AGREEMENT,
	SAMV_KIND_TERM,
	SAMV_KIND_INVOICE,
	SAMV_KIND_BODY,
	SAMV_KIND_PROTOCOL,
	SAMV_KIND_COUNT
} samv_kind;

const char *samv_kind_name(samv_kind kind);
int samv_kind_from_name(const char *name); /* -1 when unknown */

typedef struct samv_record {
	samv_kind kind;
	const samv_doc *doc; /* doc->path is the file, relative to the ledger root */
	const samv_node *root; /* the top-level mapping */
	/* The record's identity: its `id`; for a term "TERM/AGREEMENT" (e.g. "2025-VT/nacka-ki");
	 * for a protocol its `id` or else "BODY/STEM" (its body and file stem). NULL when it
	 * has none. */
	const char *id;
	const samv_node *id_node; /* where the identity is written (the root when derived) */
	char *derived_id; /* owned storage behind id when it was derived */
	bool valid; /* passed its kind's schema */
} samv_record;

/* The key of a record's field (`plans:`), or the record's id when the field is absent:
 * where a finding about something missing points. */
const samv_node *samv_record_key_or_id(const samv_record *rec, const char *key);

/* Threads samv_ledger_load may load files on (more asked for are clamped to it). */
#define SAMV_LOAD_MAX_THREADS 8

typedef struct samv_ledger {
	samv_doc **docs; /* every file that was read, loaded or not, in path order */
	size_t ndocs;
	/* The trees of all docs, which borrow them: one store for each thread that loaded
	 * files, as a store is not safe to add to from two threads. */
	samv_store *stores[SAMV_LOAD_MAX_THREADS];
	size_t nstores;
	/* Loaded blobs kept between runs of a git source (cache.h), which holds the trees of
	 * the files it knew; NULL when not used. */
	struct samv_cache *cache;
	samv_record *records; /* sorted by kind, then id, then file */
	size_t nrecords;
	size_t by_kind[SAMV_KIND_COUNT + 1]; /* records of kind k are [by_kind[k], by_kind[k+1]) */
	const samv_record *config; /* samv.yaml, or NULL */
	size_t nfiles; /* record files listed */
} samv_ledger;

/*
 * Load every record of the source. Findings of the rules yaml and schema (and date, for
 * days that do not exist) go to diags. *unreadable is set when a file could not be read.
 * Files are read, parsed and validated on two threads when the machine has two processors
 * or more and the ledger a few hundred files; o->threads (1 to SAMV_LOAD_MAX_THREADS, 0 to
 * decide so) sets the number whatever the size. The ledger comes out the same either way,
 * and the findings once sorted (samv_diags_sort). o->no_cache leaves the cache of loaded
 * git blobs alone (neither read nor written); o may be NULL for the defaults.
 * Returns 0, or -1 with *err malloc'd when the ledger cannot be loaded at all (no
 * samv.yaml in the source, the listing failed, out of memory).
 */
typedef struct samv_ledger_options {
	bool no_cache;
	unsigned threads;
} samv_ledger_options;

int samv_ledger_load(samv_ledger **out, samv_source *src, const samv_ledger_options *o,
		     samv_diags *diags, bool *unreadable, char **err);
void samv_ledger_free(samv_ledger *ledger); /* accepts NULL */

/* The record of a kind with an id, or NULL. When several share the id, the first by file. */
const samv_record *samv_ledger_find(const samv_ledger *l, samv_kind kind, const char *id);

/* The entry of a list field whose `id` is id ("units", "people", "members", "placements"). */
const samv_node *samv_record_list_find(const samv_node *map, const char *list, const char *id);

/* Typed field access that tolerates records which failed their schema. */
const char *samv_field_str(const samv_node *map, const char *key); /* NULL unless a string */
bool samv_field_date(const samv_node *map, const char *key, samv_date *out); /* false unless a valid date */

#endif
