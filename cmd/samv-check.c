/*
 * samv-check — check a samv ledger: the work tree, the git index (--staged) or a commit.
 *
 * A thin main: it parses options, asks the library to load the ledger and run the rules,
 * and prints the findings. Exit status: 0 clean, 1 findings that fail, 2 usage error or
 * unreadable input.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/i18n.h"
#include "ledger/ledger.h"
#include "report/findings.h"
#include "util/paths.h"
#include "rules/rules.h"
#include "session/session.h"

#ifndef SAMV_VERSION
#define SAMV_VERSION "0.0.0"
#endif

/* Translated as a whole; option names, metavariables and values stay as they are. */
static const char *const usage = N_(
	"usage: samv-check [-C DIR] [--staged | --rev REV] [--format text|json|github|sarif]\n"
	"                  [--strict] [--as-of DATE] [--rule ID=SEVERITY]... [PATH...]\n"
	"       samv-check --list-rules | --explain ID\n"
	"\n"
	"Check the samv ledger whose root (the directory holding samv.yaml) is DIR or above it.\n"
	"\n"
	"  -C DIR             start looking for the ledger in DIR (default: the current directory)\n"
	"  --staged           check what is staged in the git index (what a commit would hold)\n"
	"  --rev REV          check the ledger as it is in commit REV\n"
	"  --format FORMAT    text (default: file:line:col: severity: message [rule]), json,\n"
	"                     github (workflow commands) or sarif (SARIF 2.1.0)\n"
	"  --strict           warnings fail the check too\n"
	"  -q, --quiet        print only the findings that fail the check, and no count\n"
	"  --color WHEN       auto (default: on a terminal, unless NO_COLOR is set), always\n"
	"                     or never; on a terminal (or always) each finding also shows\n"
	"                     its source line with a caret under the column\n"
	"  --as-of DATE       take DATE (YYYY-MM-DD) as today for deadline rules\n"
	"  --rule ID=SEV      set a rule's severity: error, warning or off\n"
	"  --list-rules       list every rule with its severity and what it checks\n"
	"  --explain ID       what rule ID checks, why, and how to mend a finding\n"
	"  -h, --help         show this help\n"
	"  --version          show the version\n"
	"  --stdin-filename PATH -\n"
	"                     check the text on standard input as if it stood at PATH in the\n"
	"                     ledger (an editor's unsaved buffer); report findings in it only\n"
	"  PATH...            report findings in these files or directories only\n"
	"                     (the whole ledger is still loaded, for references)\n"
	"\n"
	"Paths in findings are relative to the ledger root (for github and sarif: to the\n"
	"current directory, as a repository's annotations need).\n"
	"Exit status: 0 clean, 1 findings that fail, 2 usage error or unreadable input.\n");

typedef struct options {
	const char *dir;
	samv_source_kind source;
	const char *rev;
	const char *format;
	const char *as_of;
	const char *explain;
	bool strict, list_rules, staged, quiet;
	const char *color;
	const char *stdin_filename;
	const char **rules;
	size_t nrules;
	const char **paths;
	size_t npaths;
} options;

#define usage_error(...) samv_usage_error("samv-check", __VA_ARGS__)

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
	o->dir = ".";
	o->format = "text";
	o->rules = calloc((size_t)argc, sizeof *o->rules);
	o->paths = calloc((size_t)argc, sizeof *o->paths);
	if (!o->rules || !o->paths)
		return 2;
	bool only_paths = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
			o->paths[o->npaths++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_paths = true;
			continue;
		}
		if (samv_help_or_version("samv-check", usage, SAMV_VERSION, a))
			return 0;
		if (strcmp(a, "--staged") == 0) {
			o->staged = true;
			o->source = SAMV_SOURCE_INDEX;
			continue;
		}
		if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o->quiet = true;
			continue;
		}
		if (strcmp(a, "--strict") == 0) {
			o->strict = true;
			continue;
		}
		if (strcmp(a, "--list-rules") == 0) {
			o->list_rules = true;
			continue;
		}
		/* Options with a value: "--opt VALUE" or "--opt=VALUE" (and "-C DIR"). */
		static const char *const with_value[] = { "-C", "--rev", "--format", "--as-of", "--rule",
							  "--explain", "--color", "--colour",
							  "--stdin-filename" };
		size_t which;
		const char *value;
		int status = samv_option_value("samv-check", with_value, sizeof with_value / sizeof *with_value,
					       argc, argv, &i, &which, &value);
		if (status >= 0)
			return status;
		switch (which) {
		case 0:
			o->dir = value;
			break;
		case 1:
			o->source = SAMV_SOURCE_COMMIT;
			o->rev = value;
			break;
		case 2:
			o->format = value;
			break;
		case 3:
			o->as_of = value;
			break;
		case 5:
			o->explain = value;
			break;
		case 6:
		case 7:
			o->color = value;
			break;
		case 8:
			o->stdin_filename = value;
			break;
		default:
			o->rules[o->nrules++] = value;
		}
	}
	static const char *const formats[] = { "text", "json", "github", "sarif" };
	bool known = false;
	for (size_t k = 0; k < 4; k++)
		known = known || strcmp(o->format, formats[k]) == 0;
	if (!known)
		return usage_error(_("unknown format '%s' (text, json, github or sarif)"), o->format);
	if (o->color && strcmp(o->color, "auto") != 0 && strcmp(o->color, "always") != 0 &&
	    strcmp(o->color, "never") != 0)
		return usage_error(_("--color must be auto, always or never, not '%s'"), o->color);
	if (o->explain && samv_rule_index(o->explain) < 0)
		return usage_error(_("unknown rule '%s' (samv-check --list-rules lists them)"), o->explain);
	if (o->stdin_filename) {
		if (o->npaths != 1 || strcmp(o->paths[0], "-") != 0)
			return usage_error("%s", _("--stdin-filename PATH takes the text from standard input: give '-' and no other PATH"));
		size_t n = strlen(o->stdin_filename);
		if (!(n > 5 && strcmp(o->stdin_filename + n - 5, ".yaml") == 0) &&
		    !(n > 4 && strcmp(o->stdin_filename + n - 4, ".yml") == 0))
			return usage_error(_("--stdin-filename '%s' is not a record file (.yaml or .yml)"), o->stdin_filename);
		o->paths[0] = o->stdin_filename;
	} else {
		for (size_t k = 0; k < o->npaths; k++)
			if (strcmp(o->paths[k], "-") == 0)
				return usage_error("%s", _("'-' (standard input) needs --stdin-filename PATH"));
	}
	if (o->rev && o->staged)
		return usage_error("%s", _("--staged and --rev cannot be used together"));
	return -1;
}

static void list_rules(void)
{
	size_t n;
	const samv_rule_info *t = samv_rules_table(&n);
	for (size_t i = 0; i < n; i++)
		printf("%-20s %-8s %s\n", t[i].id, samv_severity_name(t[i].severity), _(t[i].summary));
}

static void explain(const char *id)
{
	size_t n;
	const samv_rule_info *r = &samv_rules_table(&n)[samv_rule_index(id)];
	/* TRANSLATORS: --explain. %1$s is the rule id, %2$s its default severity (error,
	 * warning or off, as --rule takes them), %3$s where the rule comes from (SPEC 2.1,
	 * § 4.6), then what it checks, why, and how to mend a finding. */
	printf(_("%s (%s by default; %s)\n\nChecks: %s.\n\nWhy: %s\n\nTo mend: %s\n"), r->id,
	       samv_severity_name(r->severity), _(r->source), _(r->summary), _(r->why), _(r->mend));
}

/* github and sarif name files from the current directory, where a repository's checkout is. */
static char *path_prefix(const char *root)
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return samv_strprintf("%s/", root);
	char *rel = samv_path_in_root(cwd, cwd, root);
	char *prefix = rel ? samv_strprintf("%s%s", rel, *rel ? "/" : "") : samv_strprintf("%s/", root);
	free(rel);
	return prefix;
}

/* Keep only the findings in the files the user named. */
static bool names_a_file(const samv_ledger *l, const char *root, const char *wanted)
{
	for (size_t i = 0; i < l->ndocs; i++)
		if (samv_path_within(l->docs[i]->path, wanted))
			return true;
	/* A directory or file that exists but holds no record is not a mistake. */
	char *full = samv_strprintf("%s/%s", root, wanted);
	bool exists = full && access(full, F_OK) == 0;
	free(full);
	return exists;
}

static int filter_paths(samv_diags *d, const options *o, const samv_ledger *l, const char *root,
			char **err)
{
	if (!o->npaths)
		return 0;
	char cwd[PATH_MAX];
	char *base = realpath(o->dir, cwd);
	char **wanted = calloc(o->npaths, sizeof *wanted);
	int rc = -1;
	if (!base || !wanted) {
		*err = samv_strprintf(_("cannot resolve '%s'"), o->dir);
		goto done;
	}
	for (size_t i = 0; i < o->npaths; i++) {
		wanted[i] = samv_path_in_root(root, base, o->paths[i]);
		if (!wanted[i]) {
			/* TRANSLATORS: %1$s is a PATH argument, %2$s the ledger's root directory. */
			*err = samv_strprintf(_("'%s' is outside the ledger at %s"), o->paths[i], root);
			goto done;
		}
		if (!names_a_file(l, root, wanted[i])) {
			*err = samv_strprintf(_("'%s': no such file in the ledger"), o->paths[i]);
			goto done;
		}
	}
	size_t kept = 0;
	for (size_t i = 0; i < d->count; i++) {
		bool keep = false;
		for (size_t k = 0; k < o->npaths && !keep; k++)
			keep = samv_path_within(d->items[i].file, wanted[k]);
		if (keep)
			d->items[kept++] = d->items[i];
		else
			samv_finding_clear(&d->items[i]);
	}
	d->count = kept;
	rc = 0;
done:
	for (size_t i = 0; wanted && i < o->npaths; i++)
		free(wanted[i]);
	free(wanted);
	return rc;
}

/* Source lines for excerpts, read once per file from the same source as the check. */
typedef struct line_cache {
	samv_source *src;
	samv_file *files;
	size_t n, cap;
} line_cache;

static const char *line_of(void *arg, const char *path, uint32_t line, size_t *len)
{
	line_cache *lc = arg;
	samv_file *f = NULL;
	for (size_t i = 0; i < lc->n && !f; i++)
		if (strcmp(lc->files[i].path, path) == 0)
			f = &lc->files[i];
	if (!f) {
		samv_file *grown = samv_grow(lc->files, &lc->cap, sizeof *grown, 16, lc->n + 1);
		char *err = NULL;
		if (!grown)
			return NULL;
		lc->files = grown;
		f = &lc->files[lc->n];
		memset(f, 0, sizeof *f);
		if (samv_source_read(lc->src, path, f, &err) != 0) {
			free(err);
			samv_file_clear(f);
			f->path = strdup(path); /* remembered as unreadable: no excerpt */
		}
		lc->n++;
	}
	const char *p = f->data, *end = f->data + f->len;
	for (uint32_t l = 1; p && l < line; l++) {
		p = memchr(p, '\n', (size_t)(end - p));
		p = p ? p + 1 : NULL;
	}
	if (!p || p >= end)
		return NULL;
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	*len = (size_t)((eol ? eol : end) - p);
	if (*len && p[*len - 1] == '\r')
		(*len)--;
	return p;
}

/* -q: keep only the findings that fail the check. */
static void keep_failures(samv_diags *d, bool strict)
{
	size_t kept = 0;
	for (size_t i = 0; i < d->count; i++) {
		if (d->items[i].severity == SAMV_SEV_ERROR || strict)
			d->items[kept++] = d->items[i];
		else
			samv_finding_clear(&d->items[i]);
	}
	d->count = kept;
}

/* Standard input, whole, bounded like any record file. */
static char *read_stdin(size_t *len, char **err)
{
	size_t cap = 0, n = 0, got = 1;
	char *buf = NULL;
	const char *why = NULL;
	while (got > 0 && !why) {
		char *grown = samv_grow(buf, &cap, 1, 65536, n + 1);
		if (!grown) {
			why = _("out of memory");
			break;
		}
		buf = grown;
		got = fread(buf + n, 1, cap - n, stdin);
		n += got;
		if (n > SAMV_SOURCE_MAX_FILE)
			why = _("standard input is larger than the 16 MiB a record file may have");
	}
	if (why) {
		free(buf);
		*err = samv_strprintf("%s", why);
		return NULL;
	}
	*len = n;
	return buf;
}

/* The root-relative path of PATH given relative to -C DIR. */
static char *ledger_path(const options *o, const char *root, const char *path, char **err)
{
	char buf[PATH_MAX];
	char *base = realpath(o->dir, buf);
	char *rel = base ? samv_path_in_root(root, base, path) : NULL;
	if (!rel)
		*err = samv_strprintf(_("'%s' is outside the ledger at %s"), path, root);
	return rel;
}

/* The closing count, "2 errors, 5 warnings in 41 files": each count with its own noun,
 * as the language counts it, then the three put together. */
static void print_counts(const samv_counts *c, size_t nfiles)
{
	char errors[64], warnings[64], files[64];
	/* TRANSLATORS: the first part of the closing count, "2 errors, 5 warnings in 41 files". */
	snprintf(errors, sizeof errors, samv_msgn("%zu error", "%zu errors", c->errors), c->errors);
	/* TRANSLATORS: the second part of the closing count, "2 errors, 5 warnings in 41 files". */
	snprintf(warnings, sizeof warnings, samv_msgn("%zu warning", "%zu warnings", c->warnings),
		 c->warnings);
	/* TRANSLATORS: the last part of the closing count, "2 errors, 5 warnings in 41 files". */
	snprintf(files, sizeof files, samv_msgn("%zu file", "%zu files", nfiles), nfiles);
	/* TRANSLATORS: the closing count: %1$s is "2 errors", %2$s "5 warnings", %3$s
	 * "41 files", each translated on its own. */
	fprintf(stderr, _("%s, %s in %s"), errors, warnings, files);
	fputc('\n', stderr);
}

static int run(const options *o)
{
	samv_session s = { 0 };
	char *err = NULL, *text = NULL, *overlay = NULL;
	size_t text_len = 0;
	int status = 2;
	samv_session_options so = { o->dir, o->source, o->rev, o->as_of, o->rules, o->nrules, NULL, NULL, 0, NULL, { 0 } };
	samv_session_options_env(&so, getenv);

	if (o->stdin_filename) {
		char *root = samv_source_find_root(o->dir);
		overlay = root ? ledger_path(o, root, o->stdin_filename, &err) : NULL;
		free(root);
		text = overlay ? read_stdin(&text_len, &err) : NULL;
		if (!text && !err)
			err = samv_strprintf(_("no samv.yaml in '%s' or any directory above it"), o->dir);
		if (!text)
			goto done;
		so.overlay_path = overlay;
		so.overlay_data = text;
		so.overlay_len = text_len;
	}
	if (samv_session_open(&s, &so, &err) || filter_paths(&s.diags, o, s.ledger, s.root, &err))
		goto done;
	samv_diags_sort(&s.diags);
	samv_counts c = samv_diags_count(&s.diags);
	if (o->quiet)
		keep_failures(&s.diags, o->strict);
	if (strcmp(o->format, "json") == 0) {
		samv_findings_json(stdout, &s.diags);
	} else if (strcmp(o->format, "text") == 0) {
		const char *when = o->color ? o->color : "auto";
		bool terminal = isatty(STDOUT_FILENO);
		const char *no_color = getenv("NO_COLOR");
		line_cache lc = { s.src, NULL, 0, 0 };
		samv_text_style style = {
			strcmp(when, "always") == 0 ||
				(strcmp(when, "auto") == 0 && terminal && !(no_color && *no_color)),
			terminal || strcmp(when, "always") == 0 ? line_of : NULL, &lc
		};
		samv_findings_text_styled(stdout, &s.diags, &style);
		samv_files_free(lc.files, lc.n);
	} else {
		char *prefix = path_prefix(s.root);
		if (strcmp(o->format, "github") == 0)
			samv_findings_github(stdout, &s.diags, prefix ? prefix : "");
		else
			samv_findings_sarif(stdout, &s.diags, prefix ? prefix : "", SAMV_VERSION);
		free(prefix);
	}
	if (strcmp(o->format, "text") == 0 && !o->quiet)
		print_counts(&c, s.ledger->nfiles);
	status = s.unreadable ? 2 : c.errors || (o->strict && c.warnings) ? 1 : 0;
done:
	if (err)
		fprintf(stderr, "samv-check: %s\n", err);
	free(err);
	free(text);
	free(overlay);
	samv_session_close(&s);
	return status;
}

int main(int argc, char **argv)
{
	samv_i18n_set(samv_catalog_from_env(getenv));
	options o = { 0 };
	int status = parse_args(argc, argv, &o);
	if (status < 0) {
		if (o.list_rules || o.explain) {
			if (o.list_rules)
				list_rules();
			else
				explain(o.explain);
			status = 0;
		} else {
			status = run(&o);
		}
	}
	free(o.rules);
	free(o.paths);
	return status;
}
