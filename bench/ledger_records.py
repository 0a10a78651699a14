"""ledger_records.py — a ledger's record files, found and read the way samv finds and reads
them, for the benchmark's Python scripts (peer_jsonschema.py, tojson.py)."""

import os

import yaml


class Loader(yaml.CSafeLoader):
    pass


# PyYAML's C loader without the timestamp resolver: dates stay strings, as in YAML 1.2 and
# in samv (the generator writes nothing else on which YAML 1.1 and 1.2 differ).
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def records(root):
    """The paths of the record files under root (*.yaml, *.yml; no dot names), sorted."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.endswith((".yaml", ".yml")):
                yield os.path.join(folder, name)
