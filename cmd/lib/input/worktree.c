/*
 * input/worktree.c — the listing's entries and findings, and the walk of a work tree.
 *
 * The directory walk (with lstat) applies the naming rules and hands each candidate to the
 * loaders' rules; what it cannot take becomes a "yaml" finding. The git walkers (git.c)
 * list their entries through the same helpers.
 */
#include "input/worktree.h"

#include "util/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int samv_src_oom(lister *l)
{
	if (!*l->err)
		*l->err = strdup(_("out of memory"));
	return -1;
}

/* Ignore entries are root-relative directory paths; a trailing '/' is tolerated. */
bool samv_src_ignored(const lister *l, const char *rel)
{
	size_t n = strlen(rel);
	for (size_t i = 0; i < l->nignore; i++) {
		const char *ig = l->ignore[i];
		size_t m = strlen(ig);
		while (m > 0 && ig[m - 1] == '/')
			m--;
		if (m == n && memcmp(ig, rel, n) == 0)
			return true;
	}
	return false;
}

void samv_src_report(lister *l, const char *rel, const char *msg)
{
	samv_diags_add(l->diags, "yaml", rel, 1, 1, "%s", msg);
}

/* What reading rel came to: 0 read, 1 a finding (in diags) or nothing (it vanished since
 * the directory was read), -1 out of memory. Takes why. */
int samv_src_read_outcome(samv_diags *diags, bool *unreadable, const char *rel, int code, char *why)
{
	if (code == LOAD_FAILED)
		return -1;
	if (code == LOAD_PROBLEM || code == LOAD_UNREADABLE) {
		samv_diags_add(diags, "yaml", rel, 1, 1, "%s", why);
		free(why);
		if (code == LOAD_UNREADABLE)
			*unreadable = true;
		return 1;
	}
	return code == LOAD_ABSENT ? 1 : 0;
}

int samv_src_add_entry(lister *l, const char *rel, bool git, unsigned mode, const git_oid *id)
{
	entry *entries = samv_grow(l->entries, &l->cap, sizeof *entries, 64, l->count + 1);
	if (!entries)
		return samv_src_oom(l);
	l->entries = entries;
	entry *e = &l->entries[l->count];
	*e = (entry){ .path = strdup(rel), .git = git, .mode = mode };
	if (!e->path)
		return samv_src_oom(l);
	if (id)
		e->id = *id;
	l->count++;
	return 0;
}

static int take(lister *l, const char *rel)
{
	return samv_src_add_entry(l, rel, false, 0, NULL);
}

int samv_src_take_object(lister *l, const char *rel, unsigned mode, const git_oid *id)
{
	return samv_src_add_entry(l, rel, true, mode, id);
}


static int walk_entry(lister *l, const char *rel)
{
	int ret = -1;
	char *full = samv_strprintf("%s/%s", l->src->root, rel);
	bool yaml = samv_src_has_record_suffix(samv_src_base_name(rel));
	struct stat st;

	if (!full)
		goto done;
	ret = 0;
	if (samv_src_ignored(l, rel))
		goto done;
	if (lstat(full, &st) != 0) {
		if (errno != ENOENT) {
			samv_diags_add(l->diags, "yaml", rel, 1, 1, _("cannot read file: %s"),
				       strerror(errno));
			*l->unreadable = true;
		}
	} else if (S_ISDIR(st.st_mode)) {
		if (yaml)
			samv_src_report(l, rel, _(samv_src_msg_dir));
		ret = samv_src_walk_dir(l, rel);
	} else if (S_ISLNK(st.st_mode)) {
		/* stat only asks where the link leads; nothing behind it is read */
		if (yaml || (stat(full, &st) == 0 && S_ISDIR(st.st_mode)))
			samv_src_report(l, rel, _(samv_src_msg_link));
	} else if (yaml) {
		ret = take(l, rel);
	}
done:
	free(full);
	return ret < 0 ? samv_src_oom(l) : 0;
}

/* The directory's names are read in full and the directory closed before recursing, so
 * a deep tree never holds more than one directory open. */
int samv_src_walk_dir(lister *l, const char *rel)
{
	int ret = -1;
	char *full = *rel ? samv_strprintf("%s/%s", l->src->root, rel) : strdup(l->src->root);
	char **names = NULL;
	size_t n = 0, cap = 0;
	DIR *d = NULL;
	struct dirent *e;

	if (!full)
		goto done;
	d = opendir(full);
	if (!d) {
		if (!*rel) {
			/* TRANSLATORS: %1$s is a directory, %2$s the system's reason (in English). */
			*l->err = samv_strprintf(_("cannot read directory '%s': %s"), full,
						 strerror(errno));
			goto done;
		}
		/* TRANSLATORS: %s is the system's or git's reason (in English). */
		samv_diags_add(l->diags, "yaml", rel, 1, 1, _("cannot read directory: %s"),
			       strerror(errno));
		*l->unreadable = true;
		ret = 0;
		goto done;
	}
	for (;;) {
		errno = 0;
		e = readdir(d);
		if (!e)
			break;
		if (e->d_name[0] == '.')
			continue;
		char **grown = samv_grow(names, &cap, sizeof *grown, 32, n + 1);
		if (!grown)
			goto done;
		names = grown;
		names[n] = *rel ? samv_strprintf("%s/%s", rel, e->d_name) : strdup(e->d_name);
		if (!names[n])
			goto done;
		n++;
	}
	if (errno != 0) {
		samv_diags_add(l->diags, "yaml", *rel ? rel : ".", 1, 1,
			       _("cannot read directory: %s"), strerror(errno));
		*l->unreadable = true;
	}
	closedir(d);
	d = NULL;
	for (size_t i = 0; i < n; i++)
		if (walk_entry(l, names[i]) < 0)
			goto done;
	ret = 0;
done:
	if (d)
		closedir(d);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(full);
	return ret < 0 ? samv_src_oom(l) : 0;
}
