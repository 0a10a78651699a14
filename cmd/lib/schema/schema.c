/*
 * schema/schema.c — compile JSON Schema documents into check trees, and validate nodes.
 *
 * Compilation turns each schema object into a `sch` with its keywords pre-parsed (numbers
 * read, patterns compiled, $refs resolved), all in the schema document's arena; a node is
 * compiled once even when many $refs point at it, which also makes recursive schemas work.
 * Validation walks instance and check tree together. With no error list it stops at the
 * first failure (the probe that anyOf/oneOf/not/if need); with one it reports every
 * failure, and branches of anyOf/oneOf are tried on a scratch list that is rolled back.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "schema/schema.h"

#include <math.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/diag.h"
#include "schema/format.h"
#include "util/i18n.h"

enum { T_NULL = 1, T_BOOL = 2, T_INT = 4, T_NUM = 8, T_STR = 16, T_ARR = 32, T_OBJ = 64 };
enum { F_NONE, F_DATE, F_TIME, F_EMAIL };

typedef struct sch sch;

typedef struct prop {
	const samv_node *name;
	sch *s;
} prop;

typedef struct regex {
	pcre2_code *code;
	const samv_node *src;
} regex;

typedef struct pattern_prop {
	regex *re;
	sch *s;
} pattern_prop;

typedef struct dep {
	const samv_node *name;
	const samv_node *list; /* dependentRequired */
	sch *s; /* dependentSchemas */
} dep;

typedef struct limit {
	bool set;
	double v;
} limit;

struct sch {
	const samv_node *src;
	int boolean; /* -1: an object schema; 0 or 1: false or true */
	unsigned types;
	const samv_node *enum_values, *const_value;
	prop *props;
	size_t nprops;
	pattern_prop *pprops;
	size_t npprops;
	sch *additional, *property_names;
	const samv_node *required;
	dep *deps;
	size_t ndeps;
	int64_t min_props, max_props, min_items, max_items, min_len, max_len;
	int64_t min_contains, max_contains;
	sch **prefix;
	size_t nprefix;
	sch *items, *contains;
	bool unique;
	limit minimum, maximum, xminimum, xmaximum, multiple_of;
	regex *pattern;
	int format;
	sch **all_of, **any_of, **one_of;
	size_t nall, nany, none;
	sch *not_, *if_, *then_, *else_, *ref;
};

typedef struct cache_entry {
	const samv_node *node;
	sch *s;
} cache_entry;

struct samv_schema {
	samv_doc *doc;
	sch *root;
	cache_entry *cache;
	size_t ncache, capcache;
	regex **regexes;
	size_t nregex, capregex;
	pcre2_match_data *match; /* one per schema: validation of one schema is not concurrent */
	bool format_annotation_only;
	char *err;
};

/* ---- compilation ---- */

static int cerr(samv_schema *S, const char *fmt, ...) SAMV_PRINTF(2, 3);
static int cerr(samv_schema *S, const char *fmt, ...)
{
	if (!S->err) {
		va_list ap;
		va_start(ap, fmt);
		S->err = samv_vstrprintf(fmt, ap);
		va_end(ap);
	}
	return -1;
}

static sch *compile(samv_schema *S, const samv_node *n);

static bool key_is(const samv_node *k, const char *s)
{
	return strcmp(k->text, s) == 0;
}

static bool is_integral(const samv_node *n)
{
	double f = samv_node_float(n);
	return n->kind == SAMV_NODE_INT || (n->kind == SAMV_NODE_FLOAT && isfinite(f) && floor(f) == f);
}

static int read_count(samv_schema *S, const samv_node *k, const samv_node *v, int64_t *out)
{
	if (!is_integral(v) || samv_node_float(v) < 0)
		return cerr(S, "'%s' must be a non-negative integer", k->text);
	/* A float of 2^63 or more does not fit (converting it is undefined): no instance has
	 * that many items, properties or characters, so the largest count means the same. */
	double f = samv_node_float(v);
	*out = v->kind == SAMV_NODE_INT ? samv_node_int(v) : f >= 0x1p63 ? INT64_MAX : (int64_t)f;
	return 0;
}

static int read_limit(samv_schema *S, const samv_node *k, const samv_node *v, limit *out)
{
	if (v->kind != SAMV_NODE_INT && v->kind != SAMV_NODE_FLOAT)
		return cerr(S, "'%s' must be a number", k->text);
	out->set = true;
	out->v = samv_node_float(v);
	return 0;
}

static int type_bit(const samv_node *v)
{
	static const char *const names[] = { "null", "boolean", "integer", "number",
					     "string", "array", "object" };
	for (int i = 0; i < 7; i++)
		if (v->kind == SAMV_NODE_STRING && strcmp(v->text, names[i]) == 0)
			return 1 << i;
	return 0;
}

static int read_types(samv_schema *S, const samv_node *v, unsigned *out)
{
	if (v->kind == SAMV_NODE_STRING) {
		*out = (unsigned)type_bit(v);
		return *out ? 0 : cerr(S, "unknown type '%s'", v->text);
	}
	if (v->kind != SAMV_NODE_SEQ)
		return cerr(S, "'type' must be a string or an array");
	*out = 0;
	for (size_t i = 0; i < samv_node_count(v); i++) {
		int b = type_bit(samv_node_item(v, i));
		if (!b)
			return cerr(S, "unknown type in 'type'");
		*out |= (unsigned)b;
	}
	return 0;
}

static regex *compile_regex(samv_schema *S, const samv_node *v)
{
	if (v->kind != SAMV_NODE_STRING) {
		cerr(S, "a pattern must be a string");
		return NULL;
	}
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)v->text, samv_node_len(v), PCRE2_UTF, &code, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof msg);
		cerr(S, "unsupported: pattern '%s' (%s)", v->text, (const char *)msg);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* optional: falls back to the interpreter */
	regex **regexes = samv_grow(S->regexes, &S->capregex, sizeof *regexes, 16, S->nregex + 1);
	if (regexes)
		S->regexes = regexes;
	regex *r = regexes ? samv_arena_alloc(&S->doc->arena, sizeof *r) : NULL;
	if (!r) {
		pcre2_code_free(re);
		cerr(S, "out of memory");
		return NULL;
	}
	r->code = re;
	r->src = v;
	S->regexes[S->nregex++] = r;
	return r;
}

static sch **compile_list(samv_schema *S, const samv_node *k, const samv_node *v, size_t *n)
{
	if (v->kind != SAMV_NODE_SEQ || samv_node_count(v) == 0) {
		cerr(S, "'%s' must be a non-empty array of schemas", k->text);
		return NULL;
	}
	sch **list = samv_arena_alloc(&S->doc->arena, samv_node_count(v) * sizeof *list);
	if (!list) {
		cerr(S, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < samv_node_count(v); i++)
		if (!(list[i] = compile(S, samv_node_item(v, i))))
			return NULL;
	*n = samv_node_count(v);
	return list;
}

/* Percent-decode and unescape one JSON pointer token (~1 is '/', ~0 is '~'). */
static char *pointer_token(const char *s, size_t len)
{
	char *out = malloc(len + 1);
	size_t o = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '%' && i + 2 < len + 0 && i + 2 <= len - 1 + 0) {
			char hex[3] = { s[i + 1], s[i + 2], 0 };
			char *end;
			long v = strtol(hex, &end, 16);
			if (*end == '\0' && v > 0) {
				out[o++] = (char)v;
				i += 2;
				continue;
			}
		}
		if (c == '~' && i + 1 < len && (s[i + 1] == '0' || s[i + 1] == '1')) {
			out[o++] = s[i + 1] == '0' ? '~' : '/';
			i++;
			continue;
		}
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

static const samv_node *resolve_pointer(samv_schema *S, const char *ref)
{
	if (ref[0] != '#')
		return NULL;
	const samv_node *n = S->doc->root;
	const char *p = ref + 1;
	if (*p == '\0')
		return n;
	if (*p != '/')
		return NULL;
	while (*p == '/' && n) {
		p++;
		size_t len = strcspn(p, "/");
		char *tok = pointer_token(p, len);
		if (!tok)
			return NULL;
		if (n->kind == SAMV_NODE_MAP) {
			n = samv_node_get(n, tok);
		} else if (n->kind == SAMV_NODE_SEQ) {
			char *end;
			unsigned long i = strtoul(tok, &end, 10);
			n = (*tok && *end == '\0' && i < samv_node_count(n)) ? samv_node_item(n, i) : NULL;
		} else {
			n = NULL;
		}
		free(tok);
		p += len;
	}
	return n;
}

static int compile_properties(samv_schema *S, sch *s, const samv_node *v)
{
	if (v->kind != SAMV_NODE_MAP)
		return cerr(S, "'properties' must be an object");
	s->props = samv_arena_alloc(&S->doc->arena, samv_node_count(v) * sizeof *s->props);
	if (!s->props && samv_node_count(v))
		return cerr(S, "out of memory");
	for (size_t i = 0; i < samv_node_count(v); i++) {
		s->props[i].name = &v->c.pairs[i].key;
		if (!(s->props[i].s = compile(S, &v->c.pairs[i].value)))
			return -1;
	}
	s->nprops = samv_node_count(v);
	return 0;
}

static int compile_pattern_properties(samv_schema *S, sch *s, const samv_node *v)
{
	if (v->kind != SAMV_NODE_MAP)
		return cerr(S, "'patternProperties' must be an object");
	s->pprops = samv_arena_alloc(&S->doc->arena, samv_node_count(v) * sizeof *s->pprops);
	if (!s->pprops && samv_node_count(v))
		return cerr(S, "out of memory");
	for (size_t i = 0; i < samv_node_count(v); i++) {
		if (!(s->pprops[i].re = compile_regex(S, &v->c.pairs[i].key)) ||
		    !(s->pprops[i].s = compile(S, &v->c.pairs[i].value)))
			return -1;
	}
	s->npprops = samv_node_count(v);
	return 0;
}

static int compile_deps(samv_schema *S, sch *s, const samv_node *v, bool schemas)
{
	if (v->kind != SAMV_NODE_MAP)
		return cerr(S, "dependencies must be an object");
	dep *d = samv_arena_alloc(&S->doc->arena, (s->ndeps + samv_node_count(v)) * sizeof *d);
	if (!d && (s->ndeps + samv_node_count(v)))
		return cerr(S, "out of memory");
	if (s->ndeps)
		memcpy(d, s->deps, s->ndeps * sizeof *d);
	for (size_t i = 0; i < samv_node_count(v); i++) {
		dep *e = &d[s->ndeps + i];
		e->name = &v->c.pairs[i].key;
		if (schemas) {
			if (!(e->s = compile(S, &v->c.pairs[i].value)))
				return -1;
		} else {
			if (v->c.pairs[i].value.kind != SAMV_NODE_SEQ)
				return cerr(S, "'dependentRequired' values must be arrays");
			e->list = &v->c.pairs[i].value;
		}
	}
	s->deps = d;
	s->ndeps += samv_node_count(v);
	return 0;
}

static int compile_ref(samv_schema *S, sch *s, const samv_node *v)
{
	if (v->kind != SAMV_NODE_STRING)
		return cerr(S, "'$ref' must be a string");
	if (v->text[0] != '#')
		return cerr(S, "unsupported: remote reference '%s'", v->text);
	const samv_node *target = resolve_pointer(S, v->text);
	if (!target)
		return cerr(S, "unsupported: reference '%s' does not resolve to a JSON pointer in this document", v->text);
	s->ref = compile(S, target);
	return s->ref ? 0 : -1;
}

static int compile_format(sch *s, const samv_node *v)
{
	const char *f = samv_node_str(v);
	s->format = !f ? F_NONE
		  : strcmp(f, "date") == 0 ? F_DATE
		  : strcmp(f, "time") == 0 ? F_TIME
		  : strcmp(f, "email") == 0 ? F_EMAIL : F_NONE;
	return 0;
}

static int compile_keyword(samv_schema *S, sch *s, const samv_node *k, const samv_node *v,
			   bool at_root)
{
	static const char *const unsupported[] = { "$dynamicRef", "$dynamicAnchor", "$anchor",
						   "$recursiveRef", "$recursiveAnchor",
						   "unevaluatedProperties", "unevaluatedItems",
						   "$vocabulary", NULL };
	for (const char *const *u = unsupported; *u; u++)
		if (key_is(k, *u))
			return cerr(S, "unsupported: keyword '%s'", *u);
	if (key_is(k, "$id"))
		return at_root ? 0 : cerr(S, "unsupported: '$id' below the root schema");
	if (key_is(k, "type"))
		return read_types(S, v, &s->types);
	if (key_is(k, "enum")) {
		s->enum_values = v;
		return v->kind == SAMV_NODE_SEQ ? 0 : cerr(S, "'enum' must be an array");
	}
	if (key_is(k, "const")) {
		s->const_value = v;
		return 0;
	}
	if (key_is(k, "properties"))
		return compile_properties(S, s, v);
	if (key_is(k, "patternProperties"))
		return compile_pattern_properties(S, s, v);
	if (key_is(k, "additionalProperties"))
		return (s->additional = compile(S, v)) ? 0 : -1;
	if (key_is(k, "propertyNames"))
		return (s->property_names = compile(S, v)) ? 0 : -1;
	if (key_is(k, "required")) {
		s->required = v;
		return v->kind == SAMV_NODE_SEQ ? 0 : cerr(S, "'required' must be an array");
	}
	if (key_is(k, "dependentRequired"))
		return compile_deps(S, s, v, false);
	if (key_is(k, "dependentSchemas"))
		return compile_deps(S, s, v, true);
	if (key_is(k, "minProperties"))
		return read_count(S, k, v, &s->min_props);
	if (key_is(k, "maxProperties"))
		return read_count(S, k, v, &s->max_props);
	if (key_is(k, "minItems"))
		return read_count(S, k, v, &s->min_items);
	if (key_is(k, "maxItems"))
		return read_count(S, k, v, &s->max_items);
	if (key_is(k, "minLength"))
		return read_count(S, k, v, &s->min_len);
	if (key_is(k, "maxLength"))
		return read_count(S, k, v, &s->max_len);
	if (key_is(k, "minContains"))
		return read_count(S, k, v, &s->min_contains);
	if (key_is(k, "maxContains"))
		return read_count(S, k, v, &s->max_contains);
	if (key_is(k, "prefixItems"))
		return (s->prefix = compile_list(S, k, v, &s->nprefix)) ? 0 : -1;
	if (key_is(k, "items"))
		return (s->items = compile(S, v)) ? 0 : -1;
	if (key_is(k, "contains"))
		return (s->contains = compile(S, v)) ? 0 : -1;
	if (key_is(k, "uniqueItems")) {
		s->unique = v->kind == SAMV_NODE_BOOL && samv_node_bool(v);
		return 0;
	}
	if (key_is(k, "minimum"))
		return read_limit(S, k, v, &s->minimum);
	if (key_is(k, "maximum"))
		return read_limit(S, k, v, &s->maximum);
	if (key_is(k, "exclusiveMinimum"))
		return read_limit(S, k, v, &s->xminimum);
	if (key_is(k, "exclusiveMaximum"))
		return read_limit(S, k, v, &s->xmaximum);
	if (key_is(k, "multipleOf"))
		return read_limit(S, k, v, &s->multiple_of);
	if (key_is(k, "pattern"))
		return (s->pattern = compile_regex(S, v)) ? 0 : -1;
	if (key_is(k, "format"))
		return compile_format(s, v);
	if (key_is(k, "allOf"))
		return (s->all_of = compile_list(S, k, v, &s->nall)) ? 0 : -1;
	if (key_is(k, "anyOf"))
		return (s->any_of = compile_list(S, k, v, &s->nany)) ? 0 : -1;
	if (key_is(k, "oneOf"))
		return (s->one_of = compile_list(S, k, v, &s->none)) ? 0 : -1;
	if (key_is(k, "not"))
		return (s->not_ = compile(S, v)) ? 0 : -1;
	if (key_is(k, "if"))
		return (s->if_ = compile(S, v)) ? 0 : -1;
	if (key_is(k, "then"))
		return (s->then_ = compile(S, v)) ? 0 : -1;
	if (key_is(k, "else"))
		return (s->else_ = compile(S, v)) ? 0 : -1;
	if (key_is(k, "$ref"))
		return compile_ref(S, s, v);
	if (key_is(k, "$defs")) {
		/* Compiled when a $ref reaches them; an unreferenced bad definition is inert. */
		return v->kind == SAMV_NODE_MAP ? 0 : cerr(S, "'$defs' must be an object");
	}
	return 0; /* annotations and unknown keywords do not constrain */
}

static sch *compile(samv_schema *S, const samv_node *n)
{
	for (size_t i = 0; i < S->ncache; i++)
		if (S->cache[i].node == n)
			return S->cache[i].s;
	if (n->kind != SAMV_NODE_MAP && n->kind != SAMV_NODE_BOOL) {
		cerr(S, "line %u: a schema must be an object or a boolean", n->line);
		return NULL;
	}
	cache_entry *cache = samv_grow(S->cache, &S->capcache, sizeof *cache, 32, S->ncache + 1);
	if (cache)
		S->cache = cache;
	sch *s = cache ? samv_arena_alloc(&S->doc->arena, sizeof *s) : NULL;
	if (!s) {
		cerr(S, "out of memory");
		return NULL;
	}
	/* Registered before its keywords are compiled, so a recursive $ref finds it. */
	S->cache[S->ncache++] = (cache_entry){ n, s };
	s->src = n;
	s->min_props = s->min_items = s->min_len = -1;
	s->max_props = s->max_items = s->max_len = s->min_contains = s->max_contains = -1;
	if (n->kind == SAMV_NODE_BOOL) {
		s->boolean = samv_node_bool(n);
		return s;
	}
	s->boolean = -1;
	for (size_t i = 0; i < samv_node_count(n); i++)
		if (compile_keyword(S, s, &n->c.pairs[i].key, &n->c.pairs[i].value, n == S->doc->root))
			return NULL;
	return s;
}

int samv_schema_compile(samv_schema **out, samv_doc *doc, char **err)
{
	*out = NULL;
	samv_schema *S = calloc(1, sizeof *S);
	if (!S) {
		samv_doc_free(doc);
		*err = samv_strprintf("out of memory");
		return -1;
	}
	S->doc = doc;
	if (!doc->root) {
		cerr(S, "empty schema document");
	} else if ((S->root = compile(S, doc->root)) != NULL) {
		S->match = pcre2_match_data_create(1, NULL);
		if (!S->match)
			cerr(S, "out of memory");
	}
	if (S->err || !S->root) {
		*err = S->err ? S->err : samv_strprintf("cannot compile schema");
		S->err = NULL;
		samv_schema_free(S);
		return -1;
	}
	*out = S;
	return 0;
}

void samv_schema_free(samv_schema *S)
{
	if (!S)
		return;
	for (size_t i = 0; i < S->nregex; i++)
		pcre2_code_free(S->regexes[i]->code);
	free(S->regexes);
	pcre2_match_data_free(S->match);
	free(S->cache);
	free(S->err);
	samv_doc_free(S->doc);
	free(S);
}

void samv_schema_assert_formats(samv_schema *S, bool assert)
{
	S->format_annotation_only = !assert;
}

const samv_node *samv_schema_root(const samv_schema *S)
{
	return S->doc->root;
}

/* ---- validation ---- */

typedef struct vctx {
	const samv_schema *S;
	samv_schema_errors *errs; /* NULL: probe, stop at the first failure */
	int depth;
} vctx;

#define MAX_DEPTH 200

static void add_error(vctx *c, const samv_node *at, const char *keyword, bool missing_day,
		      const char *fmt, ...) SAMV_PRINTF(5, 6);
static void add_error(vctx *c, const samv_node *at, const char *keyword, bool missing_day,
		      const char *fmt, ...)
{
	samv_schema_errors *e = c->errs;
	if (!e)
		return;
	samv_schema_error *items = samv_grow(e->items, &e->cap, sizeof *items, 8, e->count + 1);
	if (!items) {
		e->oom = 1;
		return;
	}
	e->items = items;
	va_list ap;
	va_start(ap, fmt);
	char *msg = samv_vstrprintf(fmt, ap);
	va_end(ap);
	if (!msg) {
		e->oom = 1;
		return;
	}
	e->items[e->count++] = (samv_schema_error){ at, keyword, missing_day, msg };
}

static void truncate_errors(samv_schema_errors *e, size_t count)
{
	if (!e)
		return;
	while (e->count > count)
		free(e->items[--e->count].message);
}

void samv_schema_errors_free(samv_schema_errors *e)
{
	truncate_errors(e, 0);
	free(e->items);
	memset(e, 0, sizeof *e);
}

static bool nodes_equal(const samv_node *a, const samv_node *b)
{
	bool an = a->kind == SAMV_NODE_INT || a->kind == SAMV_NODE_FLOAT;
	bool bn = b->kind == SAMV_NODE_INT || b->kind == SAMV_NODE_FLOAT;
	if (an && bn) {
		if (a->kind == SAMV_NODE_INT && b->kind == SAMV_NODE_INT)
			return samv_node_int(a) == samv_node_int(b);
		return samv_node_float(a) == samv_node_float(b);
	}
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case SAMV_NODE_NULL:
		return true;
	case SAMV_NODE_BOOL:
		return samv_node_bool(a) == samv_node_bool(b);
	case SAMV_NODE_STRING:
		return samv_node_len(a) == samv_node_len(b) && memcmp(a->text, b->text, samv_node_len(a)) == 0;
	case SAMV_NODE_SEQ:
		if (samv_node_count(a) != samv_node_count(b))
			return false;
		for (size_t i = 0; i < samv_node_count(a); i++)
			if (!nodes_equal(samv_node_item(a, i), samv_node_item(b, i)))
				return false;
		return true;
	case SAMV_NODE_MAP:
		if (samv_node_count(a) != samv_node_count(b))
			return false;
		for (size_t i = 0; i < samv_node_count(a); i++) {
			const samv_node *other = samv_node_get(b, a->c.pairs[i].key.text);
			if (!other || !nodes_equal(&a->c.pairs[i].value, other))
				return false;
		}
		return true;
	default:
		return false;
	}
}

static unsigned kind_bits(const samv_node *n)
{
	switch (n->kind) {
	case SAMV_NODE_NULL:
		return T_NULL;
	case SAMV_NODE_BOOL:
		return T_BOOL;
	case SAMV_NODE_INT:
		return T_INT | T_NUM;
	case SAMV_NODE_FLOAT:
		return is_integral(n) ? T_INT | T_NUM : T_NUM;
	case SAMV_NODE_STRING:
		return T_STR;
	case SAMV_NODE_SEQ:
		return T_ARR;
	case SAMV_NODE_MAP:
		return T_OBJ;
	}
	return 0;
}

static size_t utf8_length(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static bool regex_match(const samv_schema *S, const regex *r, const char *s, size_t len)
{
	return pcre2_match(r->code, (PCRE2_SPTR)s, len, 0, 0, S->match, NULL) >= 0;
}

/* How the user's field is named in messages: `email`, or "the record" at the top. */
typedef struct where {
	const samv_node *at; /* the key of this value in its mapping, or the value itself */
	const char *name; /* NULL at the top */
} where;

static char *field_name(where w)
{
	if (w.name)
		return samv_strprintf("`%s`", w.name);
	/* TRANSLATORS: stands where a schema message names a field (`email`) when the problem
	   is with the record as a whole: "the record has a value that is not allowed here". */
	return samv_strprintf("%s", _("the record"));
}

/* The value as messages quote it; a list or a mapping, which has no text, by its kind. */
static char *value_text(const samv_node *n)
{
	if (samv_node_text(n)) {
		if (samv_node_len(n) > 60)
			return samv_strprintf("'%.57s...'", n->text);
		return samv_strprintf("'%s'", n->text);
	}
	/* TRANSLATORS: a value that is a list, where a schema message quotes the value that
	   was given: "`name` must be a string, not a list". */
	const char *list = _("a list");
	/* TRANSLATORS: a value that is a mapping (key: value pairs), as "a list" above. */
	const char *mapping = _("a mapping");
	return samv_strprintf("%s", n->kind == SAMV_NODE_SEQ ? list : mapping);
}

/* What a value must be, as the noun phrase of "`year` must be an integer, not '2025'". */
static const char *const type_phrases[] = {
	/* TRANSLATORS: the JSON value null (kept as it is written in YAML), what a value must be. */
	N_("null"),
	/* TRANSLATORS: a boolean value, what a value must be; true and false are kept as written. */
	N_("true or false"),
	/* TRANSLATORS: what a value must be: "`year` must be an integer, not '2025'". */
	N_("an integer"),
	/* TRANSLATORS: what a value must be: "`amount` must be a number or a string, not a list". */
	N_("a number"),
	/* TRANSLATORS: what a value must be: "`name` must be a string, not 'true'". */
	N_("a string"),
	N_("a list"),
	N_("a mapping"),
};
/* The same types as the JSON Schema keywords name them, for a list of three or more. */
static const char *const type_keywords[] = { "null", "boolean", "integer", "number",
					     "string", "array", "object" };

/* A value of the wrong type: one sentence for one type and one for two (the only lists
 * samv's schemas have: a string or a number); a longer list names the schema's types. */
static void type_error(vctx *c, const sch *s, const samv_node *n, where w)
{
	unsigned types = s->types;
	if (types & T_NUM)
		types &= ~(unsigned)T_INT;
	int first = -1, second = -1, count = 0;
	char *keywords = NULL;
	for (int i = 0; i < 7; i++) {
		if (!(types & (1u << i)))
			continue;
		count++;
		if (first < 0)
			first = i;
		else if (second < 0)
			second = i;
		char *next = keywords ? samv_strprintf("%s, %s", keywords, type_keywords[i])
				      : samv_strprintf("%s", type_keywords[i]);
		free(keywords);
		if (!(keywords = next))
			break;
	}
	char *f = field_name(w), *v = value_text(n);
	if (count == 1) {
		/* TRANSLATORS: a value of the wrong type: the field (`year`), what it must be
		   ("an integer"), and the value given ('2025' or "a list"). */
		add_error(c, n, "type", false, _("%s must be %s, not %s"), f ? f : "",
			  _(type_phrases[first]), v ? v : "");
	} else if (count == 2) {
		/* TRANSLATORS: as "%s must be %s, not %s", with the two types a value may be of
		   ("a string", "a number"). */
		add_error(c, n, "type", false, _("%s must be %s or %s, not %s"), f ? f : "",
			  _(type_phrases[first]), _(type_phrases[second]), v ? v : "");
	} else {
		/* TRANSLATORS: the field, the JSON Schema types it may be of as a comma-separated
		   list (string, number, null: kept as they are), and the value given. */
		add_error(c, n, "type", false, _("%s must be of one of the types %s, not %s"),
			  f ? f : "", keywords ? keywords : "", v ? v : "");
	}
	free(f);
	free(v);
	free(keywords);
}

static char *enum_text(const samv_node *values)
{
	char *out = NULL;
	for (size_t i = 0; i < samv_node_count(values); i++) {
		const samv_node *v = samv_node_item(values, i);
		const char *t = samv_node_text(v) ? v->text : samv_node_kind_name(v->kind);
		char *next = out ? samv_strprintf("%s, %s", out, t) : samv_strprintf("%s", t);
		free(out);
		out = next;
		if (!out)
			return NULL;
	}
	return out;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return SIZE_MAX;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static const char *closest_property(const sch *s, const char *name)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	for (size_t i = 0; i < s->nprops; i++) {
		size_t d = edit_distance(name, s->props[i].name->text);
		if (d < best_d) {
			best_d = d;
			best = s->props[i].name->text;
		}
	}
	size_t len = strlen(name);
	return best && best_d <= (len < 6 ? 1 : 2) ? best : NULL;
}

static bool validate(vctx *c, const sch *s, const samv_node *n, where w);

/* What is wrong with a string of a format; each names the field, then the value. */
static const char *format_message(int format, bool missing_day)
{
	if (format == F_TIME)
		/* TRANSLATORS: the field (`start`), then the value given ('25:00'). */
		return _("%s %s is not a time (HH:MM:SS with a time zone)");
	if (format == F_EMAIL)
		/* TRANSLATORS: the field (`email`), then the value given ('anna.example.se'). */
		return _("%s %s is not an e-mail address");
	if (missing_day)
		/* TRANSLATORS: the field (`date`), then the value given ('2025-02-30'). */
		return _("%s %s is not a day in the calendar");
	/* TRANSLATORS: the field (`date`), then the value given ('15 March'). */
	return _("%s %s is not a date (YYYY-MM-DD)");
}

static bool check_format(vctx *c, const sch *s, const samv_node *n, where w)
{
	if (n->kind != SAMV_NODE_STRING || s->format == F_NONE || c->S->format_annotation_only)
		return true;
	bool ok = true, missing_day = false;
	if (s->format == F_DATE) {
		samv_date d;
		int rc = samv_date_parse(n->text, samv_node_len(n), &d);
		ok = rc == SAMV_DATE_OK;
		missing_day = rc == SAMV_DATE_NO_SUCH_DAY;
	} else if (s->format == F_TIME) {
		ok = samv_format_time_valid(n->text, samv_node_len(n));
	} else if (s->format == F_EMAIL) {
		ok = samv_format_email_valid(n->text, samv_node_len(n));
	}
	if (!ok && c->errs) {
		char *f = field_name(w), *v = value_text(n);
		add_error(c, n, "format", missing_day, format_message(s->format, missing_day),
			  f ? f : "", v ? v : "");
		free(f);
		free(v);
	}
	return ok;
}

/* The complaint about a number beyond the bound it broke: field, bound, the number. */
static const char *bound_message(const sch *s, const limit *bound)
{
	if (bound == &s->minimum)
		/* TRANSLATORS: the field (`count`), the least it may be (0), the number given (-1). */
		return _("%s must be at least %g, not %s");
	if (bound == &s->maximum)
		/* TRANSLATORS: the field (`month`), the most it may be (12), the number given (13). */
		return _("%s must be at most %g, not %s");
	if (bound == &s->xminimum)
		/* TRANSLATORS: the field (`amount`), the number it must exceed (0), the number given. */
		return _("%s must be more than %g, not %s");
	/* TRANSLATORS: the field (`share`), the number it must stay below (1), the number given. */
	return _("%s must be less than %g, not %s");
}

static bool check_scalar(vctx *c, const sch *s, const samv_node *n, where w)
{
	bool ok = true;
	if (n->kind == SAMV_NODE_INT || n->kind == SAMV_NODE_FLOAT) {
		double v = samv_node_float(n);
		const limit *bound = s->minimum.set && v < s->minimum.v	    ? &s->minimum
				   : s->maximum.set && v > s->maximum.v	    ? &s->maximum
				   : s->xminimum.set && v <= s->xminimum.v ? &s->xminimum
				   : s->xmaximum.set && v >= s->xmaximum.v ? &s->xmaximum
									   : NULL;
		if (bound) {
			ok = false;
			if (c->errs) {
				char *f = field_name(w);
				/* A number keeps the text it was written as. */
				add_error(c, n, "minimum", false, bound_message(s, bound), f ? f : "",
					  bound->v, n->text);
				free(f);
			}
		}
		if (s->multiple_of.set) {
			double q = v / s->multiple_of.v;
			if (!isfinite(q) || fabs(q - nearbyint(q)) > 1e-9 * fmax(1.0, fabs(q))) {
				ok = false;
				if (c->errs) {
					char *f = field_name(w);
					/* TRANSLATORS: the field (`hours`), then the number it must be a multiple of. */
					add_error(c, n, "multipleOf", false, _("%s must be a multiple of %g"),
						  f ? f : "", s->multiple_of.v);
					free(f);
				}
			}
		}
	}
	if (n->kind == SAMV_NODE_STRING) {
		if (s->min_len >= 0 || s->max_len >= 0) {
			size_t len = utf8_length(n->text, samv_node_len(n));
			if ((s->min_len >= 0 && len < (size_t)s->min_len) ||
			    (s->max_len >= 0 && len > (size_t)s->max_len)) {
				ok = false;
				if (c->errs) {
					char *f = field_name(w);
					if (len == 0)
						/* TRANSLATORS: the field (`name`) that is an empty string. */
						add_error(c, n, "minLength", false, _("%s must not be empty"),
							  f ? f : "");
					else if (s->min_len >= 0 && len < (size_t)s->min_len)
						add_error(c, n, "minLength", false,
							  /* TRANSLATORS: the field (`name`), then the least number of characters. */
							  samv_msgn("%s is too short (at least %lld character)",
								    "%s is too short (at least %lld characters)",
								    (uint64_t)s->min_len),
							  f ? f : "", (long long)s->min_len);
					else
						add_error(c, n, "maxLength", false,
							  /* TRANSLATORS: the field (`name`), then the most characters it may have. */
							  samv_msgn("%s is too long (at most %lld character)",
								    "%s is too long (at most %lld characters)",
								    (uint64_t)s->max_len),
							  f ? f : "", (long long)s->max_len);
					free(f);
				}
			}
		}
		if (s->pattern && !regex_match(c->S, s->pattern, n->text, samv_node_len(n))) {
			ok = false;
			if (c->errs) {
				char *f = field_name(w), *v = value_text(n);
				const samv_node *ex = samv_node_get(s->src, "examples");
				if (ex && ex->kind == SAMV_NODE_SEQ && samv_node_count(ex) && samv_node_text(samv_node_item(ex, 0)))
					/* TRANSLATORS: the field (`id`), the value given ('Nacka'), and an
					   example of the right form from the schema ('nacka'). */
					add_error(c, n, "pattern", false, _("%s %s is not of the right form (for example '%s')"),
						  f ? f : "", v ? v : "", samv_node_item(ex, 0)->text);
				else
					/* TRANSLATORS: the field (`id`), the value given ('Nacka'), and the
					   regular expression it must match (^[a-z0-9][a-z0-9-]*$). */
					add_error(c, n, "pattern", false, _("%s %s does not match %s"), f ? f : "",
						  v ? v : "", s->pattern->src->text);
				free(f);
				free(v);
			}
		}
		/* A wrong shape is already said by the pattern; the format adds only news. */
		if (ok || !s->pattern)
			ok = check_format(c, s, n, w) && ok;
	}
	return ok;
}

static const sch *property_schema(const sch *s, const samv_node *key)
{
	for (size_t i = 0; i < s->nprops; i++)
		if (samv_node_len(s->props[i].name) == samv_node_len(key) &&
		    memcmp(s->props[i].name->text, key->text, samv_node_len(key)) == 0)
			return s->props[i].s;
	return NULL;
}

static bool check_object(vctx *c, const sch *s, const samv_node *n, where w)
{
	bool ok = true;
	if (s->required) {
		for (size_t i = 0; i < samv_node_count(s->required); i++) {
			const samv_node *r = samv_node_item(s->required, i);
			if (r->kind == SAMV_NODE_STRING && !samv_node_get_pair(n, r->text)) {
				ok = false;
				if (!c->errs)
					return false;
				if (w.name)
					/* TRANSLATORS: a required field (`name`) missing in a list or mapping
					   of the record (units): "missing required field `name` in units". */
					add_error(c, w.at, "required", false, _("missing required field `%s` in %s"),
						  r->text, w.name);
				else
					add_error(c, w.at, "required", false, _("missing required field `%s`"),
						  r->text);
			}
		}
	}
	for (size_t i = 0; i < s->ndeps; i++) {
		const dep *d = &s->deps[i];
		if (!samv_node_get_pair(n, d->name->text))
			continue;
		if (d->list) {
			for (size_t j = 0; j < samv_node_count(d->list); j++) {
				const samv_node *r = samv_node_item(d->list, j);
				if (r->kind == SAMV_NODE_STRING && !samv_node_get_pair(n, r->text)) {
					ok = false;
					if (!c->errs)
						return false;
					/* TRANSLATORS: a field that is given, then a field that must be given with it. */
					add_error(c, w.at, "dependentRequired", false, _("`%s` needs `%s` beside it"),
						  d->name->text, r->text);
				}
			}
		} else if (!validate(c, d->s, n, w)) {
			ok = false;
			if (!c->errs)
				return false;
		}
	}
	if ((s->min_props >= 0 && samv_node_count(n) < (size_t)s->min_props) ||
	    (s->max_props >= 0 && samv_node_count(n) > (size_t)s->max_props)) {
		ok = false;
		if (!c->errs)
			return false;
		char *f = field_name(w);
		if (s->min_props >= 0 && samv_node_count(n) < (size_t)s->min_props)
			add_error(c, w.at, "minProperties", false,
				  /* TRANSLATORS: the mapping (`payment`), then the least number of fields it needs. */
				  samv_msgn("%s needs at least %lld field", "%s needs at least %lld fields",
					    (uint64_t)s->min_props),
				  f ? f : "", (long long)s->min_props);
		else
			add_error(c, w.at, "minProperties", false,
				  /* TRANSLATORS: the mapping (`payment`), then the most fields it may have. */
				  samv_msgn("%s may have at most %lld field", "%s may have at most %lld fields",
					    (uint64_t)s->max_props),
				  f ? f : "", (long long)s->max_props);
		free(f);
	}
	for (size_t i = 0; i < samv_node_count(n); i++) {
		const samv_node *key = &n->c.pairs[i].key, *val = &n->c.pairs[i].value;
		where kw = { key, key->text };
		if (s->property_names && !validate(c, s->property_names, key, kw)) {
			ok = false;
			if (!c->errs)
				return false;
		}
		const sch *ps = property_schema(s, key);
		bool matched = ps != NULL;
		if (ps && !validate(c, ps, val, kw)) {
			ok = false;
			if (!c->errs)
				return false;
		}
		for (size_t j = 0; j < s->npprops; j++) {
			if (!regex_match(c->S, s->pprops[j].re, key->text, samv_node_len(key)))
				continue;
			matched = true;
			if (!validate(c, s->pprops[j].s, val, kw)) {
				ok = false;
				if (!c->errs)
					return false;
			}
		}
		if (matched || !s->additional)
			continue;
		if (s->additional->boolean == 0) {
			ok = false;
			if (!c->errs)
				return false;
			const char *near = closest_property(s, key->text);
			if (near)
				/* TRANSLATORS: a field the schema does not know, then the known field
				   spelt most like it. */
				add_error(c, key, "additionalProperties", false, _("unknown field `%s` — did you mean `%s`?"),
					  key->text, near);
			else if (w.name)
				/* TRANSLATORS: a field the schema does not know in a list or mapping of
				   the record: "unknown field `website` in units". */
				add_error(c, key, "additionalProperties", false, _("unknown field `%s` in %s"),
					  key->text, w.name);
			else
				add_error(c, key, "additionalProperties", false, _("unknown field `%s`"),
					  key->text);
		} else if (!validate(c, s->additional, val, kw)) {
			ok = false;
			if (!c->errs)
				return false;
		}
	}
	return ok;
}

static bool check_array(vctx *c, const sch *s, const samv_node *n, where w)
{
	bool ok = true;
	if ((s->min_items >= 0 && samv_node_count(n) < (size_t)s->min_items) ||
	    (s->max_items >= 0 && samv_node_count(n) > (size_t)s->max_items)) {
		ok = false;
		if (!c->errs)
			return false;
		char *f = field_name(w);
		if (s->min_items >= 0 && samv_node_count(n) < (size_t)s->min_items)
			add_error(c, w.at, "minItems", false,
				  /* TRANSLATORS: the list (`placements`), then the least number of entries it needs. */
				  samv_msgn("%s needs at least %lld entry", "%s needs at least %lld entries",
					    (uint64_t)s->min_items),
				  f ? f : "", (long long)s->min_items);
		else
			add_error(c, n, "minItems", false,
				  /* TRANSLATORS: the list (`placements`), then the most entries it may have. */
				  samv_msgn("%s may have at most %lld entry", "%s may have at most %lld entries",
					    (uint64_t)s->max_items),
				  f ? f : "", (long long)s->max_items);
		free(f);
	}
	for (size_t i = 0; i < samv_node_count(n); i++) {
		const samv_node *item = samv_node_item(n, i);
		where iw = { item, w.name };
		const sch *is = i < s->nprefix ? s->prefix[i] : s->items;
		if (is && !validate(c, is, item, iw)) {
			ok = false;
			if (!c->errs)
				return false;
		}
	}
	if (s->contains) {
		size_t matches = 0;
		vctx probe = { c->S, NULL, c->depth };
		for (size_t i = 0; i < samv_node_count(n); i++)
			matches += validate(&probe, s->contains, samv_node_item(n, i), w);
		size_t min = s->min_contains >= 0 ? (size_t)s->min_contains : 1;
		if (matches < min || (s->max_contains >= 0 && matches > (size_t)s->max_contains)) {
			ok = false;
			if (!c->errs)
				return false;
			char *f = field_name(w);
			if (matches < min)
				add_error(c, w.at, "contains", false,
					  /* TRANSLATORS: the list (`members`), then how many of its entries
					     match what the schema asks it to contain. */
					  samv_msgn("%s has %zu matching entry, which is too few",
						    "%s has %zu matching entries, which is too few", matches),
					  f ? f : "", matches);
			else
				add_error(c, w.at, "contains", false,
					  /* TRANSLATORS: as "%s has %zu matching entry, which is too few". */
					  samv_msgn("%s has %zu matching entry, which is too many",
						    "%s has %zu matching entries, which is too many", matches),
					  f ? f : "", matches);
			free(f);
		}
	}
	if (s->unique) {
		for (size_t i = 1; i < samv_node_count(n); i++)
			for (size_t j = 0; j < i; j++)
				if (nodes_equal(samv_node_item(n, i), samv_node_item(n, j))) {
					ok = false;
					if (!c->errs)
						return false;
					char *f = field_name(w);
					add_error(c, samv_node_item(n, i), "uniqueItems", false,
						  /* TRANSLATORS: the list (`present`), then the line of the first copy. */
						  _("%s lists the same entry twice (also at line %u)"),
						  f ? f : "", samv_node_item(n, j)->line);
					free(f);
					j = i;
				}
	}
	return ok;
}

/* The names a `required`-only branch asks for, for "needs one of `a`, `b`". */
static char *required_names(sch **branches, size_t n)
{
	char *out = NULL;
	for (size_t i = 0; i < n; i++) {
		const sch *b = branches[i];
		if (!b->required || samv_node_count(b->required) != 1 || samv_node_item(b->required, 0)->kind != SAMV_NODE_STRING) {
			free(out);
			return NULL;
		}
		const char *name = samv_node_item(b->required, 0)->text;
		char *next = out ? samv_strprintf("%s, `%s`", out, name) : samv_strprintf("`%s`", name);
		free(out);
		if (!(out = next))
			return NULL;
	}
	return out;
}

/* anyOf / oneOf. Each branch is probed first; only when none fits are its errors
 * collected, from the branch that came closest (fewest errors). */
static bool check_alternatives(vctx *c, sch **branches, size_t n, bool exactly_one,
			       const samv_node *node, where w)
{
	vctx probe = { c->S, NULL, c->depth };
	size_t passing = 0;
	for (size_t i = 0; i < n && (exactly_one || passing == 0); i++)
		passing += validate(&probe, branches[i], node, w);
	if (passing == 1 || (!exactly_one && passing > 0))
		return true;
	if (!c->errs)
		return false;
	char *names = required_names(branches, n);
	char *f = field_name(w);
	if (passing > 1) {
		if (names)
			/* TRANSLATORS: the mapping (`payment`), then the fields of which it must
			   give exactly one: `bankgiro`, `plusgiro`. */
			add_error(c, w.at, "oneOf", false, _("%s gives more than one of %s; give exactly one"),
				  f ? f : "", names);
		else
			/* TRANSLATORS: the field (`time`) whose value fits more than one of the
			   forms the schema allows, where it must fit exactly one. */
			add_error(c, node, "oneOf", false, _("%s fits more than one of the allowed forms"),
				  f ? f : "");
	} else if (names) {
		/* TRANSLATORS: the mapping (`payment`), then the fields of which it needs one:
		   `bankgiro`, `plusgiro`. */
		add_error(c, w.at, "oneOf", false, _("%s needs one of %s"), f ? f : "", names);
	} else {
		size_t start = c->errs->count, best = 0, best_count = SIZE_MAX;
		for (size_t i = 0; i < n; i++) {
			validate(c, branches[i], node, w);
			size_t got = c->errs->count - start;
			truncate_errors(c->errs, start);
			if (got < best_count) {
				best_count = got;
				best = i;
			}
		}
		validate(c, branches[best], node, w);
	}
	free(names);
	free(f);
	return false;
}

static bool check_not(vctx *c, const sch *s, const samv_node *n, where w)
{
	vctx probe = { c->S, NULL, c->depth };
	if (!validate(&probe, s->not_, n, w))
		return true;
	if (c->errs) {
		const sch *inner = s->not_;
		if (inner->required && samv_node_count(inner->required) == 1 &&
		    samv_node_item(inner->required, 0)->kind == SAMV_NODE_STRING) {
			const char *name = samv_node_item(inner->required, 0)->text;
			samv_pair *p = samv_node_get_pair(n, name);
			/* TRANSLATORS: a field that may not be given where it is. */
			add_error(c, p ? &p->key : w.at, "not", false, _("`%s` must not be given here"), name);
		} else {
			char *f = field_name(w);
			/* TRANSLATORS: the field (`status`) whose value the schema rules out here. */
			add_error(c, n, "not", false, _("%s has a value that is not allowed here"), f ? f : "");
			free(f);
		}
	}
	return false;
}

static bool validate(vctx *c, const sch *s, const samv_node *n, where w)
{
	if (s->boolean == 1)
		return true;
	if (s->boolean == 0) {
		char *f = field_name(w);
		/* TRANSLATORS: the field (`withdrawn`) that may not be given where it is. */
		add_error(c, w.at, "false", false, _("%s is not allowed here"), f ? f : "");
		free(f);
		return false;
	}
	if (c->depth > MAX_DEPTH) {
		add_error(c, n, "$ref", false, "%s", _("the schema refers to itself without end"));
		return false;
	}
	c->depth++;
	bool ok = true;
	if (s->types && !(s->types & kind_bits(n))) {
		ok = false;
		if (c->errs)
			type_error(c, s, n, w);
		/* Other keywords would only repeat the same complaint in other words. */
		c->depth--;
		return false;
	}
	if (s->const_value && !nodes_equal(n, s->const_value)) {
		ok = false;
		if (c->errs) {
			char *f = field_name(w);
			if (samv_node_text(s->const_value))
				/* TRANSLATORS: the field (`kind`), then the one value it may have ('rates'). */
				add_error(c, n, "const", false, _("%s must be '%s'"), f ? f : "",
					  s->const_value->text);
			else
				/* TRANSLATORS: the field whose value must be the one list or mapping the
				   schema fixes. */
				add_error(c, n, "const", false, _("%s must be the fixed value"), f ? f : "");
			free(f);
		}
	}
	if (s->enum_values) {
		bool found = false;
		for (size_t i = 0; i < samv_node_count(s->enum_values) && !found; i++)
			found = nodes_equal(n, samv_node_item(s->enum_values, i));
		if (!found) {
			ok = false;
			if (c->errs) {
				char *f = field_name(w), *e = enum_text(s->enum_values), *v = value_text(n);
				/* TRANSLATORS: the field (`type`), the values it may have (municipality,
				   district, university: kept as they are), and the value given ('kommun'). */
				add_error(c, n, "enum", false, _("%s must be one of %s (not %s)"), f ? f : "",
					  e ? e : "", v ? v : "");
				free(f);
				free(e);
				free(v);
			}
		}
	}
	if (ok || c->errs) {
		if (n->kind == SAMV_NODE_MAP)
			ok = check_object(c, s, n, w) && ok;
		else if (n->kind == SAMV_NODE_SEQ)
			ok = check_array(c, s, n, w) && ok;
		else
			ok = check_scalar(c, s, n, w) && ok;
	}
	if (s->ref && (ok || c->errs))
		ok = validate(c, s->ref, n, w) && ok;
	for (size_t i = 0; i < s->nall && (ok || c->errs); i++)
		ok = validate(c, s->all_of[i], n, w) && ok;
	if (s->any_of && (ok || c->errs))
		ok = check_alternatives(c, s->any_of, s->nany, false, n, w) && ok;
	if (s->one_of && (ok || c->errs))
		ok = check_alternatives(c, s->one_of, s->none, true, n, w) && ok;
	if (s->not_ && (ok || c->errs))
		ok = check_not(c, s, n, w) && ok;
	if (s->if_ && (ok || c->errs)) {
		vctx probe = { c->S, NULL, c->depth };
		const sch *branch = validate(&probe, s->if_, n, w) ? s->then_ : s->else_;
		if (branch)
			ok = validate(c, branch, n, w) && ok;
	}
	c->depth--;
	return ok;
}

int samv_schema_validate(const samv_schema *S, const samv_node *instance, const char *name,
			 samv_schema_errors *errs)
{
	vctx c = { S, errs, 0 };
	where w = { instance, name };
	bool ok = validate(&c, S->root, instance, w);
	if (errs && errs->oom)
		return -1;
	return ok ? 1 : 0;
}
