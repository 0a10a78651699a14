/*
 * report/page.h — the frame of every HTML document samv writes (the reports and the site's
 * index): the doctype, the language, the viewport, the title, the stylesheet and the end.
 *
 * Each report passes its own stylesheet: the four differ, and a report's bytes may not
 * change with a refactoring, so one shared stylesheet is a change of its own to make.
 */
#ifndef SAMV_PAGE_H
#define SAMV_PAGE_H

#include "util/buf.h"
#include "report/report.h"

/* Everything up to and including <body>; title is escaped here, css goes in as it is. */
void samv_page_open(const samv_report_ctx *c, samv_buf *b, const char *title, const char *css);
/* </body> and </html>. */
void samv_page_close(samv_buf *b);

#endif
