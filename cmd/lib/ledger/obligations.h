/*
 * ledger/obligations.h — everything the agreement makes somebody do by a date, with its status.
 *
 * One list, computed once from the typed records and "today", that the deadline rules
 * (rules_*.c), the deadlines report and any later report read, so that samv-check and
 * samv-report never tell two stories: every obligation the report marks late, missing or
 * waiting carries the rule that reports it, at the position that rule points at, and
 * every deadline finding of samv-check comes from such an obligation. The obligations:
 *
 *   § 4.2  the university's notice and the municipality's offer of every term in which an
 *          agreement is in force (term file or not; and any recorded in a term file of
 *          another term); the yearly plan of every year in force, due as the year begins;
 *          a placement withdrawn by the municipality 4 weeks (28 days) before its first day
 *   § 4.6  the outcome (completed, withdrawn, cancelled) of a placement that has ended;
 *          invoicing of a term's placements, one obligation per invoicing deadline;
 *          payment of every recorded invoice within its due date
 *   § 8    the follow-up of every year in force, by 31 March of the next
 *   § 9    notice of a termination, and of a withdrawal from the declaration of intent
 *          (intent), given notice_months before it takes effect
 *   seed 004  the adjustment of a protocol within protocol_adjust_days of the meeting
 *
 * An obligation whose deadline fell before its agreement was signed is not owed and is not
 * in the list (SPEC § 3.9): a new agreement starts with nothing it could not have done.
 * Notices and offers are listed from the year before the agreement takes effect up to the
 * year after today, and for any later term that has a file; plans up to next year, follow-
 * ups up to this one.
 */
#ifndef SAMV_OBLIGATIONS_H
#define SAMV_OBLIGATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "ledger/records.h"

typedef enum samv_obligation_kind {
	SAMV_OBL_NOTICE, /* § 4.2 the university announces a term's VFU periods */
	SAMV_OBL_OFFER, /* § 4.2 the municipality offers places for a term */
	SAMV_OBL_PLAN, /* § 4.2 the yearly plan, before its year begins */
	SAMV_OBL_WITHDRAWAL, /* § 4.2 a placement withdrawn by the municipality */
	SAMV_OBL_STATUS, /* § 4.6 a placement's outcome, recorded once it has ended */
	SAMV_OBL_INVOICING, /* § 4.6 a term's placements invoiced by a deadline */
	SAMV_OBL_PAYMENT, /* § 4.6 an invoice paid by its due date */
	SAMV_OBL_FOLLOW_UP, /* § 8 */
	SAMV_OBL_TERMINATION, /* § 9 */
	SAMV_OBL_INTENT_WITHDRAWAL, /* the declaration of intent's notice */
	SAMV_OBL_ADJUSTMENT /* a protocol adjusted after its meeting */
} samv_obligation_kind;

typedef enum samv_obligation_status {
	SAMV_OBL_DONE, /* done by the deadline (done holds the day, when known) */
	SAMV_OBL_LATE, /* done after the deadline */
	SAMV_OBL_MISSING, /* the deadline has passed and nothing is recorded */
	SAMV_OBL_DUE, /* not done, and the deadline has not passed */
	/* Waiting for a placement's status: it ended while still planned or confirmed, or is
	 * completed before its end. Invoicing whose deadline has passed is waiting, rather
	 * than missing, when every completed placement is invoiced and only such ones remain. */
	SAMV_OBL_WAITING
} samv_obligation_status;

typedef struct samv_obligation {
	samv_obligation_kind kind;
	samv_obligation_status status;
	/* The deadline: "after due" is late (SPEC § 3.9); a plan, for the year ahead, is
	 * missing on the day itself. */
	samv_date due;
	samv_date done; /* the day it was done, or SAMV_NO_DATE */
	/* Where it is recorded or should be (the term file for a notice, the agreement where
	 * the term has no file), and the node a finding about it points at. */
	const samv_record *rec;
	const samv_node *at;
	/* The rule that reports it when it is late, missing or waiting; NULL when nothing does
	 * (an invoice paid after its due date is history, not a finding; a plan or follow-up
	 * recorded at all is done). */
	const char *rule;
	int year; /* notice, offer, plan, follow-up: the term's or the year's */
	bool autumn; /* notice, offer: HT */
	const samv_agreement *agreement; /* notice, offer, plan, follow-up, termination */
	const samv_term *term; /* notice, offer (NULL without a file), withdrawal, status, invoicing */
	const samv_placement *placement; /* withdrawal, status */
	/* Payment: its invoice. Invoicing: the invoice issued late, else the last issued; an
	 * invoicing obligation with an invoice and no term is one late invoice on its own (its
	 * term's placements are not all invoiced, or more than one invoice was late). */
	const samv_invoice *invoice;
	const samv_intent *intent; /* intent withdrawal */
	size_t withdrawal; /* intent withdrawal: its index in intent->withdrawals */
	const samv_protocol *protocol; /* adjustment */
	/* Invoicing: the term's own deadline (15 June or 15 December; due is later for
	 * placements ending later), and the placements whose deadline this is: confirmed,
	 * completed, planned, or on an invoice whatever their status. */
	samv_date standard;
	const samv_placement **placements;
	size_t nplacements, ninvoiced;
} samv_obligation;

typedef struct samv_obligations {
	samv_obligation *items; /* by agreement, intent, term, invoice and protocol, as built */
	size_t n;
	/* For every invoice of the records (same index), its own deadline: 15 June or 15
	 * December of its term, or the 15th of the month after its latest placement's end
	 * (invoice-late); SAMV_NO_DATE when its term cannot be read. */
	samv_date *invoice_deadline;
	const samv_placement **placement_store;
} samv_obligations;

/* The obligations of the records as of today (protocol_adjust_days as samv.yaml says).
 * The records must outlive the list. Returns 0, or -1 when out of memory. */
int samv_obligations_build(samv_obligations **out, const samv_records *r, samv_date today,
			   int protocol_adjust_days);
void samv_obligations_free(samv_obligations *o); /* accepts NULL */

#endif
