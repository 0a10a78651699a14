/*
 * rules/structure.c — the structural rules: ref, duplicate-id, date, org-number, giro.
 *
 * They hold for any ledger regardless of "today": every reference resolves to a record of
 * the right type (SPEC § 3.9), ids are unique where SPEC § 2 says so, dates and times
 * exist and end after they start, and check digits check. Each finding points at the
 * later of two records and names the earlier as related (SPEC § 2.1).
 */
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "ledger/ident.h"
#include "rules/families.h"

/* The ids of one list ("units" or "people") of a party record, sorted: every placement
 * names its unit and supervisors, and scanning a party's people for each of them made the
 * ref checks of a large ledger spend most of their time chasing nodes. Built on first use. */
typedef struct id_index {
	const char **ids;
	size_t n;
	bool built;
} id_index;

typedef struct ctx {
	const samv_ledger *l;
	samv_diags *d;
	const samv_record *rec; /* the record being checked */
	id_index *party_lists; /* [party record][0 units, 1 people], or NULL */
} ctx;

static const char *path_of(const ctx *c)
{
	return c->rec->doc->path;
}

/* Party type sets, for "of the wrong type". */
enum {
	P_MUNICIPALITY = 1,
	P_DISTRICT = 2,
	P_UNIVERSITY = 4,
	P_REGION = 8,
	P_ASSOCIATION = 16,
	P_PROVIDER = 32,
	P_MUNICIPAL = P_MUNICIPALITY | P_DISTRICT | P_PROVIDER, /* who invoices a university */
	P_ANY = 63
};

static unsigned party_type_bit(const char *type)
{
	static const char *const names[] = { "municipality", "district", "university",
					     "region", "association", "provider" };
	for (unsigned i = 0; type && i < 6; i++)
		if (strcmp(type, names[i]) == 0)
			return 1u << i;
	return 0;
}

/* The finding about a party of a type a reference may not name, one sentence for each set
 * of types that references allow (any type at all never fails). */
static const char *wrong_type_message(unsigned allowed)
{
	if (allowed == P_MUNICIPALITY)
		/* TRANSLATORS: a party's id, then its `type` as the record writes it (university,
		   district, ...: kept as it is). */
		return _("party '%s' is a %s, but this must be a municipality");
	if (allowed == P_UNIVERSITY)
		/* TRANSLATORS: a party's id, then its `type` as the record writes it (municipality,
		   ...: kept as it is). */
		return _("party '%s' is a %s, but this must be a university");
	/* TRANSLATORS: a party's id, then its `type` as the record writes it (university, ...:
	   kept as it is). A district is a city district (stadsdelsförvaltning), a provider a
	   private care provider (entreprenad, LOV). */
	return _("party '%s' is a %s, but this must be a municipality, district or provider");
}

/* Resolve the party id at node n; report when missing or of a type not in allowed. A party
 * of the wrong type resolves to NULL, so that its units and people are not reported again. */
static const samv_record *ref_party_id(ctx *c, const samv_node *n, const char *id, unsigned allowed)
{
	const samv_record *p = samv_ledger_find(c->l, SAMV_KIND_PARTY, id);
	if (!p) {
		samv_diags_add(c->d, "ref", path_of(c), n->line, n->col,
			       _("unknown party '%s': no party record has this id"), id);
		return NULL;
	}
	const char *type = samv_field_str(p->root, "type");
	unsigned bit = party_type_bit(type);
	if (bit && !(bit & allowed)) {
		samv_diags_add(c->d, "ref", path_of(c), n->line, n->col, wrong_type_message(allowed), id,
			       type);
		samv_diags_relate(c->d, p->doc->path, p->id_node->line, p->id_node->col,
				  _("party '%s' is defined here"), id);
		return NULL;
	}
	return p;
}

static const samv_record *ref_party(ctx *c, const samv_node *n, unsigned allowed)
{
	const char *id = samv_node_str(n);
	return id ? ref_party_id(c, n, id, allowed) : NULL;
}

/* A reference to a record of another kind; unknown says so, with the id for its %s. */
static void ref_record(ctx *c, const samv_node *n, samv_kind kind, const char *unknown)
{
	const char *id = samv_node_str(n);
	if (id && !samv_ledger_find(c->l, kind, id))
		samv_diags_add(c->d, "ref", path_of(c), n->line, n->col, _(unknown), id);
}

static int id_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the party record has an entry with this id in list (as samv_record_list_find
 * would find it), through the sorted index when it can be had. */
static bool has_member(ctx *c, const samv_record *party, const char *list, const char *id)
{
	size_t first = c->l->by_kind[SAMV_KIND_PARTY], end = c->l->by_kind[SAMV_KIND_PARTY + 1];
	size_t at_rec = (size_t)(party - c->l->records);
	int which = strcmp(list, "units") == 0 ? 0 : strcmp(list, "people") == 0 ? 1 : -1;
	if (!c->party_lists || party < c->l->records || at_rec < first || at_rec >= end || which < 0)
		return samv_record_list_find(party->root, list, id) != NULL;
	id_index *x = &c->party_lists[(at_rec - first) * 2 + (size_t)which];
	if (!x->built) {
		const samv_node *items = samv_node_get(party->root, list);
		size_t count = items && items->kind == SAMV_NODE_SEQ ? samv_node_count(items) : 0;
		x->ids = count ? malloc(count * sizeof *x->ids) : NULL;
		if (count && !x->ids)
			return samv_record_list_find(party->root, list, id) != NULL;
		for (size_t i = 0; i < count; i++) {
			const char *item_id = samv_field_str(samv_node_item(items, i), "id");
			if (item_id)
				x->ids[x->n++] = item_id;
		}
		if (x->n > 1) /* ids is NULL for an empty list, and qsort's base must not be */
			qsort(x->ids, x->n, sizeof *x->ids, id_cmp);
		x->built = true;
	}
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(x->ids[mid], id);
		if (cmp == 0)
			return true;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* A unit (list "units") or person (list "people") of a party record. */
/* id, written at n, is a member of party's list. */
static void ref_member_id(ctx *c, const char *id, const samv_node *n, const samv_record *party,
			  const char *list)
{
	if (!id || !party || has_member(c, party, list, id))
		return;
	if (strcmp(list, "units") == 0)
		samv_diags_add(c->d, "ref", path_of(c), n->line, n->col,
			       _("unknown unit '%s' in party '%s'"), id, party->id);
	else
		samv_diags_add(c->d, "ref", path_of(c), n->line, n->col,
			       _("unknown person '%s' in party '%s'"), id, party->id);
	samv_diags_relate(c->d, party->doc->path, party->id_node->line, party->id_node->col,
			  _("party '%s' is defined here"), party->id);
}

static void ref_member_of(ctx *c, const samv_node *n, const samv_record *party, const char *list)
{
	ref_member_id(c, samv_node_str(n), n, party, list);
}

/* "party/person" as in contacts; the party must be of an allowed type. */
static void ref_party_person(ctx *c, const samv_node *n, unsigned allowed)
{
	const char *ref = samv_node_str(n);
	const char *slash = ref ? strchr(ref, '/') : NULL;
	if (!slash)
		return;
	char *party_id = samv_strprintf("%.*s", (int)(slash - ref), ref);
	if (!party_id)
		return;
	const samv_record *p = ref_party_id(c, n, party_id, allowed);
	if (p)
		ref_member_id(c, slash + 1, n, p, "people");
	free(party_id);
}

static size_t list_count(const samv_node *map, const char *key)
{
	const samv_node *l = samv_node_get(map, key);
	return l && l->kind == SAMV_NODE_SEQ ? samv_node_count(l) : 0;
}

static const samv_node *list_item(const samv_node *map, const char *key, size_t i)
{
	return samv_node_item(samv_node_get(map, key), i);
}

static void each_party(ctx *c, const samv_node *map, const char *key, unsigned allowed)
{
	for (size_t i = 0; i < list_count(map, key); i++)
		ref_party(c, list_item(map, key, i), allowed);
}

static void each_unit_field(ctx *c, const samv_node *map, const char *list, const samv_record *party)
{
	for (size_t i = 0; i < list_count(map, list); i++)
		ref_member_of(c, samv_node_get(list_item(map, list, i), "unit"), party, "units");
}

/* ---- references by kind ---- */

static void refs_party(ctx *c)
{
	const samv_node *r = c->rec->root;
	ref_party(c, samv_node_get(r, "parent"), P_MUNICIPALITY);
	for (size_t i = 0; i < list_count(r, "people"); i++)
		ref_member_of(c, samv_node_get(list_item(r, "people", i), "unit"), c->rec, "units");
}

static void refs_intent(ctx *c)
{
	const samv_node *r = c->rec->root;
	each_party(c, r, "parties", P_ANY);
	for (size_t i = 0; i < list_count(r, "withdrawals"); i++)
		ref_party(c, samv_node_get(list_item(r, "withdrawals", i), "party"), P_ANY);
}

static void refs_agreement(ctx *c)
{
	const samv_node *r = c->rec->root;
	ref_record(c, samv_node_get(r, "intent"), SAMV_KIND_INTENT,
		   /* TRANSLATORS: the id of a declaration of intent (avsiktsförklaring). */
		   N_("unknown intent '%s': no such record in the ledger"));
	ref_record(c, samv_node_get(r, "rates"), SAMV_KIND_RATES,
		   /* TRANSLATORS: the id of a rates record (the compensation per year). */
		   N_("unknown rates '%s': no such record in the ledger"));
	const samv_record *muni = ref_party(c, samv_node_get(r, "municipality"), P_MUNICIPAL);
	each_party(c, r, "universities", P_UNIVERSITY);
	each_unit_field(c, r, "scope", muni);
	each_unit_field(c, r, "projects", muni);
	const samv_node *contacts = samv_node_get(r, "contacts");
	for (size_t i = 0; i < list_count(contacts, "university"); i++)
		ref_party_person(c, list_item(contacts, "university", i), P_UNIVERSITY);
	each_unit_field(c, contacts, "units", muni);
	for (size_t i = 0; i < list_count(contacts, "units"); i++)
		ref_party_person(c, samv_node_get(list_item(contacts, "units", i), "person"), P_MUNICIPAL);
	for (size_t i = 0; i < list_count(r, "follow_ups"); i++)
		ref_party(c, samv_node_get(list_item(r, "follow_ups", i), "initiated_by"), P_ANY);
	ref_party(c, samv_node_get(samv_node_get(r, "termination"), "by"), P_ANY);
}

/* The municipal party of the agreement a term or placement belongs to; NULL when the
 * agreement names no such party (reported at the agreement, not again at each unit). */
static const samv_record *agreement_party(const ctx *c, const char *agreement_id)
{
	const samv_record *a = samv_ledger_find(c->l, SAMV_KIND_AGREEMENT, agreement_id);
	const samv_record *p = a ? samv_ledger_find(c->l, SAMV_KIND_PARTY, samv_field_str(a->root, "municipality")) : NULL;
	unsigned bit = p ? party_type_bit(samv_field_str(p->root, "type")) : 0;
	return bit & (P_MUNICIPALITY | P_DISTRICT | P_PROVIDER) ? p : NULL;
}

static void refs_term(ctx *c)
{
	const samv_node *r = c->rec->root;
	ref_record(c, samv_node_get(r, "agreement"), SAMV_KIND_AGREEMENT,
		   /* TRANSLATORS: the id of an agreement (samverkansavtal). */
		   N_("unknown agreement '%s': no such record in the ledger"));
	const samv_record *muni = agreement_party(c, samv_field_str(r, "agreement"));
	each_unit_field(c, samv_node_get(r, "offer"), "places", muni);
	for (size_t i = 0; i < list_count(r, "placements"); i++) {
		const samv_node *p = list_item(r, "placements", i);
		ref_member_of(c, samv_node_get(p, "unit"), muni, "units");
		for (size_t k = 0; k < list_count(p, "supervisors"); k++)
			ref_member_of(c, list_item(p, "supervisors", k), muni, "people");
		ref_member_of(c, samv_node_get(p, "lead_supervisor"), muni, "people");
	}
}

/* "TERM/AGREEMENT/ID": the placement ID in the term file of AGREEMENT for TERM. */
static void ref_placement(ctx *c, const samv_node *n)
{
	const char *ref = samv_node_str(n);
	const char *last = ref ? strrchr(ref, '/') : NULL;
	if (!last || last == ref)
		return;
	/* One reference per invoice line: the term's id is copied on the stack when it fits. */
	char buf[128];
	size_t len = (size_t)(last - ref);
	char *term_id = buf;
	if (len < sizeof buf) {
		memcpy(buf, ref, len);
		buf[len] = '\0';
	} else if (!(term_id = samv_strprintf("%.*s", (int)len, ref))) {
		return;
	}
	const samv_record *term = samv_ledger_find(c->l, SAMV_KIND_TERM, term_id);
	if (!term) {
		samv_diags_add(c->d, "ref", path_of(c), n->line, n->col,
			       /* TRANSLATORS: a placement reference (2025-VT/kommun-uni/p1), then its term
				  and agreement (2025-VT/kommun-uni). */
			       _("unknown placement '%s': there is no term file for '%s'"), ref, term_id);
	} else if (!samv_record_list_find(term->root, "placements", last + 1)) {
		samv_diags_add(c->d, "ref", path_of(c), n->line, n->col,
			       /* TRANSLATORS: a placement reference (2025-VT/kommun-uni/p1), its term and
				  agreement (2025-VT/kommun-uni), and the placement's own id (p1). */
			       _("unknown placement '%s': term '%s' has no placement '%s'"), ref, term_id,
			       last + 1);
		samv_diags_relate(c->d, term->doc->path, term->id_node->line, term->id_node->col,
				  _("the term file of '%s'"), term_id);
	}
	if (term_id != buf)
		free(term_id);
}

static void refs_invoice(ctx *c)
{
	const samv_node *r = c->rec->root, *from = samv_node_get(r, "from");
	const samv_record *party = ref_party(c, samv_node_get(from, "party"), P_MUNICIPAL);
	ref_member_of(c, samv_node_get(from, "unit"), party, "units");
	ref_party(c, samv_node_get(r, "to"), P_UNIVERSITY);
	for (size_t i = 0; i < list_count(r, "placements"); i++)
		ref_placement(c, list_item(r, "placements", i));
}

static void refs_body(ctx *c)
{
	const samv_node *r = c->rec->root;
	each_party(c, r, "convenors", P_ANY);
	for (size_t i = 0; i < list_count(r, "members"); i++)
		ref_party(c, samv_node_get(list_item(r, "members", i), "party"), P_ANY);
}

static void ref_body_member(ctx *c, const samv_node *n, const samv_record *body)
{
	const char *id = samv_node_str(n);
	if (!id || !body || samv_record_list_find(body->root, "members", id))
		return;
	/* TRANSLATORS: a member id, then the id of a body (organ: a steering group, a council). */
	samv_diags_add(c->d, "ref", path_of(c), n->line, n->col, _("'%s' is not a member of body '%s'"),
		       id, body->id);
	samv_diags_relate(c->d, body->doc->path, body->id_node->line, body->id_node->col,
			  _("body '%s' is defined here"), body->id);
}

static void refs_protocol(ctx *c)
{
	const samv_node *r = c->rec->root;
	ref_record(c, samv_node_get(r, "body"), SAMV_KIND_BODY,
		   /* TRANSLATORS: the id of a body (organ: a steering group, a council). */
		   N_("unknown body '%s': no such record in the ledger"));
	const samv_record *body = samv_ledger_find(c->l, SAMV_KIND_BODY, samv_field_str(r, "body"));
	ref_body_member(c, samv_node_get(r, "chair"), body);
	ref_body_member(c, samv_node_get(r, "secretary"), body);
	/* `present` is left to protocol-attendance, which says to use others_present. */
	static const char *const lists[] = { "adjusters", "absent" };
	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; i < list_count(r, lists[l]); i++)
			ref_body_member(c, list_item(r, lists[l], i), body);
	for (size_t i = 0; i < list_count(r, "items"); i++) {
		const samv_node *item = list_item(r, "items", i);
		for (size_t k = 0; k < list_count(item, "actions"); k++)
			ref_body_member(c, samv_node_get(list_item(item, "actions", k), "who"), body);
	}
	for (size_t i = 0; i < list_count(r, "others_present"); i++)
		ref_party(c, samv_node_get(list_item(r, "others_present", i), "party"), P_ANY);
}

/* ---- duplicate ids ---- */

static void duplicate_records(const samv_ledger *l, samv_diags *d)
{
	for (size_t i = 1; i < l->nrecords; i++) {
		const samv_record *a = &l->records[i - 1], *b = &l->records[i];
		if (a->kind != b->kind || !a->id || !b->id || strcmp(a->id, b->id) != 0)
			continue;
		/* Records are sorted by kind, id, then path: the first of a run is the original. */
		const samv_record *first = a;
		while (first > l->records && (first - 1)->kind == b->kind && (first - 1)->id &&
		       strcmp((first - 1)->id, b->id) == 0)
			first--;
		if (b->kind == SAMV_KIND_TERM)
			samv_diags_add(d, "duplicate-id", b->doc->path, b->id_node->line, b->id_node->col,
				       /* TRANSLATORS: a term's id (2025-VT/kommun-uni), then the file
					  that holds it first. */
				       _("a second term file for term '%s' (first in %s)"), b->id,
				       first->doc->path);
		else
			samv_diags_add(d, "duplicate-id", b->doc->path, b->id_node->line, b->id_node->col,
				       /* TRANSLATORS: a record's kind as its `kind:` says (party, rates,
					  agreement, ...: kept as it is), its id, and the file that holds
					  the first record with that id. */
				       _("duplicate id %s '%s' (first in %s)"), samv_kind_name(b->kind),
				       b->id, first->doc->path);
		samv_diags_relate(d, first->doc->path, first->id_node->line, first->id_node->col,
				  /* TRANSLATORS: a record's kind as its `kind:` says (party, term, ...:
				     kept as it is), then its id. */
				  _("first %s '%s' here"), samv_kind_name(b->kind), b->id);
	}
}

/* Ids within one list of a record (units, people, members, placements); the finding and
 * its related position say what the list holds, with the id (and the line of the first). */
static void duplicate_in_list(ctx *c, const char *list, const char *message, const char *first)
{
	const samv_node *items = samv_node_get(c->rec->root, list);
	for (size_t i = 1; items && items->kind == SAMV_NODE_SEQ && i < samv_node_count(items); i++) {
		const samv_node *id = samv_node_get(samv_node_item(items, i), "id");
		if (!samv_node_str(id))
			continue;
		for (size_t j = 0; j < i; j++) {
			const samv_node *other = samv_node_get(samv_node_item(items, j), "id");
			if (samv_node_str(other) && strcmp(other->text, id->text) == 0) {
				samv_diags_add(c->d, "duplicate-id", path_of(c), id->line, id->col,
					       _(message), id->text, other->line);
				samv_diags_relate(c->d, path_of(c), other->line, other->col, _(first),
						  id->text);
				break;
			}
		}
	}
}

/* ---- dates, times and check digits ---- */

static void date_order(ctx *c, const samv_node *map, const char *first, const char *last)
{
	samv_date a, b;
	if (samv_field_date(map, first, &a) && samv_field_date(map, last, &b) && b < a) {
		const samv_node *n = samv_node_get(map, last);
		samv_diags_add(c->d, "date", path_of(c), n->line, n->col,
			       /* TRANSLATORS: a field (`end`) and its date, then the field it must not
				  come before (`start`) and that date. */
			       _("`%s` %s is before `%s` %s"), last, n->text, first,
			       samv_node_get(map, first)->text);
	}
}

/* Returns minutes since midnight, or -1 when absent or reported. */
static int check_time(ctx *c, const samv_node *map, const char *key)
{
	const samv_node *n = samv_node_get(map, key);
	int minutes;
	if (!samv_node_str(n))
		return -1;
	int rc = samv_time_parse(n->text, samv_node_len(n), &minutes);
	if (rc == SAMV_DATE_NO_SUCH_DAY)
		samv_diags_add(c->d, "date", path_of(c), n->line, n->col,
			       /* TRANSLATORS: a field (`start`), then the time given ('25:00'). */
			       _("`%s` '%s' is not a time of day (00:00 to 23:59)"), key, n->text);
	return rc == SAMV_DATE_OK ? minutes : -1;
}

static void times_protocol(ctx *c)
{
	const samv_node *time = samv_node_get(c->rec->root, "time");
	int start = check_time(c, time, "start"), end = check_time(c, time, "end");
	if (start >= 0 && end >= 0 && end < start) {
		const samv_node *n = samv_node_get(time, "end");
		samv_diags_add(c->d, "date", path_of(c), n->line, n->col,
			       /* TRANSLATORS: a meeting's end time (12:00), then its start time (13:00). */
			       _("`end` %s is before `start` %s"), n->text,
			       samv_node_get(time, "start")->text);
	}
	/* The next meeting's time is "HH:MM" or a {start, end} span. */
	const samv_node *next = samv_node_get(c->rec->root, "next_meeting");
	const samv_node *next_time = samv_node_get(next, "time");
	if (next_time && next_time->kind == SAMV_NODE_MAP) {
		check_time(c, next_time, "start");
		check_time(c, next_time, "end");
	} else {
		check_time(c, next, "time");
	}
}

static void check_org_number(ctx *c, const samv_node *map)
{
	const samv_node *n = samv_node_get(map, "org_number");
	int expected;
	if (samv_node_str(n) && samv_org_number_check(n->text, samv_node_len(n), &expected) == SAMV_IDENT_BAD_CHECK)
		samv_diags_add(c->d, "org-number", path_of(c), n->line, n->col,
			       /* TRANSLATORS: the organisation number as written, then the check digit
				  it would need. */
			       _("organisation number '%s' fails its check digit: the last digit would be %d "
				 "if the others are right; check the number against the register"),
			       n->text, expected);
}

static void check_giro(ctx *c, const samv_node *payment)
{
	static const char *const kinds[] = { "bankgiro", "plusgiro" };
	for (int k = 0; k < 2; k++) {
		const samv_node *n = samv_node_get(payment, kinds[k]);
		int expected;
		if (!samv_node_str(n))
			continue;
		int rc = k == 0 ? samv_bankgiro_check(n->text, samv_node_len(n), &expected)
				: samv_plusgiro_check(n->text, samv_node_len(n), &expected);
		if (rc != SAMV_IDENT_BAD_CHECK)
			continue;
		if (k == 0)
			samv_diags_add(c->d, "giro", path_of(c), n->line, n->col,
				       /* TRANSLATORS: the bankgiro number as written, then the check digit
					  it would need. */
				       _("bankgiro number '%s' fails its check digit: the last digit would be %d "
					 "if the others are right; copy it again from the invoice template"),
				       n->text, expected);
		else
			samv_diags_add(c->d, "giro", path_of(c), n->line, n->col,
				       /* TRANSLATORS: the plusgiro number as written, then the check digit
					  it would need. */
				       _("plusgiro number '%s' fails its check digit: the last digit would be %d "
					 "if the others are right; copy it again from the invoice template"),
				       n->text, expected);
	}
}

static void numbers_party(ctx *c)
{
	check_org_number(c, c->rec->root);
	for (size_t i = 0; i < list_count(c->rec->root, "units"); i++) {
		const samv_node *unit = list_item(c->rec->root, "units", i);
		check_org_number(c, unit);
		check_giro(c, samv_node_get(unit, "payment"));
	}
}

static void check_record(ctx *c)
{
	const samv_node *r = c->rec->root;
	switch (c->rec->kind) {
	case SAMV_KIND_PARTY:
		refs_party(c);
		/* TRANSLATORS: a unit's id, then the line of the first unit with it. */
		duplicate_in_list(c, "units", N_("duplicate unit id '%s' (first at line %u)"),
				  /* TRANSLATORS: a unit's id. */
				  N_("first unit '%s' here"));
		/* TRANSLATORS: a person's id, then the line of the first person with it. */
		duplicate_in_list(c, "people", N_("duplicate person id '%s' (first at line %u)"),
				  /* TRANSLATORS: a person's id. */
				  N_("first person '%s' here"));
		numbers_party(c);
		break;
	case SAMV_KIND_INTENT:
		refs_intent(c);
		break;
	case SAMV_KIND_AGREEMENT:
		refs_agreement(c);
		break;
	case SAMV_KIND_TERM:
		refs_term(c);
		/* TRANSLATORS: a placement's id, then the line of the first placement with it. */
		duplicate_in_list(c, "placements", N_("duplicate placement id '%s' (first at line %u)"),
				  /* TRANSLATORS: a placement's id. */
				  N_("first placement '%s' here"));
		for (size_t i = 0; i < list_count(r, "placements"); i++)
			date_order(c, list_item(r, "placements", i), "start", "end");
		break;
	case SAMV_KIND_INVOICE:
		refs_invoice(c);
		break;
	case SAMV_KIND_BODY:
		refs_body(c);
		/* TRANSLATORS: a member's id, then the line of the first member with it. */
		duplicate_in_list(c, "members", N_("duplicate member id '%s' (first at line %u)"),
				  /* TRANSLATORS: a member's id. */
				  N_("first member '%s' here"));
		for (size_t i = 0; i < list_count(r, "members"); i++)
			date_order(c, list_item(r, "members", i), "from", "to");
		break;
	case SAMV_KIND_PROTOCOL:
		refs_protocol(c);
		times_protocol(c);
		break;
	default:
		break;
	}
}

void samv_rules_structure(const samv_ledger *l, samv_diags *diags)
{
	size_t nparties = l->by_kind[SAMV_KIND_PARTY + 1] - l->by_kind[SAMV_KIND_PARTY];
	/* Without memory for the index the lookups scan the lists, as they always could. */
	ctx c = { l, diags, NULL, nparties ? calloc(nparties * 2, sizeof(id_index)) : NULL };
	for (size_t i = 0; i < l->nrecords; i++) {
		c.rec = &l->records[i];
		check_record(&c);
	}
	duplicate_records(l, diags);
	for (size_t i = 0; c.party_lists && i < nparties * 2; i++)
		free(c.party_lists[i].ids);
	free(c.party_lists);
}
