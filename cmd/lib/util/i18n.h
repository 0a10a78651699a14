/*
 * util/i18n.h — messages and report labels in the reader's language, from gettext catalogues.
 *
 * Every user-facing string is written in English in the source and marked for xgettext:
 * _("...") for a message (translated now, into the message language), N_("...") for a
 * string in a table (translated where it is used), samv_tr(ctx, "...") for a report label
 * (reports.h: into the document's language, --lang). po/samv.pot is extracted from the
 * sources (`make po`), po/sv.po and po/en.po are its catalogues, msgfmt compiles them and
 * the build embeds the result, so an installed binary needs no files beside it.
 *
 * Why not glibc's gettext(): it translates only when the user's locale (sv_SE.UTF-8) is
 * generated on the machine, which minimal Debian images and CI runners lack, and it has a
 * single process-wide language, while an English-speaking treasurer may well produce a
 * Swedish invoice. So the .mo files msgfmt writes are read here, in a few lines: a binary
 * search of the sorted original strings.
 *
 * The message language is the one piece of process state in samv: main sets it once from
 * the environment, before any work, as it would call setlocale(); nothing changes it after.
 * Libraries and tests that never set it get English.
 */
#ifndef SAMV_I18N_H
#define SAMV_I18N_H

#include <stdint.h>

#if defined(__GNUC__)
#define SAMV_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define SAMV_FORMAT_ARG(n)
#endif

/* A compiled catalogue; immutable, embedded, never freed. */
typedef struct samv_catalog samv_catalog;

/* The catalogue for a language code ("sv", "en"); NULL when samv has none. */
const samv_catalog *samv_catalog_find(const char *lang);
/* Its language code. */
const char *samv_catalog_language(const samv_catalog *c);

/* The translation of msgid, or msgid itself when c is NULL or lacks it. */
const char *samv_catalog_gettext(const samv_catalog *c, const char *msgid) SAMV_FORMAT_ARG(2);
/* The same for a message that depends on a count (gettext's ngettext). */
const char *samv_catalog_ngettext(const samv_catalog *c, const char *one, const char *many,
				  uint64_t n) SAMV_FORMAT_ARG(2) SAMV_FORMAT_ARG(3);
/* The same for a message that needs a context to be told from an equal English one. */
const char *samv_catalog_pgettext(const samv_catalog *c, const char *context,
				  const char *msgid) SAMV_FORMAT_ARG(3);

/* The language the environment asks for, as gettext reads it: the locale from LC_ALL,
 * LC_MESSAGES or LANG (first set wins), then LANGUAGE's list when the locale is not C or
 * POSIX. Returns a catalogue samv has, or NULL for English. `env` is getenv or a test's. */
const samv_catalog *samv_catalog_from_env(char *(*env)(const char *name));

/* The message language: set once by main, NULL (English) until then. */
void samv_i18n_set(const samv_catalog *c);
const samv_catalog *samv_i18n(void);

const char *samv_msg(const char *msgid) SAMV_FORMAT_ARG(1);
const char *samv_msgn(const char *one, const char *many, uint64_t n) SAMV_FORMAT_ARG(1) SAMV_FORMAT_ARG(2);

#define _(s) samv_msg(s)
#define N_(s) (s)

#endif
