/*
 * test_i18n.c — catalogue lookups on a .mo image built here byte by byte (plain, with a
 * context, with plural forms, missing, truncated), and the language read from the
 * environment as gettext reads it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/catalogs.h"
#include "util/i18n.h"

/* Sorted as msgfmt sorts them: by bytes. */
static const char *const originals[] = { "", "apple", "ctx\004open", "one file\0%zu files" };
static const size_t original_len[] = { 0, 5, 8, 18 };
static const char *const translations[] = { "Plural-Forms: nplurals=2; plural=(n != 1);\n", "äpple",
					    "öppen", "en fil\0%zu filer" };
static const size_t translation_len[] = { 43, 6, 6, 16 };

static unsigned char image[512];

static void put32(size_t at, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		image[at + (size_t)i] = (unsigned char)(v >> (8 * i));
}

static struct samv_catalog build(void)
{
	memset(image, 0, sizeof image);
	const uint32_t n = 4, otab = 28, ttab = otab + 8 * n;
	put32(0, 0x950412de);
	put32(8, n);
	put32(12, otab);
	put32(16, ttab);
	size_t at = ttab + 8 * n;
	for (uint32_t i = 0; i < n; i++) {
		put32(otab + 8 * i, (uint32_t)original_len[i]);
		put32(otab + 8 * i + 4, (uint32_t)at);
		memcpy(image + at, originals[i], original_len[i]);
		at += original_len[i] + 1;
		put32(ttab + 8 * i, (uint32_t)translation_len[i]);
		put32(ttab + 8 * i + 4, (uint32_t)at);
		memcpy(image + at, translations[i], translation_len[i]);
		at += translation_len[i] + 1;
	}
	return (struct samv_catalog){ "xx", image, at };
}

static void test_lookups(void **state)
{
	(void)state;
	struct samv_catalog c = build();
	assert_string_equal(samv_catalog_gettext(&c, "apple"), "äpple");
	assert_string_equal(samv_catalog_gettext(&c, "pear"), "pear");
	assert_string_equal(samv_catalog_gettext(&c, "appl"), "appl");
	assert_string_equal(samv_catalog_gettext(&c, "apples"), "apples");
	assert_string_equal(samv_catalog_gettext(&c, ""), "");
	assert_string_equal(samv_catalog_gettext(NULL, "apple"), "apple");
	assert_string_equal(samv_catalog_pgettext(&c, "ctx", "open"), "öppen");
	assert_string_equal(samv_catalog_pgettext(&c, "other", "open"), "open");
	assert_string_equal(samv_catalog_gettext(&c, "open"), "open");
	assert_string_equal(samv_catalog_ngettext(&c, "one file", "%zu files", 1), "en fil");
	assert_string_equal(samv_catalog_ngettext(&c, "one file", "%zu files", 0), "%zu filer");
	assert_string_equal(samv_catalog_ngettext(&c, "one file", "%zu files", 7), "%zu filer");
	assert_string_equal(samv_catalog_ngettext(&c, "one dir", "%zu dirs", 7), "%zu dirs");
	assert_string_equal(samv_catalog_ngettext(NULL, "one file", "%zu files", 1), "one file");
}

static void test_damaged_image_is_untranslated(void **state)
{
	(void)state;
	struct samv_catalog c = build();
	put32(12 + 0, 0x950412de);
	c.size = 40; /* the string tables lie beyond the end */
	assert_string_equal(samv_catalog_gettext(&c, "apple"), "apple");
	c = build();
	put32(28 + 8 + 4, 100000); /* an offset out of the file */
	assert_string_equal(samv_catalog_gettext(&c, "apple"), "apple");
}

static const char *const *fake_env;

static char *fake_getenv(const char *name)
{
	for (size_t i = 0; fake_env[i]; i += 2)
		if (strcmp(fake_env[i], name) == 0)
			return (char *)fake_env[i + 1];
	return NULL;
}

static const char *language(const char *const *env)
{
	fake_env = env;
	return samv_catalog_language(samv_catalog_from_env(fake_getenv));
}

static void test_language_from_environment(void **state)
{
	(void)state;
	assert_string_equal(language((const char *[]){ NULL }), "en");
	assert_string_equal(language((const char *[]){ "LANG", "sv_SE.UTF-8", NULL }), "sv");
	assert_string_equal(language((const char *[]){ "LANG", "sv_FI.UTF-8@euro", NULL }), "sv");
	assert_string_equal(language((const char *[]){ "LANG", "sv", NULL }), "sv");
	assert_string_equal(language((const char *[]){ "LANG", "en_GB.UTF-8", NULL }), "en");
	assert_string_equal(language((const char *[]){ "LANG", "de_DE.UTF-8", NULL }), "en");
	assert_string_equal(language((const char *[]){ "LANG", "C.UTF-8", NULL }), "en");
	/* LC_ALL beats LC_MESSAGES beats LANG; an empty one does not count. */
	assert_string_equal(language((const char *[]){ "LC_ALL", "C", "LANG", "sv_SE.UTF-8", NULL }), "en");
	assert_string_equal(language((const char *[]){ "LC_ALL", "", "LANG", "sv_SE.UTF-8", NULL }), "sv");
	assert_string_equal(language((const char *[]){ "LC_MESSAGES", "sv_SE.UTF-8", "LANG", "en_US.UTF-8", NULL }), "sv");
	/* LANGUAGE lists preferences, but not in the C locale (as GNU gettext). */
	assert_string_equal(language((const char *[]){ "LANGUAGE", "de:sv", "LANG", "en_US.UTF-8", NULL }), "sv");
	assert_string_equal(language((const char *[]){ "LANGUAGE", "en:sv", "LANG", "sv_SE.UTF-8", NULL }), "en");
	assert_string_equal(language((const char *[]){ "LANGUAGE", "sv", "LANG", "C", NULL }), "en");
	assert_string_equal(language((const char *[]){ "LANGUAGE", "", "LANG", "sv_SE.UTF-8", NULL }), "sv");
	assert_string_equal(language((const char *[]){ "LANGUAGE", "abcdefghijklmnop", "LANG", "sv_SE.UTF-8", NULL }), "sv");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_damaged_image_is_untranslated),
		cmocka_unit_test(test_language_from_environment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
