/*
 * schema/schemas.h — the record schemas of schema/, embedded at build time
 * (scripts/embed.sh), so an installed binary needs no source tree.
 */
#ifndef SAMV_SCHEMAS_H
#define SAMV_SCHEMAS_H

#include <stddef.h>

typedef struct samv_embedded_schema {
	const char *kind; /* "party", "agreement", ... */
	const char *path; /* "schema/party.schema.json", for messages */
	const char *text;
	size_t len;
} samv_embedded_schema;

/* Terminated by an entry whose kind is NULL. */
extern const samv_embedded_schema samv_embedded_schemas[];

#endif
