/*
 * input/sheet.c — the book of sheets the spreadsheet readers fill (sheet.h): growing it,
 * finding a sheet, naming a cell's place.
 */
#include "input/sheet.h"

#include <stdlib.h>
#include <string.h>

static char *copy(const char *s, size_t len)
{
	char *p = malloc(len + 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

samv_sheet *samv_sheet_add(samv_sheet_book *book, const char *name, size_t len)
{
	samv_sheet *grown = samv_grow(book->sheets, &book->cap, sizeof *grown, 1, book->count + 1);
	if (!grown)
		return NULL;
	book->sheets = grown;
	samv_sheet *s = &grown[book->count];
	memset(s, 0, sizeof *s);
	s->name = copy(name, len);
	if (!s->name)
		return NULL;
	book->count++;
	return s;
}

samv_sheet_row *samv_sheet_add_row(samv_sheet *sheet, uint32_t number)
{
	samv_sheet_row *grown = samv_grow(sheet->rows, &sheet->cap, sizeof *grown, 16, sheet->count + 1);
	if (!grown)
		return NULL;
	sheet->rows = grown;
	samv_sheet_row *r = &grown[sheet->count++];
	memset(r, 0, sizeof *r);
	r->number = number;
	return r;
}

samv_sheet_cell *samv_sheet_add_cell(samv_sheet_row *row, const char *text, size_t len,
				     uint32_t line, uint32_t col)
{
	samv_sheet_cell *grown = samv_grow(row->cells, &row->cap, sizeof *grown, 8, row->count + 1);
	if (!grown)
		return NULL;
	row->cells = grown;
	samv_sheet_cell *c = &grown[row->count];
	c->text = copy(text, len);
	if (!c->text)
		return NULL;
	c->line = line;
	c->col = col;
	row->count++;
	return c;
}

const samv_sheet *samv_sheet_find(const samv_sheet_book *book, const char *name)
{
	if (!book || book->count == 0)
		return NULL;
	if (!name)
		return &book->sheets[0];
	for (size_t i = 0; i < book->count; i++)
		if (strcmp(book->sheets[i].name, name) == 0)
			return &book->sheets[i];
	return NULL;
}

void samv_sheet_column_name(uint32_t col, char out[8])
{
	char rev[8];
	size_t n = 0;
	while (col > 0 && n < 7) {
		col--;
		rev[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
}

char *samv_sheet_where(const samv_sheet_book *book, const samv_sheet *sheet,
		       const samv_sheet_row *row, const samv_sheet_cell *cell)
{
	if (book->kind == SAMV_SHEET_CSV)
		return samv_strprintf("%u:%u", (unsigned)cell->line, (unsigned)cell->col);
	char letters[8];
	samv_sheet_column_name(cell->col, letters);
	return samv_strprintf("%s!%s%u", sheet->name, letters, (unsigned)row->number);
}

void samv_sheet_free(samv_sheet_book *book)
{
	if (!book)
		return;
	for (size_t i = 0; i < book->count; i++) {
		samv_sheet *s = &book->sheets[i];
		for (size_t r = 0; r < s->count; r++) {
			for (size_t c = 0; c < s->rows[r].count; c++)
				free(s->rows[r].cells[c].text);
			free(s->rows[r].cells);
		}
		free(s->rows);
		free(s->name);
	}
	free(book->sheets);
	memset(book, 0, sizeof *book);
}
