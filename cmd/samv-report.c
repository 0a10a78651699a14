/*
 * samv-report — invoices, e-invoices, yearly summaries, protocols, deadlines and the site,
 * from a samv ledger.
 *
 * A thin main: it parses options, loads and checks the ledger through the same session as
 * samv-check, and hands the subcommand an emitter that writes each finished file either to
 * standard output or atomically into --out (temporary files, all renamed into place once the
 * report is made). Exit status: 0 written, 1 not written (a report could not be made), 2
 * usage error or unreadable input.
 */
#define _GNU_SOURCE /* syncfs */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "ledger/records.h"
#include "report/report.h"
#include "session/session.h"

#ifndef SAMV_VERSION
#define SAMV_VERSION "0.0.0"
#endif

/* Translated as a whole; subcommands, option names, metavariables and values stay as they
 * are. */
static const char *const usage = N_(
	"usage: samv-report SUBCOMMAND [-C DIR] [--staged | --rev REV] [--as-of DATE]\n"
	"                   [--format FORMAT] [--out DIR] [--lang sv|en] [OPTIONS]\n"
	"\n"
	"Subcommands:\n"
	"  invoices --term TERM [--unit UNIT]   invoice bases per unit, university and term\n"
	"                                       (md, html, csv, json, ubl)\n"
	"  summary --year YEAR [--by agreement|municipality|university]\n"
	"                                       the yearly follow-up (html, md, csv, json)\n"
	"  protocol ID|FILE                     a meeting's protocol (md, html)\n"
	"  actions                              every action point, open ones first (md, html)\n"
	"  deadlines [--from DATE] [--to DATE]  every deadline, done and due (md, html, ics, json)\n"
	"  site --out DIR                       all of the above with an index page\n"
	"\n"
	"Options:\n"
	"  -C DIR             look for the ledger root in DIR and above (default: .)\n"
	"  --staged           report on what is staged in the git index\n"
	"  --rev REV          report on the ledger as it is in commit REV\n"
	"  --as-of DATE       take DATE (YYYY-MM-DD) as today\n"
	"  --format FORMAT    md (default), html, csv, json, ubl or ics, as the subcommand has\n"
	"  --out DIR          write files into DIR (each atomically) instead of standard output\n"
	"  --lang sv|en       language of the documents (default sv)\n"
	"  -h, --help         show this help\n"
	"  --version          show the version\n"
	"\n"
	"A ledger with errors still reports, with a notice on each document.\n"
	"Exit status: 0 written, 1 not written, 2 usage error or unreadable input.\n");

typedef struct options {
	const char *subcommand, *dir, *rev, *as_of, *format, *out, *lang;
	const char *term, *unit, *year, *by, *from, *to, *target;
	bool staged;
} options;

#define usage_error(...) samv_usage_error("samv-report", __VA_ARGS__)

static const char *const valued[] = { "-C", "--rev", "--as-of", "--format", "--out", "--lang",
				      "--term", "--unit", "--year", "--by", "--from", "--to" };
#define NVALUED (sizeof valued / sizeof valued[0])

static const char **value_slot(options *o, size_t k)
{
	const char **slots[NVALUED] = { &o->dir, &o->rev, &o->as_of, &o->format, &o->out, &o->lang,
					 &o->term, &o->unit, &o->year, &o->by, &o->from, &o->to };
	return slots[k];
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
	o->dir = ".";
	o->lang = "sv";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (samv_help_or_version("samv-report", usage, SAMV_VERSION, a))
			return 0;
		if (strcmp(a, "--staged") == 0) {
			o->staged = true;
			continue;
		}
		if (a[0] != '-') {
			if (!o->subcommand)
				o->subcommand = a;
			else if (!o->target)
				o->target = a;
			else
				return usage_error(_("unexpected argument '%s'"), a);
			continue;
		}
		size_t k;
		const char *value;
		int status = samv_option_value("samv-report", valued, NVALUED, argc, argv, &i, &k, &value);
		if (status >= 0)
			return status;
		*value_slot(o, k) = value;
	}
	if (!o->subcommand)
		return usage_error("%s", _("a subcommand is needed: invoices, summary, protocol, actions, deadlines or site"));
	if (o->staged && o->rev)
		return usage_error("%s", _("--staged and --rev cannot be used together"));
	if (strcmp(o->lang, "sv") != 0 && strcmp(o->lang, "en") != 0)
		return usage_error(_("--lang must be sv or en, not '%s'"), o->lang);
	return -1;
}

/* ---- where the files go ---- */

typedef struct collected {
	char *name;
	samv_buf content;
} collected;

typedef struct stdout_sink {
	collected *files;
	size_t n;
} stdout_sink;

/* Standard output takes one file; a report that makes several needs --out. */
static int emit_stdout(void *arg, const char *name, const samv_buf *content, char **err)
{
	stdout_sink *sink = arg;
	if (sink->n) {
		/* TRANSLATORS: %1$s and %2$s are the names of the first two files. */
		*err = samv_strprintf(_("this report makes several files ('%s', '%s', ...): give --out DIR"),
				      sink->files[0].name, name);
		return -1;
	}
	sink->files = calloc(1, sizeof *sink->files);
	if (!sink->files || !(sink->files[0].name = strdup(name))) {
		*err = samv_strprintf("%s", _("out of memory"));
		return -1;
	}
	samv_buf_add(&sink->files[0].content, content->data ? content->data : "", content->len);
	sink->n = 1;
	return sink->files[0].content.oom ? -1 : 0;
}

static int make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0777);
		*p = '/';
		if (rc && errno != EEXIST)
			return -1;
	}
	return 0;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* --out: each file is written to a temporary name beside its place ("NAME.tmp-XXXXXX") and
 * kept there until the whole report is made; then all are made durable together and
 * renamed into place in the order they were made (out_commit), or removed when the report
 * fails (out_abort). So a reader never sees half a file, and a run that fails before the
 * renames puts no file in place.
 *
 * Durability: reports can be made again from the ledger at any time, so losing the newest
 * ones in a crash costs only a rerun; but a file that is in place after a crash must be
 * whole, since an empty or cut-off invoice could be printed or sent. One syncfs() of the
 * target's file system before the first rename gives that: every file's data reaches the
 * disk before its name does. The renames themselves are not synced: after a crash some
 * files may still be the previous run's, each of them whole, as after a run that failed
 * while renaming. An fsync() of each file before its rename would make the county's site
 * wait for the disk 4 811 times.
 *
 * All the files are created before any old one is replaced. Replacing frees the old
 * file's inode, and ext4 without a journal checks every recently freed inode that it
 * passes over when it looks for a free one, so creating and replacing in turn made each
 * creation slower than the last. */
typedef struct staged {
	char *tmp, *path;
} staged;

typedef struct out_dir {
	const char *dir;
	staged *files;
	size_t n, cap;
} out_dir;

static int stage(out_dir *o, char *tmp, char *path)
{
	staged *files = samv_grow(o->files, &o->cap, sizeof *files, 64, o->n + 1);
	if (!files)
		return -1;
	o->files = files;
	o->files[o->n++] = (staged){ tmp, path };
	return 0;
}

/* Whether path is a regular file with mode 0644 holding exactly content, as a rerun finds
 * most files when the ledger changed little: then it is left as it is rather than replaced
 * by an equal copy. That saves writing the copy, and creating it where the previous run's
 * replacements just freed as many inodes (see above). */
static bool in_place(const char *path, const samv_buf *content)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0644 &&
		    (uintmax_t)st.st_size == content->len;
	char buf[65536];
	for (size_t at = 0; same && at < content->len;) {
		size_t want = content->len - at < sizeof buf ? content->len - at : sizeof buf;
		ssize_t n = read(fd, buf, want);
		if (n < 0 && errno == EINTR)
			continue;
		same = n > 0 && memcmp(buf, content->data + at, (size_t)n) == 0;
		at += n > 0 ? (size_t)n : 0;
	}
	close(fd);
	return same;
}

static int emit_file(void *arg, const char *name, const samv_buf *content, char **err)
{
	out_dir *o = arg;
	if (strstr(name, "..") || name[0] == '/') {
		*err = samv_strprintf(_("refusing to write '%s' outside --out"), name);
		return -1;
	}
	char *path = samv_strprintf("%s/%s", o->dir, name);
	char *tmp = samv_strprintf("%s/%s.tmp-XXXXXX", o->dir, name);
	int fd = -1;
	if (!path || !tmp) {
		*err = samv_strprintf("%s", _("out of memory"));
		goto fail;
	}
	if (in_place(path, content)) {
		free(path);
		free(tmp);
		return 0;
	}
	fd = mkstemp(tmp);
	if (fd < 0 && (errno == ENOENT || errno == ENOTDIR)) {
		/* The folders are made when the first file that goes in them finds them missing,
		 * rather than tried for every file. mkstemp may have changed the template. */
		memcpy(tmp + strlen(tmp) - 6, "XXXXXX", 6);
		if (make_dirs(tmp)) {
			/* TRANSLATORS: %1$s is a file, %2$s the system's reason (in English). */
		*err = samv_strprintf(_("cannot create the folders of '%s': %s"), path, strerror(errno));
			goto fail;
		}
		fd = mkstemp(tmp);
	}
	if (fd < 0) {
		/* TRANSLATORS: %1$s is the --out directory, %2$s the system's reason (in English). */
		*err = samv_strprintf(_("cannot write in '%s': %s"), o->dir, strerror(errno));
		goto fail;
	}
	int rc = write_all(fd, content->data ? content->data : "", content->len) || fchmod(fd, 0644);
	if (close(fd) || rc) {
		/* TRANSLATORS: %1$s is a file, %2$s the system's reason (in English). */
		*err = samv_strprintf(_("cannot write '%s': %s"), path, strerror(errno));
		goto unlink;
	}
	if (stage(o, tmp, path)) {
		*err = samv_strprintf("%s", _("out of memory"));
		goto unlink;
	}
	return 0;
unlink:
	unlink(tmp);
fail:
	free(path);
	free(tmp);
	return -1;
}

/* Removes the temporary files from the first-th on. */
static void out_abort(out_dir *o, size_t first)
{
	for (size_t i = first; i < o->n; i++)
		unlink(o->files[i].tmp);
	for (size_t i = 0; i < o->n; i++) {
		free(o->files[i].tmp);
		free(o->files[i].path);
	}
	free(o->files);
	*o = (out_dir){ o->dir, NULL, 0, 0 };
}

/* Puts the staged files in place (see the durability note above). Returns 0, or -1 with
 * *err set and every file not yet in place removed. */
static int out_commit(out_dir *o, char **err)
{
	size_t done = 0;
	if (o->n) {
		int fd = open(o->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0 || syncfs(fd)) {
			/* TRANSLATORS: %1$s is a file, %2$s the system's reason (in English). */
			*err = samv_strprintf(_("cannot write '%s': %s"), o->dir, strerror(errno));
			if (fd >= 0)
				close(fd);
			goto done;
		}
		close(fd);
	}
	for (; done < o->n; done++)
		if (rename(o->files[done].tmp, o->files[done].path)) {
			/* TRANSLATORS: %1$s is a file, %2$s the system's reason (in English). */
			*err = samv_strprintf(_("cannot put '%s' in place: %s"), o->files[done].path,
					      strerror(errno));
			break;
		}
done:;
	int rc = done == o->n ? 0 : -1;
	out_abort(o, done);
	return rc;
}

/* ---- subcommands ---- */

static int parse_date_option(const char *name, const char *value, samv_date *out, char **err)
{
	*out = SAMV_NO_DATE;
	if (!value)
		return 0;
	if (samv_date_parse(value, strlen(value), out) == SAMV_DATE_OK)
		return 0;
	/* TRANSLATORS: %1$s is the option (--from or --to), %2$s the value given. */
	*err = samv_strprintf(_("%s '%s' is not a date (YYYY-MM-DD)"), name, value);
	return -1;
}

/* Returns 0, 1 (the report could not be made) or 2 (usage). */
static int dispatch(const options *o, const samv_report_ctx *c, const samv_emitter *e, char **err)
{
	const char *s = o->subcommand;
	samv_format format = SAMV_FORMAT_MD;
	if (o->format && samv_format_parse(o->format, &format)) {
		*err = samv_strprintf(_("unknown format '%s'"), o->format);
		return 2;
	}
	int rc;
	if (strcmp(s, "invoices") == 0) {
		if (!o->term) {
			*err = samv_strprintf("%s", _("invoices needs --term TERM, e.g. --term 2025-VT"));
			return 2;
		}
		rc = samv_report_invoices(c, o->term, o->unit, format, e, err);
	} else if (strcmp(s, "summary") == 0) {
		char *end = NULL;
		long year = o->year ? strtol(o->year, &end, 10) : 0;
		if (!o->year || *end || year < 1900 || year > 9999) {
			*err = samv_strprintf("%s", _("summary needs --year YEAR, e.g. --year 2025"));
			return 2;
		}
		rc = samv_report_summary(c, (int)year, o->by ? o->by : "agreement", format, e, err);
	} else if (strcmp(s, "protocol") == 0) {
		if (!o->target) {
			*err = samv_strprintf("%s", _("protocol needs a protocol id (BODY/DATE) or file"));
			return 2;
		}
		rc = samv_report_protocol(c, o->target, format, e, err);
	} else if (strcmp(s, "actions") == 0) {
		rc = samv_report_actions(c, format, e, err);
	} else if (strcmp(s, "deadlines") == 0) {
		samv_date from, to;
		if (parse_date_option("--from", o->from, &from, err) || parse_date_option("--to", o->to, &to, err))
			return 2;
		rc = samv_report_deadlines(c, from, to, format, e, err);
	} else if (strcmp(s, "site") == 0) {
		if (!o->out) {
			*err = samv_strprintf("%s", _("site needs --out DIR"));
			return 2;
		}
		rc = samv_report_site(c, e, err);
	} else {
		*err = samv_strprintf(_("unknown subcommand '%s' (invoices, summary, protocol, actions, deadlines, site)"), s);
		return 2;
	}
	return rc ? 1 : 0;
}

static int run(const options *o)
{
	samv_session s;
	stdout_sink sink = { NULL, 0 };
	out_dir out = { o->out, NULL, 0, 0 };
	char *err = NULL, *commit = NULL;
	bool modified = false;
	int status = 2;
	samv_session_options so = { o->dir, o->staged ? SAMV_SOURCE_INDEX : o->rev ? SAMV_SOURCE_COMMIT : SAMV_SOURCE_WORKTREE,
				    o->rev, o->as_of, NULL, 0, NULL, NULL, 0, NULL, { 0 } };
	samv_session_options_env(&so, getenv);

	if (samv_session_open(&s, &so, &err))
		goto done;
	if (samv_source_describe(s.src, &commit, &modified)) {
		err = samv_strprintf("%s", _("cannot read the ledger's git state, or out of memory"));
		goto done;
	}
	int64_t commit_time = -1;
	if (samv_source_commit_time(s.src, &commit_time) != 0)
		commit_time = -1;
	samv_diags_sort(&s.diags);
	samv_report_ctx ctx = { s.ledger, s.records, s.obligations, &s.cfg, &s.diags, commit, modified, commit_time,
				samv_catalog_find(o->lang) };
	samv_emitter e = o->out ? (samv_emitter){ emit_file, &out } : (samv_emitter){ emit_stdout, &sink };
	status = dispatch(o, &ctx, &e, &err);
	if (status == 0 && out_commit(&out, &err))
		status = 1;
	if (status == 0 && sink.n)
		fwrite(sink.files[0].content.data ? sink.files[0].content.data : "", 1, sink.files[0].content.len, stdout);
	if (status == 0 && samv_report_errors(&ctx))
		fprintf(stderr, "samv-report: %s\n", _("the ledger has errors; the reports say so (run samv-check)"));
	if (status == 0 && s.unreadable)
		status = 2;
done:
	if (err)
		fprintf(stderr, "samv-report: %s\n", err);
	free(err);
	free(commit);
	for (size_t i = 0; i < sink.n; i++) {
		free(sink.files[i].name);
		samv_buf_free(&sink.files[i].content);
	}
	free(sink.files);
	out_abort(&out, 0);
	samv_session_close(&s);
	return status;
}

int main(int argc, char **argv)
{
	samv_i18n_set(samv_catalog_from_env(getenv));
	options o = { 0 };
	int status = parse_args(argc, argv, &o);
	return status >= 0 ? status : run(&o);
}
