/*
 * util/paths.c — lexical path arithmetic for PATH arguments.
 */
#include "util/paths.h"

#include <stdlib.h>
#include <string.h>

#include "util/diag.h"

/* Normalise an absolute path in place: collapse "//", drop ".", resolve "..". */
static void normalise(char *p)
{
	char *out = p, *in = p;
	while (*in) {
		while (*in == '/')
			in++;
		char *seg = in;
		while (*in && *in != '/')
			in++;
		size_t len = (size_t)(in - seg);
		if (len == 0 || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out > p && *--out != '/')
				;
			continue;
		}
		*out++ = '/';
		memmove(out, seg, len);
		out += len;
	}
	if (out == p)
		*out++ = '/';
	*out = '\0';
}

char *samv_path_in_root(const char *root, const char *base, const char *arg)
{
	char *full = arg[0] == '/' ? samv_strprintf("%s", arg) : samv_strprintf("%s/%s", base, arg);
	char *r = samv_strprintf("%s", root);
	char *result = NULL;
	if (!full || !r)
		goto done;
	normalise(full);
	normalise(r);
	size_t n = strlen(r);
	if (strcmp(r, "/") == 0)
		n = 0;
	if (strncmp(full, r, n) == 0 && (full[n] == '/' || full[n] == '\0'))
		result = samv_strprintf("%s", full[n] ? full + n + 1 : "");
done:
	free(full);
	free(r);
	return result;
}

bool samv_path_within(const char *file, const char *prefix)
{
	size_t n = strlen(prefix);
	if (n == 0)
		return true;
	return strncmp(file, prefix, n) == 0 && (file[n] == '\0' || file[n] == '/');
}
