/*
 * input/tabs.h — the tabs that YAML 1.2 allows and libyaml refuses, turned into spaces in a copy
 * of a file for the loader (yaml.c) to parse.
 *
 * libyaml (0.2.5) refuses a tab in block context wherever a key could start: on a line that
 * holds only whitespace, before a comment that starts a line, and as the separation after
 * '-', '?' and ':' (`key:<TAB>value`, `-<TAB>value`). YAML 1.2 allows all of these. A tab and
 * a space are one byte and one column each, so the copy keeps every line and column that
 * libyaml reports. The tabs YAML 1.2 refuses, and those that are a scalar's content, stay.
 */
#ifndef SAMV_TABS_H
#define SAMV_TABS_H

#include <stddef.h>

/*
 * Sets *spaced to a copy of data (len bytes of valid UTF-8 without NUL) with those tabs made
 * spaces, which the caller frees, or to NULL when no tab needs it (the caller reads data).
 * Tokens nested deeper than max_depth, which the loader refuses, are not looked at.
 * Returns 0, or -2 when out of memory.
 */
int samv_tabs_spaced(const unsigned char *data, size_t len, int max_depth, unsigned char **spaced);

#endif
