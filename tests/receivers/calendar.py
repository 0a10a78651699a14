#!/usr/bin/python3
"""The deadlines calendar read by real iCalendar libraries.

    calendar.py [--icalcheck PROGRAM] [--identical A B]... [--same-uids A B]... FILE=DTSTAMP...

Each FILE (a deadlines .ics from samv-report) is checked; DTSTAMP is the UTC date-time
(YYYYMMDDTHHMMSSZ) every event must carry, or "-" to check only its form:

  icalendar   Debian's python3-icalendar parses it (Calendar.from_ical) with no error,
              and no component holds a parse error in its .errors
  crlf        every line ends in CRLF, and no CR or LF stands alone
  fold        no line is longer than 75 octets (CRLF not counted), and no line is cut
              inside a UTF-8 sequence (each line decodes on its own)
  calendar    VERSION 2.0, PRODID; at least one VEVENT
  events      every VEVENT has a UID, unique in the file, a DTSTAMP in UTC equal to the
              expected one, DTSTART;VALUE=DATE and DTEND;VALUE=DATE that are dates (no
              time) with DTEND the day after DTSTART, and a SUMMARY
  text        SUMMARY and DESCRIPTION read back as text without escapes left over
              ("\\;", "\\,") or mojibake ("Ã¥"), and Å, Ä or Ö arrive as such somewhere
  libical     (with --icalcheck) libical's parser adds no X-LIC-ERROR, and the events meet
              RFC 5546's restrictions for the calendar's METHOD

--identical A B: the two files are the same bytes (two runs on one commit).
--same-uids A B: the two files hold the same UIDs with the same dates (one ledger in and
outside git).

Prints FAIL lines and "calendar: N passed, M failed"; exit 1 on a failure.
"""
import datetime
import subprocess
import sys

import icalendar

from tally import Tally

tally = Tally("calendar")
result = tally.result


def events_of(data):
    cal = icalendar.Calendar.from_ical(data)
    return cal, [c for c in cal.walk() if c.name == "VEVENT"]


def check(path, dtstamp):
    with open(path, "rb") as f:
        data = f.read()
    name = path

    # crlf
    bad = []
    body = data
    if not body.endswith(b"\r\n"):
        bad.append("the file does not end in CRLF")
    lines = body.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            bad.append(f"line {n}: a lone CR or LF: {line[:60]!r}")
    result(not bad, f"{name}: CRLF line ends", bad)

    # fold
    bad = []
    for n, line in enumerate(lines, 1):
        if len(line) > 75:
            bad.append(f"line {n} has {len(line)} octets: {line[:60]!r}")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            bad.append(f"line {n} is cut inside a UTF-8 sequence ({e.reason}): {line[-20:]!r}")
    result(not bad, f"{name}: lines folded at 75 octets, never inside a character", bad)

    # icalendar
    try:
        cal, events = events_of(data)
    except Exception as e:  # the library's own words
        result(False, f"{name}: python3-icalendar cannot parse it", [f"{type(e).__name__}: {e}"])
        return None
    errors = []
    for c in cal.walk():
        for prop, msg in getattr(c, "errors", []):
            errors.append(f"{c.name}: {prop}: {msg}")
    result(not errors, f"{name}: python3-icalendar {icalendar.__version__} parses it without errors", errors)

    # calendar
    bad = []
    if str(cal.get("VERSION", "")) != "2.0":
        bad.append(f"VERSION is {cal.get('VERSION')!r}")
    if not cal.get("PRODID"):
        bad.append("no PRODID")
    if not events:
        bad.append("no VEVENT")
    result(not bad, f"{name}: VCALENDAR with VERSION 2.0, PRODID and events", bad)

    # events
    bad = []
    uids = {}
    for ev in events:
        uid = str(ev.get("UID", ""))
        label = uid or str(ev.get("SUMMARY", "?"))[:40]
        if not uid:
            bad.append(f"{label}: no UID")
        elif uid in uids:
            bad.append(f"{uid}: UID twice in the file")
        stamp = ev.get("DTSTAMP")
        if stamp is None:
            bad.append(f"{label}: no DTSTAMP")
        else:
            v = stamp.dt
            if not isinstance(v, datetime.datetime) or v.tzinfo is None or v.utcoffset() != datetime.timedelta(0):
                bad.append(f"{label}: DTSTAMP {stamp.to_ical().decode()} is not a UTC date-time")
            elif dtstamp not in ("-", "") and stamp.to_ical().decode() != dtstamp:
                bad.append(f"{label}: DTSTAMP is {stamp.to_ical().decode()}, expected {dtstamp}")
        dates = {}
        for key in ("DTSTART", "DTEND"):
            p = ev.get(key)
            if p is None:
                bad.append(f"{label}: no {key}")
                continue
            if p.params.get("VALUE") != "DATE":
                bad.append(f"{label}: {key} has no VALUE=DATE")
            if type(p.dt) is not datetime.date:
                bad.append(f"{label}: {key} {p.to_ical().decode()} is not a date")
            dates[key] = p.dt
        if len(dates) == 2 and type(dates["DTSTART"]) is datetime.date and type(dates["DTEND"]) is datetime.date:
            if dates["DTEND"] - dates["DTSTART"] != datetime.timedelta(days=1):
                bad.append(f"{label}: DTEND {dates['DTEND']} is not the day after DTSTART {dates['DTSTART']}")
        if not ev.get("SUMMARY"):
            bad.append(f"{label}: no SUMMARY")
        if uid:
            uids[uid] = dates.get("DTSTART")
    result(not bad, f"{name}: {len(events)} events with unique UIDs, DTSTAMP {dtstamp}, all-day VALUE=DATE", bad)

    # text
    bad = []
    swedish = False
    for ev in events:
        for key in ("SUMMARY", "DESCRIPTION"):
            text = str(ev.get(key, ""))
            if any(ch in text for ch in "åäöÅÄÖ"):
                swedish = True
            if "\\;" in text or "\\," in text or "\\n" in text.replace("\\\\", ""):
                bad.append(f"{ev.get('UID')}: {key} keeps an escape: {text[:60]!r}")
            if "Ã" in text or "\ufffd" in text:
                bad.append(f"{ev.get('UID')}: {key} is mojibake: {text[:60]!r}")
    if not swedish and b"SV" in (cal.get("PRODID") or "").encode():
        bad.append("no å, ä or ö in any SUMMARY or DESCRIPTION of a Swedish calendar")
    result(not bad, f"{name}: SUMMARY and DESCRIPTION read back as text, å ä ö intact", bad)
    return uids


def main(argv):
    icalcheck = None
    identical = []
    same = []
    files = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--icalcheck":
            icalcheck = argv[i + 1]
            i += 2
        elif a == "--identical":
            identical.append((argv[i + 1], argv[i + 2]))
            i += 3
        elif a == "--same-uids":
            same.append((argv[i + 1], argv[i + 2]))
            i += 3
        else:
            path, _, stamp = a.rpartition("=")
            files.append((path, stamp))
            i += 1

    uids = {}
    for path, stamp in files:
        uids[path] = check(path, stamp)

    for a, b in identical:
        with open(a, "rb") as fa, open(b, "rb") as fb:
            result(fa.read() == fb.read(), f"{a} and {b}: two runs write the same bytes")
    for a, b in same:
        ua, ub = uids.get(a), uids.get(b)
        if ua is None or ub is None:
            result(False, f"{a} and {b}: cannot compare UIDs (a file did not parse)")
            continue
        diff = sorted(set(ua.items()) ^ set(ub.items()), key=str)
        result(not diff, f"{a} and {b}: the same UIDs on the same dates ({len(ua)} and {len(ub)})",
               [f"only in one: {u} {d}" for u, d in diff])

    if icalcheck:
        out = subprocess.run([icalcheck] + [p for p, _ in files], capture_output=True, text=True)
        seen = {}
        for line in out.stdout.splitlines():
            parts = line.split("\t")
            if len(parts) < 4:
                continue
            status, path, what, msg = parts[:4]
            seen.setdefault((path, what), []).append((status, msg))
        for path, _ in files:
            for what, label in (("parse", "libical parses it without errors"),
                                ("itip", "libical: the events meet RFC 5546 for the calendar's METHOD")):
                got = seen.get((path, what), [("error", "no answer from icalcheck: " + out.stderr.strip()[:200])])
                errs = [m for s, m in got if s != "ok"]
                result(not errs, f"{path}: {label}", errs)

    return tally.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
