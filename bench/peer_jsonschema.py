#!/usr/bin/env python3
"""peer_jsonschema.py — the Python peer of samv's benchmark: schema validation only.

    python3 bench/peer_jsonschema.py SCHEMA_DIR LEDGER

Reads every record file of LEDGER (as samv lists them: *.yaml / *.yml, no dot names)
with PyYAML's C loader without the timestamp resolver (dates stay strings, as in YAML 1.2
and samv), and validates each record against schema/<kind>.schema.json with
jsonschema's Draft202012Validator, formats asserted (date, email), as samv does. Prints
one line: files, invalid records, and the seconds spent loading, validating and in all
(CPU time of this process, so the figures do not depend on other work on the machine;
the benchmark also takes the wall clock of the whole run). Run it with Debian's
python3-jsonschema.
"""

import glob
import json
import os
import sys
import time

import yaml
from jsonschema import Draft202012Validator

from ledger_records import Loader, records


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: peer_jsonschema.py SCHEMA_DIR LEDGER\n")
        return 2
    t0 = time.process_time()
    checker = Draft202012Validator.FORMAT_CHECKER
    validators = {}
    for path in glob.glob(os.path.join(argv[1], "*.schema.json")):
        kind = os.path.basename(path).split(".")[0]
        with open(path) as f:
            validators[kind] = Draft202012Validator(json.load(f), format_checker=checker)
    load = validate = 0.0
    files = invalid = 0
    for path in records(argv[2]):
        a = time.process_time()
        with open(path, "rb") as f:
            doc = yaml.load(f, Loader=Loader)
        b = time.process_time()
        kind = doc.get("kind") if isinstance(doc, dict) else None
        v = validators.get(kind)
        if v is None or next(v.iter_errors(doc), None) is not None:
            invalid += 1
        validate += time.process_time() - b
        load += b - a
        files += 1
    total = time.process_time() - t0
    print(f"files {files} invalid {invalid} load {load:.3f} validate {validate:.3f} total {total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
