#!/usr/bin/env python3
"""tojson.py — the benchmark's records as JSON, for ajv-cli.

    python3 bench/tojson.py LEDGER OUTDIR

Writes OUTDIR/<kind>/<path>.json for every record file of LEDGER (the '/' of its path
turned into '__'), so that ajv-cli can validate each kind's records against that kind's
schema with one glob. ajv-cli reads YAML itself, but through js-yaml's YAML 1.1 schema,
which turns 2025-03-15 into a Date, and a Date is not a string: every record would fail.
So the records are read here the way samv reads them (PyYAML's C loader without the
timestamp resolver: the generator writes nothing else on which YAML 1.1 and 1.2 differ)
and written as JSON. The conversion is not timed; only ajv-cli's run over the JSON is.
"""

import json
import os
import sys

import yaml

from ledger_records import Loader, records


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: tojson.py LEDGER OUTDIR\n")
        return 2
    root, out = argv[1], argv[2]
    counts = {}
    for full in records(root):
        rel = os.path.relpath(full, root)
        with open(full, "rb") as f:
            doc = yaml.load(f, Loader=Loader)
        kind = doc.get("kind", "unknown") if isinstance(doc, dict) else "unknown"
        folder = os.path.join(out, kind)
        if kind not in counts:
            os.makedirs(folder, exist_ok=True)
            counts[kind] = 0
        counts[kind] += 1
        stem = rel.replace(os.sep, "__")
        with open(os.path.join(folder, stem[: stem.rindex(".")] + ".json"), "w") as f:
            json.dump(doc, f, ensure_ascii=False)
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
