/*
 * report/protocols.c — the meeting reports: one protocol laid out as seed 004 (Markdown,
 * HTML), every action point of every protocol (Markdown, HTML), and every deadline of
 * §§ 4.2, 4.6, 8, 9 and protocol adjustment with what is done and what is due (Markdown,
 * HTML, iCalendar).
 *
 * Like every report it reads only the typed records (records.h) and the check's findings,
 * renders into buffers and hands each finished file to the emitter. Deadline dates come
 * from deadlines.h, and each status is decided the way the deadline rules decide
 * (rules/terms.c, rules/invoices.c, rules/agreements.c, rules/protocols.c), so the report
 * and samv-check never disagree about what is missing.
 *
 * Decisions taken here:
 * - A protocol is found by its record id "BODY/ID", by its own id when only one body has
 *   it, or by its file: the path relative to the ledger root, a path that ends with
 *   "/" + that path (given from another directory, or absolute), or a unique tail of it
 *   ("2020-02-26.yaml"). A protocol file that failed its schema is named as such rather than
 *   reported unknown. Members are shown by name and party name; an id that names no member
 *   is shown as the id with "(inte ledamot)", never silently. The next meeting goes into
 *   the item titled "Nästa möte" when there is one (item 13 of seed 004), else into a
 *   section of its own. The file is "protocols/BODY/ID.md" (or .html).
 * - Action points have no "done" flag in the ledger (SPEC § 3.8), so the report cannot
 *   know what is done. It splits them by date: open are those without a due date or due
 *   today or later, sorted by due date with undated ones last; past due ("förfallna") are
 *   those whose date has passed, oldest first, to be followed up at the next meeting. Each
 *   section's lead says so, so nobody reads "förfallen" as "not done".
 * - Deadlines, one row each: § 4.2 the university's notice and the municipality's offer
 *   for every term in which an agreement is in force (the terms notice-missing considers,
 *   and any later term with a file), the yearly plan (due as its year begins; plan-missing
 *   checks no date, so a plan is never "late"), and a withdrawal by the municipality 4
 *   weeks before the placement's first day; § 4.6 invoicing per term and agreement for
 *   the confirmed and completed placements, grouped by their invoicing deadline (15 June /
 *   15 December, or later for a placement ending later), and payment of every recorded
 *   invoice; § 8 the follow-up of every year in force up to this one; § 9 the day a
 *   termination takes effect, and each withdrawal from the declaration of intent; the
 *   adjustment of every protocol, protocol_adjust_days after its meeting. Status: done (on
 *   time, with the date it was done), late (done after the deadline), missing (the
 *   deadline has passed, nothing recorded), upcoming. Invoicing counts confirmed as well as
 *   completed placements (a confirmed placement whose deadline has passed is one nobody
 *   invoiced, or whose status nobody updated); invoice-missing warns about completed ones.
 *   An invoice is late when issued after its own deadline, computed as invoice-late does
 *   (its placements' latest end), so a group is never late where the rule is silent.
 * - The iCalendar file has one all-day event per deadline whose UID is made from what the
 *   deadline is about ("notice-2025-VT-nacka-ki@samv"), so a calendar that imports it again
 *   updates the events rather than doubling them; the status is at the end of SUMMARY.
 *   A termination's row is done when its notice was given in time (the date shown is the
 *   notice's), late when notice_months had not run out by `effective`.
 * - Errors in the ledger: the notice (samv_report_notice) heads every Markdown and HTML
 *   file, and goes into the calendar's description and every event's DESCRIPTION.
 * - HTML is printed on A4: table rows are not split across pages, the header row repeats,
 *   and a date ("2020-02-26") is never broken at its hyphens, wherever it stands.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger/deadlines.h"
#include "report/report.h"
#include "report/page.h"
#include "report/table.h"

/* ---- shared pieces ---- */

/* TRANSLATORS: a weekday as it begins a meeting's date ("Wednesday 26 February 2020"),
 * so capitalised. */
static const char *const weekday_names[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
					     N_("Friday"), N_("Saturday"), N_("Sunday") };
/* TRANSLATORS: a month inside a date ("Wednesday 26 February 2020"). */
static const char *const month_names[] = { N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
					   N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
					   N_("November"), N_("December") };

/* "Onsdag 26 februari 2020" or "Wednesday 26 February 2020". */
static void long_date(const samv_report_ctx *c, samv_buf *b, samv_date d)
{
	int y, m, day;
	if (d == SAMV_NO_DATE)
		return;
	samv_date_to_ymd(d, &y, &m, &day);
	/* TRANSLATORS: a meeting's date: weekday, day of the month, month, year
	 * ("Wednesday 26 February 2020"). */
	samv_buf_printf(b, samv_tr(c, "%s %d %s %d"), samv_tr(c, weekday_names[samv_date_weekday(d) - 1]), day,
			samv_tr(c, month_names[m - 1]), y);
}

/* " kl 09:00–12:00" or ", 09:00–12:00"; nothing without a start. */
static void time_span(const samv_report_ctx *c, samv_buf *b, const char *start, const char *end)
{
	if (!start)
		return;
	if (end)
		/* TRANSLATORS: a meeting's time after its date ("Wednesday 26 February 2020,
		 * 09:00–12:00"): its start and end. */
		samv_buf_printf(b, samv_trp(c, "meeting time", ", %s–%s"), start, end);
	else
		/* TRANSLATORS: a meeting's time after its date ("Wednesday 26 February 2020,
		 * 09:00"): its start. */
		samv_buf_printf(b, samv_trp(c, "meeting time", ", %s"), start);
}

static const char *party_name(const samv_report_ctx *c, const char *id)
{
	const samv_party *p = samv_records_party(c->records, id);
	return p && p->name ? p->name : id;
}

static const char *body_name(const samv_protocol *p)
{
	return p->body && p->body->name ? p->body->name : p->body_id;
}

/* A member's name, or NULL when the id names no member of the body. */
static const char *member_name(const samv_protocol *p, const char *id)
{
	const samv_member *m = samv_body_member(p->body, id);
	return m && m->name ? m->name : NULL;
}

typedef void (*escape_fn)(samv_buf *, const char *);

/* A member by name, escaped; an id that names no member is shown as such. */
static void put_member(const samv_report_ctx *c, samv_buf *b, escape_fn esc, const samv_protocol *p,
		       const char *id)
{
	const char *name = member_name(p, id);
	if (name) {
		esc(b, name);
	} else if (id) {
		esc(b, id);
		samv_buf_puts(b, samv_tr(c, " (not a member)"));
	} else {
		samv_buf_puts(b, "–");
	}
}

/* The same as a table cell. */
static samv_cell member_cell(const samv_report_ctx *c, samv_table *t, const samv_protocol *p, const char *id)
{
	const char *name = member_name(p, id);
	if (name)
		return samv_cell_text(name);
	if (id)
		return samv_cell_text(samv_table_printf(t, "%s%s", id, samv_tr(c, " (not a member)")));
	return samv_cell_dash();
}

/* A date, or a dash for none. */
static samv_cell date_cell(samv_date d)
{
	return d != SAMV_NO_DATE ? samv_cell_date(d) : samv_cell_dash();
}

/* The next paragraph of a ledger text, from *s on: blank lines separate paragraphs, and
 * surrounding white space is dropped. Returns it malloc'd, or NULL at the end (*oom set
 * when memory ran out). */
static char *next_paragraph(const char **s, bool *oom)
{
	const char *p = *s;
	while (p && *p && strchr(" \t\r\n", *p))
		p++;
	if (!p || !*p)
		return NULL;
	const char *end = strstr(p, "\n\n");
	size_t len = end ? (size_t)(end - p) : strlen(p);
	*s = p + len;
	while (len && strchr(" \t\r\n", p[len - 1]))
		len--;
	char *para = malloc(len + 1);
	if (!para) {
		*oom = true;
		return NULL;
	}
	memcpy(para, p, len);
	para[len] = '\0';
	return para;
}

/* Ledger text as Markdown paragraphs: single line breaks become spaces, and a paragraph
 * that would start a heading, a list or a rule is escaped so that it stays text. */
static void md_paragraphs(samv_buf *b, const char *text)
{
	char *para;
	while ((para = next_paragraph(&text, &b->oom))) {
		/* "1. " would start a list: escape its dot ("1\. "); "#", "-", "+" themselves. */
		size_t digits = strspn(para, "0123456789");
		if (digits && (para[digits] == '.' || para[digits] == ')')) {
			samv_buf_add(b, para, digits);
			samv_buf_puts(b, "\\");
			samv_escape_md(b, para + digits);
		} else {
			if (strchr("#-+=", para[0]))
				samv_buf_puts(b, "\\");
			samv_escape_md(b, para);
		}
		samv_buf_puts(b, "\n\n");
		free(para);
	}
}

/* The same as HTML paragraphs. */
static void html_paragraphs(samv_buf *b, const char *text)
{
	char *para;
	while ((para = next_paragraph(&text, &b->oom))) {
		samv_buf_puts(b, "<p>");
		samv_escape_html(b, para);
		samv_buf_puts(b, "</p>\n");
		free(para);
	}
}

static void md_footer(const samv_report_ctx *c, samv_buf *b)
{
	samv_buf_puts(b, "---\n\n");
	samv_report_stamp(c, b);
	samv_buf_puts(b, "\n");
}

static const char html_style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;max-width:60rem;"
	"margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}\n"
	"h1,h2,h3{line-height:1.2}\n"
	"table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}\n"
	"th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
	"thead th{background:#eee}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	".date,.id{white-space:nowrap}\n"
	".body-name{font-size:1.1rem;margin:0}\n"
	".notice{border:2px solid #b00;background:#fee;padding:.5rem 1rem;font-weight:bold}\n"
	".signatures p{margin:.2rem 0 .8rem}\n"
	"footer{margin-top:2rem;border-top:1px solid #bbb;font-size:.85rem;color:#555}\n"
	"@media print{body{margin:0;max-width:none;padding:0;font-size:9pt}th,td{padding:.15em .25em}"
	".notice{background:none;border-color:#000}thead th{background:none}"
	"h2,h3,h4{break-after:avoid;page-break-after:avoid}}\n";

/* Everything up to and including <body>; title is ledger text, escaped here. */
static void html_open(const samv_report_ctx *c, samv_buf *b, const char *title)
{
	samv_page_open(c, b, title, html_style);
}

static void html_close(const samv_report_ctx *c, samv_buf *b)
{
	/* The stamp is our own text (a commit id), with nothing to escape. */
	samv_buf_puts(b, "<footer><p>");
	samv_report_stamp(c, b);
	samv_buf_puts(b, "</p></footer>\n");
	samv_page_close(b);
}

/* A table of the given columns, labels in English (N_), NULL-terminated. */
static void table_of(const samv_report_ctx *c, samv_table *t, const char *const *labels)
{
	samv_table_init(t, NULL, NULL, NULL);
	for (size_t i = 0; labels[i]; i++)
		samv_table_col(t, samv_tr(c, labels[i]), false);
}

/* Write the table and free it. */
static void put_table(const samv_report_ctx *c, samv_buf *b, samv_table *t, bool html)
{
	samv_table_write(c, b, t, html ? SAMV_FORMAT_HTML : SAMV_FORMAT_MD);
	samv_table_free(t);
}

static int emit(const samv_emitter *e, const char *name, samv_buf *b, char **err)
{
	if (b->oom || !name) {
		*err = samv_strprintf(_("out of memory"));
		return -1;
	}
	return e->emit(e->arg, name, b, err);
}

/* ---- protocol ID|FILE ---- */

static bool ends_with_path(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n > k && s[n - k - 1] == '/' && strcmp(s + n - k, tail) == 0;
}

/* The argument names this record's file. */
static bool names_file(const char *arg, const char *path)
{
	return strcmp(arg, path) == 0 || ends_with_path(arg, path) || ends_with_path(path, arg);
}

/* The protocol's id within its body: "2020-02-26" of "orebro-samverkansrad-skola/2020-02-26". */
static const char *own_id(const samv_protocol *p)
{
	const char *slash = p->id ? strchr(p->id, '/') : NULL;
	return slash ? slash + 1 : p->id;
}

static int find_protocol(const samv_report_ctx *c, const char *arg, const samv_protocol **out, char **err)
{
	const samv_records *r = c->records;
	while (arg[0] == '.' && arg[1] == '/')
		arg += 2;
	*out = NULL;
	for (size_t i = 0; i < r->nprotocols; i++)
		if (r->protocols[i].id && strcmp(r->protocols[i].id, arg) == 0) {
			*out = &r->protocols[i];
			return 0;
		}
	/* By its own id, then by its file: each must name one protocol. */
	for (int pass = 0; pass < 2; pass++) {
		const samv_protocol *first = NULL, *second = NULL;
		for (size_t i = 0; i < r->nprotocols; i++) {
			const samv_protocol *p = &r->protocols[i];
			bool hit = pass == 0 ? own_id(p) && strcmp(own_id(p), arg) == 0
					     : names_file(arg, p->rec->doc->path);
			if (!hit)
				continue;
			if (!first)
				first = p;
			else if (!second)
				second = p;
		}
		if (second) {
			*err = samv_strprintf(_("'%s' names more than one protocol ('%s', '%s'): give BODY/ID"), arg,
					      first->id, second->id);
			return -1;
		}
		if (first) {
			*out = first;
			return 0;
		}
	}
	const samv_ledger *l = c->ledger;
	for (size_t i = l->by_kind[SAMV_KIND_PROTOCOL]; i < l->by_kind[SAMV_KIND_PROTOCOL + 1]; i++) {
		const samv_record *rec = &l->records[i];
		if (!rec->valid && ((rec->id && strcmp(rec->id, arg) == 0) || names_file(arg, rec->doc->path))) {
			*err = samv_strprintf(_("protocol '%s' (%s) does not match its schema: run samv-check and "
						"mend it first"),
					      arg, rec->doc->path);
			return -1;
		}
	}
	*err = samv_strprintf(_("no protocol '%s': give BODY/ID (e.g. '%s') or the protocol's file"), arg,
			      r->nprotocols ? r->protocols[0].id : "styrgrupp/2025-03-15");
	return -1;
}

static const char *const member_cols[] = { N_("Name"), N_("Role"), N_("Party"), NULL };
static const char *const other_cols[] = { N_("Name"), N_("Party"), NULL };
/* TRANSLATORS: the columns of a protocol's action points: who does what by which date. */
static const char *const action_cols[] = { N_("Who"), N_("What"), N_("By"), NULL };

/* A table of members (n ids). */
static void member_table(const samv_report_ctx *c, samv_buf *b, bool html, const samv_protocol *p,
			 const char *const *ids, size_t n)
{
	samv_table t;
	table_of(c, &t, member_cols);
	for (size_t i = 0; i < n; i++) {
		const char *id = ids[i];
		const samv_member *m = samv_body_member(p->body, id);
		samv_table_row *r = samv_table_row_add(&t, false);
		r->c[0] = member_cell(c, &t, p, id);
		r->c[1] = samv_cell_text(m ? m->role : NULL);
		r->c[2] = samv_cell_text(m ? party_name(c, m->party) : NULL);
	}
	put_table(c, b, &t, html);
}

static void others_table(const samv_report_ctx *c, samv_buf *b, bool html, const samv_protocol *p)
{
	samv_table t;
	table_of(c, &t, other_cols);
	for (size_t i = 0; i < p->nothers_present; i++) {
		const char *party = p->others_present[i].party;
		samv_table_row *r = samv_table_row_add(&t, false);
		r->c[0] = samv_cell_text(p->others_present[i].name);
		r->c[1] = samv_cell_text(party ? party_name(c, party) : NULL);
	}
	put_table(c, b, &t, html);
}

/* An item's action points: who does what by which date. */
static void actions_table(const samv_report_ctx *c, samv_buf *b, bool html, const samv_protocol *p,
			  const samv_item *it)
{
	samv_table t;
	table_of(c, &t, action_cols);
	for (size_t i = 0; i < it->nactions; i++) {
		const samv_action *a = &it->actions[i];
		samv_table_row *r = samv_table_row_add(&t, false);
		r->c[0] = member_cell(c, &t, p, a->who);
		r->c[1] = samv_cell_text(a->what);
		r->c[2] = date_cell(a->due);
	}
	put_table(c, b, &t, html);
}

static void next_meeting_text(const samv_report_ctx *c, samv_buf *b, escape_fn esc, const samv_protocol *p)
{
	long_date(c, b, p->next_date);
	time_span(c, b, p->next_start, p->next_end);
	if (p->next_place) {
		samv_buf_puts(b, ", ");
		esc(b, p->next_place);
	}
}

/* Signatures as in seed 004: the secretary, the chair, each adjuster, and the date. */
static void signature(const samv_report_ctx *c, samv_buf *b, bool html, const samv_protocol *p,
		      const char *id, const char *role)
{
	samv_buf_puts(b, html ? "<p><strong>" : "**");
	put_member(c, b, html ? samv_escape_html : samv_escape_md, p, id);
	samv_buf_puts(b, html ? "</strong><br>\n" : "**  \n");
	samv_buf_puts(b, role);
	samv_buf_puts(b, html ? "</p>\n" : "\n\n");
}

static void signatures(const samv_report_ctx *c, samv_buf *b, bool html, const samv_protocol *p)
{
	signature(c, b, html, p, p->secretary, samv_tr(c, "Secretary"));
	signature(c, b, html, p, p->chair, samv_tr(c, "Chair"));
	for (size_t i = 0; i < p->nadjusters; i++)
		signature(c, b, html, p, p->adjusters[i], samv_tr(c, "Adjuster"));
	if (p->adjusted != SAMV_NO_DATE) {
		samv_buf_printf(b, html ? "<p><strong>%s</strong><br>\n" : "**%s**  \n",
				samv_tr(c, "Adjusted on:"));
		samv_date_write(b, p->adjusted);
		samv_buf_puts(b, html ? "</p>\n" : "\n\n");
	} else {
		samv_buf_printf(b, html ? "<p><strong>%s</strong></p>\n" : "**%s**\n\n",
				samv_tr(c, "Not adjusted"));
	}
}

/* The item that announces the next meeting ("Nästa möte", as item 13 of seed 004), where
 * the next meeting's date, time and place go instead of a section of their own; NULL when
 * no item is titled so. */
static const samv_item *next_meeting_item(const samv_protocol *p)
{
	static const char *const titles[] = { "nästa möte", "nästa sammanträde", "next meeting" };
	if (p->next_date == SAMV_NO_DATE)
		return NULL;
	for (size_t i = 0; i < p->nitems; i++) {
		const char *t = p->items[i].title;
		for (size_t k = 0; t && k < sizeof titles / sizeof titles[0]; k++) {
			size_t n = strlen(titles[k]);
			/* Compare with the title's first letter in lower case (ASCII 'N'). */
			if (strlen(t) >= n && (t[0] | 0x20) == titles[k][0] && strncmp(t + 1, titles[k] + 1, n - 1) == 0 &&
			    (t[n] == '\0' || strcmp(t + n, ":") == 0))
				return &p->items[i];
		}
	}
	return NULL;
}

static void item_md(const samv_report_ctx *c, samv_buf *b, const samv_protocol *p, const samv_item *it)
{
	samv_buf_printf(b, "### %lld. ", (long long)it->number);
	samv_escape_md(b, it->title);
	samv_buf_puts(b, "\n\n");
	md_paragraphs(b, it->text);
	if (it == next_meeting_item(p)) {
		next_meeting_text(c, b, samv_escape_md, p);
		samv_buf_puts(b, "\n\n");
	}
	if (it->ndecisions) {
		samv_buf_printf(b, "**%s**\n\n", samv_tr(c, "Decisions:"));
		for (size_t i = 0; i < it->ndecisions; i++) {
			samv_buf_puts(b, "- ");
			samv_escape_md(b, it->decisions[i]);
			samv_buf_puts(b, "\n");
		}
		samv_buf_puts(b, "\n");
	}
	if (it->nactions) {
		samv_buf_printf(b, "**%s**\n\n", samv_tr(c, "Action points:"));
		actions_table(c, b, false, p, it);
	}
}

static void item_html(const samv_report_ctx *c, samv_buf *b, const samv_protocol *p, const samv_item *it)
{
	samv_buf_printf(b, "<section>\n<h3>%lld. ", (long long)it->number);
	samv_escape_html(b, it->title);
	samv_buf_puts(b, "</h3>\n");
	html_paragraphs(b, it->text);
	if (it == next_meeting_item(p)) {
		samv_buf_puts(b, "<p>");
		next_meeting_text(c, b, samv_escape_html, p);
		samv_buf_puts(b, "</p>\n");
	}
	if (it->ndecisions) {
		samv_buf_printf(b, "<h4>%s</h4>\n<ul>\n", samv_tr(c, "Decisions"));
		for (size_t i = 0; i < it->ndecisions; i++) {
			samv_buf_puts(b, "<li>");
			samv_escape_html(b, it->decisions[i]);
			samv_buf_puts(b, "</li>\n");
		}
		samv_buf_puts(b, "</ul>\n");
	}
	if (it->nactions) {
		samv_buf_printf(b, "<h4>%s</h4>\n", samv_tr(c, "Action points"));
		actions_table(c, b, true, p, it);
	}
	samv_buf_puts(b, "</section>\n");
}

static void protocol_md(const samv_report_ctx *c, samv_buf *b, const samv_protocol *p)
{
	samv_buf_puts(b, "# ");
	samv_escape_md(b, body_name(p));
	samv_buf_printf(b, "\n\n## %s\n\n", samv_tr(c, "Minutes"));
	samv_report_md_notice(c, b);
	samv_buf_printf(b, "**%s** ", samv_tr(c, "Time:"));
	long_date(c, b, p->date);
	time_span(c, b, p->time_start, p->time_end);
	samv_buf_printf(b, "  \n**%s** ", samv_tr(c, "Place:"));
	samv_escape_md(b, p->place);
	samv_buf_puts(b, "\n\n");

	samv_buf_printf(b, "### %s\n\n", samv_tr(c, "Members present"));
	if (p->npresent) {
		member_table(c, b, false, p, p->present, p->npresent);
	} else {
		samv_buf_printf(b, "%s\n\n", samv_tr(c, "None."));
	}
	if (p->nabsent) {
		samv_buf_printf(b, "### %s\n\n", samv_tr(c, "Members absent"));
		member_table(c, b, false, p, p->absent, p->nabsent);
	}
	if (p->nothers_present) {
		samv_buf_printf(b, "### %s\n\n", samv_tr(c, "Also present"));
		others_table(c, b, false, p);
	}
	samv_buf_printf(b, "### %s\n\n", samv_tr(c, "Keeping the minutes"));
	signatures(c, b, false, p);

	for (size_t i = 0; i < p->nitems; i++)
		item_md(c, b, p, &p->items[i]);

	if (p->next_date != SAMV_NO_DATE && !next_meeting_item(p)) {
		samv_buf_printf(b, "### %s\n\n", samv_tr(c, "Next meeting"));
		next_meeting_text(c, b, samv_escape_md, p);
		samv_buf_puts(b, "\n\n");
	}
	md_footer(c, b);
}

static void protocol_html(const samv_report_ctx *c, samv_buf *b, const samv_protocol *p)
{
	samv_buf title = { 0 };
	samv_buf_printf(&title, "%s – ", samv_tr(c, "Minutes"));
	samv_buf_puts(&title, body_name(p));
	samv_buf_puts(&title, " – ");
	samv_date_write(&title, p->date);
	html_open(c, b, title.data);
	b->oom |= title.oom;
	samv_buf_free(&title);

	samv_buf_puts(b, "<header>\n<p class=\"body-name\">");
	samv_escape_html(b, body_name(p));
	samv_buf_printf(b, "</p>\n<h1>%s</h1>\n", samv_tr(c, "Minutes"));
	samv_buf_printf(b, "<p><strong>%s</strong> ", samv_tr(c, "Time:"));
	long_date(c, b, p->date);
	time_span(c, b, p->time_start, p->time_end);
	samv_buf_printf(b, "<br>\n<strong>%s</strong> ", samv_tr(c, "Place:"));
	samv_escape_html(b, p->place);
	samv_buf_puts(b, "</p>\n</header>\n");
	samv_report_html_notice(c, b);

	samv_buf_printf(b, "<section>\n<h2>%s</h2>\n", samv_tr(c, "Members present"));
	if (p->npresent) {
		member_table(c, b, true, p, p->present, p->npresent);
	} else {
		samv_buf_printf(b, "<p>%s</p>\n", samv_tr(c, "None."));
	}
	samv_buf_puts(b, "</section>\n");
	if (p->nabsent) {
		samv_buf_printf(b, "<section>\n<h2>%s</h2>\n", samv_tr(c, "Members absent"));
		member_table(c, b, true, p, p->absent, p->nabsent);
		samv_buf_puts(b, "</section>\n");
	}
	if (p->nothers_present) {
		samv_buf_printf(b, "<section>\n<h2>%s</h2>\n", samv_tr(c, "Also present"));
		others_table(c, b, true, p);
		samv_buf_puts(b, "</section>\n");
	}
	samv_buf_printf(b, "<section class=\"signatures\">\n<h2>%s</h2>\n",
			samv_tr(c, "Keeping the minutes"));
	signatures(c, b, true, p);
	samv_buf_puts(b, "</section>\n");

	if (p->nitems)
		samv_buf_printf(b, "<h2>%s</h2>\n", samv_tr(c, "Items"));
	for (size_t i = 0; i < p->nitems; i++)
		item_html(c, b, p, &p->items[i]);

	if (p->next_date != SAMV_NO_DATE && !next_meeting_item(p)) {
		samv_buf_printf(b, "<section>\n<h2>%s</h2>\n<p>", samv_tr(c, "Next meeting"));
		next_meeting_text(c, b, samv_escape_html, p);
		samv_buf_puts(b, "</p>\n</section>\n");
	}
	html_close(c, b);
}

static bool plain_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
	       ch == '_' || (unsigned char)ch >= 0x80;
}

/* The protocol's file, "protocols/BODY/ID.md". A protocol named by its file stem may hold
 * any character: one that a path would read as a folder, a parent ("..") or a separator
 * becomes "-". Returns it malloc'd, or NULL when out of memory. */
static char *protocol_file(const samv_protocol *p, samv_format format)
{
	char *name = samv_strprintf("protocols/%s.%s", p->id ? p->id : "protocol", samv_format_extension(format));
	if (!name)
		return NULL;
	char *id = name + strlen("protocols/"), *ext = strrchr(name, '.');
	const char *slash = strchr(id, '/'); /* between the body and the protocol's own id */
	for (char *s = id; s < ext; s++)
		if (s != slash && !plain_char(*s))
			*s = '-';
	return name;
}

int samv_report_protocol(const samv_report_ctx *c, const char *id_or_file, samv_format format,
			 const samv_emitter *e, char **err)
{
	if (format != SAMV_FORMAT_MD && format != SAMV_FORMAT_HTML) {
		*err = samv_strprintf(_("the protocol is made as md or html, not %s"),
				      samv_format_extension(format));
		return -1;
	}
	const samv_protocol *p;
	if (find_protocol(c, id_or_file, &p, err))
		return -1;
	samv_buf b = { 0 };
	if (format == SAMV_FORMAT_MD)
		protocol_md(c, &b, p);
	else
		protocol_html(c, &b, p);
	char *name = protocol_file(p, format);
	int rc = emit(e, name, &b, err);
	free(name);
	samv_buf_free(&b);
	return rc;
}

/* ---- actions ---- */

typedef struct action_row {
	const samv_protocol *p;
	const samv_item *it;
	const samv_action *a;
	bool open;
} action_row;

/* Open ones first, by due date with undated ones last; then past due ones, oldest first;
 * within a day by body, meeting, item and order, so that the list is the same every run. */
static int action_cmp(const void *pa, const void *pb)
{
	const action_row *x = pa, *y = pb;
	if (x->open != y->open)
		return x->open ? -1 : 1;
	bool xu = x->a->due == SAMV_NO_DATE, yu = y->a->due == SAMV_NO_DATE;
	if (xu != yu)
		return xu ? 1 : -1;
	if (x->a->due != y->a->due)
		return x->a->due < y->a->due ? -1 : 1;
	if (x->p != y->p) {
		if (x->p->date != y->p->date)
			return x->p->date < y->p->date ? -1 : 1;
		return strcmp(x->p->id, y->p->id);
	}
	if (x->it != y->it)
		return x->it < y->it ? -1 : 1;
	return (x->a > y->a) - (x->a < y->a);
}

static const char *const action_list_cols[] = { N_("By"), N_("Who"), N_("What"), N_("Body"), N_("Meeting"),
						N_("Item"), NULL };

static void action_row_out(const samv_report_ctx *c, samv_table *t, const action_row *r)
{
	samv_table_row *row = samv_table_row_add(t, false);
	row->c[0] = date_cell(r->a->due);
	row->c[1] = member_cell(c, t, r->p, r->a->who);
	row->c[2] = samv_cell_text(r->a->what);
	row->c[3] = samv_cell_text(body_name(r->p));
	row->c[4] = samv_cell_date(r->p->date);
	row->c[5] = samv_cell_text(samv_table_printf(t, "%lld. %s", (long long)r->it->number,
						     r->it->title ? r->it->title : ""));
}

static void action_section(const samv_report_ctx *c, samv_buf *b, bool html, const action_row *rows,
			   size_t n, bool open)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += rows[i].open == open;
	const char *title = open ? samv_tr(c, "Open action points") : samv_tr(c, "Past due action points");
	const char *lead = open ? samv_tr(c, "Without a date, or due today or later; the nearest first.")
				: samv_tr(c, "The date has passed. The ledger has no mark for done, so a past due "
					     "action may have been done: follow it up at the next meeting.");
	if (html)
		samv_buf_printf(b, "<section>\n<h2>%s (%zu)</h2>\n<p>%s</p>\n", title, count, lead);
	else
		samv_buf_printf(b, "## %s (%zu)\n\n%s\n\n", title, count, lead);
	if (!count) {
		samv_buf_printf(b, html ? "<p>%s</p>\n</section>\n" : "%s\n\n", samv_tr(c, "None."));
		return;
	}
	samv_table t;
	table_of(c, &t, action_list_cols);
	for (size_t i = 0; i < n; i++)
		if (rows[i].open == open)
			action_row_out(c, &t, &rows[i]);
	put_table(c, b, &t, html);
	if (html)
		samv_buf_puts(b, "</section>\n");
}

int samv_report_actions(const samv_report_ctx *c, samv_format format, const samv_emitter *e, char **err)
{
	if (format != SAMV_FORMAT_MD && format != SAMV_FORMAT_HTML) {
		*err = samv_strprintf(_("the action points are made as md or html, not %s"),
				      samv_format_extension(format));
		return -1;
	}
	const samv_records *r = c->records;
	size_t n = 0;
	for (size_t i = 0; i < r->nprotocols; i++)
		for (size_t k = 0; k < r->protocols[i].nitems; k++)
			n += r->protocols[i].items[k].nactions;
	action_row *rows = malloc((n ? n : 1) * sizeof *rows);
	if (!rows) {
		*err = samv_strprintf(_("out of memory"));
		return -1;
	}
	n = 0;
	for (size_t i = 0; i < r->nprotocols; i++) {
		const samv_protocol *p = &r->protocols[i];
		for (size_t k = 0; k < p->nitems; k++)
			for (size_t j = 0; j < p->items[k].nactions; j++) {
				const samv_action *a = &p->items[k].actions[j];
				rows[n++] = (action_row){ p, &p->items[k], a,
							  a->due == SAMV_NO_DATE || a->due >= c->cfg->today };
			}
	}
	qsort(rows, n, sizeof *rows, action_cmp);

	bool html = format == SAMV_FORMAT_HTML;
	const char *title = samv_tr(c, "Action points");
	samv_buf b = { 0 };
	if (html) {
		html_open(c, &b, title);
		samv_buf_printf(&b, "<header>\n<h1>%s</h1>\n<p>", title);
	} else {
		samv_buf_printf(&b, "# %s\n\n", title);
	}
	char today[11];
	samv_date_format(c->cfg->today, today);
	samv_buf_printf(&b, samv_tr(c, "The action points of every protocol, as of %s."), today);
	if (html) {
		samv_buf_puts(&b, "</p>\n</header>\n");
		samv_report_html_notice(c, &b);
	} else {
		samv_buf_puts(&b, "\n\n");
		samv_report_md_notice(c, &b);
	}
	action_section(c, &b, html, rows, n, true);
	action_section(c, &b, html, rows, n, false);
	if (html)
		html_close(c, &b);
	else
		md_footer(c, &b);
	free(rows);
	char *name = samv_strprintf("actions.%s", samv_format_extension(format));
	int rc = emit(e, name, &b, err);
	free(name);
	samv_buf_free(&b);
	return rc;
}

/* ---- deadlines ---- */

/* The rows are the obligations of obligations.h, each with the rule that reports it, so
 * that every row marked late, missing or waiting is a finding of samv-check in the same
 * file and every deadline finding is such a row. */

typedef enum dl_status { DL_DONE, DL_LATE, DL_MISSING, DL_WAITING, DL_UPCOMING } dl_status;

#define DL_STATUSES 5

typedef struct deadline {
	samv_date date;
	samv_obligation_kind kind;
	dl_status status;
	samv_date done; /* when it was done, or SAMV_NO_DATE */
	char *uid; /* "notice-2025-VT-nacka-ki", without "@samv" */
	char *what, *subject; /* in the report's language */
	char *note; /* more on the status, or NULL */
	const char *file; /* the record that holds it, or should */
	const char *rule; /* the rule that reports it, or NULL */
} deadline;

typedef struct dl_list {
	const samv_report_ctx *c;
	samv_date from, to;
	deadline *items;
	size_t n, cap;
	bool oom;
} dl_list;

static dl_status row_status(samv_obligation_status s)
{
	switch (s) {
	case SAMV_OBL_DONE:
		return DL_DONE;
	case SAMV_OBL_LATE:
		return DL_LATE;
	case SAMV_OBL_MISSING:
		return DL_MISSING;
	case SAMV_OBL_WAITING:
		return DL_WAITING;
	case SAMV_OBL_DUE:
		break;
	}
	return DL_UPCOMING;
}

/* Take ownership of uid, what, subject and note (NULL for none). A NULL uid, what or
 * subject means an allocation failed. */
static void dl_push(dl_list *l, const samv_obligation *ob, char *uid, char *what, char *subject, char *note)
{
	bool keep = ob->due != SAMV_NO_DATE && (l->from == SAMV_NO_DATE || ob->due >= l->from) &&
		    (l->to == SAMV_NO_DATE || ob->due <= l->to);
	if (!uid || !what || !subject)
		l->oom = true;
	if (keep && !l->oom) {
		deadline *items = samv_grow(l->items, &l->cap, sizeof *items, 64, l->n + 1);
		if (items)
			l->items = items;
		else
			l->oom = true;
	}
	if (!keep || l->oom) {
		free(uid);
		free(what);
		free(subject);
		free(note);
		return;
	}
	/* A UID is plain: letters, digits, hyphens and dots (a protocol's or placement's id
	 * holds '/'). */
	for (char *s = uid; *s; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.", *s))
			*s = '-';
	l->items[l->n++] = (deadline){ ob->due, ob->kind, row_status(ob->status), ob->done, uid, what,
				       subject, note, ob->rec->doc->path, ob->rule };
}

static void dl_free(dl_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].uid);
		free(l->items[i].what);
		free(l->items[i].subject);
		free(l->items[i].note);
	}
	free(l->items);
}

static int dl_cmp(const void *pa, const void *pb)
{
	const deadline *x = pa, *y = pb;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	int c = strcmp(x->what, y->what);
	if (!c)
		c = strcmp(x->subject, y->subject);
	return c ? c : strcmp(x->uid, y->uid);
}

static char *date_str(samv_date d)
{
	char s[11];
	samv_date_format(d, s);
	return samv_strprintf("%s", s);
}

/* § 4.2: a term's notice or offer. */
static void dl_notice(dl_list *l, const samv_obligation *ob)
{
	const samv_report_ctx *c = l->c;
	bool offer = ob->kind == SAMV_OBL_OFFER;
	const char *ht = ob->autumn ? "HT" : "VT";
	dl_push(l, ob, samv_strprintf("%s-%d-%s-%s", offer ? "offer" : "notice", ob->year, ht, ob->agreement->id),
		offer
			/* TRANSLATORS: %d-%s is a term, a year and VT (spring) or HT (autumn): "2025-VT". */
			? samv_strprintf(samv_tr(c, "The municipality says how many students it can take in %d-%s (§ 4.2)"),
					 ob->year, ht)
			/* TRANSLATORS: %d-%s is a term, a year and VT (spring) or HT (autumn): "2025-VT". */
			: samv_strprintf(samv_tr(c, "The university announces the VFU periods of %d-%s (§ 4.2)"),
					 ob->year, ht),
		samv_strprintf("%s", ob->agreement->id), NULL);
}

/* § 4.2 the yearly plan; § 8 the follow-up. */
static void dl_dated(dl_list *l, const samv_obligation *ob)
{
	const samv_report_ctx *c = l->c;
	bool plan = ob->kind == SAMV_OBL_PLAN;
	dl_push(l, ob, samv_strprintf("%s-%d-%s", plan ? "plan" : "follow-up", ob->year, ob->agreement->id),
		plan ? samv_strprintf(samv_tr(c, "Yearly plan of the number and distribution of students for %d (§ 4.2)"),
				      ob->year)
		     : samv_strprintf(samv_tr(c, "Follow-up of %d (§ 8)"), ob->year),
		samv_strprintf("%s", ob->agreement->id), NULL);
}

/* § 9: the agreement ends after notice. */
static void dl_termination(dl_list *l, const samv_obligation *ob)
{
	const samv_report_ctx *c = l->c;
	const samv_agreement *a = ob->agreement;
	/* TRANSLATORS: the party that gave notice of termination. */
	char *note = a->terminated_by ? samv_strprintf(samv_tr(c, "notice by %s"), party_name(c, a->terminated_by))
				      : NULL;
	if (a->terminated_by && !note)
		l->oom = true;
	dl_push(l, ob, samv_strprintf("termination-%s", a->id),
		samv_strprintf("%s", samv_tr(c, "The agreement ends after notice (§ 9)")), samv_strprintf("%s", a->id),
		note);
}

/* A party withdraws from the declaration of intent after notice. */
static void dl_intent(dl_list *l, const samv_obligation *ob)
{
	const samv_report_ctx *c = l->c;
	const samv_intent *it = ob->intent;
	const samv_withdrawal *w = &it->withdrawals[ob->withdrawal];
	size_t before = 0;
	for (size_t k = 0; k < ob->withdrawal; k++)
		before += w->party && it->withdrawals[k].party && strcmp(w->party, it->withdrawals[k].party) == 0;
	char *uid = before ? samv_strprintf("intent-withdrawal-%s-%s-%zu", it->id, w->party, before + 1)
			   : samv_strprintf("intent-withdrawal-%s-%s", it->id, w->party ? w->party : "");
	dl_push(l, ob, uid,
		/* TRANSLATORS: %s is a party (a municipality or university). */
		samv_strprintf(samv_tr(c, "%s withdraws from the declaration of intent"),
			       w->party ? party_name(c, w->party) : "?"),
		samv_strprintf("%s", it->id), NULL);
}

/* § 4.2: a placement withdrawn by the municipality; § 4.6: a placement's status after its
 * end. */
static void dl_placement(dl_list *l, const samv_obligation *ob)
{
	const samv_report_ctx *c = l->c;
	const samv_placement *p = ob->placement;
	bool status = ob->kind == SAMV_OBL_STATUS;
	char *day = date_str(status ? p->end : p->start);
	char *what = !day ? NULL
		     : status
			     /* TRANSLATORS: %s is the placement's last day. */
			     ? samv_strprintf(samv_tr(c, "The placement's outcome is recorded after its last day %s "
							 "(§ 4.6)"),
					      day)
			     /* TRANSLATORS: %s is the placement's first day. */
			     : samv_strprintf(samv_tr(c, "The municipality withdraws the placement 4 weeks before its "
							 "first day %s (§ 4.2)"),
					      day);
	free(day);
	dl_push(l, ob, samv_strprintf("%s-%s", status ? "placement-status" : "placement-withdrawal", p->ref), what,
		samv_strprintf("%s", p->ref), NULL);
}

/* "Nacka hemtjänst → KI": who invoices whom. */
static char *invoice_parties(const samv_report_ctx *c, const samv_invoice *inv)
{
	const char *from = inv->unit && inv->unit->name ? inv->unit->name : inv->from_unit;
	return samv_strprintf("%s → %s", from ? from : "?", inv->to ? party_name(c, inv->to) : "?");
}

/* § 4.6: invoicing of one term under one agreement by one deadline, or an invoice issued
 * late on its own. */
static void dl_invoicing(dl_list *l, const samv_obligation *ob)
{
	const samv_report_ctx *c = l->c;
	const samv_term *t = ob->term;
	if (!t) {
		const samv_invoice *inv = ob->invoice;
		dl_push(l, ob, samv_strprintf("invoicing-late-%s", inv->id),
			/* TRANSLATORS: %s is the invoice's number, then a term: "2025-VT". */
			samv_strprintf(samv_tr(c, "Invoice %s for %s issued by its deadline (§ 4.6)"),
				       inv->number ? inv->number : inv->id, inv->term),
			invoice_parties(c, inv), NULL);
		return;
	}
	samv_buf note = { 0 };
	if (ob->due != ob->standard) {
		char after[11];
		samv_date_format(ob->standard, after);
		/* TRANSLATORS: a note on an invoicing deadline later than the term's: %s is
		 * the term's (the placements end after it). */
		samv_buf_printf(&note, samv_tr(c, "placements ending after %s"), after);
	}
	if (ob->ninvoiced < ob->nplacements && ob->ninvoiced > 0) {
		samv_buf_puts(&note, note.len ? "; " : "");
		/* TRANSLATORS: a note on an invoicing deadline: how many of its placements (always
		 * two or more) are invoiced. */
		samv_buf_printf(&note, samv_tr(c, "%zu of %zu placements invoiced"), ob->ninvoiced, ob->nplacements);
	}
	char ymd[11];
	samv_date_format(ob->due, ymd);
	char *uid = ob->due == ob->standard
			    ? samv_strprintf("invoicing-%s-%s", t->term, t->agreement_id)
			    : samv_strprintf("invoicing-%s-%s-%.4s%.2s%.2s", t->term, t->agreement_id, ymd, ymd + 5, ymd + 8);
	char *note_s = note.len && !note.oom ? samv_strprintf("%s", note.data) : NULL;
	if (note.oom || (note.len && !note_s))
		l->oom = true;
	samv_buf_free(&note);
	dl_push(l, ob, uid,
		/* TRANSLATORS: %s is a term: "2025-VT". */
		samv_strprintf(samv_tr(c, "Invoicing for %s (§ 4.6)"), t->term), samv_strprintf("%s", t->agreement_id),
		note_s);
}

/* § 4.6: payment within 30 days of every recorded invoice. */
static void dl_payment(dl_list *l, const samv_obligation *ob)
{
	const samv_report_ctx *c = l->c;
	const samv_invoice *inv = ob->invoice;
	dl_push(l, ob, samv_strprintf("payment-%s", inv->id),
		/* TRANSLATORS: %s is the invoice's number. */
		samv_strprintf(samv_tr(c, "Payment of invoice %s (§ 4.6)"), inv->number ? inv->number : inv->id),
		invoice_parties(c, inv), NULL);
}

/* Protocol adjustment, protocol_adjust_days after the meeting. */
static void dl_adjustment(dl_list *l, const samv_obligation *ob)
{
	const samv_report_ctx *c = l->c;
	const samv_protocol *p = ob->protocol;
	char *met = date_str(p->date);
	dl_push(l, ob, samv_strprintf("adjustment-%s", p->id),
		/* TRANSLATORS: %s is the date of the meeting. */
		met ? samv_strprintf(samv_tr(c, "Adjustment of the minutes of %s"), met) : NULL,
		samv_strprintf("%s", body_name(p)), NULL);
	free(met);
}

static int dl_collect(dl_list *l)
{
	const samv_obligations *o = l->c->obligations;
	for (size_t i = 0; i < o->n; i++) {
		const samv_obligation *ob = &o->items[i];
		switch (ob->kind) {
		case SAMV_OBL_NOTICE:
		case SAMV_OBL_OFFER:
			dl_notice(l, ob);
			break;
		case SAMV_OBL_PLAN:
		case SAMV_OBL_FOLLOW_UP:
			dl_dated(l, ob);
			break;
		case SAMV_OBL_WITHDRAWAL:
		case SAMV_OBL_STATUS:
			dl_placement(l, ob);
			break;
		case SAMV_OBL_INVOICING:
			dl_invoicing(l, ob);
			break;
		case SAMV_OBL_PAYMENT:
			dl_payment(l, ob);
			break;
		case SAMV_OBL_TERMINATION:
			dl_termination(l, ob);
			break;
		case SAMV_OBL_INTENT_WITHDRAWAL:
			dl_intent(l, ob);
			break;
		case SAMV_OBL_ADJUSTMENT:
			dl_adjustment(l, ob);
			break;
		}
	}
	if (l->oom)
		return -1;
	if (l->n)
		qsort(l->items, l->n, sizeof *l->items, dl_cmp);
	return 0;
}

/* "klar 2020-03-10 (note)" as plain text. */
static void status_text(const samv_report_ctx *c, samv_buf *b, const deadline *d)
{
	/* TRANSLATORS: a deadline's status, in a table cell and a calendar event. */
	static const char *const words[DL_STATUSES] = { N_("done"), N_("late"), N_("missing"),
							N_("waiting for a status"), N_("upcoming") };
	samv_buf_puts(b, samv_tr(c, words[d->status]));
	if ((d->status == DL_DONE || d->status == DL_LATE) && d->done != SAMV_NO_DATE) {
		samv_buf_puts(b, " ");
		samv_date_write(b, d->done);
	}
	if (d->note)
		samv_buf_printf(b, " (%s)", d->note);
}

static const char *ledger_name(const samv_report_ctx *c)
{
	return c->records->ledger_name;
}

/* A date as text, in HTML kept on one line. */
static void date_text(char out[48], samv_date d, bool html)
{
	char ymd[11];
	samv_date_format(d, ymd);
	if (html)
		snprintf(out, 48, "<span class=\"date\">%s</span>", ymd);
	else
		snprintf(out, 48, "%s", ymd);
}

/* "As of 2025-03-01. Deadlines from 2025-01-01 to 2025-06-30.", what the list covers. */
static void deadlines_span(const samv_report_ctx *c, samv_buf *b, const dl_list *l, bool html)
{
	char today[48], from[48], to[48];
	date_text(today, c->cfg->today, html);
	date_text(from, l->from, html);
	date_text(to, l->to, html);
	samv_buf_printf(b, samv_tr(c, "As of %s."), today);
	if (l->from != SAMV_NO_DATE || l->to != SAMV_NO_DATE)
		samv_buf_puts(b, " ");
	if (l->from != SAMV_NO_DATE && l->to != SAMV_NO_DATE)
		/* TRANSLATORS: the deadlines a list covers: the first and the last day, both included. */
		samv_buf_printf(b, samv_tr(c, "Deadlines from %s to %s."), from, to);
	else if (l->from != SAMV_NO_DATE)
		/* TRANSLATORS: the deadlines a list covers: the first day, included. */
		samv_buf_printf(b, samv_tr(c, "Deadlines from %s."), from);
	else if (l->to != SAMV_NO_DATE)
		/* TRANSLATORS: the deadlines a list covers: the last day, included. */
		samv_buf_printf(b, samv_tr(c, "Deadlines to %s."), to);
}

/* Two paragraphs: how many deadlines have each status, and what the statuses mean. */
static void deadlines_lead(const samv_report_ctx *c, samv_buf *b, const dl_list *l, bool html)
{
	size_t count[DL_STATUSES] = { 0 };
	for (size_t i = 0; i < l->n; i++)
		count[l->items[i].status]++;
	const char *open = html ? "<p>" : "", *close = html ? "</p>\n" : "\n\n";
	samv_buf_puts(b, open);
	samv_buf_printf(b, samv_tr(c, "Done: %zu. Late: %zu. Missing: %zu. Waiting for a status: %zu. Upcoming: %zu."),
			count[DL_DONE], count[DL_LATE], count[DL_MISSING], count[DL_WAITING], count[DL_UPCOMING]);
	samv_buf_printf(b, "%s%s", close, open);
	samv_buf_puts(b, samv_tr(c, "Done: done by the day, with its date. Late: done after the deadline. Missing: "
				    "the deadline has passed and nothing is recorded. Waiting for a status: a "
				    "placement has ended and its status does not yet say whether it was completed, "
				    "withdrawn or cancelled. Upcoming: the deadline has not passed."));
	samv_buf_puts(b, close);
}

static const char *const deadline_cols[] = { N_("Date"), N_("What"), N_("Concerns"), N_("Status"), N_("File"),
					      NULL };

/* Late, missing and waiting rows are emphasised; in HTML dates are kept on one line, and a
 * subject without a space is an id ("bromma-esbh"), also kept on one line. */
static void deadlines_table(const samv_report_ctx *c, samv_buf *b, const dl_list *l, bool html)
{
	samv_table t;
	table_of(c, &t, deadline_cols);
	for (size_t i = 0; i < l->n; i++) {
		const deadline *d = &l->items[i];
		samv_buf status = { 0 };
		status_text(c, &status, d);
		t.oom |= status.oom;
		bool strong = d->status == DL_LATE || d->status == DL_MISSING || d->status == DL_WAITING;
		unsigned subject = d->subject && !strchr(d->subject, ' ') ? SAMV_CELL_DATED | SAMV_CELL_ID : SAMV_CELL_DATED;
		samv_table_row *r = samv_table_row_add(&t, false);
		r->c[0] = samv_cell_date(d->date);
		r->c[1] = samv_cell_flag(samv_cell_text(d->what), SAMV_CELL_DATED);
		r->c[2] = samv_cell_flag(samv_cell_text(d->subject), subject);
		r->c[3] = samv_cell_flag(samv_cell_text(status.len ? samv_table_keep(&t, status.data) : ""),
					 strong ? SAMV_CELL_DATED | SAMV_CELL_STRONG : SAMV_CELL_DATED);
		if (!status.len)
			samv_buf_free(&status);
		r->c[4] = samv_cell_flag(samv_cell_text(d->file), SAMV_CELL_PATH);
	}
	put_table(c, b, &t, html);
}

static void deadlines_md(const samv_report_ctx *c, samv_buf *b, const dl_list *l)
{
	samv_buf_printf(b, "# %s\n\n", samv_tr(c, "Deadlines"));
	if (ledger_name(c)) {
		samv_escape_md(b, ledger_name(c));
		samv_buf_puts(b, ". ");
	}
	deadlines_span(c, b, l, false);
	samv_buf_puts(b, "\n\n");
	samv_report_md_notice(c, b);
	deadlines_lead(c, b, l, false);
	if (!l->n) {
		samv_buf_printf(b, "%s\n\n", samv_tr(c, "No deadlines."));
	} else {
		deadlines_table(c, b, l, false);
	}
	md_footer(c, b);
}

static void deadlines_html(const samv_report_ctx *c, samv_buf *b, const dl_list *l)
{
	const char *title = samv_tr(c, "Deadlines");
	samv_buf full = { 0 };
	samv_buf_puts(&full, title);
	if (ledger_name(c))
		samv_buf_printf(&full, " – %s", ledger_name(c));
	html_open(c, b, full.data ? full.data : title);
	b->oom |= full.oom;
	samv_buf_free(&full);
	samv_buf_printf(b, "<header>\n<h1>%s</h1>\n<p>", title);
	if (ledger_name(c)) {
		samv_escape_html(b, ledger_name(c));
		samv_buf_puts(b, ". ");
	}
	deadlines_span(c, b, l, true);
	samv_buf_puts(b, "</p>\n</header>\n");
	samv_report_html_notice(c, b);
	deadlines_lead(c, b, l, true);
	if (!l->n) {
		samv_buf_printf(b, "<p>%s</p>\n", samv_tr(c, "No deadlines."));
	} else {
		deadlines_table(c, b, l, true);
	}
	html_close(c, b);
}

/* ---- iCalendar (RFC 5545) ---- */

/* A TEXT value: backslash, semicolon and comma escaped, line breaks as \n, and other
 * control characters, which TEXT does not allow, as spaces. */
static void ics_text(samv_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '\\' || ch == ';' || ch == ',') {
			char esc[2] = { '\\', (char)ch };
			samv_buf_add(b, esc, 2);
		} else if (ch == '\n') {
			samv_buf_puts(b, "\\n");
		} else if (ch == '\r') {
			if (s[1] != '\n')
				samv_buf_puts(b, "\\n");
		} else if (ch < 0x20 || ch == 0x7f) {
			samv_buf_puts(b, " ");
		} else {
			samv_buf_add(b, s, 1);
		}
	}
}

/* One content line, folded at 75 octets (a continuation line's leading space counts) and
 * never inside a UTF-8 sequence, ended by CRLF. */
static void ics_fold(samv_buf *out, const char *s, size_t len)
{
	size_t limit = 75;
	while (len > limit) {
		size_t cut = limit;
		while (cut > 1 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		samv_buf_add(out, s, cut);
		samv_buf_puts(out, "\r\n ");
		s += cut;
		len -= cut;
		limit = 74;
	}
	samv_buf_add(out, s, len);
	samv_buf_puts(out, "\r\n");
}

/* NAME:VALUE with value already in iCalendar form (no escaping). */
static void ics_raw(samv_buf *out, const char *name, const char *value)
{
	samv_buf line = { 0 };
	samv_buf_printf(&line, "%s:%s", name, value);
	out->oom |= line.oom;
	if (!line.oom)
		ics_fold(out, line.data, line.len);
	samv_buf_free(&line);
}

/* NAME:TEXT, escaped. */
static void ics_prop(samv_buf *out, const char *name, const char *text)
{
	samv_buf line = { 0 };
	samv_buf_printf(&line, "%s:", name);
	ics_text(&line, text);
	out->oom |= line.oom;
	if (!line.oom)
		ics_fold(out, line.data, line.len);
	samv_buf_free(&line);
}

/* "20250315": a DATE value. */
static void ics_date(char out[9], samv_date d)
{
	char ymd[11];
	samv_date_format(d, ymd);
	memcpy(out, ymd, 4);
	memcpy(out + 4, ymd + 5, 2);
	memcpy(out + 6, ymd + 8, 2);
	out[8] = '\0';
}

static void deadlines_ics(const samv_report_ctx *c, samv_buf *b, const dl_list *l)
{
	samv_buf notice = { 0 }, stamp = { 0 }, text = { 0 };
	samv_report_notice(c, &notice);
	samv_report_stamp(c, &stamp);
	/* DTSTAMP must be a UTC date-time, and deterministic: the commit's time, so the file
	 * changes only when the ledger does; outside git, today (as_of or --as-of) at midnight. */
	char stamp_at[9], dtstamp[17];
	int64_t t = c->commit_time >= 0 ? c->commit_time : (int64_t)c->cfg->today * 86400;
	int64_t secs = t % 86400;
	ics_date(stamp_at, (samv_date)(t / 86400));
	snprintf(dtstamp, sizeof dtstamp, "%sT%02d%02d%02dZ", stamp_at, (int)(secs / 3600),
		 (int)(secs / 60 % 60), (int)(secs % 60));

	ics_raw(b, "BEGIN", "VCALENDAR");
	ics_raw(b, "VERSION", "2.0");
	bool sv = strcmp(samv_catalog_language(c->lang), "sv") == 0;
	ics_raw(b, "PRODID", sv ? "-//samv//samv-report deadlines//SV" : "-//samv//samv-report deadlines//EN");
	ics_raw(b, "CALSCALE", "GREGORIAN");
	/* No METHOD: with one the file is an iTIP message (RFC 5546), and PUBLISH requires an
	 * ORGANIZER, which the ledger does not have. A plain calendar to import needs none. */
	samv_buf_printf(&text, "%s", samv_tr(c, "Deadlines"));
	if (ledger_name(c))
		samv_buf_printf(&text, " – %s", ledger_name(c));
	ics_prop(b, "X-WR-CALNAME", text.data);
	samv_buf_free(&text);
	if (notice.len)
		samv_buf_printf(&text, "%s\n", notice.data);
	samv_buf_puts(&text, stamp.data);
	ics_prop(b, "X-WR-CALDESC", text.data);
	samv_buf_free(&text);
	for (size_t i = 0; i < l->n; i++) {
		const deadline *d = &l->items[i];
		char start[9], end[9];
		ics_date(start, d->date);
		ics_date(end, d->date + 1);
		ics_raw(b, "BEGIN", "VEVENT");
		samv_buf_printf(&text, "%s@samv", d->uid);
		ics_prop(b, "UID", text.data);
		samv_buf_free(&text);
		ics_raw(b, "DTSTAMP", dtstamp);
		ics_raw(b, "DTSTART;VALUE=DATE", start);
		ics_raw(b, "DTEND;VALUE=DATE", end);
		samv_buf_printf(&text, "%s – %s: ", d->what, d->subject);
		status_text(c, &text, d);
		ics_prop(b, "SUMMARY", text.data);
		samv_buf_free(&text);
		samv_buf_printf(&text, "%s: ", samv_tr(c, "Status"));
		status_text(c, &text, d);
		samv_buf_printf(&text, "\n%s: %s\n%s: %s", samv_tr(c, "Concerns"), d->subject,
				samv_tr(c, "File"), d->file ? d->file : "");
		if (notice.len)
			samv_buf_printf(&text, "\n%s", notice.data);
		ics_prop(b, "DESCRIPTION", text.data);
		b->oom |= text.oom;
		samv_buf_free(&text);
		ics_raw(b, "TRANSP", "TRANSPARENT");
		ics_raw(b, "END", "VEVENT");
	}
	ics_raw(b, "END", "VCALENDAR");
	b->oom |= notice.oom || stamp.oom || text.oom;
	samv_buf_free(&notice);
	samv_buf_free(&stamp);
}

/* ---- JSON, for programs ---- */

/* The kinds and statuses as JSON names them, in the order of their enums. */
static const char *const kind_names[] = { "notice", "offer", "plan", "placement-withdrawal", "placement-status",
					  "invoicing", "payment", "follow-up", "termination", "intent-withdrawal",
					  "adjustment" };
static const char *const status_names[DL_STATUSES] = { "done", "late", "missing", "waiting", "upcoming" };
_Static_assert(sizeof kind_names / sizeof kind_names[0] == SAMV_OBL_ADJUSTMENT + 1, "a name for every kind");

/* {"deadlines": [{date, kind, status, done, what, subject, file, uid, rule}], ...}: rule is
 * the samv-check rule that reports the row (null for one that is done, upcoming, or
 * history such as an invoice paid after its due date). */
static void deadlines_json(const samv_report_ctx *c, samv_buf *b, const dl_list *l)
{
	samv_jw w;
	samv_buf uid = { 0 };
	samv_jw_init(&w, b);
	samv_jw_block(&w, NULL, '{');
	samv_jw_date(&w, "as_of", c->cfg->today);
	samv_jw_date(&w, "from", l->from);
	samv_jw_date(&w, "to", l->to);
	samv_jw_block(&w, "deadlines", '[');
	for (size_t i = 0; i < l->n; i++) {
		const deadline *d = &l->items[i];
		samv_jw_inline(&w, NULL, '{');
		samv_jw_date(&w, "date", d->date);
		samv_jw_str(&w, "kind", kind_names[d->kind]);
		samv_jw_str(&w, "status", status_names[d->status]);
		samv_jw_date(&w, "done", d->done);
		samv_jw_str(&w, "what", d->what);
		samv_jw_str(&w, "subject", d->subject);
		samv_jw_str(&w, "note", d->note);
		samv_jw_str(&w, "file", d->file);
		uid.len = 0;
		samv_buf_printf(&uid, "%s@samv", d->uid);
		samv_jw_str(&w, "uid", uid.data);
		samv_jw_str(&w, "rule", d->rule);
		samv_jw_close(&w);
	}
	samv_jw_close(&w);
	samv_report_json_stamp(c, &w);
	samv_jw_close(&w);
	samv_buf_puts(b, "\n");
	b->oom |= uid.oom;
	samv_buf_free(&uid);
}

int samv_report_deadlines(const samv_report_ctx *c, samv_date from, samv_date to,
			  samv_format format, const samv_emitter *e, char **err)
{
	if (format != SAMV_FORMAT_MD && format != SAMV_FORMAT_HTML && format != SAMV_FORMAT_ICS &&
	    format != SAMV_FORMAT_JSON) {
		*err = samv_strprintf(_("the deadlines are made as md, html, ics or json, not %s"),
				      samv_format_extension(format));
		return -1;
	}
	if (from != SAMV_NO_DATE && to != SAMV_NO_DATE && from > to) {
		char f[11], t[11];
		samv_date_format(from, f);
		samv_date_format(to, t);
		*err = samv_strprintf(_("--from %s is after --to %s: no day lies between them"), f, t);
		return -1;
	}
	dl_list l = { c, from, to, NULL, 0, 0, false };
	samv_buf b = { 0 };
	int rc = -1;
	if (dl_collect(&l)) {
		*err = samv_strprintf(_("out of memory"));
		goto done;
	}
	if (format == SAMV_FORMAT_MD)
		deadlines_md(c, &b, &l);
	else if (format == SAMV_FORMAT_HTML)
		deadlines_html(c, &b, &l);
	else if (format == SAMV_FORMAT_JSON)
		deadlines_json(c, &b, &l);
	else
		deadlines_ics(c, &b, &l);
	char *name = samv_strprintf("deadlines.%s", samv_format_extension(format));
	rc = emit(e, name, &b, err);
	free(name);
done:
	dl_free(&l);
	samv_buf_free(&b);
	return rc;
}
