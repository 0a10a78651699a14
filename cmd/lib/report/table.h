/*
 * report/table.h — the one table model of the reports, with a writer for Markdown, HTML
 * and CSV, so that the formats of a report say the same cells in the same order and a
 * report only says what its table holds.
 *
 * A table has columns (a heading; numeric ones align right) and rows of typed cells: text
 * (ledger text, escaped by the writer), an integer, money in öre, tenths ("12,4"
 * student-weeks), a date, a dash for "none", or a cell spanned by the one before it.
 * Numbers are written the Swedish or the English way after the documents' language
 * (samv_report_swedish); CSV, which is for Swedish spreadsheets, always with the decimal
 * comma. Strings a table is given are the caller's until the table is written, or kept by
 * the table's own pool (samv_table_keep, samv_table_printf).
 */
#ifndef SAMV_REPORT_TABLE_H
#define SAMV_REPORT_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/pool.h"
#include "report/report.h"

typedef enum samv_cell_kind {
	SAMV_CELL_EMPTY,
	SAMV_CELL_TEXT,
	SAMV_CELL_INT,
	SAMV_CELL_MONEY, /* öre */
	SAMV_CELL_TENTHS, /* one decimal */
	SAMV_CELL_DATE, /* nothing for SAMV_NO_DATE */
	SAMV_CELL_DASH, /* "–"; nothing in CSV */
	SAMV_CELL_SPANNED /* covered by the cell before it: HTML widens that one */
} samv_cell_kind;

/* How a text cell is shown in HTML (and STRONG in Markdown). */
enum {
	SAMV_CELL_STRONG = 1, /* emphasised: **text**, <strong> */
	SAMV_CELL_ID = 2, /* an id ("bromma-esbh"): kept on one line */
	SAMV_CELL_DATED = 4, /* running text whose dates are kept on one line */
	SAMV_CELL_PATH = 8 /* a file name: its dates kept on one line, may break after each / */
};

typedef struct samv_cell {
	samv_cell_kind kind;
	unsigned flags;
	const char *text;
	int64_t v;
} samv_cell;

samv_cell samv_cell_text(const char *s); /* empty for NULL */
samv_cell samv_cell_int(int64_t v);
samv_cell samv_cell_money(int64_t ore);
samv_cell samv_cell_tenths(int64_t tenths);
samv_cell samv_cell_date(samv_date d);
samv_cell samv_cell_dash(void);
samv_cell samv_cell_spanned(void);
samv_cell samv_cell_flag(samv_cell x, unsigned flags); /* x with flags added */

#define SAMV_TABLE_COLS 24

typedef struct samv_table_row {
	samv_cell c[SAMV_TABLE_COLS];
	/* A subtotal or total: bold, in HTML a row heading and class "sum"; not in CSV (a
	 * spreadsheet would count it twice). A foot row is one in HTML's <tfoot>. */
	bool sum, foot;
} samv_table_row;

typedef struct samv_table {
	const char *section; /* CSV: the first column's value, under the heading "section"; NULL: none */
	const char *caption;
	const char *none; /* said instead of an empty table; NULL: the table is written empty */
	/* HTML: <thead> and <tfoot> on lines of their own (the invoices' layout). */
	bool spaced;
	size_t ncols;
	struct {
		const char *head;
		bool num; /* aligned right */
		bool money; /* CSV says the currency in the heading */
		bool id; /* its text cells outside sums are ids, as SAMV_CELL_ID */
	} col[SAMV_TABLE_COLS];
	samv_table_row *rows;
	size_t nrows, cap;
	samv_table_row spare; /* what samv_table_row returns when memory runs out */
	samv_pool pool;
	bool oom;
} samv_table;

void samv_table_init(samv_table *t, const char *section, const char *caption, const char *none);
void samv_table_col(samv_table *t, const char *head, bool num);
void samv_table_id_col(samv_table *t, const char *head);
void samv_table_money_col(samv_table *t, const char *head);
/* A new row, its cells empty; valid until the next row is added. */
samv_table_row *samv_table_row_add(samv_table *t, bool sum);
const char *samv_table_keep(samv_table *t, char *s);
const char *samv_table_printf(samv_table *t, const char *fmt, ...) SAMV_PRINTF(2, 3);
void samv_table_free(samv_table *t);

/* The table, and a blank line after it in Markdown; b->oom set when the table ran out of
 * memory. */
void samv_table_md(const samv_report_ctx *c, samv_buf *b, const samv_table *t);
void samv_table_html(const samv_report_ctx *c, samv_buf *b, const samv_table *t);
void samv_table_csv(const samv_report_ctx *c, samv_buf *b, const samv_table *t);
/* As md, html or csv; nothing for another format. */
void samv_table_write(const samv_report_ctx *c, samv_buf *b, const samv_table *t, samv_format f);

#endif
