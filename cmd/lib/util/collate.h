/*
 * util/collate.h — names in Swedish alphabetical order: a–z, then å, ä, ö; case and the
 * accents of other letters ignored, and bytes compared last so that the order is total.
 */
#ifndef SAMV_COLLATE_H
#define SAMV_COLLATE_H

/* <0, 0 or >0 as strcmp; NULL sorts as "". */
int samv_collate_sv(const char *a, const char *b);

#endif
