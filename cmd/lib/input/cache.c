/*
 * input/cache.c — the loaded-blob cache's files: reading them, finding entries, writing them.
 *
 * A cache file (base or delta) is, in the machine's byte order (the fingerprint includes
 * the byte order and the sizes of the structures, so another machine's file is ignored):
 *   head     magic, fingerprint, a checksum of everything after the head, the number of
 *            entries, and where the three sections are;
 *   index    one row per entry, sorted by blob id, then path: the id, the path, the entry;
 *   texts    every text once, laid out as a tree's texts are ([u32 length][bytes][NUL]);
 *   entries  per entry its tree (node arrays, each behind an 8-byte head of its kind and
 *            count, children before parents, then the root node), then its head (kind,
 *            valid, where the tree is) and its findings, texts given by their offsets.
 * In the file a scalar's text is its offset in the texts section and a collection's items
 * the offset of their array in the entries section. A hit turns them into pointers where
 * they lie, once, so the tree is used where it was read, without a copy. An array must
 * lie before the block that points at it, which is checked on the way: a tree read from
 * the cache cannot loop.
 */
#include "input/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"

#define MAGIC "SAMVC01\n"
#define NO_ROOT UINT64_MAX
/* Offsets of texts are 32 bits: a cache over 4 GiB is not written. */
#define MAX_SECTION ((uint64_t)UINT32_MAX)

typedef struct file_head {
	char magic[8];
	uint64_t fingerprint, checksum, count;
	uint64_t index_off, texts_off, texts_len, entries_off, entries_len;
} file_head;

typedef struct index_row {
	unsigned char id[SAMV_CACHE_ID_LEN];
	uint32_t path; /* offset in texts */
	uint64_t entry; /* offset of the entry's head in entries */
} index_row;

typedef struct entry_head {
	int32_t kind;
	uint32_t valid;
	uint32_t nfindings, nrelated;
	uint64_t region; /* offset of its first node array */
	uint64_t root; /* offset of its root node, NO_ROOT when it has none */
} entry_head;

typedef struct finding_row {
	uint32_t rule, line, col, message, nrelated, pad;
} finding_row;

typedef struct related_row {
	uint32_t file, line, col, message;
} related_row;

typedef struct array_head {
	uint32_t kind, count;
} array_head;

_Static_assert(sizeof(file_head) % 8 == 0 && sizeof(index_row) % 8 == 0 &&
		       sizeof(entry_head) % 8 == 0 && sizeof(finding_row) % 8 == 0 &&
		       sizeof(related_row) % 8 == 0 && sizeof(array_head) == 8,
	       "the sections' rows keep 8-byte alignment");

/* What a hit did to an entry's bytes: nothing yet, turned into a tree, or found damaged. */
enum { ENTRY_RAW, ENTRY_READY, ENTRY_DAMAGED };

typedef struct segment {
	char *data; /* the whole file, NULL when there is none or it could not be used */
	size_t len;
	file_head head;
	const index_row *rows;
	const char *texts;
	char *entries;
	unsigned char *state; /* per row: ENTRY_* */
	unsigned char *text_starts; /* a bit for each 8 bytes of texts: a text starts there */
} segment;

enum { BASE, DELTA, NSEGMENTS };
static const char *const segment_names[NSEGMENTS] = { "base", "delta" };

struct samv_cache {
	char *dir;
	uint64_t fingerprint;
	segment seg[NSEGMENTS];
};

uint64_t samv_cache_fingerprint(uint64_t seed, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = seed ^ (len * 0x9E3779B97F4A7C15u);
	for (; len >= 8; p += 8, len -= 8) {
		uint64_t w;
		memcpy(&w, p, sizeof w);
		h = (h ^ w) * 0xBF58476D1CE4E5B9u;
		h ^= h >> 31;
	}
	for (; len; p++, len--) {
		h = (h ^ *p) * 0x94D049BB133111EBu;
		h ^= h >> 29;
	}
	return h;
}

/* The checksum of a file: its index, texts and entries in turn. */
static uint64_t checksum(const void *index, size_t index_len, const void *texts, size_t texts_len,
			 const void *entries, size_t entries_len)
{
	return samv_cache_fingerprint(samv_cache_fingerprint(samv_cache_fingerprint(0, index, index_len),
							     texts, texts_len),
				      entries, entries_len);
}

/* ---- reading -------------------------------------------------------------------------- */

static char *path_in(const char *dir, const char *name)
{
	return samv_strprintf("%s/%s", dir, name);
}

/* The whole file, or NULL (absent, unreadable, out of memory: all mean "no cache"). */
static char *read_all(const char *path, size_t *len)
{
	/* O_NONBLOCK: a FIFO in the cache's place must not hang the run (it is then refused as
	 * not a regular file); it changes nothing for a regular file. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *data = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= (off_t)sizeof(file_head) &&
	    (uint64_t)st.st_size <= 4 * MAX_SECTION && (data = malloc((size_t)st.st_size))) {
		size_t got = 0, want = (size_t)st.st_size;
		while (got < want) {
			ssize_t n = read(fd, data + got, want - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (got != want) {
			free(data);
			data = NULL;
		}
		*len = want;
	}
	close(fd);
	return data;
}

static bool section_ok(uint64_t off, uint64_t len, uint64_t start, uint64_t file_len)
{
	return off % 8 == 0 && len % 8 == 0 && off >= start && off <= file_len && len <= file_len - off;
}

static const entry_head *entry_at(const segment *seg, uint64_t off);

/* Walk the texts section as it was written, one text after the other, each whole (its
 * length, its bytes without a NUL, a NUL, padding to 8), and mark where each starts: a
 * node or a finding may only point at such a start. */
static bool texts_walk(segment *seg)
{
	uint64_t len = seg->head.texts_len, at = 0;
	seg->text_starts = calloc(len / 64 + 1, 1);
	if (!seg->text_starts)
		return false;
	while (at < len) {
		uint32_t n;
		if (len - at < sizeof n + 1)
			return false;
		memcpy(&n, seg->texts + at, sizeof n);
		uint64_t ref = at + sizeof n;
		if (n >= len - ref || seg->texts[ref + n] != '\0' || memchr(seg->texts + ref, '\0', n))
			return false;
		seg->text_starts[ref / 64] |= (unsigned char)(1u << (ref / 8 % 8));
		at = (ref + n + 1 + 7) / 8 * 8;
	}
	return at == len;
}

typedef struct extent {
	uint64_t start, end;
} extent;

static int extent_cmp(const void *pa, const void *pb)
{
	const extent *a = pa, *b = pb;
	return (a->start > b->start) - (a->start < b->start);
}

/* Every row's entry lies within the entries section, and no two entries share a byte: a
 * hit then only ever touches its own entry, whichever thread looks it up. */
static bool entries_apart(const segment *seg)
{
	size_t n = seg->head.count;
	extent *x = malloc((n ? n : 1) * sizeof *x);
	bool ok = x != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		const entry_head *e = entry_at(seg, seg->rows[i].entry);
		ok = e != NULL;
		if (ok)
			x[i] = (extent){ e->region, seg->rows[i].entry + sizeof *e +
							   (uint64_t)e->nfindings * sizeof(finding_row) +
							   (uint64_t)e->nrelated * sizeof(related_row) };
	}
	if (ok && n > 1)
		qsort(x, n, sizeof *x, extent_cmp);
	for (size_t i = 1; ok && i < n; i++)
		ok = x[i - 1].end <= x[i].start;
	free(x);
	return ok;
}

/* Reads seg from its file when it is whole and made for this fingerprint. */
static void segment_read(segment *seg, const char *path, uint64_t fingerprint)
{
	size_t len = 0;
	char *data = read_all(path, &len);
	if (!data)
		return;
	file_head h;
	memcpy(&h, data, sizeof h);
	uint64_t index_len = h.count * sizeof(index_row);
	bool ok = memcmp(h.magic, MAGIC, sizeof h.magic) == 0 && h.fingerprint == fingerprint &&
		  h.count <= len / sizeof(index_row) && h.index_off == sizeof h &&
		  section_ok(h.index_off, index_len, sizeof h, len) &&
		  section_ok(h.texts_off, h.texts_len, h.index_off + index_len, len) &&
		  h.texts_len <= MAX_SECTION &&
		  section_ok(h.entries_off, h.entries_len, h.texts_off + h.texts_len, len) &&
		  h.entries_off + h.entries_len == len &&
		  checksum(data + h.index_off, index_len, data + h.texts_off, h.texts_len,
			   data + h.entries_off, h.entries_len) == h.checksum;
	seg->state = ok ? calloc(h.count ? h.count : 1, 1) : NULL;
	if (!seg->state) {
		free(data);
		return;
	}
	seg->data = data;
	seg->len = len;
	seg->head = h;
	seg->rows = (const index_row *)(data + h.index_off);
	seg->texts = data + h.texts_off;
	seg->entries = data + h.entries_off;
	if (!texts_walk(seg) || !entries_apart(seg)) {
		free(seg->data);
		free(seg->state);
		free(seg->text_starts);
		*seg = (segment){ 0 };
	}
}

samv_cache *samv_cache_open(const char *dir, uint64_t fingerprint)
{
	samv_cache *c = calloc(1, sizeof *c);
	if (!c || !(c->dir = strdup(dir))) {
		free(c);
		return NULL;
	}
	/* The byte order, the sizes and the build: a file made otherwise means otherwise. */
	const uint32_t order = 0x01020304;
	const uint32_t sizes[] = { order, sizeof(void *), sizeof(samv_node), sizeof(file_head) };
	c->fingerprint = samv_cache_fingerprint(samv_cache_fingerprint(fingerprint, sizes, sizeof sizes),
						samv_build_id, strlen(samv_build_id));
	for (int s = 0; s < NSEGMENTS; s++) {
		char *path = path_in(dir, segment_names[s]);
		if (!path) {
			samv_cache_free(c);
			return NULL;
		}
		segment_read(&c->seg[s], path, c->fingerprint);
		free(path);
	}
	return c;
}

void samv_cache_free(samv_cache *c)
{
	if (!c)
		return;
	for (int s = 0; s < NSEGMENTS; s++) {
		free(c->seg[s].data);
		free(c->seg[s].state);
		free(c->seg[s].text_starts);
	}
	free(c->dir);
	free(c);
}

/* The text at offset ref of the texts section, or NULL when no text starts there. */
static const char *text_at(const segment *seg, uint64_t ref)
{
	if (ref % 8 != 4 || ref >= seg->head.texts_len)
		return NULL;
	uint64_t bit = ref / 8;
	return seg->text_starts[bit / 8] & (1u << (bit % 8)) ? seg->texts + ref : NULL;
}

/* In the file a node's pointer field holds an offset, as wide as a pointer. */
static uint64_t stored_offset(const samv_node *n)
{
	uintptr_t off;
	memcpy(&off, &n->text, sizeof off);
	return off;
}

/* The node arrays of one entry's tree, found in order while it is turned into pointers. */
typedef struct blocks {
	uint64_t *at; /* offsets of the arrays (after their heads), increasing */
	size_t n, cap;
} blocks;

static bool is_block(const blocks *b, uint64_t off)
{
	size_t lo = 0, hi = b->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->at[mid] == off)
			return true;
		if (b->at[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Turn a node's offset into a pointer: a text in the texts section, or one of the arrays
 * of its tree already passed (so the tree cannot loop), of the node's kind. */
static bool node_ready(const segment *seg, samv_node *n, const blocks *b)
{
	uint64_t off = stored_offset(n);
	if (n->kind < SAMV_NODE_SEQ) {
		const char *text = text_at(seg, off);
		if (!text)
			return false;
		n->text = text;
		return true;
	}
	if (n->kind > SAMV_NODE_MAP || !is_block(b, off))
		return false;
	array_head ah;
	memcpy(&ah, seg->entries + off - sizeof ah, sizeof ah);
	if (ah.kind != n->kind)
		return false;
	n->c.items = (samv_node *)(seg->entries + off);
	return true;
}

/* Turn an entry's tree into pointers, block by block: a block's nodes may only point at
 * the blocks before it, and the root at any. */
static bool tree_ready(const segment *seg, const entry_head *e)
{
	if (e->root == NO_ROOT)
		return true;
	blocks b = { 0 };
	bool ok = true;
	uint64_t at = e->region;
	while (ok && at < e->root) {
		array_head ah;
		if (e->root - at < sizeof ah)
			break;
		memcpy(&ah, seg->entries + at, sizeof ah);
		bool map = ah.kind == SAMV_NODE_MAP;
		uint64_t nodes = (uint64_t)ah.count * (map ? 2 : 1);
		if ((ah.kind != SAMV_NODE_SEQ && !map) || nodes > (e->root - at - sizeof ah) / sizeof(samv_node))
			break;
		samv_node *n = (samv_node *)(seg->entries + at + sizeof ah);
		for (uint64_t i = 0; ok && i < nodes; i++)
			ok = !(map && i % 2 == 0 && n[i].kind != SAMV_NODE_STRING) && node_ready(seg, &n[i], &b);
		uint64_t *grown = samv_grow(b.at, &b.cap, sizeof *grown, 16, b.n + 1);
		if (!grown)
			break;
		b.at = grown;
		b.at[b.n++] = at + sizeof ah;
		at += sizeof ah + nodes * sizeof(samv_node);
	}
	ok = ok && at == e->root && node_ready(seg, (samv_node *)(seg->entries + e->root), &b);
	free(b.at);
	return ok;
}

/* The entry's head, when its findings and tree lie within the section where they should. */
static const entry_head *entry_at(const segment *seg, uint64_t off)
{
	uint64_t len = seg->head.entries_len;
	if (off % 8 || off > len || len - off < sizeof(entry_head))
		return NULL;
	const entry_head *e = (const entry_head *)(seg->entries + off);
	uint64_t rows = (uint64_t)e->nfindings * sizeof(finding_row) + (uint64_t)e->nrelated * sizeof(related_row);
	if (rows > len - off - sizeof *e || e->region % 8 || e->region > off)
		return NULL;
	/* The root node lies between its tree and the head. */
	if (e->root != NO_ROOT &&
	    (e->root % 8 || e->root < e->region || e->root > off || off - e->root < sizeof(samv_node)))
		return NULL;
	return e;
}

/* Replay an entry's findings into diags: 0, or -1 when damaged or out of memory. */
static int replay(const segment *seg, const entry_head *e, const char *path, samv_diags *diags)
{
	const finding_row *f = (const finding_row *)(e + 1);
	const related_row *r = (const related_row *)(f + e->nfindings);
	uint64_t related = 0;
	for (uint32_t i = 0; i < e->nfindings; i++) {
		const char *rule = text_at(seg, f[i].rule), *message = text_at(seg, f[i].message);
		if (!rule || !message || f[i].nrelated > e->nrelated - related)
			return -1;
		samv_diags_add(diags, rule, path, f[i].line, f[i].col, "%s", message);
		for (uint32_t k = 0; k < f[i].nrelated; k++, related++) {
			const char *file = text_at(seg, r[related].file), *note = text_at(seg, r[related].message);
			if (!file || !note)
				return -1;
			samv_diags_relate(diags, file, r[related].line, r[related].col, "%s", note);
		}
	}
	return diags->oom ? -1 : 0;
}

static int row_cmp(const unsigned char *id, const char *path, const segment *seg, const index_row *row)
{
	int c = memcmp(id, row->id, SAMV_CACHE_ID_LEN);
	if (c)
		return c;
	const char *p = text_at(seg, row->path);
	return p ? strcmp(path, p) : 1;
}

/* The row of (id, path) in seg, or -1. */
static long find_row(const segment *seg, const unsigned char *id, const char *path)
{
	size_t lo = 0, hi = seg->data ? seg->head.count : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = row_cmp(id, path, seg, &seg->rows[mid]);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

int samv_cache_get(samv_cache *c, const unsigned char *id, const char *path, samv_diags *diags,
		   samv_node **root, int *kind, bool *valid, samv_cache_from *from)
{
	for (int s = 0; s < NSEGMENTS; s++) {
		segment *seg = &c->seg[s];
		long row = find_row(seg, id, path);
		if (row < 0 || seg->state[row] == ENTRY_DAMAGED)
			continue;
		const entry_head *e = entry_at(seg, seg->rows[row].entry);
		if (seg->state[row] == ENTRY_RAW)
			seg->state[row] = e && tree_ready(seg, e) ? ENTRY_READY : ENTRY_DAMAGED;
		if (seg->state[row] != ENTRY_READY)
			continue;
		size_t before = diags->count;
		if (replay(seg, e, path, diags)) {
			if (diags->oom)
				return -1;
			/* Damaged findings: take back what was replayed and load the file. */
			while (diags->count > before)
				samv_finding_clear(&diags->items[--diags->count]);
			seg->state[row] = ENTRY_DAMAGED;
			continue;
		}
		*root = e->root == NO_ROOT ? NULL : (samv_node *)(seg->entries + e->root);
		*kind = e->kind;
		*valid = e->valid != 0;
		*from = s == BASE ? SAMV_CACHE_BASE : SAMV_CACHE_DELTA;
		return 1;
	}
	return 0;
}

/* ---- writing -------------------------------------------------------------------------- */

typedef struct text_slot {
	uint32_t ref; /* 0: empty (no text starts at 0) */
	uint32_t hash;
} text_slot;

typedef struct writer {
	samv_buf texts, entries;
	text_slot *slots;
	size_t cap, ntexts;
	samv_node *stack; /* a collection's nodes as the file will hold them, until written */
	size_t nstack, capstack;
	index_row *rows;
	size_t nrows;
	bool failed;
} writer;

static void pad8(samv_buf *b)
{
	static const char zeros[8] = { 0 };
	if (b->len % 8)
		samv_buf_add(b, zeros, 8 - b->len % 8);
}

static bool grow_texts(writer *w)
{
	size_t cap = w->cap ? w->cap * 2 : 4096;
	text_slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < w->cap; i++) {
		if (!w->slots[i].ref)
			continue;
		size_t j = w->slots[i].hash & (cap - 1);
		while (slots[j].ref)
			j = (j + 1) & (cap - 1);
		slots[j] = w->slots[i];
	}
	free(w->slots);
	w->slots = slots;
	w->cap = cap;
	return true;
}

/* The offset of a text in the texts section, added the first time it is seen. */
static uint32_t put_text(writer *w, const char *s, size_t len)
{
	uint32_t hash = (uint32_t)samv_cache_fingerprint(len, s, len);
	if ((w->ntexts + 1) * 2 > w->cap && !grow_texts(w)) {
		w->failed = true;
		return 0;
	}
	size_t i = hash & (w->cap - 1);
	for (; w->slots[i].ref; i = (i + 1) & (w->cap - 1)) {
		const char *t = w->texts.data + w->slots[i].ref;
		if (w->slots[i].hash == hash && samv_node_prefix_(t) == len && memcmp(t, s, len) == 0)
			return w->slots[i].ref;
	}
	uint32_t n = (uint32_t)len;
	if (len >= MAX_SECTION || w->texts.len + len + 16 > MAX_SECTION) {
		w->failed = true;
		return 0;
	}
	samv_buf_add(&w->texts, (const char *)&n, sizeof n);
	uint32_t ref = (uint32_t)w->texts.len;
	samv_buf_add(&w->texts, s, len);
	samv_buf_add(&w->texts, "", 1);
	pad8(&w->texts);
	if (w->texts.oom) {
		w->failed = true;
		return 0;
	}
	w->slots[i] = (text_slot){ ref, hash };
	w->ntexts++;
	return ref;
}

static bool reserve_stack(writer *w, size_t n)
{
	samv_node *s = n <= SIZE_MAX - w->nstack
			       ? samv_grow(w->stack, &w->capstack, sizeof *s, 256, w->nstack + n)
			       : NULL;
	if (!s)
		return false;
	w->stack = s;
	return true;
}

static bool set_offset(samv_node *n, uint64_t off)
{
	uintptr_t o = (uintptr_t)off;
	memcpy(&n->text, &o, sizeof o);
	return o == off;
}

/* Write the arrays below n, then put n as the file holds it in w->stack[at]. The stack may
 * move while the children are written, so the slot is named by its index. */
static void put_tree(writer *w, const samv_node *n, size_t at)
{
	samv_node out = *n;
	if (n->kind < SAMV_NODE_SEQ) {
		if (!set_offset(&out, put_text(w, n->text, samv_node_len(n))))
			w->failed = true;
	} else {
		uint32_t count = samv_node_count(n);
		size_t nodes = (size_t)count * (n->kind == SAMV_NODE_MAP ? 2 : 1);
		size_t first = w->nstack;
		if (!reserve_stack(w, nodes)) {
			w->failed = true;
			return;
		}
		w->nstack += nodes;
		/* A mapping's pairs are its keys and values side by side (node.h). */
		for (size_t i = 0; i < nodes && !w->failed; i++)
			put_tree(w, &n->c.items[i], first + i);
		array_head ah = { n->kind, count };
		samv_buf_add(&w->entries, (const char *)&ah, sizeof ah);
		if (!set_offset(&out, w->entries.len))
			w->failed = true;
		samv_buf_add(&w->entries, (const char *)(w->stack + first), nodes * sizeof *w->stack);
		w->nstack = first;
	}
	w->stack[at] = out;
}

static void put_entry(writer *w, const samv_cache_entry *e)
{
	uint64_t region = w->entries.len, root = NO_ROOT;
	if (e->root) {
		if (!reserve_stack(w, 1)) {
			w->failed = true;
			return;
		}
		w->nstack = 1;
		put_tree(w, e->root, 0);
		w->nstack = 0;
		root = w->entries.len;
		samv_buf_add(&w->entries, (const char *)w->stack, sizeof *w->stack);
	}
	entry_head head = { .kind = e->kind, .valid = e->valid, .region = region, .root = root,
			    .nfindings = (uint32_t)e->nfindings };
	for (size_t i = 0; i < e->nfindings; i++)
		head.nrelated += (uint32_t)e->findings[i].nrelated;
	uint64_t at = w->entries.len;
	samv_buf_add(&w->entries, (const char *)&head, sizeof head);
	for (size_t i = 0; i < e->nfindings; i++) {
		const samv_finding *f = &e->findings[i];
		finding_row row = { put_text(w, f->rule, strlen(f->rule)), f->line, f->col,
				    put_text(w, f->message, strlen(f->message)), (uint32_t)f->nrelated, 0 };
		samv_buf_add(&w->entries, (const char *)&row, sizeof row);
	}
	for (size_t i = 0; i < e->nfindings; i++)
		for (size_t k = 0; k < e->findings[i].nrelated; k++) {
			const samv_related *r = &e->findings[i].related[k];
			related_row row = { put_text(w, r->file, strlen(r->file)), r->line, r->col,
					    put_text(w, r->message, strlen(r->message)) };
			samv_buf_add(&w->entries, (const char *)&row, sizeof row);
		}
	index_row *ir = &w->rows[w->nrows++];
	memcpy(ir->id, e->id, sizeof ir->id);
	ir->path = put_text(w, e->path, strlen(e->path));
	ir->entry = at;
	if (w->entries.oom || w->entries.len > MAX_SECTION * 3)
		w->failed = true;
}

/* An index row with its path, for sorting. */
typedef struct sort_row {
	index_row row;
	const char *path;
} sort_row;

static int sort_row_cmp(const void *pa, const void *pb)
{
	const sort_row *a = pa, *b = pb;
	int c = memcmp(a->row.id, b->row.id, sizeof a->row.id);
	return c ? c : strcmp(a->path, b->path);
}

/* Sort the index as find_row searches it: by id, then path. */
static bool sort_index(writer *w)
{
	sort_row *s = malloc((w->nrows ? w->nrows : 1) * sizeof *s);
	if (!s)
		return false;
	for (size_t i = 0; i < w->nrows; i++)
		s[i] = (sort_row){ w->rows[i], w->texts.data + w->rows[i].path };
	qsort(s, w->nrows, sizeof *s, sort_row_cmp);
	for (size_t i = 0; i < w->nrows; i++)
		w->rows[i] = s[i].row;
	free(s);
	return true;
}

static bool write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Write the file under a temporary name beside it, then rename it into place: a reader
 * sees the old file or the new, never half of one. */
static int write_segment(const samv_cache *c, const char *name, writer *w)
{
	if (!sort_index(w))
		return -1;
	file_head h = { .fingerprint = c->fingerprint, .count = w->nrows };
	memcpy(h.magic, MAGIC, sizeof h.magic);
	h.index_off = sizeof h;
	h.texts_off = h.index_off + w->nrows * sizeof(index_row);
	h.texts_len = w->texts.len;
	h.entries_off = h.texts_off + h.texts_len;
	h.entries_len = w->entries.len;
	h.checksum = checksum(w->rows, w->nrows * sizeof *w->rows, w->texts.data, w->texts.len,
			      w->entries.data, w->entries.len);

	char *final = path_in(c->dir, name), *tmp = samv_strprintf("%s/.%s-XXXXXX", c->dir, name);
	int rc = -1;
	int fd = final && tmp ? mkstemp(tmp) : -1;
	if (fd >= 0) {
		/* mkstemp makes the file private; the cache is as readable as the repository
		 * the user's umask would make (save runs on one thread, so umask is safe). */
		mode_t mask = umask(0);
		umask(mask);
		bool ok = fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, &h, sizeof h) &&
			  write_all(fd, w->rows, w->nrows * sizeof *w->rows) &&
			  write_all(fd, w->texts.data, w->texts.len) &&
			  write_all(fd, w->entries.data, w->entries.len);
		ok = close(fd) == 0 && ok;
		if (ok && rename(tmp, final) == 0)
			rc = 0;
		else
			unlink(tmp);
	}
	free(final);
	free(tmp);
	return rc;
}

static void writer_free(writer *w)
{
	samv_buf_free(&w->texts);
	samv_buf_free(&w->entries);
	free(w->slots);
	free(w->stack);
	free(w->rows);
}

/* Write the entries (all, or those not from the base) as the file name. */
static int write_entries(const samv_cache *c, const char *name, const samv_cache_entry *entries,
			 size_t count, bool all)
{
	writer w = { 0 };
	int rc = -1;
	w.rows = malloc((count ? count : 1) * sizeof *w.rows);
	/* No text starts at offset 0, so a slot's ref 0 can mean "empty". */
	put_text(&w, "", 0);
	for (size_t i = 0; w.rows && i < count && !w.failed; i++)
		if (all || entries[i].from != SAMV_CACHE_BASE)
			put_entry(&w, &entries[i]);
	if (w.rows && !w.failed && !w.texts.oom && !w.entries.oom)
		rc = write_segment(c, name, &w);
	writer_free(&w);
	return rc;
}

/* A run killed while it wrote left its temporary file behind (as big as the cache). One
 * an hour old is no other run's work in progress: a save takes seconds at most. */
static void remove_stale(const samv_cache *c)
{
	DIR *d = opendir(c->dir);
	if (!d)
		return;
	time_t now = time(NULL);
	struct dirent *de;
	while ((de = readdir(d))) {
		if (strncmp(de->d_name, ".base-", 6) != 0 && strncmp(de->d_name, ".delta-", 7) != 0)
			continue;
		struct stat st;
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    st.st_mtime < now - 3600)
			unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

int samv_cache_save(samv_cache *c, const samv_cache_entry *entries, size_t count)
{
	size_t misses = 0, in_delta = 0, from_base = 0;
	for (size_t i = 0; i < count; i++) {
		misses += entries[i].from == SAMV_CACHE_MISS;
		in_delta += entries[i].from != SAMV_CACHE_BASE;
		from_base += entries[i].from == SAMV_CACHE_BASE;
	}
	if (!misses)
		return 0;
	/* The folder and the one above it (.git/samv/LEDGER). */
	char *slash = strrchr(c->dir, '/');
	if (slash) {
		*slash = '\0';
		int made = mkdir(c->dir, 0777);
		*slash = '/';
		if (made != 0 && errno != EEXIST)
			return -1;
	}
	if (mkdir(c->dir, 0777) != 0 && errno != EEXIST)
		return -1;
	remove_stale(c);
	/* A small delta beside a base that is still mostly used; else a new base. */
	size_t base_rows = c->seg[BASE].data ? c->seg[BASE].head.count : 0;
	size_t quarter = base_rows / 4;
	if (base_rows && in_delta <= (quarter > 64 ? quarter : 64) && base_rows - from_base <= quarter)
		return write_entries(c, segment_names[DELTA], entries, count, false);
	if (write_entries(c, segment_names[BASE], entries, count, true))
		return -1;
	/* The delta's entries are all in the new base now (an old delta left behind by a
	 * failed unlink is still true, only larger than it need be). */
	char *delta = path_in(c->dir, segment_names[DELTA]);
	if (delta)
		unlink(delta);
	free(delta);
	return 0;
}
