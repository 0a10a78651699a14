/*
 * ledger/ledger.c — load a ledger: list, parse, validate and index every record file.
 *
 * The schemas are compiled from the copies embedded at build time (schemas.h), once per
 * load and thread. Each file becomes a samv_doc; each document whose top level names a
 * known kind becomes a record, valid or not (see ledger.h for why invalid ones are kept).
 * Files are loaded on one or more threads (samv_listing_each), each with its own store,
 * schemas and findings; the ledger takes the documents and records in path order once all
 * are loaded, so that it does not depend on which thread loaded what.
 */
/* sched_getaffinity, to count the CPUs we may use. */
#define _GNU_SOURCE
#include "ledger/ledger.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "util/i18n.h"
#include "ledger/ident.h"
#include "input/json.h"
#include "input/yaml.h"
#include "util/money.h"
#include "schema/schema.h"
#include "schema/schemas.h"
#include "input/cache.h"

static const char *const kind_names[SAMV_KIND_COUNT] = {
	"ledger", "rates", "party", "intent", "agreement", "term", "invoice", "body", "protocol"
};

const char *samv_kind_name(samv_kind kind)
{
	return kind < SAMV_KIND_COUNT ? kind_names[kind] : "?";
}

int samv_kind_from_name(const char *name)
{
	for (int k = 0; k < SAMV_KIND_COUNT; k++)
		if (strcmp(kind_names[k], name) == 0)
			return k;
	return -1;
}

const samv_node *samv_record_key_or_id(const samv_record *rec, const char *key)
{
	const samv_pair *p = samv_node_get_pair(rec->root, key);
	return p ? &p->key : rec->id_node;
}

const char *samv_field_str(const samv_node *map, const char *key)
{
	return samv_node_str(samv_node_get(map, key));
}

bool samv_field_date(const samv_node *map, const char *key, samv_date *out)
{
	const samv_node *n = samv_node_get(map, key);
	return n && n->kind == SAMV_NODE_STRING && samv_date_parse(n->text, samv_node_len(n), out) == SAMV_DATE_OK;
}

const samv_node *samv_record_list_find(const samv_node *map, const char *list, const char *id)
{
	const samv_node *items = samv_node_get(map, list);
	if (!items || items->kind != SAMV_NODE_SEQ || !id)
		return NULL;
	for (size_t i = 0; i < samv_node_count(items); i++) {
		const char *item_id = samv_field_str(samv_node_item(items, i), "id");
		if (item_id && strcmp(item_id, id) == 0)
			return samv_node_item(items, i);
	}
	return NULL;
}

/* What loading one listed file left, written by the thread that loaded it and taken into
 * the ledger in listing order once every thread has finished. */
typedef struct loaded {
	samv_doc *doc; /* NULL when the file was not read */
	int kind; /* of the record it holds, or -1 for none */
	bool valid;
	/* For the cache (cache.h), of files read from git: the blob, where the loaded form
	 * came from, and the findings loading filed (in its loader's list). */
	bool has_id;
	unsigned char id[SAMV_BLOB_ID_LEN];
	samv_cache_from from;
	const samv_diags *diags;
	size_t first_finding, nfindings;
} loaded;

/* One thread's loading. Everything it writes is its own but the slots of the files it
 * loads: a schema's pcre2 match data is scratch for one validation at a time, and a store
 * is not safe to add to from two threads. */
typedef struct loader {
	samv_store *store; /* the ledger's */
	samv_diags *diags; /* its samv_worker's */
	samv_cache *cache; /* shared, NULL when not used; each thread looks up its own files */
	samv_schema *schemas[SAMV_KIND_COUNT];
	loaded *files; /* one slot for each listed file, shared by all loaders */
} loader;

static int compile_schemas(loader *ld, char **err)
{
	for (const samv_embedded_schema *e = samv_embedded_schemas; e->kind; e++) {
		int k = samv_kind_from_name(e->kind);
		if (k < 0)
			continue;
		samv_doc *doc = samv_doc_new(e->path);
		char *why = NULL;
		if (!doc || samv_json_parse(doc, e->text, e->len, &why)) {
			samv_doc_free(doc);
		} else if (samv_schema_compile(&ld->schemas[k], doc, &why) == 0) {
			continue; /* the schema owns doc now, and frees it on failure too */
		}
		/* TRANSLATORS: %1$s is a schema file built into samv, %2$s what is wrong with it. */
		*err = samv_strprintf(_("built-in schema %s: %s"), e->path, why ? why : _("out of memory"));
		free(why);
		return -1;
	}
	for (int k = 0; k < SAMV_KIND_COUNT; k++)
		if (!ld->schemas[k]) {
			*err = samv_strprintf(_("no built-in schema for kind '%s'"), kind_names[k]);
			return -1;
		}
	return 0;
}

/* The ignore list of samv.yaml, read before listing so ignored folders are never opened. */
static int read_ignore(samv_source *src, char ***ignore, size_t *nignore, char **err)
{
	samv_file f = { 0 };
	int rc = samv_source_read(src, "samv.yaml", &f, err);
	if (rc == 1) {
		*err = samv_strprintf("%s", _("no samv.yaml at the ledger root in this source"));
		return -1;
	}
	if (rc)
		return -1;
	samv_doc *doc = samv_doc_new("samv.yaml");
	samv_diags scratch = { 0 };
	*ignore = NULL;
	*nignore = 0;
	if (doc && samv_yaml_load(doc, f.data, f.len, &scratch) == 0) {
		const samv_node *list = samv_node_get(doc->root, "ignore");
		if (list && list->kind == SAMV_NODE_SEQ && samv_node_count(list)) {
			*ignore = calloc(samv_node_count(list), sizeof **ignore);
			for (size_t i = 0; *ignore && i < samv_node_count(list); i++)
				if (samv_node_str(samv_node_item(list, i)))
					(*ignore)[(*nignore)++] = strdup(samv_node_item(list, i)->text);
		}
	}
	samv_diags_free(&scratch);
	samv_doc_free(doc);
	samv_file_clear(&f);
	return 0;
}

static const char *file_stem(const char *path, size_t *len)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	*len = dot ? (size_t)(dot - base) : strlen(base);
	return base;
}

static int set_identity(samv_record *r)
{
	const samv_node *root = r->root;
	r->id_node = root;
	if (r->kind == SAMV_KIND_TERM) {
		const char *term = samv_field_str(root, "term"), *agreement = samv_field_str(root, "agreement");
		if (term && agreement) {
			r->derived_id = samv_strprintf("%s/%s", term, agreement);
			if (!r->derived_id)
				return -1;
			r->id = r->derived_id;
			r->id_node = samv_node_get(root, "term");
		}
		return 0;
	}
	samv_pair *p = samv_node_get_pair(root, "id");
	const char *own = p && p->value.kind == SAMV_NODE_STRING ? p->value.text : NULL;
	if (own && r->kind != SAMV_KIND_PROTOCOL) {
		r->id = own;
		r->id_node = &p->value;
	} else if (r->kind == SAMV_KIND_PROTOCOL || r->kind == SAMV_KIND_LEDGER) {
		/* A protocol is named within its body, "styrgrupp/2020-02-26", by its `id` or else
		 * its file stem, so that two bodies may each meet on one day. */
		size_t len;
		const char *stem = own ? own : file_stem(r->doc->path, &len);
		len = own ? strlen(own) : len;
		const char *body = r->kind == SAMV_KIND_PROTOCOL ? samv_field_str(root, "body") : NULL;
		r->derived_id = body ? samv_strprintf("%s/%.*s", body, (int)len, stem)
				     : samv_strprintf("%.*s", (int)len, stem);
		if (!r->derived_id)
			return -1;
		r->id = r->derived_id;
		if (own)
			r->id_node = &p->value;
	}
	return 0;
}

static void report_schema_errors(loader *ld, const samv_doc *doc, samv_schema_errors *errs)
{
	for (size_t i = 0; i < errs->count; i++) {
		const samv_schema_error *e = &errs->items[i];
		samv_diags_add(ld->diags, e->missing_day ? "date" : "schema", doc->path, e->node->line,
			       e->node->col, "%s", e->message);
	}
}

/* A number written as money must still have at most two decimals and no exponent: the
 * schema's pattern only sees strings, and 1530.505 must not become a rounded float. */
static void check_money(loader *ld, const samv_doc *doc, const samv_node *n, const char *name)
{
	samv_ore ore;
	if (!n || (n->kind != SAMV_NODE_INT && n->kind != SAMV_NODE_FLOAT))
		return;
	int rc = samv_money_parse(n->text, samv_node_len(n), &ore);
	if (rc == SAMV_MONEY_TOO_PRECISE)
		samv_diags_add(ld->diags, "schema", doc->path, n->line, n->col,
			       /* TRANSLATORS: %1$s is the field (total, amount, index), %2$s the
				* number written. */
			       _("`%s` %s has more than two decimals: amounts are exact to the öre"), name,
			       n->text);
	else if (rc != SAMV_MONEY_OK)
		samv_diags_add(ld->diags, "schema", doc->path, n->line, n->col,
			       /* TRANSLATORS: %1$s is the field (total, amount, index), %2$s the
				* number written. */
			       _("`%s` %s is not an amount: write digits with at most two decimals, e.g. 1530.50"),
			       name, n->text);
}

static void check_money_fields(loader *ld, const samv_doc *doc, samv_kind kind)
{
	const samv_node *root = doc->root;
	if (kind == SAMV_KIND_INVOICE)
		check_money(ld, doc, samv_node_get(root, "total"), "total");
	if (kind != SAMV_KIND_RATES)
		return;
	check_money(ld, doc, samv_node_get(samv_node_get(root, "base"), "amount"), "amount");
	const samv_node *years = samv_node_get(root, "years");
	for (size_t i = 0; years && years->kind == SAMV_NODE_MAP && i < samv_node_count(years); i++) {
		check_money(ld, doc, samv_node_get(&years->c.pairs[i].value, "amount"), "amount");
		check_money(ld, doc, samv_node_get(&years->c.pairs[i].value, "index"), "index");
	}
}

/* Decide the kind and validate: 0, with slot->kind set when the document holds a record,
 * or -1 when out of memory. */
static int check_record(loader *ld, const samv_doc *doc, loaded *slot)
{
	const samv_node *root = doc->root;
	/* One sentence for each kind of value the top level can wrongly be. */
	static const char *const not_a_mapping[] = {
		[SAMV_NODE_NULL] = N_("the top level must be a mapping with `kind:`, not a null"),
		[SAMV_NODE_BOOL] = N_("the top level must be a mapping with `kind:`, not a boolean"),
		[SAMV_NODE_INT] = N_("the top level must be a mapping with `kind:`, not an integer"),
		[SAMV_NODE_FLOAT] = N_("the top level must be a mapping with `kind:`, not a number"),
		[SAMV_NODE_STRING] = N_("the top level must be a mapping with `kind:`, not a string"),
		[SAMV_NODE_SEQ] = N_("the top level must be a mapping with `kind:`, not a list"),
	};
	if (!root) {
		samv_diags_add(ld->diags, "schema", doc->path, 1, 1, "%s",
			       _("the file holds no record: a record is a mapping that starts with `kind:`"));
		return 0;
	}
	if (root->kind != SAMV_NODE_MAP) {
		samv_diags_add(ld->diags, "schema", doc->path, root->line, root->col, "%s",
			       _(not_a_mapping[root->kind]));
		return 0;
	}
	const samv_node *kind = samv_node_get(root, "kind");
	int k = kind && kind->kind == SAMV_NODE_STRING ? samv_kind_from_name(kind->text) : -1;
	if (k < 0 && kind) {
		samv_diags_add(ld->diags, "schema", doc->path, kind->line, kind->col,
			       /* TRANSLATORS: %s is the kind written in the record; the kinds
				* listed are values of `kind:` and stay as they are. */
			       _("unknown kind '%s': must be one of ledger, rates, party, intent, "
				 "agreement, term, invoice, body, protocol"),
			       samv_node_text(kind) ? kind->text : "");
		return 0;
	}
	if (k < 0) {
		samv_diags_add(ld->diags, "schema", doc->path, root->line, root->col, "%s",
			       _("missing required field `kind` (ledger, rates, party, intent, "
				 "agreement, term, invoice, body or protocol)"));
		return 0;
	}
	bool at_root_config = strcmp(doc->path, "samv.yaml") == 0;
	if ((k == SAMV_KIND_LEDGER) != at_root_config) {
		if (at_root_config)
			samv_diags_add(ld->diags, "schema", doc->path, kind->line, kind->col,
				       _("samv.yaml must be of kind ledger, not '%s'"), kind->text);
		else
			samv_diags_add(ld->diags, "schema", doc->path, kind->line, kind->col, "%s",
				       _("only samv.yaml at the ledger root is of kind 'ledger'"));
		return 0;
	}
	samv_schema_errors errs = { 0 };
	int valid = samv_schema_validate(ld->schemas[k], root, NULL, &errs);
	report_schema_errors(ld, doc, &errs);
	samv_schema_errors_free(&errs);
	check_money_fields(ld, doc, (samv_kind)k);
	if (valid < 0)
		return -1;
	slot->kind = k;
	slot->valid = valid == 1;
	return 0;
}

static int record_cmp(const void *pa, const void *pb)
{
	const samv_record *a = pa, *b = pb;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	int c = strcmp(a->id ? a->id : "", b->id ? b->id : "");
	return c ? c : strcmp(a->doc->path, b->doc->path);
}

/* The rule personal-number reads the raw bytes, comments included, so it runs here while
 * they are at hand rather than keeping every file's text for the rules. A finding shows
 * only the date part: the check's own output must not spread the number further. */
static void find_personal_numbers(loader *ld, const samv_file *f)
{
	size_t from = 0, counted = 0, match_len;
	uint32_t line = 1, col = 1;
	long at;
	while ((at = samv_personal_number_find(f->data, f->len, from, &match_len)) >= 0) {
		for (; counted < (size_t)at; counted++) {
			unsigned char b = (unsigned char)f->data[counted];
			if (b == '\n') {
				line++;
				col = 1;
			} else if ((b & 0xC0) != 0x80) {
				col++;
			}
		}
		size_t date_len = match_len >= 12 ? 8 : 6;
		samv_diags_add(ld->diags, "personal-number", f->path, line, col,
			       /* TRANSLATORS: '%.*s…' is the date part of the number found
				* (YYMMDD or YYYYMMDD); the rest is left out on purpose. */
			       _("'%.*s…' looks like a Swedish personal identity number; git keeps every "
				 "committed version forever, so remove it: records name people, never number them"),
			       (int)date_len, f->data + at);
		from = (size_t)at + match_len;
	}
}

/* A file's slot, with what the cache needs to keep it. */
static void slot_start(loader *ld, loaded *slot, samv_doc *doc, const samv_file *f)
{
	*slot = (loaded){ .doc = doc, .kind = -1, .has_id = f->id != NULL, .diags = ld->diags,
			  .first_finding = ld->diags->count };
	if (f->id)
		memcpy(slot->id, f->id, sizeof slot->id);
}

/* One file of the listing (a samv_file_fn, on any of the loading threads): 0, or 1 when
 * out of memory. Its bytes are freed on return; the tree keeps its own copies. */
static int load_file(samv_file *f, size_t index, void *ctx)
{
	loader *ld = ctx;
	loaded *slot = &ld->files[index];
	samv_doc *doc = samv_doc_new(f->path);
	if (!doc)
		return 1;
	slot_start(ld, slot, doc, f);
	doc->store = ld->store;
	int rc = samv_yaml_load(doc, f->data, f->len, ld->diags);
	find_personal_numbers(ld, f);
	if (rc == -2)
		return 1;
	if (rc == 0 && check_record(ld, doc, slot))
		return 1;
	slot->nfindings = ld->diags->count - slot->first_finding;
	return 0;
}

/* A git blob the cache may know (a samv_known_fn): 1 when it did, and the file is loaded
 * as it was the last time, 0 when the file must be read, -1 when out of memory. */
static int load_known(const samv_file *f, size_t index, void *ctx)
{
	loader *ld = ctx;
	loaded *slot = &ld->files[index];
	samv_node *root;
	int kind;
	bool valid;
	samv_cache_from from;
	samv_doc *doc = samv_doc_new(f->path);
	if (!doc)
		return -1;
	slot_start(ld, slot, doc, f);
	int hit = samv_cache_get(ld->cache, f->id, f->path, ld->diags, &root, &kind, &valid, &from);
	if (hit != 1) {
		samv_doc_free(doc);
		*slot = (loaded){ .doc = NULL };
		return hit;
	}
	doc->root = root;
	slot->kind = kind >= -1 && kind < SAMV_KIND_COUNT ? kind : -1;
	slot->valid = valid;
	slot->from = from;
	slot->nfindings = ld->diags->count - slot->first_finding;
	return 1;
}

/* The cache of loaded blobs, for a git source unless the caller said no: 0, or -1 when out
 * of memory. Its entries depend on the message language too, as findings are kept as
 * written. */
static int open_cache(samv_ledger *l, const samv_source *src, bool no_cache)
{
	if (no_cache)
		return 0;
	char *dir = samv_source_cache_dir(src);
	if (!dir)
		return 0;
	/* Besides samv's own build: the message language, and the libraries whose answers
	 * loading keeps (libyaml's parse and its phrases, pcre2's matches). */
	const samv_catalog *lang = samv_i18n();
	const char *code = lang ? samv_catalog_language(lang) : "en";
	char pcre2[64] = "";
	pcre2_config(PCRE2_CONFIG_VERSION, pcre2);
	uint64_t fingerprint = samv_cache_fingerprint(0, code, strlen(code));
	fingerprint = samv_cache_fingerprint(fingerprint, yaml_get_version_string(),
					     strlen(yaml_get_version_string()));
	fingerprint = samv_cache_fingerprint(fingerprint, pcre2, strnlen(pcre2, sizeof pcre2));
	l->cache = samv_cache_open(dir, fingerprint);
	free(dir);
	return l->cache ? 0 : -1;
}

/* Keep what was loaded from git for the next run (samv_cache_save decides how much to
 * write). Nothing is lost when it cannot: the cache is only ever a shortcut. */
static void save_cache(samv_cache *cache, const loaded *files, size_t count)
{
	samv_cache_entry *entries = malloc((count ? count : 1) * sizeof *entries);
	size_t n = 0;
	for (size_t i = 0; entries && i < count; i++) {
		const loaded *f = &files[i];
		if (f->doc && f->has_id)
			entries[n++] = (samv_cache_entry){ .id = f->id, .path = f->doc->path, .kind = f->kind,
							   .valid = f->valid, .root = f->doc->root,
							   .findings = f->diags->items + f->first_finding,
							   .nfindings = f->nfindings, .from = f->from };
	}
	if (entries)
		samv_cache_save(cache, entries, n);
	free(entries);
}

/* Take the loaded files into the ledger in listing order, as one thread would have made
 * them. The documents are the ledger's even when this fails (out of memory: -1). */
static int take_loaded(samv_ledger *l, loaded *files, size_t count)
{
	size_t nrecords = 0;
	l->docs = malloc((count ? count : 1) * sizeof *l->docs);
	for (size_t i = 0; i < count; i++) {
		if (!files[i].doc)
			continue;
		if (!l->docs) {
			samv_doc_free(files[i].doc);
			continue;
		}
		l->docs[l->ndocs++] = files[i].doc;
		nrecords += files[i].kind >= 0;
	}
	l->nfiles = l->ndocs;
	if (!l->docs || !(l->records = malloc((nrecords ? nrecords : 1) * sizeof *l->records)))
		return -1;
	for (size_t i = 0; i < count; i++) {
		if (!files[i].doc || files[i].kind < 0)
			continue;
		samv_record *r = &l->records[l->nrecords++];
		*r = (samv_record){ .kind = (samv_kind)files[i].kind, .doc = files[i].doc,
				    .root = files[i].doc->root, .valid = files[i].valid };
		if (set_identity(r))
			return -1;
	}
	return 0;
}

/* The CPUs this process may run on: taskset and a container's cpuset limit it below the
 * machine's count (a CPU quota does not show here; SAMV_THREADS=1 is for that). */
static long usable_cpus(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		return CPU_COUNT(&set);
	return sysconf(_SC_NPROCESSORS_ONLN);
}

/* Threads to load count files on. A second thread costs a store, a set of compiled
 * schemas and, for git sources, a repository handle of its own: 1–2 ms more for a ledger
 * of 150 files, while 300 files take 4–8 ms less (of 30–40 ms, measured on 2 cores). */
static size_t load_threads(size_t count, unsigned asked)
{
	if (asked)
		return asked < SAMV_LOAD_MAX_THREADS ? asked : SAMV_LOAD_MAX_THREADS;
	return count >= 256 && usable_cpus() >= 2 ? 2 : 1;
}

int samv_ledger_load(samv_ledger **out, samv_source *src, const samv_ledger_options *o,
		     samv_diags *diags, bool *unreadable, char **err)
{
	static const samv_ledger_options defaults = { 0 };
	o = o ? o : &defaults;
	*out = NULL;
	samv_ledger *l = calloc(1, sizeof *l);
	loader ld[SAMV_LOAD_MAX_THREADS] = { 0 };
	samv_worker workers[SAMV_LOAD_MAX_THREADS] = { 0 };
	samv_listing *listing = NULL;
	loaded *files = NULL;
	char **ignore = NULL;
	size_t nignore = 0, count = 0, nthreads = 0;
	int rc = -1, each;

	if (!l || read_ignore(src, &ignore, &nignore, err))
		goto done;
	if (samv_source_listing(src, (const char *const *)ignore, nignore, &listing, diags,
				unreadable, err))
		goto done;
	count = samv_listing_count(listing);
	nthreads = load_threads(count, o->threads);
	files = calloc(count ? count : 1, sizeof *files);
	if (!files || open_cache(l, src, o->no_cache))
		goto done;
	while (l->nstores < nthreads) {
		size_t w = l->nstores;
		ld[w] = (loader){ .diags = &workers[w].diags, .files = files, .cache = l->cache };
		workers[w].ctx = &ld[w];
		if (!(ld[w].store = samv_store_new()))
			goto done;
		l->stores[l->nstores++] = ld[w].store;
		if (compile_schemas(&ld[w], err))
			goto done;
	}
	each = samv_listing_each(listing, l->cache ? load_known : NULL, load_file, workers, nthreads, err);
	/* A list that lost a finding for want of memory must not be kept as the truth. */
	bool complete = each == 0;
	for (size_t w = 0; w < nthreads; w++)
		complete = complete && !workers[w].diags.oom;
	if (l->cache && complete)
		save_cache(l->cache, files, count);
	/* Every text is in; the tables that found them again would only hold memory. */
	for (size_t w = 0; w < l->nstores; w++)
		samv_store_seal(l->stores[w]);
	for (size_t w = 0; w < nthreads; w++) {
		samv_diags_take(diags, &workers[w].diags);
		if (workers[w].unreadable)
			*unreadable = true;
	}
	if (take_loaded(l, files, count) || each < 0)
		goto done;
	if (each) {
		*err = samv_strprintf("%s", _("out of memory while loading the ledger"));
		goto done;
	}
	if (l->nrecords)
		qsort(l->records, l->nrecords, sizeof *l->records, record_cmp);
	for (size_t i = 0, k = 0; k <= SAMV_KIND_COUNT; k++) {
		while (i < l->nrecords && l->records[i].kind < (samv_kind)k)
			i++;
		l->by_kind[k] = i;
	}
	l->config = l->by_kind[1] > 0 ? &l->records[0] : NULL;
	rc = 0;
done:
	for (size_t i = 0; i < nignore; i++)
		free(ignore[i]);
	free(ignore);
	samv_listing_free(listing);
	free(files);
	for (size_t w = 0; w < SAMV_LOAD_MAX_THREADS; w++) {
		for (int k = 0; k < SAMV_KIND_COUNT; k++)
			samv_schema_free(ld[w].schemas[k]);
		samv_diags_free(&workers[w].diags);
	}
	if (rc) {
		if (!*err)
			*err = samv_strprintf("%s", _("out of memory"));
		samv_ledger_free(l);
	} else {
		*out = l;
	}
	return rc;
}

void samv_ledger_free(samv_ledger *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nrecords; i++)
		free(l->records[i].derived_id);
	free(l->records);
	for (size_t i = 0; i < l->ndocs; i++)
		samv_doc_free(l->docs[i]);
	free(l->docs);
	for (size_t i = 0; i < l->nstores; i++)
		samv_store_free(l->stores[i]);
	samv_cache_free(l->cache);
	free(l);
}

const samv_record *samv_ledger_find(const samv_ledger *l, samv_kind kind, const char *id)
{
	if (!id)
		return NULL;
	size_t lo = l->by_kind[kind], hi = l->by_kind[kind + 1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *mid_id = l->records[mid].id ? l->records[mid].id : "";
		int c = strcmp(mid_id, id);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->by_kind[kind + 1] && l->records[lo].id && strcmp(l->records[lo].id, id) == 0)
		return &l->records[lo];
	return NULL;
}
