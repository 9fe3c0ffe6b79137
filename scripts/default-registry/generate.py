#!/usr/bin/env python3
"""Generates copydesk's default registry from public-domain and CC0 sources.

Usage (Python 3.11+, PyYAML: `python3 -m pip install pyyaml`):

    git clone https://github.com/factbook/factbook.json /work/data/factbook.json
    git clone https://github.com/unitedstates/congress-legislators /work/data/congress-legislators
    python3 scripts/default-registry/generate.py \
        --factbook /work/data/factbook.json \
        --congress /work/data/congress-legislators \
        -o crates/core/data/default-registry.json

What it writes (registry JSON, one entity a line, sorted by id, so a run on the same checkouts
gives the same bytes):

- countries and territories from the CIA World Factbook (public domain): conventional short
  name, long name, local names, abbreviations and former names as aliases, the nationality noun
  and adjective as forms that refer to the country, the capital in the description;
- chiefs of state and heads of government with dated roles, from one Factbook commit a month
  since 2015 and the newest: a role ends the day its successor's term began (their "since"
  date), else the first sampled day it was no longer listed;
- the US Congress (current members and their leadership roles), presidents and vice presidents
  from unitedstates/congress-legislators (CC0);
- international organisations: names and abbreviations written here (facts, not copied text),
  in organisations.py;
- world regions the Factbook names ("Southeast Asia", "Sub-Saharan Africa", "the Americas"), in
  regions.py.

Only what the checkouts hold is used; no network.
"""

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import congress  # noqa: E402
import factbook  # noqa: E402
import organisations  # noqa: E402
import regions  # noqa: E402


def git(repo, *args):
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


def source(repo, name, url, licence):
    commit, date = git(repo, "log", "-1", "--format=%H %cs").split()
    return {"name": name, "url": url, "licence": licence, "commit": commit}, date


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--factbook", required=True, type=Path)
    p.add_argument("--congress", required=True, type=Path)
    p.add_argument("-o", "--output", type=Path)
    a = p.parse_args()

    fb_source, fb_date = source(
        a.factbook,
        "CIA World Factbook (factbook/factbook.json)",
        "https://github.com/factbook/factbook.json",
        "public domain",
    )
    us_source, us_date = source(
        a.congress,
        "unitedstates/congress-legislators",
        "https://github.com/unitedstates/congress-legislators",
        "CC0-1.0",
    )
    as_of = max(fb_date, us_date)

    entities = {}
    factbook.add(a.factbook, entities, fb_date)
    congress.add(a.congress, entities, us_date)
    organisations.add(entities)
    regions.add(a.factbook, entities)
    factbook.share_forms(entities)

    lines = [
        "{",
        '  "version": 1,',
        f'  "as_of": "{as_of}",',
        '  "sources": [',
        "    " + dump(fb_source) + ",",
        "    " + dump(us_source) + ",",
        "    "
        + dump(
            {
                "name": "international organisations: names and abbreviations written for copydesk",
                "licence": "CC0-1.0",
            }
        ),
        "  ],",
        '  "entities": [',
    ]
    ids = sorted(entities)
    for i, key in enumerate(ids):
        comma = "," if i + 1 < len(ids) else ""
        lines.append("    " + dump(clean(entities[key])) + comma)
    lines += ["  ]", "}", ""]
    text = "\n".join(lines)
    if a.output:
        a.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


ORDER = ["id", "kind", "name", "family_name", "aliases", "variants", "roles", "description", "links"]


def clean(e):
    """Drops empty fields and forms equal to the name; keeps a fixed field order."""
    name = e["name"]
    aliases = unique(x for x in e.get("aliases", []) if x != name)
    variants = unique(x for x in e.get("variants", []) if x != name and x not in aliases)
    out = {"id": e["id"], "kind": e["kind"], "name": name}
    if e.get("family_name") and e["family_name"] != name.split(" ")[-1]:
        out["family_name"] = e["family_name"]
    if aliases:
        out["aliases"] = aliases
    if variants:
        out["variants"] = variants
    if e.get("roles"):
        out["roles"] = e["roles"]
    if e.get("description"):
        out["description"] = e["description"]
    return {k: out[k] for k in ORDER if k in out}


def unique(xs):
    seen, out = set(), []
    for x in xs:
        x = re.sub(r"\s+", " ", x).strip()
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def dump(x):
    return json.dumps(x, ensure_ascii=False, separators=(", ", ": "))


if __name__ == "__main__":
    main()
