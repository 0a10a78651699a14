/*
 * input/yaml.c — libyaml's event stream folded into a samv node tree with positions.
 *
 * Three passes over a file, each linear: a UTF-8 check (libyaml reports bad bytes at a
 * useless "line 1 column 1", so we find the real position ourselves), the libyaml event
 * loop that builds nodes, and per mapping a duplicate-key check; a file with a tab in it
 * has two more before the event loop, which make spaces of the tabs that YAML 1.2 allows
 * and libyaml would refuse (tabs.c). Open collections live on a frame stack; their
 * children wait on one shared scratch stack and are copied into the document's arena (or
 * its store's) when the collection ends, so every node array is allocated exactly once.
 */
#include "input/yaml.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util/i18n.h"
#include "input/tabs.h"

typedef struct frame {
	samv_node node; /* its kind and position; its items once it ends */
	size_t first; /* index of its first child on the scratch stack */
} frame;

typedef struct loader {
	samv_doc *doc;
	samv_diags *diags;
	const unsigned char *data;
	size_t len;
	frame frames[SAMV_YAML_MAX_DEPTH];
	size_t depth;
	samv_node *scratch;
	size_t nscratch, capscratch;
	int documents;
	int failed; /* -1 refused, -2 out of memory */
} loader;

static uint32_t clamp_u32(size_t v)
{
	return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* Line and column (1-based, columns in code points) of a byte offset. */
static void offset_position(const unsigned char *data, size_t len, size_t offset,
			    uint32_t *line, uint32_t *col)
{
	size_t l = 1, c = 1;
	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++) {
		if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if ((data[i] & 0xC0) != 0x80 && data[i] != '\r') {
			c++;
		}
	}
	*line = clamp_u32(l);
	*col = clamp_u32(c);
}

/* Returns the offset of the first byte that is not valid UTF-8 or is NUL, or len. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		/* Records are mostly ASCII: eight bytes at a time while none is NUL or above
		 * 0x7F (a byte's high bit, or the borrow a NUL leaves in it). */
		if (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, sizeof w);
			if (!((w | ((w - 0x0101010101010101u) & ~w)) & 0x8080808080808080u)) {
				i += 8;
				continue;
			}
		}
		unsigned char b = s[i];
		if (b == 0)
			return i;
		if (b < 0x80) {
			i++;
			continue;
		}
		size_t n;
		uint32_t cp;
		if (b >= 0xC2 && b <= 0xDF) {
			n = 2;
			cp = b & 0x1Fu;
		} else if (b >= 0xE0 && b <= 0xEF) {
			n = 3;
			cp = b & 0x0Fu;
		} else if (b >= 0xF0 && b <= 0xF4) {
			n = 4;
			cp = b & 0x07u;
		} else {
			return i;
		}
		if (len - i < n)
			return i;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3Fu);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n;
	}
	return len;
}

static void fail_at(loader *ld, yaml_mark_t mark, const char *fmt, ...) SAMV_PRINTF(3, 4);

static void fail_at(loader *ld, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	samv_diags_vadd(ld->diags, "yaml", ld->doc->path, clamp_u32(mark.line + 1),
			clamp_u32(mark.column + 1), fmt, ap);
	va_end(ap);
	if (!ld->failed)
		ld->failed = -1;
}

static void out_of_memory(loader *ld)
{
	ld->failed = -2;
}

static samv_node new_node(samv_node_kind kind, yaml_mark_t mark)
{
	size_t col = mark.column + 1;
	return (samv_node){ .kind = kind & 0xFu,
			    .line = clamp_u32(mark.line + 1),
			    .col = (col > SAMV_NODE_MAX_COL ? SAMV_NODE_MAX_COL : col) & SAMV_NODE_MAX_COL };
}

static int push_scratch(loader *ld, const samv_node *n)
{
	samv_node *s = samv_grow(ld->scratch, &ld->capscratch, sizeof *s, 256, ld->nscratch + 1);
	if (!s) {
		out_of_memory(ld);
		return -1;
	}
	ld->scratch = s;
	ld->scratch[ld->nscratch++] = *n;
	return 0;
}

static bool is_digits(const char *s, size_t len, const char *set)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!strchr(set, s[i]) || s[i] == '\0')
			return false;
	return true;
}

static bool is_one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static bool is_core_float(const char *s, size_t len)
{
	size_t i = 0, mant = 0;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, mant++;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, mant++;
	}
	if (mant == 0)
		return false;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		size_t exp = 0;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, exp++;
		if (exp == 0)
			return false;
	}
	return i == len;
}

/* The value is read again from the text when asked for (samv_node_int). */
static void set_int_or_float(samv_node *n, const char *digits, int base)
{
	errno = 0;
	char *end;
	unsigned long long v = strtoull(digits, &end, base);
	/* Too large for an integer: keep it as a number. Only schema bounds ever see the
	 * value; money and dates are read from the text. */
	n->kind = errno == 0 && *end == '\0' && v <= (unsigned long long)INT64_MAX ? SAMV_NODE_INT
										   : SAMV_NODE_FLOAT;
}

void samv_yaml_resolve_plain(samv_node *n)
{
	static const char *const nulls[] = { "null", "Null", "NULL", "~", "", NULL };
	static const char *const trues[] = { "true", "True", "TRUE", NULL };
	static const char *const falses[] = { "false", "False", "FALSE", NULL };
	static const char *const infs[] = { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL };
	static const char *const ninfs[] = { "-.inf", "-.Inf", "-.INF", NULL };
	static const char *const nans[] = { ".nan", ".NaN", ".NAN", NULL };
	const char *s = n->text;
	size_t len = samv_node_len(n);

	n->kind = SAMV_NODE_STRING;
	/* Every form below starts with one of these characters (or is empty), so the
	 * names, ids and keys that make up most of a ledger are strings at one glance, and
	 * a date or a number is not compared with the words. */
	char c = len > 0 ? s[0] : '\0';
	bool word = c == '\0' || c == '~' || c == 'n' || c == 'N' || c == 't' || c == 'T' ||
		    c == 'f' || c == 'F';
	bool sign_or_dot = c == '+' || c == '-' || c == '.';
	if (!word && !sign_or_dot && !(c >= '0' && c <= '9'))
		return;
	if (strlen(s) != len)
		return;
	if (word && is_one_of(s, nulls)) {
		n->kind = SAMV_NODE_NULL;
	} else if (word && (is_one_of(s, trues) || is_one_of(s, falses))) {
		n->kind = SAMV_NODE_BOOL;
	} else if (len > 2 && s[0] == '0' && s[1] == 'o' && is_digits(s + 2, len - 2, "01234567")) {
		set_int_or_float(n, s + 2, 8);
	} else if (len > 2 && s[0] == '0' && s[1] == 'x' &&
		   is_digits(s + 2, len - 2, "0123456789abcdefABCDEF")) {
		set_int_or_float(n, s + 2, 16);
	} else if ((s[0] == '-' || s[0] == '+') ? is_digits(s + 1, len - 1, "0123456789")
						: is_digits(s, len, "0123456789")) {
		bool sign = s[0] == '-' || s[0] == '+';
		set_int_or_float(n, s + sign, 10);
	} else if (is_core_float(s, len) ||
		   (sign_or_dot && (is_one_of(s, infs) || is_one_of(s, ninfs) || is_one_of(s, nans)))) {
		n->kind = SAMV_NODE_FLOAT;
	}
}

/* Attach a finished node to the open collection, or make it the document's root. */
static void attach(loader *ld, samv_node *n)
{
	if (ld->depth == 0) {
		samv_node *root = samv_doc_alloc(ld->doc, sizeof *root);
		if (!root) {
			out_of_memory(ld);
			return;
		}
		*root = *n;
		ld->doc->root = root;
		return;
	}
	frame *f = &ld->frames[ld->depth - 1];
	bool is_key = f->node.kind == SAMV_NODE_MAP && (ld->nscratch - f->first) % 2 == 0;
	if (is_key && n->kind != SAMV_NODE_STRING) {
		if (n->kind == SAMV_NODE_SEQ || n->kind == SAMV_NODE_MAP) {
			yaml_mark_t m = { 0, n->line - 1, n->col - 1 };
			fail_at(ld, m, "%s", n->kind == SAMV_NODE_SEQ ? _("a key must be a plain word, not a list")
								 : _("a key must be a plain word, not a mapping"));
			return;
		}
		/* A scalar key is a name: `2017:` names the year 2017, as in JSON. */
		n->kind = SAMV_NODE_STRING;
	}
	push_scratch(ld, n);
}

static int key_cmp(const void *pa, const void *pb)
{
	const samv_pair *a = *(samv_pair *const *)pa, *b = *(samv_pair *const *)pb;
	uint32_t alen = samv_node_len(&a->key), blen = samv_node_len(&b->key);
	int c = memcmp(a->key.text, b->key.text, alen < blen ? alen : blen);
	if (!c)
		c = (alen > blen) - (alen < blen);
	if (!c)
		c = (a > b) - (a < b); /* document order among equal keys */
	return c;
}

static bool same_key(const samv_node *a, const samv_node *b)
{
	/* Texts are interned in a store, and compared when the document has none. */
	return a->text == b->text ||
	       (samv_node_len(a) == samv_node_len(b) && memcmp(a->text, b->text, samv_node_len(a)) == 0);
}

static void report_duplicate(loader *ld, const samv_pair *first, const samv_pair *again)
{
	samv_diags_add(ld->diags, "yaml", ld->doc->path, again->key.line, again->key.col,
		       /* TRANSLATORS: %1$s is the key, %2$u the line of its first occurrence. */
		       _("duplicate key '%s' (first at line %u): the second value would "
			 "silently replace the first; remove one"),
		       again->key.text, (unsigned)first->key.line);
	/* TRANSLATORS: a note at the first occurrence of a duplicate key; %s is the key. */
	samv_diags_relate(ld->diags, ld->doc->path, first->key.line, first->key.col,
			  _("first '%s' here"), first->key.text);
	if (!ld->failed)
		ld->failed = -1;
}

/* Sorting makes the check O(n log n), so a file with 200 000 keys stays fast; a record's
 * own mappings (a placement has up to 13 keys) are cheaper to compare pairwise than to
 * sort, and need no allocation. */
static void check_duplicates(loader *ld, samv_node *map)
{
	size_t n = samv_node_count(map);
	if (n < 2)
		return;
	if (n <= 16) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (same_key(&map->c.pairs[i].key, &map->c.pairs[j].key)) {
					report_duplicate(ld, &map->c.pairs[j], &map->c.pairs[i]);
					break;
				}
		return;
	}
	samv_pair **sorted = malloc(n * sizeof *sorted);
	if (!sorted) {
		out_of_memory(ld);
		return;
	}
	for (size_t i = 0; i < n; i++)
		sorted[i] = &map->c.pairs[i];
	qsort(sorted, n, sizeof *sorted, key_cmp);
	size_t run = 0;
	for (size_t i = 1; i < n; i++) {
		if (same_key(&sorted[run]->key, &sorted[i]->key))
			report_duplicate(ld, sorted[run], sorted[i]);
		else
			run = i;
	}
	free(sorted);
}

static void close_collection(loader *ld)
{
	frame *f = &ld->frames[--ld->depth];
	samv_node *n = &f->node;
	size_t children = ld->nscratch - f->first;
	bool map = n->kind == SAMV_NODE_MAP;
	/* the file is under 4 GiB (yaml.h), so the count fits */
	n->c.items = samv_doc_array(ld->doc, map ? children / 2 : children, map);
	if (!n->c.items) {
		out_of_memory(ld);
		return;
	}
	/* A pair is a key node and its value node, as they lie on the scratch stack. Before
	 * the first child of the file, scratch is NULL, and NULL + 0 is undefined. */
	if (children)
		memcpy(n->c.items, ld->scratch + f->first, children * sizeof *ld->scratch);
	if (map)
		check_duplicates(ld, n);
	ld->nscratch = f->first;
	attach(ld, n);
}

static void open_collection(loader *ld, samv_node_kind kind, yaml_mark_t mark)
{
	if (ld->depth == SAMV_YAML_MAX_DEPTH) {
		samv_diags_add(ld->diags, "yaml", ld->doc->path, clamp_u32(mark.line + 1),
			       clamp_u32(mark.column + 1),
			       _("nesting deeper than %d levels; a record is never this deep"),
			       SAMV_YAML_MAX_DEPTH);
		ld->failed = -1;
		return;
	}
	ld->frames[ld->depth++] = (frame){ new_node(kind, mark), ld->nscratch };
}

static void scalar(loader *ld, const yaml_event_t *ev)
{
	const char *value = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	if (memchr(value, '\0', len)) {
		fail_at(ld, ev->start_mark, "%s", _("a string holds a NUL character (\\0)"));
		return;
	}
	samv_node n = new_node(SAMV_NODE_STRING, ev->start_mark);
	n.text = samv_doc_text(ld->doc, value, len);
	if (!n.text) {
		out_of_memory(ld);
		return;
	}
	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		samv_yaml_resolve_plain(&n);
	attach(ld, &n);
}

/* Refuse what the spec refuses before looking at the event's content. */
static bool refused(loader *ld, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		fail_at(ld, ev->start_mark,
			/* TRANSLATORS: %s is the alias's name, as written after '*'. */
			_("alias '*%s' is not allowed: samv reads no anchors or aliases; write the value out"),
			(const char *)ev->data.alias.anchor);
		return true;
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	case YAML_DOCUMENT_START_EVENT:
		if (++ld->documents > 1) {
			fail_at(ld, ev->start_mark, "%s",
				_("a second document: a record file holds exactly one (remove the '---' "
				  "line and what follows, or move it to its own file)"));
			return true;
		}
		return false;
	default:
		return false;
	}
	if (tag) {
		/* libyaml expands "!!str" to its URI; show it as the user wrote it. */
		static const char core[] = "tag:yaml.org,2002:";
		const char *t = (const char *)tag;
		bool short_form = strncmp(t, core, sizeof core - 1) == 0;
		/* TRANSLATORS: %s%s is the tag as written, e.g. '!!str' ("!!" and "str"). */
		fail_at(ld, ev->start_mark, _("tag '%s%s' is not allowed: samv reads plain YAML without tags"),
			short_form ? "!!" : "", short_form ? t + sizeof core - 1 : t);
		return true;
	}
	if (anchor) {
		fail_at(ld, ev->start_mark,
			/* TRANSLATORS: %s is the anchor's name, as written after '&'. */
			_("anchor '&%s' is not allowed: samv reads no anchors or aliases; write the value out"),
			(const char *)anchor);
		return true;
	}
	return false;
}

/* The byte at a line and column, for telling what libyaml stumbled on. */
static int char_at(const loader *ld, uint32_t line, uint32_t col)
{
	size_t i = 0;
	for (uint32_t l = 1; l < line && i < ld->len; i++)
		if (ld->data[i] == '\n')
			l++;
	for (uint32_t c = 1; c < col && i < ld->len; c++)
		do
			i++;
		while (i < ld->len && (ld->data[i] & 0xC0) == 0x80);
	return i < ld->len ? ld->data[i] : -1;
}

/* YAML ends a key within 1024 characters of its start, and libyaml, meeting the ':' after a
 * longer key, reports whatever that ':' now seems to be: a missing ':' in a block mapping,
 * a mapping value where none may be, a missing ',' in a flow mapping. Returns the column
 * where the key starts when the problem is at a ':' that ends such a key, else 0. */
static uint32_t long_key_start(const loader *ld, const yaml_mark_t *m)
{
	const unsigned char *d = ld->data;
	size_t line = 0, i = 0;
	for (; line < m->line && i < ld->len; i++)
		if (d[i] == '\n')
			line++;
	size_t first = i, at = i;
	for (size_t c = 0; c < m->column && at < ld->len; c++)
		do
			at++;
		while (at < ld->len && (d[at] & 0xC0) == 0x80);
	if (at >= ld->len || d[at] != ':')
		return 0;
	size_t k = at;
	while (k > first && d[k - 1] != '{' && d[k - 1] != '[' && d[k - 1] != ',')
		k--;
	while (k < at && (d[k] == ' ' || ((d[k] == '-' || d[k] == '?') && d[k + 1] == ' ')))
		k++;
	size_t chars = 0, col = 1;
	for (size_t j = k; j < at; j++)
		chars += (d[j] & 0xC0) != 0x80;
	for (size_t j = first; j < k; j++)
		col += (d[j] & 0xC0) != 0x80;
	return chars > 1024 ? clamp_u32(col) : 0;
}

/* What libyaml (0.2.5) says went wrong and what it was reading: every problem and context
 * phrase of its scanner and parser, and the one of its reader that the UTF-8 check above
 * leaves for it. Marked here so that they are translated with the rest; a phrase not in
 * the list (another libyaml) stays as libyaml wrote it. */
static const char *const libyaml_phrases[] = {
	/* TRANSLATORS: this and the phrases below are libyaml's: what went wrong ("did not
	 * find expected key") and what it was reading ("while parsing a block mapping"), put
	 * into "not valid YAML: %s %s (line %zu)". */
	N_("control characters are not allowed"),
	N_("block sequence entries are not allowed in this context"),
	N_("could not find expected ':'"),
	N_("could not find expected directive name"),
	N_("did not find URI escaped octet"),
	N_("did not find expected '!'"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected <document start>"),
	N_("did not find expected <stream-start>"),
	N_("did not find expected alphabetic or numeric character"),
	N_("did not find expected comment or line break"),
	N_("did not find expected digit or '.' character"),
	N_("did not find expected hexdecimal number"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected tag URI"),
	N_("did not find expected version number"),
	N_("did not find expected whitespace or line break"),
	N_("did not find expected whitespace"),
	N_("did not find the expected '>'"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found an incorrect leading UTF-8 octet"),
	N_("found an incorrect trailing UTF-8 octet"),
	N_("found an indentation indicator equal to 0"),
	N_("found character that cannot start any token"),
	N_("found duplicate %TAG directive"),
	N_("found duplicate %YAML directive"),
	N_("found extremely long version number"),
	N_("found incompatible YAML document"),
	N_("found invalid Unicode character escape code"),
	N_("found undefined tag handle"),
	N_("found unexpected ':'"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unexpected non-alphabetical character"),
	N_("found unknown directive name"),
	N_("found unknown escape character"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("while parsing a %TAG directive"),
	N_("while parsing a block collection"),
	N_("while parsing a block mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow node"),
	N_("while parsing a flow sequence"),
	N_("while parsing a node"),
	N_("while parsing a quoted scalar"),
	N_("while parsing a tag directive"),
	N_("while parsing a tag"),
	N_("while scanning a %TAG directive"),
	N_("while scanning a %YAML directive"),
	N_("while scanning a block scalar"),
	N_("while scanning a directive"),
	N_("while scanning a plain scalar"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a simple key"),
	N_("while scanning a tag directive"),
	N_("while scanning a tag"),
	N_("while scanning an alias"),
	N_("while scanning an anchor"),
	N_("while scanning for the next token"),
};

static const char *libyaml_phrase(const char *phrase)
{
	for (size_t i = 0; i < sizeof libyaml_phrases / sizeof *libyaml_phrases; i++)
		if (strcmp(phrase, libyaml_phrases[i]) == 0)
			return _(libyaml_phrases[i]);
	return phrase;
}

static void parser_error(loader *ld, const yaml_parser_t *p)
{
	uint32_t line, col;
	if (p->error == YAML_READER_ERROR) {
		offset_position(ld->data, ld->len, p->problem_offset, &line, &col);
	} else if (p->context && p->problem && strstr(p->problem, "end of stream")) {
		/* An unterminated quote or bracket: its start is where the fix goes, not the end
		 * of the file. */
		line = clamp_u32(p->context_mark.line + 1);
		col = clamp_u32(p->context_mark.column + 1);
	} else {
		line = clamp_u32(p->problem_mark.line + 1);
		col = clamp_u32(p->problem_mark.column + 1);
	}
	if (p->error == YAML_MEMORY_ERROR) {
		out_of_memory(ld);
		return;
	}
	uint32_t key_col = p->error == YAML_READER_ERROR ? 0 : long_key_start(ld, &p->problem_mark);
	if (key_col) {
		samv_diags_add(ld->diags, "yaml", ld->doc->path, clamp_u32(p->problem_mark.line + 1),
			       key_col,
			       _("a key of more than 1024 characters: YAML does not allow keys this "
				 "long; shorten it"));
		ld->failed = -1;
		return;
	}
	const char *problem = p->problem ? libyaml_phrase(p->problem) : _("unknown problem");
	if (p->error == YAML_SCANNER_ERROR && char_at(ld, line, col) == '\t') {
		samv_diags_add(ld->diags, "yaml", ld->doc->path, line, col, "%s",
			       _("a tab character here: YAML indents with spaces only"));
		ld->failed = -1;
		return;
	}
	if (p->context)
		samv_diags_add(ld->diags, "yaml", ld->doc->path, line, col,
			       /* TRANSLATORS: %1$s is what went wrong ("did not find expected
				* key"), %2$s what was being read ("while parsing a block
				* mapping"), %3$zu the line where that began; both phrases are
				* translated on their own. */
			       _("not valid YAML: %s %s (line %zu)"), problem,
			       libyaml_phrase(p->context), (size_t)p->context_mark.line + 1);
	else
		samv_diags_add(ld->diags, "yaml", ld->doc->path, line, col,
			       /* TRANSLATORS: %s is what went wrong, e.g. "did not find expected key". */
			       _("not valid YAML: %s"), problem);
	ld->failed = -1;
}

static bool encoding_ok(loader *ld)
{
	const unsigned char *d = ld->data;
	if (ld->len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
		samv_diags_add(ld->diags, "yaml", ld->doc->path, 1, 1,
			       "%s", _("file is UTF-16; samv reads UTF-8 only: save it as UTF-8"));
		return false;
	}
	size_t bad = utf8_check(d, ld->len);
	if (bad == ld->len)
		return true;
	uint32_t line, col;
	offset_position(d, ld->len, bad, &line, &col);
	if (d[bad] == 0)
		samv_diags_add(ld->diags, "yaml", ld->doc->path, line, col,
			       _("NUL byte in file (byte offset %zu): a record is text; is this a binary file?"),
			       bad);
	else
		samv_diags_add(ld->diags, "yaml", ld->doc->path, line, col,
			       /* TRANSLATORS: %1$02X is the byte in hex, %2$zu its offset. */
			       _("invalid UTF-8 (byte 0x%02X at offset %zu): save the file as UTF-8"),
			       (unsigned)d[bad], bad);
	return false;
}

int samv_yaml_load(samv_doc *doc, const char *data, size_t len, samv_diags *diags)
{
	loader ld = { .doc = doc, .diags = diags, .data = (const unsigned char *)data, .len = len };
	doc->root = NULL;
	if (!encoding_ok(&ld))
		return -1;

	/* libyaml reads a copy with the tabs it would wrongly refuse made spaces; positions
	 * are the same in both, and what it says went wrong is looked up in what it read. */
	unsigned char *spaced;
	if (samv_tabs_spaced(ld.data, len, SAMV_YAML_MAX_DEPTH, &spaced) < 0)
		return -2;
	if (spaced)
		ld.data = spaced;
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		free(spaced);
		return -2;
	}
	yaml_parser_set_input_string(&parser, ld.data, len);
	bool done = false;
	while (!done && !ld.failed) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&ld, &parser);
			break;
		}
		if (!refused(&ld, &ev)) {
			switch (ev.type) {
			case YAML_STREAM_END_EVENT:
				done = true;
				break;
			case YAML_SCALAR_EVENT:
				scalar(&ld, &ev);
				break;
			case YAML_SEQUENCE_START_EVENT:
				open_collection(&ld, SAMV_NODE_SEQ, ev.start_mark);
				break;
			case YAML_MAPPING_START_EVENT:
				open_collection(&ld, SAMV_NODE_MAP, ev.start_mark);
				break;
			case YAML_SEQUENCE_END_EVENT:
			case YAML_MAPPING_END_EVENT:
				close_collection(&ld);
				break;
			default:
				break;
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	free(ld.scratch);
	free(spaced);
	if (ld.failed)
		doc->root = NULL;
	return ld.failed;
}
