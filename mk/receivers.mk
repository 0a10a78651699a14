# The reports opened by the programs that receive them (tests/receivers/run.sh).
#
#   make receivers     every HTML report in Debian's headless Chromium (console, requests,
#                      links, print to PDF: one A4 page per invoice, no split table rows;
#                      lang, th scope, charts with a title and a table, contrast), the
#                      deadlines calendar in python3-icalendar and libical, every CSV through
#                      LibreOffice Calc to .xlsx and back with openpyxl
#   make screenshots   docs/summary.png and docs/invoice.png from the example ledger, in
#                      Chromium (pngquant and optipng shrink them where installed)
#
# Each part skips with one line naming the Debian packages to install (chromium,
# poppler-utils, nodejs, npm; python3-icalendar; libical-dev; libreoffice-calc-nogui,
# python3-openpyxl); SAMV_TEST_NO_SKIP=1 makes a skip a failure (CI).

.PHONY: receivers screenshots

receivers: all
	$(Q)sh tests/receivers/run.sh $(BUILD)

screenshots: all
	$(Q)sh tests/receivers/run.sh $(BUILD) --screenshots docs
