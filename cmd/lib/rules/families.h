/*
 * rules/families.h — the families of domain rules, one file each, that the rule runner (rules.c)
 * calls in turn. A family reports through rule.h and never calls the runner back.
 */
#ifndef SAMV_FAMILIES_H
#define SAMV_FAMILIES_H

#include "rules/rule.h"

/* The structural rules (structure.c), on the loaded ledger before any typed record: date, ref, duplicate-id, org-number, giro. */
void samv_rules_structure(const samv_ledger *l, samv_diags *diags);
void samv_rules_terms(const samv_rule_ctx *c);
void samv_rules_invoices(const samv_rule_ctx *c);
void samv_rules_agreements(const samv_rule_ctx *c);
void samv_rules_protocols(const samv_rule_ctx *c);
void samv_rules_deadlines(const samv_rule_ctx *c);

#endif
