/*
 * util/i18n.c — lookups in the embedded gettext catalogues, and the language the user asked for.
 *
 * A .mo file (as msgfmt writes it) is a header, a table of original strings sorted by their
 * bytes and a parallel table of translations; each entry is a length and an offset. A
 * message with a context is stored as "context\004msgid", one with plural forms as
 * "one\0many" with the translations NUL-separated. Swedish and English both have two plural
 * forms chosen by n != 1 (the catalogues say so; `make potest` holds them to it).
 */
#include "util/i18n.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/catalogs.h"

const samv_catalog *samv_catalog_find(const char *lang)
{
	for (size_t i = 0; lang && samv_embedded_catalogs[i].lang; i++)
		if (strcmp(samv_embedded_catalogs[i].lang, lang) == 0)
			return &samv_embedded_catalogs[i];
	return NULL;
}

const char *samv_catalog_language(const samv_catalog *c)
{
	return c ? c->lang : "en";
}

static uint32_t word(const samv_catalog *mo, size_t at)
{
	if (at > mo->size || mo->size - at < 4)
		return 0;
	const unsigned char *p = mo->data + at;
	uint32_t le = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	uint32_t be = (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
	return mo->data[0] == 0xde ? le : be; /* the magic 0x950412de says which */
}

/* Entry i of the table at `table`: its bytes, or NULL when it would lie outside the file. */
static const char *entry(const samv_catalog *mo, uint32_t table, uint32_t i, uint32_t *len)
{
	size_t at = (size_t)table + (size_t)i * 8;
	*len = word(mo, at);
	uint32_t off = word(mo, at + 4);
	if (off >= mo->size || mo->size - off <= *len || mo->data[off + *len] != '\0')
		return NULL;
	return (const char *)mo->data + off;
}

/* The translation of key (key_len bytes, may hold a \004), or NULL. */
static const char *lookup(const samv_catalog *c, const char *key, size_t key_len, uint32_t *tlen)
{
	if (!c || *key == '\0' || c->size < 28)
		return NULL;
	const samv_catalog *mo = c;
	uint32_t n = word(mo, 8), originals = word(mo, 12), translations = word(mo, 16);
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, olen;
		const char *orig = entry(mo, originals, mid, &olen);
		if (!orig)
			return NULL;
		size_t common = key_len < olen ? key_len : olen;
		int cmp = memcmp(key, orig, common);
		if (cmp == 0)
			cmp = key_len < olen ? (orig[key_len] == '\0' ? 0 : -1) : key_len > olen ? 1 : 0;
		if (cmp == 0) {
			const char *t = entry(mo, translations, mid, tlen);
			return t && *t ? t : NULL;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *samv_catalog_gettext(const samv_catalog *c, const char *msgid)
{
	uint32_t tlen;
	const char *t = lookup(c, msgid, strlen(msgid), &tlen);
	return t ? t : msgid;
}

const char *samv_catalog_ngettext(const samv_catalog *c, const char *one, const char *many, uint64_t n)
{
	uint32_t tlen;
	const char *t = lookup(c, one, strlen(one), &tlen);
	if (!t)
		return n == 1 ? one : many;
	if (n == 1)
		return t;
	size_t first = strlen(t);
	return first < tlen ? t + first + 1 : many;
}

const char *samv_catalog_pgettext(const samv_catalog *c, const char *context, const char *msgid)
{
	size_t clen = strlen(context), mlen = strlen(msgid);
	char *key = malloc(clen + 1 + mlen + 1);
	if (!key)
		return msgid;
	memcpy(key, context, clen);
	key[clen] = '\004';
	memcpy(key + clen + 1, msgid, mlen + 1);
	uint32_t tlen;
	const char *t = lookup(c, key, clen + 1 + mlen, &tlen);
	free(key);
	return t ? t : msgid;
}

/* "sv_SE.UTF-8@euro" → the catalogue for "sv", or NULL. */
static const samv_catalog *for_locale_name(const char *name, size_t len)
{
	size_t lang = strcspn(name, "_.@:");
	if (lang > len)
		lang = len;
	char code[8];
	if (lang == 0 || lang >= sizeof code)
		return NULL;
	memcpy(code, name, lang);
	code[lang] = '\0';
	return samv_catalog_find(code);
}

const samv_catalog *samv_catalog_from_env(char *(*env)(const char *name))
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *locale = NULL;
	for (size_t i = 0; i < sizeof vars / sizeof *vars && !locale; i++) {
		const char *v = env(vars[i]);
		if (v && *v)
			locale = v;
	}
	if (!locale || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0 ||
	    strncmp(locale, "C.", 2) == 0)
		return NULL;
	const char *list = env("LANGUAGE");
	while (list && *list) {
		size_t len = strcspn(list, ":");
		const samv_catalog *c = for_locale_name(list, len);
		if (c)
			return c;
		list += len + (list[len] == ':');
	}
	return for_locale_name(locale, strlen(locale));
}

static const samv_catalog *message_language;

void samv_i18n_set(const samv_catalog *c)
{
	message_language = c;
}

const samv_catalog *samv_i18n(void)
{
	return message_language;
}

const char *samv_msg(const char *msgid)
{
	return samv_catalog_gettext(message_language, msgid);
}

const char *samv_msgn(const char *one, const char *many, uint64_t n)
{
	return samv_catalog_ngettext(message_language, one, many, n);
}
