/*
 * input/tabs.c — which tabs of a file to hand libyaml as spaces (tabs.h).
 *
 * Two passes, for a file that holds a tab. The first reads lines: a tab in the whitespace
 * that starts a line with content indents that line, which YAML 1.2 refuses, so it stays a
 * tab (libyaml refuses it at the tab, or, where YAML 1.2 reads it as whitespace or content
 * inside a quoted or block scalar or a flow collection, does so too); every other tab
 * becomes a space. The second runs libyaml's scanner over that copy and puts back the tabs
 * its tokens show to be more than separation:
 *  - a tab inside a scalar is content, or whitespace that libyaml reads right; a tab in
 *    the indentation of a block scalar's blank line, which libyaml refuses, YAML 1.2
 *    readers refuse too (yaml-test-suite Y79Y; the editor's, yaml-language-server, also
 *    on the blank lines after the scalar's last line);
 *  - a tab just before a block collection that starts on the same line (`-<TAB>- a`,
 *    `-<TAB>key: v`): a collection in compact form is indented with spaces only.
 * A file that libyaml read as it was reads the same from the copy: each tab left a space
 * is one that libyaml skipped as whitespace, or one it refused.
 */
#include "input/tabs.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* The length of the line break at d[i] as libyaml reads one (LF, CR, CRLF, NEL, LS, PS), or 0. */
static size_t break_len(const unsigned char *d, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	if (d[i] == '\n')
		return 1;
	if (d[i] == '\r')
		return i + 1 < len && d[i + 1] == '\n' ? 2 : 1;
	if (d[i] == 0xC2 && i + 1 < len && d[i + 1] == 0x85)
		return 2;
	if (d[i] == 0xE2 && i + 2 < len && d[i + 1] == 0x80 && (d[i + 2] == 0xA8 || d[i + 2] == 0xA9))
		return 3;
	return 0;
}

static bool is_bom(const unsigned char *d, size_t len, size_t i)
{
	return len - i >= 3 && d[i] == 0xEF && d[i + 1] == 0xBB && d[i + 2] == 0xBF;
}

/* Makes the tabs of d[from, to) spaces in c; returns how many there were. */
static size_t space_range(const unsigned char *d, unsigned char *c, size_t from, size_t to)
{
	size_t n = 0;
	for (size_t i = from; i < to; i++)
		if (d[i] == '\t') {
			c[i] = ' ';
			n++;
		}
	return n;
}

/* The first pass: every tab a space but those in the whitespace (a BOM counts, as libyaml
 * lets one start a line) before the first character of a line, unless that is '#': a
 * comment is no content. Returns how many tabs it made spaces. */
static size_t space_tabs(const unsigned char *d, size_t len, unsigned char *c)
{
	size_t n = 0, lead = 0;
	bool leading = true;
	for (size_t i = 0; i < len;) {
		size_t b = break_len(d, len, i);
		if (leading && !b && (d[i] == ' ' || d[i] == '\t' || is_bom(d, len, i))) {
			i += d[i] == 0xEF ? 3 : 1;
			continue;
		}
		if (leading && (b || d[i] == '#'))
			n += space_range(d, c, lead, i);
		leading = b > 0;
		lead = i + b;
		if (!b && d[i] == '\t')
			n += space_range(d, c, i, i + 1);
		i += b ? b : 1;
	}
	if (leading)
		n += space_range(d, c, lead, len);
	return n;
}

/* A mark's index (libyaml counts code points, after a BOM at the start) as a byte offset,
 * walked from the last one asked: tokens come in the order of their positions. */
typedef struct cursor {
	size_t index, offset;
} cursor;

static size_t offset_of(const unsigned char *d, size_t len, cursor *cur, size_t index)
{
	while (cur->index < index && cur->offset < len) {
		do
			cur->offset++;
		while (cur->offset < len && (d[cur->offset] & 0xC0) == 0x80);
		cur->index++;
	}
	while (cur->index > index) {
		do
			cur->offset--;
		while ((d[cur->offset] & 0xC0) == 0x80);
		cur->index--;
	}
	return cur->offset;
}

/* Puts back in c the tabs of d in the whitespace before d[at] on its line. */
static void restore_before(const unsigned char *d, unsigned char *c, size_t at)
{
	size_t i = at;
	while (i > 0 && (d[i - 1] == ' ' || d[i - 1] == '\t'))
		i--;
	memcpy(c + i, d + i, at - i);
}

/* The second pass: libyaml's tokens of the copy c of d. Stops at the first error, since the
 * loader stops there too, and beyond the depth at which the loader refuses a file (which
 * also bounds libyaml's stacks on a file of '['). */
static int restore_tokens(const unsigned char *d, size_t len, unsigned char *c, int max_depth)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return -2;
	yaml_parser_set_input_string(&parser, c, len);
	cursor cur = { 0, is_bom(d, len, 0) ? 3 : 0 };
	int rc = 0, depth = 0;
	bool done = false;
	while (!done) {
		yaml_token_t t;
		if (!yaml_parser_scan(&parser, &t)) {
			rc = parser.error == YAML_MEMORY_ERROR ? -2 : 0;
			break;
		}
		yaml_token_type_t type = t.type;
		if (type == YAML_SCALAR_TOKEN) {
			size_t s = offset_of(d, len, &cur, t.start_mark.index);
			size_t e = offset_of(d, len, &cur, t.end_mark.index);
			/* A block scalar's token ends after its last line break: blanks after
			 * that, on a last line without one, are its closing blank line. */
			if (t.data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
			    t.data.scalar.style == YAML_FOLDED_SCALAR_STYLE)
				while (e < len && (d[e] == ' ' || d[e] == '\t'))
					e++;
			memcpy(c + s, d + s, e - s);
		} else if (type == YAML_BLOCK_SEQUENCE_START_TOKEN || type == YAML_BLOCK_MAPPING_START_TOKEN ||
			   type == YAML_BLOCK_ENTRY_TOKEN || type == YAML_KEY_TOKEN) {
			restore_before(d, c, offset_of(d, len, &cur, t.start_mark.index));
		}
		if (type == YAML_BLOCK_SEQUENCE_START_TOKEN || type == YAML_BLOCK_MAPPING_START_TOKEN ||
		    type == YAML_FLOW_SEQUENCE_START_TOKEN || type == YAML_FLOW_MAPPING_START_TOKEN)
			depth++;
		else if (type == YAML_BLOCK_END_TOKEN || type == YAML_FLOW_SEQUENCE_END_TOKEN ||
			 type == YAML_FLOW_MAPPING_END_TOKEN)
			depth--;
		done = type == YAML_STREAM_END_TOKEN || depth > max_depth;
		yaml_token_delete(&t);
	}
	yaml_parser_delete(&parser);
	return rc;
}

int samv_tabs_spaced(const unsigned char *data, size_t len, int max_depth, unsigned char **spaced)
{
	*spaced = NULL;
	if (len == 0 || !memchr(data, '\t', len))
		return 0;
	unsigned char *c = malloc(len);
	if (!c)
		return -2;
	memcpy(c, data, len);
	int rc = space_tabs(data, len, c) ? restore_tokens(data, len, c, max_depth) : 1;
	if (rc == 0)
		*spaced = c;
	else
		free(c);
	return rc < 0 ? rc : 0;
}
