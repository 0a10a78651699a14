/*
 * report/chart.h — horizontal bar charts as inline SVG, for HTML reports: each chart a title
 * and description (for screen readers), a legend of two colours, an axis and labelled
 * pairs of bars. The table beside a chart holds the same figures.
 */
#ifndef SAMV_CHART_H
#define SAMV_CHART_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

/* The smallest step 1, 2, 5, 10, 20, 50 ... that reaches max in at most `ticks` steps. */
int64_t samv_chart_step(int64_t max, int64_t ticks);
/* The <svg> element with its title and description; the caller closes it. */
void samv_chart_open(samv_buf *b, const char *id, int64_t height, const char *title, const char *desc);
void samv_chart_legend(samv_buf *b, const char *a, const char *bname);
/* A tick's label. */
typedef void (*samv_chart_label)(samv_buf *b, int64_t v, bool swedish);
void samv_chart_count(samv_buf *b, int64_t v, bool swedish); /* 12 */
void samv_chart_kronor(samv_buf *b, int64_t kr, bool swedish); /* whole kronor: "20 000" or "20,000" */
/* Axis at y with ticks every step up to axis_max; labels by label(). */
void samv_chart_axis(samv_buf *b, int64_t top, int64_t y, int64_t step, int64_t axis_max, samv_chart_label label,
		     bool swedish, const char *title);
/* One labelled pair of bars, drawn from y = top down; amounts in öre when is_money. */
void samv_chart_bars(samv_buf *b, bool swedish, int64_t top, const char *label, int64_t a, int64_t b2,
		     int64_t axis_max, bool is_money);

#endif
