/*
 * schema/format.c — checks for the "time" and "email" formats of JSON Schema.
 *
 * Written to the RFCs the JSON Schema spec names (3339, 5321) and tested against the
 * official test suite's optional/format files. Hand-written scanners rather than regexes,
 * so every index is bounded by len.
 */
#include "schema/format.h"

#include <string.h>

static int two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

bool samv_format_time_valid(const char *s, size_t len)
{
	if (len < 9 || s[2] != ':' || s[5] != ':')
		return false;
	int h = two_digits(s), m = two_digits(s + 3), sec = two_digits(s + 6);
	if (h < 0 || m < 0 || sec < 0 || h > 23 || m > 59 || sec > 60)
		return false;
	size_t i = 8;
	if (i < len && s[i] == '.') {
		size_t start = ++i;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == start)
			return false;
	}
	int offset = 0; /* minutes east of UTC */
	if (i < len && (s[i] == 'Z' || s[i] == 'z')) {
		i++;
	} else if (i < len && (s[i] == '+' || s[i] == '-')) {
		if (len - i != 6 || s[i + 3] != ':')
			return false;
		int oh = two_digits(s + i + 1), om = two_digits(s + i + 4);
		if (oh < 0 || om < 0 || oh > 23 || om > 59)
			return false;
		offset = (s[i] == '+' ? 1 : -1) * (oh * 60 + om);
		i += 6;
	} else {
		return false;
	}
	if (i != len)
		return false;
	if (sec == 60) {
		int utc = ((h * 60 + m - offset) % 1440 + 1440) % 1440;
		return utc == 23 * 60 + 59;
	}
	return true;
}

static bool atext(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static bool ipv4(const char *s, size_t len)
{
	int parts = 0;
	size_t i = 0;
	while (i < len) {
		size_t start = i;
		int v = 0;
		while (i < len && s[i] >= '0' && s[i] <= '9' && i - start < 3)
			v = v * 10 + (s[i++] - '0');
		if (i == start || v > 255 || (i - start > 1 && s[start] == '0'))
			return false;
		parts++;
		if (i < len) {
			if (s[i] != '.' || parts == 4)
				return false;
			i++;
			if (i == len)
				return false;
		}
	}
	return parts == 4;
}

static bool ipv6(const char *s, size_t len)
{
	int groups = 0;
	bool gap = false;
	size_t i = 0;
	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		gap = true;
		i = 2;
	}
	while (i < len) {
		size_t start = i;
		while (i < len && i - start < 5 && strchr("0123456789abcdefABCDEF", s[i]) && s[i])
			i++;
		if (i == start || i - start > 4)
			return false;
		groups++;
		if (i == len)
			break;
		if (s[i] != ':')
			return false;
		i++;
		if (i < len && s[i] == ':') {
			if (gap)
				return false;
			gap = true;
			i++;
		} else if (i == len) {
			return false;
		}
	}
	return gap ? groups < 8 : groups == 8;
}

static bool hostname(const char *s, size_t len)
{
	if (len == 0 || len > 253)
		return false;
	size_t label = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '.') {
			if (label == 0 || s[i - 1] == '-')
				return false;
			label = 0;
			continue;
		}
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum && !(c == '-' && label > 0))
			return false;
		if (++label > 63)
			return false;
	}
	return label > 0 && s[len - 1] != '-';
}

bool samv_format_email_valid(const char *s, size_t len)
{
	size_t at = len, i = 0;
	if (len && s[0] == '"') {
		for (i = 1; i < len && s[i] != '"'; i++)
			if (s[i] == '\\')
				i++;
		if (i >= len)
			return false;
		at = i + 1;
		if (at >= len || s[at] != '@')
			return false;
	} else {
		for (i = 0; i < len && s[i] != '@'; i++) {
			bool dot = s[i] == '.';
			if (!dot && !atext(s[i]))
				return false;
			if (dot && (i == 0 || s[i - 1] == '.'))
				return false;
		}
		if (i == 0 || i == len || s[i - 1] == '.')
			return false;
		at = i;
	}
	const char *d = s + at + 1;
	size_t dlen = len - at - 1;
	if (dlen >= 2 && d[0] == '[' && d[dlen - 1] == ']') {
		if (dlen > 7 && strncmp(d + 1, "IPv6:", 5) == 0)
			return ipv6(d + 6, dlen - 7);
		return ipv4(d + 1, dlen - 2);
	}
	return hostname(d, dlen);
}
