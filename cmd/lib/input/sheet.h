/*
 * input/sheet.h — spreadsheets as grids of text: what samv-import reads placement lists from.
 *
 * A book is one or more named sheets of rows of cells, every cell UTF-8 text and knowing
 * where it came from, so that a message about a value can point at it the way the person who
 * made the file would look for it: a CSV cell by the line and column of the file, a workbook
 * cell by sheet and reference (`Blad1!C7`). Readers never print; problems go to diags under
 * the rule "import", the book stays empty then.
 */
#ifndef SAMV_SHEET_H
#define SAMV_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/diag.h"

typedef struct samv_sheet_cell {
	char *text;	     /* UTF-8, NUL-terminated, line ends inside a cell as "\n" */
	uint32_t line, col;  /* CSV: where the cell starts in the file, 1-based characters */
} samv_sheet_cell;

typedef struct samv_sheet_row {
	uint32_t number; /* as a spreadsheet numbers it: the first row is 1 */
	samv_sheet_cell *cells;
	size_t count, cap;
} samv_sheet_row;

typedef struct samv_sheet {
	char *name; /* the workbook's name for it; for CSV the empty string */
	samv_sheet_row *rows;
	size_t count, cap;
} samv_sheet;

typedef enum samv_sheet_kind { SAMV_SHEET_CSV = 1, SAMV_SHEET_XLSX = 2 } samv_sheet_kind;

typedef struct samv_sheet_book {
	samv_sheet_kind kind;
	samv_sheet *sheets;
	size_t count, cap;
	char sep;     /* CSV: the separator found (';', ',' or '\t') */
	bool recoded; /* CSV: the bytes were not UTF-8 and were read as Windows-1252 */
} samv_sheet_book;

/* Read LEN bytes of CSV (FILE names it in messages) into *book, one sheet. Returns 0, or -1
 * with a finding in diags (an unclosed quote at its line:column; out of memory). A note that
 * the text was read as Windows-1252 is added as a warning-level finding too. */
int samv_sheet_open_csv(samv_sheet_book *book, const char *file, const unsigned char *data,
			size_t len, samv_diags *diags);

/* The sheet called NAME, or the first when NAME is NULL; NULL when there is none. */
const samv_sheet *samv_sheet_find(const samv_sheet_book *book, const char *name);

/* Where CELL is, for a message: "LINE:COL" for CSV, "SHEET!C7" for a workbook. malloc'd,
 * NULL when out of memory. */
char *samv_sheet_where(const samv_sheet_book *book, const samv_sheet *sheet,
		       const samv_sheet_row *row, const samv_sheet_cell *cell);

/* The column letters of 1-based column COL into out (at least 8 bytes): 1 → "A", 27 → "AA". */
void samv_sheet_column_name(uint32_t col, char out[8]);

void samv_sheet_free(samv_sheet_book *book); /* frees the contents; NULL is fine */

/* For the readers: append a sheet, a row to it, a cell to the row (TEXT of LEN bytes is
 * copied). NULL when out of memory. */
samv_sheet *samv_sheet_add(samv_sheet_book *book, const char *name, size_t len);
samv_sheet_row *samv_sheet_add_row(samv_sheet *sheet, uint32_t number);
samv_sheet_cell *samv_sheet_add_cell(samv_sheet_row *row, const char *text, size_t len,
				     uint32_t line, uint32_t col);

#endif
