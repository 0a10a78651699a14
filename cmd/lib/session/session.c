/*
 * session/session.c — load and check a ledger once, for either command, and read the options
 * both commands take alike (see session.h).
 */
#include "session/session.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/i18n.h"

samv_date samv_session_system_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return 0;
	return samv_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void samv_session_options_env(samv_session_options *o, char *(*get)(const char *name))
{
	const char *index = get("GIT_INDEX_FILE");
	o->index_file = index && *index ? index : NULL;
	const char *cache = get("SAMV_CACHE");
	o->load.no_cache = cache && strcmp(cache, "0") == 0;
	const char *threads = get("SAMV_THREADS");
	o->load.threads = 0;
	if (threads && *threads) {
		char *end;
		long n = strtol(threads, &end, 10);
		if (!*end && n >= 1)
			o->load.threads = n < SAMV_LOAD_MAX_THREADS ? (unsigned)n : SAMV_LOAD_MAX_THREADS;
	}
}

int samv_session_open(samv_session *s, const samv_session_options *o, char **err)
{
	memset(s, 0, sizeof *s);
	samv_date as_of = 0;
	if (o->as_of && samv_date_parse(o->as_of, strlen(o->as_of), &as_of) != SAMV_DATE_OK) {
		*err = samv_strprintf(_("--as-of '%s' is not a date (YYYY-MM-DD)"), o->as_of);
		return -1;
	}
	s->root = samv_source_find_root(o->dir);
	if (!s->root) {
		*err = samv_strprintf(_("no samv.yaml in '%s' or any directory above it: not inside a "
					"samv ledger"), o->dir);
		return -1;
	}
	if (samv_source_open(&s->src, s->root, o->source, o->rev, o->index_file, err))
		return -1;
	if (o->overlay_path &&
	    samv_source_overlay(s->src, o->overlay_path, o->overlay_data, o->overlay_len)) {
		*err = samv_strprintf("%s", _("out of memory"));
		return -1;
	}
	if (samv_ledger_load(&s->ledger, s->src, &o->load, &s->diags, &s->unreadable, err))
		return -1;
	samv_rules_config_init(&s->cfg, s->ledger, samv_session_system_today(), &s->diags);
	if (o->as_of)
		s->cfg.today = as_of;
	for (size_t i = 0; i < o->nrules; i++)
		if (samv_rules_config_override(&s->cfg, o->rules[i], err))
			return -1;
	if (samv_records_build(&s->records, s->ledger) ||
	    samv_obligations_build(&s->obligations, s->records, s->cfg.today, s->cfg.protocol_adjust_days)) {
		*err = samv_strprintf("%s", _("out of memory while running the rules"));
		return -1;
	}
	samv_rules_run(s->ledger, s->records, s->obligations, &s->cfg, &s->diags);
	samv_rules_apply_severity(&s->cfg, &s->diags);
	if (s->diags.oom) {
		*err = samv_strprintf("%s", _("out of memory: the check is incomplete"));
		return -1;
	}
	return 0;
}

void samv_session_close(samv_session *s)
{
	samv_diags_free(&s->diags);
	samv_obligations_free(s->obligations);
	samv_records_free(s->records);
	samv_ledger_free(s->ledger);
	samv_source_free(s->src);
	free(s->root);
	memset(s, 0, sizeof *s);
}

int samv_usage_error(const char *program, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", program);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	/* TRANSLATORS: %s is the command, samv-check or samv-report. */
	fprintf(stderr, _("Try '%s --help'."), program);
	fputc('\n', stderr);
	return 2;
}

bool samv_help_or_version(const char *program, const char *usage, const char *version,
			  const char *arg)
{
	if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
		fputs(_(usage), stdout);
		return true;
	}
	if (strcmp(arg, "--version") == 0) {
		printf("%s %s\n", program, version);
		return true;
	}
	return false;
}

int samv_option_value(const char *program, const char *const *names, size_t n, int argc,
		      char **argv, int *i, size_t *which, const char **value)
{
	const char *a = argv[*i];
	size_t k = 0, len = 0;
	for (; k < n; k++) {
		len = strlen(names[k]);
		bool long_option = names[k][1] == '-';
		if (strncmp(a, names[k], len) == 0 && (a[len] == '\0' || (a[len] == '=' && long_option)))
			break;
	}
	if (k == n)
		return samv_usage_error(program, _("unknown option '%s'"), a);
	*which = k;
	if (a[len] == '=')
		*value = a + len + 1;
	else if (*i + 1 < argc)
		*value = argv[++*i];
	else
		return samv_usage_error(program, _("option '%s' needs a value"), a);
	return -1;
}
