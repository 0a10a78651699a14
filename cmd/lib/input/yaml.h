/*
 * input/yaml.h — load one YAML record file into a node tree, the way samv reads YAML (SPEC § 2.1).
 *
 * The loader streams libyaml's events into our own compact tree (node.h) instead of using
 * libyaml's document loader, which is several times slower and larger. It accepts exactly
 * one document of UTF-8 YAML and refuses, each with its own message and position, what
 * would make two readers disagree: invalid UTF-8 and NUL bytes, tags, anchors and aliases,
 * duplicate keys, keys that are not scalars, a second document, nesting deeper than
 * SAMV_YAML_MAX_DEPTH. Plain scalars resolve by the YAML 1.2 core schema.
 */
#ifndef SAMV_LOAD_H
#define SAMV_LOAD_H

#include <stddef.h>

#include "util/diag.h"
#include "input/node.h"

#define SAMV_YAML_MAX_DEPTH 64

/*
 * Parse data (len bytes, under 4 GiB as a node's lengths are 32 bits; need not be
 * NUL-terminated) into doc->root. Problems are appended to diags under rule "yaml" with
 * doc->path and the real line and column. Returns 0 on
 * success (doc->root is NULL for a file with no document, e.g. only comments), -1 when the
 * file was refused (doc->root is then NULL), -2 when out of memory.
 */
int samv_yaml_load(samv_doc *doc, const char *data, size_t len, samv_diags *diags);

/* Resolve a plain scalar by the YAML 1.2 core schema: sets n->kind from its text (which
 * must already be set, laid out as samv_doc_text does). Exposed for the unit tests. */
void samv_yaml_resolve_plain(samv_node *n);

#endif
