/*
 * report/page.c — the frame of an HTML document (page.h).
 */
#include "report/page.h"

#include "util/escape.h"

void samv_page_open(const samv_report_ctx *c, samv_buf *b, const char *title, const char *css)
{
	samv_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
			   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
			samv_catalog_language(c->lang));
	samv_escape_html(b, title);
	samv_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
}

void samv_page_close(samv_buf *b)
{
	samv_buf_puts(b, "</body>\n</html>\n");
}
