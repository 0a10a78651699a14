/*
 * ledger/records.h — typed records: the ledger's valid records as C structs, cross-linked.
 *
 * Built once from a loaded ledger (ledger.h) for the domain rules and the reports. Only
 * records that passed their schema are here, so every field has the type its schema
 * promises; a record that failed is already reported and is left out rather than guessed
 * at. References are resolved to pointers where the target exists (a term's agreement, an
 * agreement's municipal party and rates, an invoice's placements); NULL where it does not
 * (the ref rule reports that). Dates are samv_date with SAMV_NO_DATE for "absent", money
 * is öre. Everything is owned by the samv_records and freed with it; strings point into
 * the ledger's documents, so the ledger must outlive it.
 *
 * Everything a report shows is here as a C value (a string, a list of strings with its
 * count, a small struct), so that no renderer reads a YAML node; a `*_node` field keeps a
 * list's node for the rules, whose findings point at its line and column.
 */
#ifndef SAMV_RECORDS_H
#define SAMV_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/date.h"
#include "ledger/ledger.h"
#include "util/money.h"

typedef struct samv_training {
	const char *course; /* web-intro | hp-7.5 | other */
	samv_date completed;
} samv_training;

typedef struct samv_person {
	const samv_node *node;
	const char *id, *name, *title, *unit, *email, *phone;
	samv_training *training;
	size_t ntraining;
} samv_person;

typedef struct samv_unit {
	const samv_node *node;
	const char *id, *name, *area, *operator_, *org_number;
	const char *bankgiro, *plusgiro; /* exactly one is set */
	const char *contact_name, *contact_phone, *contact_email;
} samv_unit;

typedef struct samv_party {
	const samv_record *rec;
	const char *id, *type, *name, *org_number, *parent;
	samv_unit *units;
	size_t nunits;
	samv_person *people;
	size_t npeople;
} samv_party;

typedef struct samv_rates {
	const samv_record *rec;
	const char *id;
	int first_year, last_year; /* amount_of[year - first_year] */
	samv_ore *amount_of; /* -1 where a year has no amount */
} samv_rates;

typedef struct samv_withdrawal {
	const samv_node *node;
	const char *party;
	samv_date notified, effective;
} samv_withdrawal;

typedef struct samv_intent {
	const samv_record *rec;
	const char *id, *title;
	samv_date date;
	int notice_months;
	samv_withdrawal *withdrawals;
	size_t nwithdrawals;
} samv_intent;

typedef struct samv_scope {
	const samv_node *node;
	const char *unit, *program, *specialization;
	int64_t students_per_year;
} samv_scope;

/* How a place or placement meets its agreement's scope (SPEC § 3.6): by unit and program,
 * and by specialization where it gives one. */
typedef enum samv_fit {
	SAMV_FIT_NONE, /* no agreement, or its unit and program are not in the scope */
	SAMV_FIT_LINE, /* it counts against one scope line */
	SAMV_FIT_UNLISTED, /* its specialization is not one the scope lists for its unit and program */
	SAMV_FIT_AMBIGUOUS, /* it gives none, and the scope lists several there */
} samv_fit;

typedef struct samv_dated {
	const samv_node *node;
	int year;
	samv_date date; /* plans: agreed; follow-ups: date */
	const char *by; /* follow-ups: initiated_by */
} samv_dated;

/* A course open to the municipality's staff (§ 5.1). */
typedef struct samv_course {
	const char *title, *extent;
	int64_t year; /* -1 when not given */
} samv_course;

/* A student thesis or project (§ 6). */
typedef struct samv_project {
	const char *title, *unit, *term;
} samv_project;

typedef struct samv_unit_contact {
	const samv_node *node;
	const char *unit, *person; /* person is "party/person" */
} samv_unit_contact;

typedef struct samv_agreement {
	const samv_record *rec;
	const char *id, *intent, *municipality, *rates_id;
	const char **universities; /* party ids */
	size_t nuniversities;
	samv_date signed_on, valid_from;
	int notice_months;
	const samv_node *termination_node;
	const char *terminated_by;
	samv_date notified, effective; /* SAMV_NO_DATE without a termination */
	samv_scope *scope;
	size_t nscope;
	samv_dated *plans, *follow_ups;
	size_t nplans, nfollow_ups;
	const samv_node *contacts_node; /* NULL when absent */
	const samv_node *university_contacts; /* list of "party/person", or NULL */
	samv_unit_contact *unit_contacts;
	size_t nunit_contacts;
	samv_course *courses;
	size_t ncourses;
	samv_project *projects;
	size_t nprojects;
	const samv_party *party; /* the municipal party, when it exists */
	const samv_rates *rates;
} samv_agreement;

typedef enum samv_status {
	SAMV_PLANNED,
	SAMV_CONFIRMED,
	SAMV_COMPLETED,
	SAMV_WITHDRAWN,
	SAMV_CANCELLED
} samv_status;

typedef struct samv_term samv_term;
typedef struct samv_invoice samv_invoice;

typedef struct samv_placement {
	const samv_node *node;
	const samv_term *term;
	char *ref; /* "TERM/AGREEMENT/ID", owned */
	const char *id, *student, *program, *specialization, *course, *unit, *lead_supervisor;
	const samv_node *supervisors_node; /* list of person ids, or NULL */
	const char **supervisors; /* the same ids */
	size_t nsupervisors;
	samv_date start, end;
	int32_t days; /* the `days` field, or 0 when absent */
	samv_status status;
	samv_date withdrawn_on;
	const char *withdrawn_by, *withdrawn_reason;
	samv_fit fit;
	const samv_scope *scope; /* the line it counts against when fit is SAMV_FIT_LINE */
	/* The invoices that list it, in ledger order (one listing it twice is here twice): the
	 * reports ask this of every placement, which a scan of all invoices made quadratic. */
	const samv_invoice **invoices;
	size_t ninvoices;
} samv_placement;

typedef struct samv_offer_place {
	const samv_node *node;
	const char *unit, *program, *specialization;
	int64_t places;
	samv_fit fit;
	const samv_scope *scope; /* as for a placement */
} samv_offer_place;

struct samv_term {
	const samv_record *rec;
	const char *agreement_id, *term; /* "2025-VT" */
	int year;
	bool autumn; /* HT */
	samv_date first_day, last_day; /* VT 1 Jan-30 Jun; HT 1 Jul-31 Jan next year */
	samv_date notice, offer; /* SAMV_NO_DATE when not recorded */
	samv_offer_place *places;
	size_t nplaces;
	samv_placement *placements;
	size_t nplacements;
	const samv_agreement *agreement;
};

struct samv_invoice {
	const samv_record *rec;
	const char *id, *number, *term, *from_party, *from_unit, *to;
	samv_date issued, due, paid;
	samv_ore total;
	const samv_node *placement_refs; /* list of "TERM/AGREEMENT/ID" */
	const samv_placement **placements; /* resolved, same order; NULL entries unresolved */
	size_t nplacements;
	const samv_party *party;
	const samv_unit *unit;
};

typedef struct samv_member {
	const samv_node *node;
	const char *id, *name, *party, *role;
	samv_date from, to; /* SAMV_NO_DATE when open */
} samv_member;

typedef struct samv_body {
	const samv_record *rec;
	const char *id, *name, *type;
	int64_t composition_university, composition_municipality; /* -1 when not given */
	int64_t meets_per_year; /* -1 when not given */
	samv_member *members;
	size_t nmembers;
} samv_body;

typedef struct samv_action {
	const samv_node *node;
	const char *who, *what;
	samv_date due;
} samv_action;

typedef struct samv_item {
	const samv_node *node;
	int64_t number;
	const char *title, *text;
	const char **decisions;
	size_t ndecisions;
	samv_action *actions;
	size_t nactions;
} samv_item;

/* Someone present at a meeting who is not a member. */
typedef struct samv_guest {
	const char *name, *party; /* party NULL when not given */
} samv_guest;

typedef struct samv_protocol {
	const samv_record *rec;
	const char *id, *body_id, *place, *chair, *secretary;
	samv_date date, adjusted;
	const char *time_start, *time_end;
	const samv_node *adjusters_node, *present_node, *absent_node; /* lists of member ids, or NULL */
	const char **adjusters, **present, **absent; /* the same ids */
	size_t nadjusters, npresent, nabsent;
	samv_guest *others_present;
	size_t nothers_present;
	samv_item *items;
	size_t nitems;
	const samv_node *next_meeting;
	samv_date next_date;
	const char *next_start, *next_end, *next_place; /* NULL when not given */
	const samv_body *body;
} samv_protocol;

typedef struct samv_records {
	const samv_ledger *ledger;
	const char *ledger_name; /* samv.yaml's `name`, or NULL */
	/* The `term` of every term file, valid or not, in ledger order (NULL where it has
	 * none): a report tells a term with no file from one whose files failed. */
	const char **file_terms;
	size_t nfile_terms;
	samv_party *parties;
	size_t nparties;
	samv_rates *rates;
	size_t nrates;
	samv_intent *intents;
	size_t nintents;
	samv_agreement *agreements;
	size_t nagreements;
	samv_term *terms; /* sorted by term, then agreement */
	size_t nterms;
	samv_invoice *invoices;
	size_t ninvoices;
	samv_body *bodies;
	size_t nbodies;
	samv_protocol *protocols; /* sorted by id */
	size_t nprotocols;
	samv_arena arena;
} samv_records;

/* Returns 0, or -1 when out of memory. */
int samv_records_build(samv_records **out, const samv_ledger *l);
void samv_records_free(samv_records *r); /* accepts NULL */

const samv_party *samv_records_party(const samv_records *r, const char *id);
const samv_agreement *samv_records_agreement(const samv_records *r, const char *id);
const samv_body *samv_records_body(const samv_records *r, const char *id);
const samv_placement *samv_records_placement(const samv_records *r, const char *ref);
const samv_unit *samv_party_unit(const samv_party *p, const char *id);
const samv_person *samv_party_person(const samv_party *p, const char *id);
const samv_member *samv_body_member(const samv_body *b, const char *id);
/* Both absent, or the same. */
bool samv_same_specialization(const char *a, const char *b);
/* The specialization a place or placement counts under: its scope line's, which it may
 * leave out, else the one it gives (NULL for none). */
const char *samv_fit_specialization(const samv_scope *line, const char *given);

/* The term file of an agreement for a term, or NULL. */
const samv_term *samv_records_term(const samv_records *r, const char *agreement, int year, bool autumn);
/* The agreement is in force on some day of [first, last]: from valid_from until the day
 * before its termination's `effective`. */
/* Whether a term is one of the agreement's terms, for the § 4.2 notices: the agreement is
 * in force in the term's main period (VT January-June, HT July-December). An autumn term's
 * January tail is for placements that run over; an agreement that starts on 1 January
 * does not owe notices for the autumn before. */
bool samv_agreement_has_term(const samv_agreement *a, int year, bool autumn);
bool samv_agreement_in_force(const samv_agreement *a, samv_date first, samv_date last);
/* The calendar years in which it is in force, as [first, last] (last 9999 when open). */
bool samv_agreement_years(const samv_agreement *a, int *first, int *last);

#endif
