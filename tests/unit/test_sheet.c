/*
 * test_sheet.c — the spreadsheet readers (input/sheet.h): CSV dialects and their edges.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "input/sheet.h"

static samv_sheet_book book;
static samv_diags diags;

static int open_csv(const char *s)
{
	samv_sheet_free(&book);
	samv_diags_free(&diags);
	return samv_sheet_open_csv(&book, "list.csv", (const unsigned char *)s, strlen(s), &diags);
}

static const samv_sheet_cell *cell(size_t row, size_t col)
{
	const samv_sheet *s = samv_sheet_find(&book, NULL);
	assert_non_null(s);
	assert_true(row < s->count);
	assert_true(col < s->rows[row].count);
	return &s->rows[row].cells[col];
}

static size_t rows(void)
{
	return samv_sheet_find(&book, NULL)->count;
}

static void test_semicolon_crlf_quotes(void **state)
{
	(void)state;
	assert_int_equal(open_csv("Namn;Enhet\r\n\"Berg; Anna\";\"Sol\r\ng\"\"\"\r\n"), 0);
	assert_int_equal(book.sep, ';');
	assert_int_equal(rows(), 2);
	assert_string_equal(cell(1, 0)->text, "Berg; Anna");
	assert_string_equal(cell(1, 1)->text, "Sol\ng\"");
	assert_int_equal(cell(1, 1)->line, 2);
	assert_int_equal(cell(1, 1)->col, 14);
	assert_int_equal(diags.count, 0);
}

static void test_detect_comma_and_tab(void **state)
{
	(void)state;
	assert_int_equal(open_csv("a,b;c,d\n1,2;3,4"), 0);
	assert_int_equal(book.sep, ',');
	assert_int_equal(samv_sheet_find(&book, NULL)->rows[0].count, 3);
	assert_int_equal(open_csv("\"a,b,c\"\tb\n"), 0);
	assert_int_equal(book.sep, '\t');
	assert_string_equal(cell(0, 0)->text, "a,b,c");
	assert_int_equal(open_csv("ensam\n"), 0);
	assert_int_equal(book.sep, ';');
}

static void test_line_ends_and_blank_rows(void **state)
{
	(void)state;
	assert_int_equal(open_csv("a\rb\n\nc\r\nd;"), 0);
	assert_int_equal(rows(), 5);
	assert_string_equal(cell(1, 0)->text, "b");
	assert_int_equal(samv_sheet_find(&book, NULL)->rows[2].count, 0);
	assert_int_equal(cell(3, 0)->line, 4);
	assert_int_equal(samv_sheet_find(&book, NULL)->rows[4].number, 5);
	assert_int_equal(samv_sheet_find(&book, NULL)->rows[4].count, 2);
	assert_string_equal(cell(4, 1)->text, "");
	assert_int_equal(open_csv(""), 0);
	assert_int_equal(rows(), 0);
}

static void test_bom_and_columns_in_characters(void **state)
{
	(void)state;
	assert_int_equal(open_csv("\xEF\xBB\xBF\xC3\x85sa;\xC3\xB6"), 0);
	assert_false(book.recoded);
	assert_string_equal(cell(0, 0)->text, "\xC3\x85sa");
	assert_int_equal(cell(0, 1)->col, 5);
	char *where = samv_sheet_where(&book, samv_sheet_find(&book, NULL), NULL, cell(0, 1));
	assert_string_equal(where, "1:5");
	free(where);
}

static void test_windows_1252(void **state)
{
	(void)state;
	assert_int_equal(open_csv("K\xE5re;\x80\x81"), 0);
	assert_true(book.recoded);
	assert_string_equal(cell(0, 0)->text, "K\xC3\xA5re");
	assert_string_equal(cell(0, 1)->text, "\xE2\x82\xAC\xC2\x81");
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].rule, "import-encoding");
}

static void test_unclosed_quote(void **state)
{
	(void)state;
	assert_int_equal(open_csv("a;b\nc;\"d\n\ne"), -1);
	assert_int_equal(book.count, 0);
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].line, 2);
	assert_int_equal(diags.items[0].col, 3);
	assert_string_equal(diags.items[0].rule, "import");
}

static void test_text_after_closing_quote(void **state)
{
	(void)state;
	assert_int_equal(open_csv("\"a\"b;c"), 0);
	assert_string_equal(cell(0, 0)->text, "ab");
	assert_string_equal(cell(0, 1)->text, "c");
}

static void test_column_names(void **state)
{
	(void)state;
	char out[8];
	samv_sheet_column_name(1, out);
	assert_string_equal(out, "A");
	samv_sheet_column_name(26, out);
	assert_string_equal(out, "Z");
	samv_sheet_column_name(27, out);
	assert_string_equal(out, "AA");
	samv_sheet_column_name(16384, out);
	assert_string_equal(out, "XFD");
}

static int teardown(void **state)
{
	(void)state;
	samv_sheet_free(&book);
	samv_diags_free(&diags);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_semicolon_crlf_quotes),
		cmocka_unit_test(test_detect_comma_and_tab),
		cmocka_unit_test(test_line_ends_and_blank_rows),
		cmocka_unit_test(test_bom_and_columns_in_characters),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_text_after_closing_quote),
		cmocka_unit_test(test_column_names),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
