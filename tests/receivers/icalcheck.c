/*
 * icalcheck FILE... — parse each iCalendar file with libical (the library of Evolution and
 * many CalDAV servers) and print what it finds, in two checks per file, one line each:
 *   parse  the parser read a VCALENDAR and added no X-LIC-ERROR property (it adds one where
 *          a line, property, parameter or value is malformed, and drops what it cannot read)
 *   itip   icalrestriction_check: the components meet RFC 5546's rules for the calendar's
 *          METHOD (PUBLISH: one ORGANIZER per VEVENT, ...); "ok" when there is no METHOD
 * A line is "ok\tFILE\tCHECK\tN events" or "error\tFILE\tCHECK\tMESSAGE"; exit 1 on any error.
 * Built by tests/receivers/run.sh where libical-dev is installed.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap + 1);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			char *more = realloc(buf, 2 * cap + 1);
			if (!more) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = more;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

/* Prints each X-LIC-ERROR in c and below, and removes it (so that the next check sees only
 * its own); returns how many there were. */
static int report(const char *path, const char *check, icalcomponent *c)
{
	int errors = 0;
	icalproperty *p;
	while ((p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY))) {
		printf("error\t%s\t%s\t%s in %s\n", path, check, icalproperty_get_xlicerror(p),
		       icalcomponent_kind_to_string(icalcomponent_isa(c)));
		icalcomponent_remove_property(c, p);
		icalproperty_free(p);
		errors++;
	}
	for (icalcomponent *k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
	     k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		errors += report(path, check, k);
	return errors;
}

int main(int argc, char **argv)
{
	int bad = 0;
	for (int i = 1; i < argc; i++) {
		char *text = slurp(argv[i]);
		if (!text) {
			printf("error\t%s\tparse\tcannot read the file\n", argv[i]);
			bad++;
			continue;
		}
		icalcomponent *cal = icalparser_parse_string(text);
		free(text);
		if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
			printf("error\t%s\tparse\tlibical found no VCALENDAR (%s)\n", argv[i], icalerror_strerror(icalerrno));
			bad++;
			if (cal)
				icalcomponent_free(cal);
			continue;
		}
		int events = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
		int errors = report(argv[i], "parse", cal);
		if (!errors)
			printf("ok\t%s\tparse\t%d events\n", argv[i], events);
		bad += errors;
		icalrestriction_check(cal);
		errors = report(argv[i], "itip", cal);
		if (!errors)
			printf("ok\t%s\titip\t%d events\n", argv[i], events);
		bad += errors;
		icalcomponent_free(cal);
	}
	return bad ? 1 : 0;
}
