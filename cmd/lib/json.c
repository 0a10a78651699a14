/*
 * json.c — a small recursive-descent JSON reader producing samv nodes.
 *
 * Kept separate from the YAML loader because JSON Schema files need JSON's own number and
 * escape rules, and libyaml (YAML 1.1) differs on both. Recursion depth is bounded by
 * SAMV_JSON_MAX_DEPTH; all nodes go to the document's arena.
 */
#include "json.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"

typedef struct reader {
	samv_doc *doc;
	const char *s;
	size_t len, pos;
	uint32_t line, col;
	char *err;
	char *buf; /* growable scratch for strings */
	size_t nbuf, capbuf;
} reader;

static int fail(reader *r, const char *what)
{
	if (!r->err)
		/* TRANSLATORS: where a JSON text goes wrong, then what is wrong there. */
		r->err = samv_strprintf(_("line %u, column %u: %s"), r->line, r->col, what);
	return -1;
}

static void advance(reader *r)
{
	if (r->s[r->pos] == '\n') {
		r->line++;
		r->col = 1;
	} else if (((unsigned char)r->s[r->pos] & 0xC0) != 0x80) {
		r->col++;
	}
	r->pos++;
}

static void skip_ws(reader *r)
{
	while (r->pos < r->len && strchr(" \t\r\n", r->s[r->pos]) && r->s[r->pos])
		advance(r);
}

static int peek(reader *r)
{
	return r->pos < r->len ? (unsigned char)r->s[r->pos] : -1;
}

static samv_node *node(reader *r, samv_node_kind kind)
{
	samv_node *n = samv_arena_alloc(&r->doc->arena, sizeof *n);
	if (!n) {
		fail(r, _("out of memory"));
		return NULL;
	}
	n->kind = kind;
	n->line = r->line;
	n->col = r->col;
	return n;
}

static int buf_put(reader *r, const char *p, size_t n)
{
	if (r->nbuf + n > r->capbuf) {
		size_t cap = r->capbuf ? r->capbuf : 64;
		while (cap < r->nbuf + n)
			cap *= 2;
		char *b = realloc(r->buf, cap);
		if (!b)
			return fail(r, _("out of memory"));
		r->buf = b;
		r->capbuf = cap;
	}
	memcpy(r->buf + r->nbuf, p, n);
	r->nbuf += n;
	return 0;
}

static int put_utf8(reader *r, uint32_t cp)
{
	char out[4];
	size_t n;
	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return buf_put(r, out, n);
}

static int hex4(reader *r, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		int c = peek(r);
		int d = c >= '0' && c <= '9' ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return fail(r, _("expected four hex digits after \\u"));
		v = v * 16 + (uint32_t)d;
		advance(r);
	}
	*out = v;
	return 0;
}

static int escape(reader *r)
{
	int c = peek(r);
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *p = c > 0 ? strchr(from, c) : NULL;
	if (p) {
		advance(r);
		return buf_put(r, &to[p - from], 1);
	}
	if (c != 'u')
		return fail(r, _("unknown escape in string"));
	advance(r);
	uint32_t cp;
	if (hex4(r, &cp))
		return -1;
	if (cp >= 0xD800 && cp <= 0xDBFF && peek(r) == '\\' && r->pos + 1 < r->len &&
	    r->s[r->pos + 1] == 'u') {
		advance(r);
		advance(r);
		uint32_t lo;
		if (hex4(r, &lo))
			return -1;
		if (lo < 0xDC00 || lo > 0xDFFF)
			return fail(r, _("unpaired surrogate in \\u escape"));
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	} else if (cp >= 0xD800 && cp <= 0xDFFF) {
		return fail(r, _("unpaired surrogate in \\u escape"));
	}
	return put_utf8(r, cp);
}

static samv_node *string(reader *r)
{
	samv_node *n = node(r, SAMV_NODE_STRING);
	if (!n)
		return NULL;
	advance(r); /* opening quote */
	r->nbuf = 0;
	for (;;) {
		int c = peek(r);
		if (c < 0) {
			fail(r, _("unterminated string"));
			return NULL;
		}
		if (c == '"') {
			advance(r);
			break;
		}
		if (c < 0x20) {
			fail(r, _("control character in string"));
			return NULL;
		}
		if (c == '\\') {
			advance(r);
			if (escape(r))
				return NULL;
			continue;
		}
		if (buf_put(r, &r->s[r->pos], 1))
			return NULL;
		advance(r);
	}
	n->text = samv_arena_strndup(&r->doc->arena, r->buf ? r->buf : "", r->nbuf);
	n->len = (uint32_t)r->nbuf; /* the text is under 4 GiB (json.h) */
	if (!n->text) {
		fail(r, _("out of memory"));
		return NULL;
	}
	return n;
}

static samv_node *number(reader *r)
{
	samv_node *n = node(r, SAMV_NODE_INT);
	if (!n)
		return NULL;
	size_t start = r->pos;
	bool is_float = false;
	if (peek(r) == '-')
		advance(r);
	if (peek(r) == '0') {
		advance(r);
	} else if (peek(r) >= '1' && peek(r) <= '9') {
		while (peek(r) >= '0' && peek(r) <= '9')
			advance(r);
	} else {
		fail(r, _("invalid number"));
		return NULL;
	}
	if (peek(r) == '.') {
		is_float = true;
		advance(r);
		if (!(peek(r) >= '0' && peek(r) <= '9')) {
			fail(r, _("expected a digit after '.'"));
			return NULL;
		}
		while (peek(r) >= '0' && peek(r) <= '9')
			advance(r);
	}
	if (peek(r) == 'e' || peek(r) == 'E') {
		is_float = true;
		advance(r);
		if (peek(r) == '+' || peek(r) == '-')
			advance(r);
		if (!(peek(r) >= '0' && peek(r) <= '9')) {
			fail(r, _("expected a digit in the exponent"));
			return NULL;
		}
		while (peek(r) >= '0' && peek(r) <= '9')
			advance(r);
	}
	n->text = samv_arena_strndup(&r->doc->arena, r->s + start, r->pos - start);
	if (!n->text) {
		fail(r, _("out of memory"));
		return NULL;
	}
	n->len = (uint32_t)(r->pos - start);
	errno = 0;
	long long v = is_float ? 0 : strtoll(n->text, NULL, 10);
	if (is_float || errno == ERANGE) {
		n->kind = SAMV_NODE_FLOAT;
		n->num.f = strtod(n->text, NULL);
	} else {
		n->num.i = v;
	}
	return n;
}

static bool literal(reader *r, const char *word)
{
	size_t n = strlen(word);
	if (r->len - r->pos < n || memcmp(r->s + r->pos, word, n) != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		advance(r);
	return true;
}

static samv_node *value(reader *r, int depth);

/* Children are collected in a malloc'd array, then copied to the arena in one piece. */
static samv_node *collection(reader *r, int depth, bool is_map)
{
	samv_node *n = node(r, is_map ? SAMV_NODE_MAP : SAMV_NODE_SEQ);
	if (!n)
		return NULL;
	if (depth >= SAMV_JSON_MAX_DEPTH) {
		fail(r, _("nesting too deep"));
		return NULL;
	}
	advance(r);
	samv_node **kids = NULL;
	size_t nk = 0, cap = 0;
	char close = is_map ? '}' : ']';
	skip_ws(r);
	if (peek(r) == close) {
		advance(r);
		return n;
	}
	for (;;) {
		skip_ws(r);
		samv_node *k = NULL;
		if (is_map) {
			if (peek(r) != '"') {
				fail(r, _("expected a string key"));
				goto fail;
			}
			k = string(r);
			if (!k)
				goto fail;
			for (size_t i = 0; i < nk; i += 2)
				if (kids[i]->len == k->len && memcmp(kids[i]->text, k->text, k->len) == 0) {
					fail(r, _("duplicate key"));
					goto fail;
				}
			skip_ws(r);
			if (peek(r) != ':') {
				fail(r, _("expected ':'"));
				goto fail;
			}
			advance(r);
		}
		samv_node *v = value(r, depth + 1);
		if (!v)
			goto fail;
		if (nk + 2 > cap) {
			cap = cap ? cap * 2 : 8;
			samv_node **nkids = realloc(kids, cap * sizeof *kids);
			if (!nkids) {
				fail(r, _("out of memory"));
				goto fail;
			}
			kids = nkids;
		}
		if (is_map)
			kids[nk++] = k;
		kids[nk++] = v;
		skip_ws(r);
		if (peek(r) == ',') {
			advance(r);
			continue;
		}
		if (peek(r) == close) {
			advance(r);
			break;
		}
		fail(r, is_map ? _("expected ',' or '}'") : _("expected ',' or ']'"));
		goto fail;
	}
	if (is_map) {
		n->count = (uint32_t)(nk / 2);
		n->c.pairs = samv_arena_alloc(&r->doc->arena, n->count * sizeof *n->c.pairs);
		if (!n->c.pairs)
			goto oom;
		for (size_t i = 0; i < n->count; i++)
			n->c.pairs[i] = (samv_pair){ kids[2 * i], kids[2 * i + 1] };
	} else {
		n->count = (uint32_t)nk;
		n->c.items = samv_arena_alloc(&r->doc->arena, nk * sizeof *kids);
		if (!n->c.items)
			goto oom;
		memcpy(n->c.items, kids, nk * sizeof *kids);
	}
	free(kids);
	return n;
oom:
	fail(r, _("out of memory"));
fail:
	free(kids);
	return NULL;
}

static samv_node *value(reader *r, int depth)
{
	skip_ws(r);
	int c = peek(r);
	if (c == '{' || c == '[')
		return collection(r, depth, c == '{');
	if (c == '"')
		return string(r);
	if (c == '-' || (c >= '0' && c <= '9'))
		return number(r);
	samv_node *n = node(r, SAMV_NODE_NULL);
	if (!n)
		return NULL;
	if (literal(r, "true") || literal(r, "false")) {
		n->kind = SAMV_NODE_BOOL;
		n->num.b = c == 't';
	} else if (!literal(r, "null")) {
		fail(r, c < 0 ? _("unexpected end of input") : _("unexpected character"));
		return NULL;
	}
	return n;
}

int samv_json_parse(samv_doc *doc, const char *text, size_t len, char **err)
{
	reader r = { .doc = doc, .s = text, .len = len, .line = 1, .col = 1 };
	doc->root = value(&r, 0);
	if (doc->root) {
		skip_ws(&r);
		if (r.pos != r.len) {
			fail(&r, _("trailing characters after the JSON value"));
			doc->root = NULL;
		}
	}
	free(r.buf);
	if (!doc->root) {
		*err = r.err ? r.err : samv_strprintf("%s", _("cannot parse JSON"));
		return -1;
	}
	free(r.err);
	return 0;
}
