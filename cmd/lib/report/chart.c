/*
 * report/chart.c — the summary's SVG bar charts: axes, legends and pairs of bars (chart.h).
 * Integer arithmetic only: a bar is v * PLOT_W / axis_max pixels.
 */
#include "report/chart.h"

#include <stdio.h>

#include "util/escape.h"
#include "util/money.h"

#define CHART_W 720
#define PLOT_X 12
#define PLOT_W 560
#define COLOUR_A "#1f4e79" /* 8.7:1 on white */
#define COLOUR_B "#c05621" /* 4.6:1 on white; blue and orange stay apart in colour blindness */

/* The smallest step 1, 2, 5, 10, 20, 50 ... that reaches max in at most `ticks` steps. */
int64_t samv_chart_step(int64_t max, int64_t ticks)
{
	static const int64_t factors[] = { 1, 2, 5 };
	for (int64_t decade = 1;; decade *= 10)
		for (int k = 0; k < 3; k++) {
			int64_t step = factors[k] * decade;
			if ((max + step - 1) / step <= ticks || decade > INT64_MAX / 100)
				return step;
		}
}

static int64_t bar(int64_t v, int64_t axis_max)
{
	return axis_max > 0 && v > 0 ? v * PLOT_W / axis_max : 0;
}

static void svg_text(samv_buf *b, int64_t x, int64_t y, const char *anchor, const char *s)
{
	samv_buf_printf(b, "<text x=\"%lld\" y=\"%lld\"%s%s%s>", (long long)x, (long long)y,
			anchor ? " text-anchor=\"" : "", anchor ? anchor : "", anchor ? "\"" : "");
	samv_escape_html(b, s);
	samv_buf_puts(b, "</text>\n");
}

void samv_chart_open(samv_buf *b, const char *id, int64_t height, const char *title, const char *desc)
{
	samv_buf_printf(b,
			"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%lld\" viewBox=\"0 0 %d %lld\" "
			"role=\"img\" aria-labelledby=\"%s-title %s-desc\" font-family=\"system-ui, sans-serif\" "
			"font-size=\"12\" fill=\"#1a1a1a\">\n",
			CHART_W, (long long)height, CHART_W, (long long)height, id, id);
	samv_buf_printf(b, "<title id=\"%s-title\">", id);
	samv_escape_html(b, title);
	samv_buf_printf(b, "</title>\n<desc id=\"%s-desc\">", id);
	samv_escape_html(b, desc);
	samv_buf_puts(b, "</desc>\n");
}

void samv_chart_legend(samv_buf *b, const char *a, const char *bname)
{
	samv_buf_printf(b, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"" COLOUR_A "\"/>\n", PLOT_X);
	svg_text(b, PLOT_X + 18, 14, NULL, a);
	samv_buf_printf(b, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"" COLOUR_B "\"/>\n", PLOT_X + 200);
	svg_text(b, PLOT_X + 218, 14, NULL, bname);
}


void samv_chart_axis(samv_buf *b, int64_t top, int64_t y, int64_t step, int64_t axis_max, samv_chart_label label,
		     bool swedish, const char *title)
{
	for (int64_t v = 0; v <= axis_max; v += step) {
		int64_t x = PLOT_X + bar(v, axis_max);
		samv_buf_printf(b, "<line x1=\"%lld\" y1=\"%lld\" x2=\"%lld\" y2=\"%lld\" stroke=\"#d0d0d0\"/>\n",
				(long long)x, (long long)top, (long long)x, (long long)y);
		samv_buf_printf(b, "<line x1=\"%lld\" y1=\"%lld\" x2=\"%lld\" y2=\"%lld\" stroke=\"#1a1a1a\"/>\n",
				(long long)x, (long long)y, (long long)x, (long long)(y + 5));
		samv_buf_printf(b, "<text x=\"%lld\" y=\"%lld\" text-anchor=\"middle\">", (long long)x, (long long)(y + 18));
		label(b, v, swedish);
		samv_buf_puts(b, "</text>\n");
	}
	samv_buf_printf(b, "<line x1=\"%d\" y1=\"%lld\" x2=\"%d\" y2=\"%lld\" stroke=\"#1a1a1a\"/>\n", PLOT_X,
			(long long)top, PLOT_X, (long long)y);
	samv_buf_printf(b, "<line x1=\"%d\" y1=\"%lld\" x2=\"%d\" y2=\"%lld\" stroke=\"#1a1a1a\"/>\n", PLOT_X,
			(long long)y, PLOT_X + PLOT_W, (long long)y);
	svg_text(b, PLOT_X + PLOT_W / 2, y + 36, "middle", title);
}

void samv_chart_count(samv_buf *b, int64_t v, bool swedish)
{
	(void)swedish;
	samv_buf_printf(b, "%lld", (long long)v);
}

/* Whole kronor, grouped: "20 000" or "20,000". */
void samv_chart_kronor(samv_buf *b, int64_t kr, bool swedish)
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%lld", (long long)kr);
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			samv_buf_puts(b, swedish ? " " : ",");
		samv_buf_add(b, &digits[i], 1);
	}
}

/* One labelled pair of bars, drawn from y = top down. */
void samv_chart_bars(samv_buf *b, bool sv, int64_t top, const char *label, int64_t a, int64_t b2,
		     int64_t axis_max, bool is_money)
{
	svg_text(b, PLOT_X + 4, top + 12, NULL, label); /* clear of the axis line at PLOT_X */
	const int64_t vals[2] = { a, b2 };
	const char *colours[2] = { COLOUR_A, COLOUR_B };
	for (int k = 0; k < 2; k++) {
		int64_t y = top + 16 + 16 * k, len = bar(vals[k], axis_max);
		samv_buf_printf(b, "<rect x=\"%d\" y=\"%lld\" width=\"%lld\" height=\"14\" fill=\"%s\"/>\n", PLOT_X,
				(long long)y, (long long)len, colours[k]);
		samv_buf_printf(b, "<text x=\"%lld\" y=\"%lld\">", (long long)(PLOT_X + len + 4), (long long)(y + 11));
		if (is_money)
			samv_money_write(b, vals[k], sv);
		else
			samv_buf_printf(b, "%lld", (long long)vals[k]);
		samv_buf_puts(b, "</text>\n");
	}
}
