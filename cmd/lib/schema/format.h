/*
 * schema/format.h — the JSON Schema formats samv asserts besides "date" (date.h): RFC 3339
 * "time" and RFC 5321 "email". Pure functions over text of a given length.
 */
#ifndef SAMV_FORMAT_H
#define SAMV_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

/* RFC 3339 full-time: HH:MM:SS[.frac](Z|z|+HH:MM|-HH:MM); a leap second 23:59:60 only in UTC. */
bool samv_format_time_valid(const char *s, size_t len);
/* local@domain: dot-atom or quoted local part; domain a host name or [IPv4] / [IPv6:...]. */
bool samv_format_email_valid(const char *s, size_t len);

#endif
