#!/usr/bin/python3
"""The CSV files opened by a real spreadsheet: LibreOffice Calc, headless.

    spreadsheet.py SOFFICE WORK-DIR CSV...

LibreOffice converts each CSV to .xlsx with the import options a Swedish user picks in its
dialog: separator ';', text delimiter '"', character set UTF-8, from line 1, and language
Swedish (Sweden), which is what makes "1234,56" a number (decimal comma) and keeps
"2019-05-16" a date; "detect special numbers" on, so that dates are recognised at all;
"quoted field as text" off and formulas evaluated, LibreOffice's defaults, so that nothing
but the file itself keeps a formula out. As a filter options string (tokens 1 to 8 and 13):

    59,34,76,1,,1053,false,true,false,false,false,-1,true

(76 is UTF-8; 1053 the LCID of sv-SE: LibreOffice takes the language as a number here, and
silently falls back to en-US for a tag such as "sv-SE".) The cells are read back with
python3-openpyxl, the raw cells with their types. For every CSV field, by its text:

  numbers     "30", "6,0", "9695,46", "-12,50" arrive as numbers of that value
  amounts     every field under a heading that names kronor ("(kr)", "(SEK)") or an amount
              is a number (so an amount written "9 695,46" or "9695.46" fails)
  dates       "2019-05-16" arrives as a date (a datetime at midnight) on that day
  text        everything else arrives as text, unchanged: Å, Ä, Ö and the rest intact; a
              leading apostrophe (the CSV's guard against formulas) may be kept or dropped
  formulas    no cell of the sheet is a formula: a student named =HYPERLINK("http://x","y")
              arrives as text

Prints FAIL lines and "spreadsheet: N passed, M failed"; exit 1 on a failure.
"""
import csv
import datetime
import io
import os
import re
import subprocess
import sys

import openpyxl

from tally import Tally

FILTER = "CSV:59,34,76,1,,1053,false,true,false,false,false,-1,true"
NUMBER = re.compile(r"^-?\d+(,\d+)?$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
AMOUNT_HEADING = re.compile(r"\((kr|SEK)\)|belopp|amount", re.IGNORECASE)

tally = Tally("spreadsheet")
result = tally.result


def main(argv):
    soffice, work, csvs = argv[0], argv[1], argv[2:]
    out = os.path.join(work, "xlsx")
    os.makedirs(out, exist_ok=True)
    # Files of one name (2024-HT.csv from two ledgers) would overwrite each other: copy
    # each under a name of its own first.
    named = []
    for n, path in enumerate(csvs, 1):
        base = f"{n:02d}-{os.path.basename(path)}"
        with open(path, "rb") as src, open(os.path.join(work, base), "wb") as dst:
            dst.write(src.read())
        named.append((path, os.path.join(work, base), os.path.join(out, base[:-4] + ".xlsx")))
    profile = "file://" + os.path.abspath(os.path.join(work, "profile"))
    cmd = [soffice, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={profile}",
           f"--infilter={FILTER}", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out]
    run = subprocess.run(cmd + [c for _, c, _ in named], capture_output=True, text=True, timeout=600)

    swedish_anywhere = False
    for path, copy, xlsx in named:
        if not os.path.exists(xlsx):
            result(False, f"{path}: LibreOffice made no .xlsx (exit {run.returncode})",
                   (run.stderr or run.stdout).splitlines())
            continue
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"'))
        ws = openpyxl.load_workbook(xlsx).active
        cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}

        kinds = {"number": [], "amount": [], "date": [], "text": [], "formula": []}
        counts = {k: 0 for k in kinds}
        swedish = False
        heading = []
        for r, fields in enumerate(rows, 1):
            if not fields or all(f == "" for f in fields):
                heading = []
                continue
            first = not heading
            if first:
                heading = fields
            for col, field in enumerate(fields, 1):
                cell = cells.get((r, col))
                value = cell.value if cell is not None else None
                where = f"row {r}, column {col} ({heading[col - 1] if col <= len(heading) else '?'})"
                if cell is not None and cell.data_type == "f":
                    kinds["formula"].append(f"{where}: {field!r} arrived as the formula {value!r}")
                    continue
                if field == "":
                    if value not in (None, ""):
                        kinds["text"].append(f"{where}: empty field arrived as {value!r}")
                    continue
                if any(ch in field for ch in "åäöÅÄÖ"):
                    swedish = True
                if not first and col <= len(heading) and AMOUNT_HEADING.search(heading[col - 1]):
                    counts["amount"] += 1
                    if not NUMBER.match(field) or isinstance(value, bool) or not isinstance(value, (int, float)):
                        kinds["amount"].append(f"{where}: amount {field!r} arrived as {type(value).__name__} {value!r}")
                        continue
                if NUMBER.match(field):
                    counts["number"] += 1
                    want = float(field.replace(",", "."))
                    if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value - want) > 1e-9:
                        kinds["number"].append(f"{where}: {field!r} arrived as {type(value).__name__} {value!r}")
                elif DATE.match(field):
                    counts["date"] += 1
                    want = datetime.date.fromisoformat(field)
                    ok = isinstance(value, datetime.datetime) and value.date() == want and value.time() == datetime.time(0)
                    ok = ok or (type(value) is datetime.date and value == want)
                    if not ok:
                        kinds["date"].append(f"{where}: {field!r} arrived as {type(value).__name__} {value!r}")
                else:
                    counts["text"] += 1
                    if not isinstance(value, str) or value not in (field, field[1:] if field.startswith("'") else field):
                        kinds["text"].append(f"{where}: {field!r} arrived as {type(value).__name__} {value!r}")
        extra = [f"{k}: {c.value!r}" for k, c in cells.items() if k[0] > len(rows) and c.value is not None]
        kinds["text"].extend(f"a cell beyond the CSV: {e}" for e in extra)

        name = os.path.relpath(path)
        result(not kinds["number"], f"{name}: {counts['number']} numbers with a decimal comma arrive as numbers", kinds["number"])
        result(not kinds["amount"], f"{name}: {counts['amount']} amounts arrive as numbers", kinds["amount"])
        result(not kinds["date"], f"{name}: {counts['date']} dates arrive as dates", kinds["date"])
        swedish_anywhere = swedish_anywhere or swedish
        result(not kinds["text"], f"{name}: {counts['text']} text fields arrive unchanged, å ä ö intact", kinds["text"])
        result(not kinds["formula"], f"{name}: no cell is a formula", kinds["formula"])
        if "HYPERLINK" in text:
            hits = [c for c in cells.values() if isinstance(c.value, str) and "HYPERLINK" in c.value]
            result(bool(hits) and all(c.data_type == "s" for c in hits),
                   f"{name}: the student named =HYPERLINK(...) arrives as text",
                   [f"{c.coordinate}: {c.data_type} {c.value!r}" for c in hits] or ["not in the sheet at all"])

    result(swedish_anywhere, "å, ä or ö in some text field (else the test of them is empty)")
    return tally.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
