/*
 * report/table.c — the table model and its Markdown, HTML and CSV writers (table.h).
 */
#include "report/table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "util/money.h"

samv_cell samv_cell_text(const char *s)
{
	return (samv_cell){ s ? SAMV_CELL_TEXT : SAMV_CELL_EMPTY, 0, s, 0 };
}

samv_cell samv_cell_int(int64_t v)
{
	return (samv_cell){ SAMV_CELL_INT, 0, NULL, v };
}

samv_cell samv_cell_money(int64_t ore)
{
	return (samv_cell){ SAMV_CELL_MONEY, 0, NULL, ore };
}

samv_cell samv_cell_tenths(int64_t tenths)
{
	return (samv_cell){ SAMV_CELL_TENTHS, 0, NULL, tenths };
}

samv_cell samv_cell_date(samv_date d)
{
	return (samv_cell){ SAMV_CELL_DATE, 0, NULL, d };
}

samv_cell samv_cell_dash(void)
{
	return (samv_cell){ SAMV_CELL_DASH, 0, NULL, 0 };
}

samv_cell samv_cell_spanned(void)
{
	return (samv_cell){ SAMV_CELL_SPANNED, 0, NULL, 0 };
}

samv_cell samv_cell_flag(samv_cell x, unsigned flags)
{
	x.flags |= flags;
	return x;
}

void samv_table_init(samv_table *t, const char *section, const char *caption, const char *none)
{
	memset(t, 0, sizeof *t);
	t->section = section;
	t->caption = caption;
	t->none = none;
}

static size_t add_col(samv_table *t, const char *head, bool num)
{
	if (t->ncols >= SAMV_TABLE_COLS) {
		t->oom = true; /* a report with more columns than the model has room for */
		return SAMV_TABLE_COLS - 1;
	}
	t->col[t->ncols].head = head;
	t->col[t->ncols].num = num;
	return t->ncols++;
}

void samv_table_col(samv_table *t, const char *head, bool num)
{
	add_col(t, head, num);
}

void samv_table_id_col(samv_table *t, const char *head)
{
	t->col[add_col(t, head, false)].id = true;
}

void samv_table_money_col(samv_table *t, const char *head)
{
	t->col[add_col(t, head, true)].money = true;
}

samv_table_row *samv_table_row_add(samv_table *t, bool sum)
{
	samv_table_row *grown = samv_grow(t->rows, &t->cap, sizeof *t->rows, 16, t->nrows + 1);
	samv_table_row *r = &t->spare;
	if (grown) {
		t->rows = grown;
		r = &t->rows[t->nrows++];
	} else {
		t->oom = true;
	}
	memset(r, 0, sizeof *r);
	r->sum = sum;
	return r;
}

const char *samv_table_keep(samv_table *t, char *s)
{
	return samv_pool_keep(&t->pool, s);
}

const char *samv_table_printf(samv_table *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = samv_vstrprintf(fmt, ap);
	va_end(ap);
	return samv_pool_keep(&t->pool, s);
}

void samv_table_free(samv_table *t)
{
	free(t->rows);
	t->rows = NULL;
	t->nrows = t->cap = 0;
	samv_pool_free(&t->pool);
}

static void put_tenths(samv_buf *b, int64_t tenths, bool swedish)
{
	samv_buf_printf(b, "%lld%s%lld", (long long)(tenths / 10), swedish ? "," : ".", (long long)(tenths % 10));
}

/* A cell that is not text, without escaping; false for text. plain (CSV) writes the
 * decimal comma in either language and nothing for a dash. */
static bool put_value(const samv_report_ctx *c, samv_buf *b, const samv_cell *x, bool plain)
{
	bool sv = plain || samv_report_swedish(c);
	switch (x->kind) {
	case SAMV_CELL_INT:
		samv_buf_printf(b, "%lld", (long long)x->v);
		return true;
	case SAMV_CELL_MONEY:
		if (plain)
			samv_money_write_plain(b, x->v, sv);
		else
			samv_money_write(b, x->v, sv);
		return true;
	case SAMV_CELL_TENTHS:
		put_tenths(b, x->v, sv);
		return true;
	case SAMV_CELL_DATE:
		samv_date_write(b, (samv_date)x->v);
		return true;
	case SAMV_CELL_DASH:
		if (!plain)
			samv_buf_puts(b, "–");
		return true;
	case SAMV_CELL_TEXT:
		return false;
	default:
		return true;
	}
}

static void note_oom(samv_buf *b, const samv_table *t)
{
	b->oom |= t->oom || t->pool.oom;
}

void samv_table_md(const samv_report_ctx *c, samv_buf *b, const samv_table *t)
{
	note_oom(b, t);
	if (t->caption)
		samv_buf_printf(b, "%s\n\n", t->caption);
	if (!t->nrows && t->none) {
		samv_buf_printf(b, "%s\n\n", t->none);
		return;
	}
	samv_buf_puts(b, "|");
	for (size_t i = 0; i < t->ncols; i++) {
		samv_buf_puts(b, " ");
		samv_escape_md(b, t->col[i].head);
		samv_buf_puts(b, " |");
	}
	samv_buf_puts(b, "\n|");
	for (size_t i = 0; i < t->ncols; i++)
		samv_buf_puts(b, t->col[i].num ? "---:|" : "---|");
	samv_buf_puts(b, "\n");
	for (size_t r = 0; r < t->nrows; r++) {
		const samv_table_row *row = &t->rows[r];
		samv_buf_puts(b, "|");
		for (size_t i = 0; i < t->ncols; i++) {
			const samv_cell *x = &row->c[i];
			if (x->kind == SAMV_CELL_SPANNED) {
				samv_buf_puts(b, " |");
				continue;
			}
			bool bold = ((row->sum || row->foot) && x->kind != SAMV_CELL_EMPTY) || (x->flags & SAMV_CELL_STRONG);
			samv_buf_puts(b, bold ? " **" : " ");
			if (!put_value(c, b, x, false))
				samv_escape_md(b, x->text);
			samv_buf_puts(b, bold ? "** |" : " |");
		}
		samv_buf_puts(b, "\n");
	}
	samv_buf_puts(b, "\n");
}

/* n bytes of s, escaped for HTML. */
static void html_span(samv_buf *b, const char *s, size_t n)
{
	char *part = samv_strprintf("%.*s", (int)n, s);
	b->oom |= !part;
	samv_escape_html(b, part ? part : "");
	free(part);
}

/* A column heading in HTML: escaped, with a soft hyphen in the long compound words, so
 * that a narrow column (a printed A4 page) can break them where Swedish does. */
static void html_head(samv_buf *b, const char *head)
{
	static const char *const words[][2] = {
		{ "Webbintroduktion", "Webb&shy;intro&shy;duktion" },
		{ "handledare", "hand&shy;ledare" },
		{ "huvudansvarig", "huvud&shy;ansvarig" },
		{ "Studentveckor", "Student&shy;veckor" },
		{ "Allvarlighetsgrad", "Allvarlighets&shy;grad" },
	};
	const char *run = head, *p = head;
	while (*p) {
		size_t k = 0;
		while (k < sizeof words / sizeof words[0] && strncmp(p, words[k][0], strlen(words[k][0])) != 0)
			k++;
		if (k == sizeof words / sizeof words[0]) {
			p++;
			continue;
		}
		html_span(b, run, (size_t)(p - run));
		samv_buf_puts(b, words[k][1]);
		p += strlen(words[k][0]);
		run = p;
	}
	html_span(b, run, (size_t)(p - run));
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* A date "YYYY-MM-DD" starts at s (and is not the tail of a longer number). */
static bool date_at(const char *start, const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	if (s > start && is_digit(s[-1]))
		return false;
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? !is_digit(s[i]) : s[i] != '-')
			return false;
	return !is_digit(s[sizeof shape - 1]);
}

/* Ledger text as HTML: escaped, every date in it kept on one line; with path, a line may
 * also break after each "/" (a file name, which has no spaces to break at). */
static void html_text(samv_buf *b, const char *s, bool path)
{
	const char *run = s;
	for (const char *p = s; p && *p;) {
		bool date = date_at(s, p);
		if (!date && !(path && *p == '/')) {
			p++;
			continue;
		}
		html_span(b, run, (size_t)(p - run));
		if (date) {
			samv_buf_printf(b, "<span class=\"date\">%.10s</span>", p);
			p += 10;
		} else {
			samv_buf_puts(b, "/<wbr>");
			p++;
		}
		run = p;
	}
	samv_escape_html(b, run);
}

static void html_row(const samv_report_ctx *c, samv_buf *b, const samv_table *t, const samv_table_row *row)
{
	bool head = row->sum || row->foot;
	samv_buf_puts(b, row->sum ? "<tr class=\"sum\">" : "<tr>");
	for (size_t i = 0; i < t->ncols; i++) {
		const samv_cell *x = &row->c[i];
		if (x->kind == SAMV_CELL_SPANNED)
			continue;
		size_t span = 1;
		while (i + span < t->ncols && row->c[i + span].kind == SAMV_CELL_SPANNED)
			span++;
		const char *tag = head && i == 0 ? "th" : "td";
		const char *cls = "";
		if (t->col[i].num)
			cls = " class=\"num\"";
		else if (x->kind == SAMV_CELL_DATE)
			cls = " class=\"date\"";
		else if (x->kind == SAMV_CELL_TEXT && ((t->col[i].id && !row->sum) || (x->flags & SAMV_CELL_ID)))
			cls = " class=\"id\"";
		samv_buf_printf(b, "<%s%s", tag, head && i == 0 ? " scope=\"row\"" : "");
		if (span > 1)
			samv_buf_printf(b, " colspan=\"%zu\"", span);
		samv_buf_printf(b, "%s>", cls);
		if (x->flags & SAMV_CELL_STRONG)
			samv_buf_puts(b, "<strong>");
		bool text = !put_value(c, b, x, false);
		if (text && (x->flags & (SAMV_CELL_DATED | SAMV_CELL_PATH)))
			html_text(b, x->text, x->flags & SAMV_CELL_PATH);
		else if (text)
			samv_escape_html(b, x->text);
		if (x->flags & SAMV_CELL_STRONG)
			samv_buf_puts(b, "</strong>");
		samv_buf_printf(b, "</%s>", tag);
	}
	samv_buf_puts(b, "</tr>\n");
}

void samv_table_html(const samv_report_ctx *c, samv_buf *b, const samv_table *t)
{
	note_oom(b, t);
	if (!t->nrows && t->none) {
		if (t->caption) {
			samv_buf_puts(b, "<p>");
			samv_escape_html(b, t->caption);
			samv_buf_puts(b, "</p>\n");
		}
		samv_buf_puts(b, "<p>");
		samv_escape_html(b, t->none);
		samv_buf_puts(b, "</p>\n");
		return;
	}
	samv_buf_puts(b, "<table>\n");
	if (t->caption) {
		samv_buf_puts(b, "<caption>");
		samv_escape_html(b, t->caption);
		samv_buf_puts(b, "</caption>\n");
	}
	samv_buf_puts(b, t->spaced ? "<thead>\n<tr>" : "<thead><tr>");
	for (size_t i = 0; i < t->ncols; i++) {
		samv_buf_puts(b, t->col[i].num ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">");
		html_head(b, t->col[i].head);
		samv_buf_puts(b, "</th>");
	}
	samv_buf_puts(b, t->spaced ? "</tr>\n</thead>\n<tbody>\n" : "</tr></thead>\n<tbody>\n");
	bool foot = false;
	for (size_t r = 0; r < t->nrows; r++) {
		foot |= t->rows[r].foot;
		if (!t->rows[r].foot)
			html_row(c, b, t, &t->rows[r]);
	}
	samv_buf_puts(b, "</tbody>\n");
	if (foot) {
		samv_buf_puts(b, "<tfoot>\n");
		for (size_t r = 0; r < t->nrows; r++)
			if (t->rows[r].foot)
				html_row(c, b, t, &t->rows[r]);
		samv_buf_puts(b, "</tfoot>\n");
	}
	samv_buf_puts(b, "</table>\n");
}

void samv_table_csv(const samv_report_ctx *c, samv_buf *b, const samv_table *t)
{
	note_oom(b, t);
	if (t->section)
		samv_escape_csv(b, samv_tr(c, "section"));
	for (size_t i = 0; i < t->ncols; i++) {
		if (t->section || i)
			samv_buf_puts(b, ";");
		samv_escape_csv(b, t->col[i].head);
		/* TRANSLATORS: the unit after a money column's heading in CSV ("Paid (SEK)"). */
		if (t->col[i].money)
			samv_buf_puts(b, samv_tr(c, " (SEK)"));
	}
	samv_buf_puts(b, "\r\n");
	for (size_t r = 0; r < t->nrows; r++) {
		const samv_table_row *row = &t->rows[r];
		if (row->sum || row->foot)
			continue;
		if (t->section)
			samv_escape_csv(b, t->section);
		for (size_t i = 0; i < t->ncols; i++) {
			if (t->section || i)
				samv_buf_puts(b, ";");
			if (!put_value(c, b, &row->c[i], true))
				samv_escape_csv(b, row->c[i].text);
		}
		samv_buf_puts(b, "\r\n");
	}
}

void samv_table_write(const samv_report_ctx *c, samv_buf *b, const samv_table *t, samv_format f)
{
	if (f == SAMV_FORMAT_MD)
		samv_table_md(c, b, t);
	else if (f == SAMV_FORMAT_HTML)
		samv_table_html(c, b, t);
	else if (f == SAMV_FORMAT_CSV)
		samv_table_csv(c, b, t);
}
