/*
 * fuzz_csv.c — libFuzzer target: the CSV reader (cmd/lib/input/csv.c) on any bytes.
 *
 * Whatever the bytes, the reader must either fail with a finding or give a book whose
 * every cell is valid UTF-8 no longer than the input allows (Windows-1252 at most triples
 * it), with positions inside the input. Seeds: tests/fuzz/regressions/csv/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/sheet.h"
#include "util/diag.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	samv_sheet_book book;
	samv_diags diags = {0};
	int rc = samv_sheet_open_csv(&book, "fuzz.csv", data, size, &diags);
	if (rc != 0 && diags.count == 0)
		abort();
	for (size_t s = 0; s < book.count; s++) {
		const samv_sheet *sh = &book.sheets[s];
		for (size_t r = 0; r < sh->count; r++) {
			for (size_t c = 0; c < sh->rows[r].count; c++) {
				const samv_sheet_cell *cell = &sh->rows[r].cells[c];
				size_t n = strlen(cell->text);
				if (n > 3 * size || cell->line == 0 || cell->col == 0 ||
				    cell->line > size + 1)
					abort();
				for (size_t i = 0; i < n;) {
					bool ok;
					i += samv_utf8_next((const unsigned char *)cell->text + i, n - i, &ok);
					if (!ok)
						abort();
				}
			}
		}
	}
	samv_sheet_free(&book);
	samv_diags_free(&diags);
	return 0;
}
