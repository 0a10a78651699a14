/*
 * input/json.c — a small recursive-descent JSON reader producing samv nodes, and the escaper of
 * the JSON strings samv writes.
 *
 * Kept separate from the YAML loader because JSON Schema files need JSON's own number and
 * escape rules, and libyaml (YAML 1.1) differs on both. Recursion depth is bounded by
 * SAMV_JSON_MAX_DEPTH; all nodes go to the document's arena.
 */
#include "input/json.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/i18n.h"
#include "util/utf8.h"

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

static samv_node node(const reader *r, samv_node_kind kind)
{
	return (samv_node){ .kind = kind & 0xFu,
			    .line = r->line,
			    .col = (r->col > SAMV_NODE_MAX_COL ? SAMV_NODE_MAX_COL : r->col) & SAMV_NODE_MAX_COL };
}

static int set_text(reader *r, samv_node *n, const char *text, size_t len)
{
	n->text = samv_arena_text(&r->doc->arena, text, len);
	return n->text ? 0 : fail(r, _("out of memory"));
}

static int buf_put(reader *r, const char *p, size_t n)
{
	char *b = samv_grow(r->buf, &r->capbuf, 1, 64, r->nbuf + n);
	if (!b)
		return fail(r, _("out of memory"));
	r->buf = b;
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

static int string(reader *r, samv_node *n)
{
	*n = node(r, SAMV_NODE_STRING);
	advance(r); /* opening quote */
	r->nbuf = 0;
	for (;;) {
		int c = peek(r);
		if (c < 0)
			return fail(r, _("unterminated string"));
		if (c == '"') {
			advance(r);
			break;
		}
		if (c < 0x20)
			return fail(r, _("control character in string"));
		if (c == '\\') {
			advance(r);
			if (escape(r))
				return -1;
			continue;
		}
		if (buf_put(r, &r->s[r->pos], 1))
			return -1;
		advance(r);
	}
	return set_text(r, n, r->buf ? r->buf : "", r->nbuf);
}

/* An integer that int64_t holds is SAMV_NODE_INT, as in the YAML loader; anything else
 * is a SAMV_NODE_FLOAT. The value is read from the text when asked for (node.h). */
static int number(reader *r, samv_node *n)
{
	*n = node(r, SAMV_NODE_INT);
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
		return fail(r, _("invalid number"));
	}
	if (peek(r) == '.') {
		is_float = true;
		advance(r);
		if (!(peek(r) >= '0' && peek(r) <= '9'))
			return fail(r, _("expected a digit after '.'"));
		while (peek(r) >= '0' && peek(r) <= '9')
			advance(r);
	}
	if (peek(r) == 'e' || peek(r) == 'E') {
		is_float = true;
		advance(r);
		if (peek(r) == '+' || peek(r) == '-')
			advance(r);
		if (!(peek(r) >= '0' && peek(r) <= '9'))
			return fail(r, _("expected a digit in the exponent"));
		while (peek(r) >= '0' && peek(r) <= '9')
			advance(r);
	}
	if (set_text(r, n, r->s + start, r->pos - start))
		return -1;
	errno = 0;
	long long v = is_float ? 0 : strtoll(n->text, NULL, 10);
	if (is_float || errno == ERANGE || v == LLONG_MIN)
		n->kind = SAMV_NODE_FLOAT;
	return 0;
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

static int value(reader *r, int depth, samv_node *n);

/* Children are collected in a malloc'd array (a mapping's as key, value, key, ..., the
 * layout of its pairs), then copied to the arena in one piece. */
static int collection(reader *r, int depth, bool is_map, samv_node *n)
{
	*n = node(r, is_map ? SAMV_NODE_MAP : SAMV_NODE_SEQ);
	if (depth >= SAMV_JSON_MAX_DEPTH)
		return fail(r, _("nesting too deep"));
	advance(r);
	samv_node *kids = NULL;
	size_t nk = 0, cap = 0;
	char close = is_map ? '}' : ']';
	skip_ws(r);
	if (peek(r) == close)
		advance(r);
	else for (;;) {
		skip_ws(r);
		samv_node k;
		if (is_map) {
			if (peek(r) != '"') {
				fail(r, _("expected a string key"));
				goto fail;
			}
			if (string(r, &k))
				goto fail;
			for (size_t i = 0; i < nk; i += 2)
				if (samv_node_len(&kids[i]) == samv_node_len(&k) &&
				    memcmp(kids[i].text, k.text, samv_node_len(&k)) == 0) {
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
		samv_node v;
		if (value(r, depth + 1, &v))
			goto fail;
		samv_node *nkids = samv_grow(kids, &cap, sizeof *kids, 8, nk + 2);
		if (!nkids) {
			fail(r, _("out of memory"));
			goto fail;
		}
		kids = nkids;
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
	n->c.items = samv_arena_array(&r->doc->arena, is_map ? nk / 2 : nk, is_map);
	if (!n->c.items) {
		fail(r, _("out of memory"));
		goto fail;
	}
	if (nk)
		memcpy(n->c.items, kids, nk * sizeof *kids);
	free(kids);
	return 0;
fail:
	free(kids);
	return -1;
}

static int value(reader *r, int depth, samv_node *n)
{
	skip_ws(r);
	int c = peek(r);
	if (c == '{' || c == '[')
		return collection(r, depth, c == '{', n);
	if (c == '"')
		return string(r, n);
	if (c == '-' || (c >= '0' && c <= '9'))
		return number(r, n);
	*n = node(r, SAMV_NODE_NULL);
	size_t start = r->pos;
	if (literal(r, "true") || literal(r, "false"))
		n->kind = SAMV_NODE_BOOL;
	else if (!literal(r, "null"))
		return fail(r, c < 0 ? _("unexpected end of input") : _("unexpected character"));
	return set_text(r, n, r->s + start, r->pos - start);
}

int samv_json_parse(samv_doc *doc, const char *text, size_t len, char **err)
{
	reader r = { .doc = doc, .s = text, .len = len, .line = 1, .col = 1 };
	samv_node root;
	doc->root = NULL;
	if (value(&r, 0, &root) == 0) {
		skip_ws(&r);
		if (r.pos != r.len)
			fail(&r, _("trailing characters after the JSON value"));
		else if (!(doc->root = samv_arena_alloc(&doc->arena, sizeof *doc->root)))
			fail(&r, _("out of memory"));
		else
			*doc->root = root;
	}
	free(r.buf);
	if (!doc->root) {
		*err = r.err ? r.err : samv_strprintf("%s", _("cannot parse JSON"));
		return -1;
	}
	free(r.err);
	return 0;
}
