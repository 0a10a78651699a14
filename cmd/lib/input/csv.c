/*
 * input/csv.c — CSV as Excel and the VFU portals write it, read into a book (sheet.h).
 *
 * RFC 4180 quoting; the separator is whichever of ';' (Swedish Excel), ',' and tab occurs
 * most often outside quotes in the first record; a UTF-8 BOM is dropped; text that is not
 * valid UTF-8 is taken as Windows-1252, which is what Excel on Swedish Windows exports, and
 * converted. CRLF, LF and CR all end a line. One pass over the input after decoding: every
 * cell is collected in a growing buffer, so time and memory are linear in the input.
 */
#include "input/sheet.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/i18n.h"
#include "util/utf8.h"

/* Windows-1252 0x80..0x9F; the five bytes it leaves undefined become the C1 control of the
 * same value, as the WHATWG encoding standard decodes them. */
static const uint16_t cp1252[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static bool valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		bool ok;
		i += samv_utf8_next(s + i, n - i, &ok);
		if (!ok)
			return false;
	}
	return true;
}

static void add_cp(samv_buf *b, uint32_t cp)
{
	char u[3];
	if (cp < 0x80) {
		u[0] = (char)cp;
		samv_buf_add(b, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		samv_buf_add(b, u, 2);
	} else {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		samv_buf_add(b, u, 3);
	}
}

static void from_cp1252(samv_buf *b, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		add_cp(b, c >= 0x80 && c < 0xA0 ? cp1252[c - 0x80] : c);
	}
}

/* The separator: the most frequent of ';', ',' and tab outside quotes before the first line
 * end outside quotes; ';' on a tie or when there is none, as Swedish Excel writes. */
static char detect_sep(const unsigned char *s, size_t n)
{
	size_t semi = 0, comma = 0, tab = 0;
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ';')
			semi++;
		else if (c == ',')
			comma++;
		else if (c == '\t')
			tab++;
	}
	if (comma > semi && comma >= tab)
		return ',';
	if (tab > semi && tab > comma)
		return '\t';
	return ';';
}

typedef struct csv_reader {
	const unsigned char *s;
	size_t n, i;
	uint32_t line, col; /* of s[i] */
	samv_buf cell;
} csv_reader;

/* Step past s[i], counting lines and characters (UTF-8 continuation bytes are no column). */
static void step(csv_reader *r)
{
	unsigned char c = r->s[r->i++];
	if (c == '\n' || (c == '\r' && (r->i >= r->n || r->s[r->i] != '\n'))) {
		if (r->line < UINT32_MAX)
			r->line++;
		r->col = 1;
	} else if ((c & 0xC0) != 0x80 && c != '\r' && r->col < UINT32_MAX) {
		r->col++;
	}
}

static bool at_eol(const csv_reader *r)
{
	return r->s[r->i] == '\n' || r->s[r->i] == '\r';
}

/* Past a line end: CRLF, LF or CR. */
static void skip_eol(csv_reader *r)
{
	if (r->s[r->i] == '\r' && r->i + 1 < r->n && r->s[r->i + 1] == '\n')
		step(r);
	step(r);
}

static int parse(samv_sheet *sheet, const char *file, csv_reader *r, char sep, samv_diags *diags)
{
	uint32_t number = 0;
	while (r->i < r->n) {
		if (number == UINT32_MAX)
			goto oom;
		samv_sheet_row *row = samv_sheet_add_row(sheet, ++number);
		if (!row)
			goto oom;
		if (at_eol(r)) { /* a blank line is a row without cells */
			skip_eol(r);
			continue;
		}
		for (;;) {
			uint32_t line = r->line, col = r->col;
			r->cell.len = 0;
			if (r->i < r->n && r->s[r->i] == '"') {
				step(r);
				for (;;) {
					if (r->i >= r->n) {
						samv_diags_add(diags, "import", file, line, col, "%s",
							       _("the quote that starts this cell is never closed: "
								 "end the cell with '\"' and write a quote inside it as '\"\"'"));
						return -1;
					}
					if (r->s[r->i] == '"') {
						step(r);
						if (r->i < r->n && r->s[r->i] == '"') {
							samv_buf_add(&r->cell, "\"", 1);
							step(r);
							continue;
						}
						break;
					}
					if (at_eol(r)) {
						samv_buf_add(&r->cell, "\n", 1);
						skip_eol(r);
						continue;
					}
					samv_buf_add(&r->cell, (const char *)r->s + r->i, 1);
					step(r);
				}
			}
			/* Unquoted text, or what follows a closing quote (Excel keeps it too). */
			while (r->i < r->n && r->s[r->i] != (unsigned char)sep && !at_eol(r)) {
				samv_buf_add(&r->cell, (const char *)r->s + r->i, 1);
				step(r);
			}
			if (r->cell.oom ||
			    !samv_sheet_add_cell(row, r->cell.len ? r->cell.data : "", r->cell.len, line, col))
				goto oom;
			if (r->i >= r->n)
				return 0;
			if (at_eol(r)) {
				skip_eol(r);
				break;
			}
			step(r); /* the separator */
		}
	}
	return 0;
oom:
	samv_diags_add(diags, "import", file, r->line, r->col, "%s", _("out of memory"));
	return -1;
}

int samv_sheet_open_csv(samv_sheet_book *book, const char *file, const unsigned char *data,
			size_t len, samv_diags *diags)
{
	int rc = -1;
	samv_buf text = {0};
	csv_reader r = {0};
	memset(book, 0, sizeof *book);
	book->kind = SAMV_SHEET_CSV;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (!valid_utf8(data, len)) {
		from_cp1252(&text, data, len);
		if (text.oom)
			goto oom;
		data = (const unsigned char *)text.data;
		len = text.len;
		book->recoded = true;
		samv_diags_add(diags, "import-encoding", file, 1, 1, "%s",
			       _("the file is not UTF-8: read it as Windows-1252; save it as "
				 "\"CSV UTF-8\" to be sure of its letters"));
	}
	book->sep = detect_sep(data, len);
	samv_sheet *sheet = samv_sheet_add(book, "", 0);
	if (!sheet)
		goto oom;
	r.s = data;
	r.n = len;
	r.line = r.col = 1;
	rc = parse(sheet, file, &r, book->sep, diags);
	goto done;
oom:
	samv_diags_add(diags, "import", file, 1, 1, "%s", _("out of memory"));
done:
	samv_buf_free(&r.cell);
	samv_buf_free(&text);
	if (rc != 0) {
		bool recoded = book->recoded;
		samv_sheet_free(book);
		book->kind = SAMV_SHEET_CSV;
		book->recoded = recoded;
	}
	return rc;
}
