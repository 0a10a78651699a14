/*
 * session/session.h — one checked ledger, as both commands need it: find the root, open the
 * source, load the records, build the typed records and their obligations once, run the
 * rules over them and set severities.
 *
 * samv-check prints the session's findings; samv-report renders reports from the same typed
 * records and obligations the rules judged, and puts a notice on them when the findings
 * hold errors. Keeping this sequence in one
 * place is what makes the two commands agree on every ledger. The command-line handling
 * both mains share (usage errors, --help, --version, options with a value) is here for
 * the same reason: the two commands answer alike.
 */
#ifndef SAMV_SESSION_H
#define SAMV_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "util/diag.h"
#include "input/source.h"
#include "ledger/ledger.h"
#include "ledger/obligations.h"
#include "ledger/records.h"
#include "rules/rules.h"

typedef struct samv_session_options {
	const char *dir; /* where to look for the ledger root (upward) */
	samv_source_kind source;
	const char *rev; /* for SAMV_SOURCE_COMMIT */
	const char *as_of; /* "YYYY-MM-DD" or NULL */
	const char *const *rules; /* "ID=SEVERITY" overrides */
	size_t nrules;
	/* Text standing in for one file (root-relative path), as an editor's unsaved buffer. */
	const char *overlay_path;
	const char *overlay_data;
	size_t overlay_len;
	/* What the environment says, read by the command (samv_session_options_env). */
	const char *index_file; /* GIT_INDEX_FILE: the index a hook's commit is made from */
	samv_ledger_options load; /* SAMV_CACHE=0: no cache; SAMV_THREADS=N: threads to load on */
} samv_session_options;

/* Fill the options the environment sets, with get (getenv, or a test's): the library itself
 * reads no environment, so that two sessions in one process never trip over it. */
void samv_session_options_env(samv_session_options *o, char *(*get)(const char *name));

typedef struct samv_session {
	char *root; /* absolute path of the ledger root */
	samv_source *src;
	samv_ledger *ledger;
	samv_records *records; /* typed, built once for the rules and the reports */
	samv_obligations *obligations; /* of the records as of cfg.today */
	samv_rules_config cfg;
	samv_diags diags; /* severities set, off ones dropped, not yet sorted */
	bool unreadable; /* a file could not be read: exit 2 */
} samv_session;

/* Returns 0, or -1 with *err malloc'd: a usage problem or unreadable ledger (exit 2). */
int samv_session_open(samv_session *s, const samv_session_options *o, char **err);
void samv_session_close(samv_session *s); /* frees everything; the struct is the caller's */

/* Today's date on the system clock, in local time. */
samv_date samv_session_system_today(void);

/* A usage error as both commands print it: "PROGRAM: message" and where to read about the
 * options, on standard error. Returns 2, the exit status of a usage error. */
int samv_usage_error(const char *program, const char *fmt, ...) SAMV_PRINTF(2, 3);

/* -h or --help prints USAGE, the message as N_() marked it (translated here), and --version
 * "PROGRAM VERSION", on standard output. Returns true when ARG was one of them. */
bool samv_help_or_version(const char *program, const char *usage, const char *version,
			  const char *arg);

/* argv[*i] as one of the N options in NAMES that take a value: "--opt VALUE", "--opt=VALUE",
 * or a short option as "-C VALUE" only. Sets *which to its index in NAMES and *value, and
 * moves *i past a value given apart. Returns -1 to go on, or 2 after a usage error (an
 * unknown option or a missing value). */
int samv_option_value(const char *program, const char *const *names, size_t n, int argc,
		      char **argv, int *i, size_t *which, const char **value);

#endif
