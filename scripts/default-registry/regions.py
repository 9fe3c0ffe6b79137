"""World regions ("Southeast Asia", "Latin America", "the Americas") from the CIA World Factbook
(public domain), as `place` entities, so news copy's region names are names, not misspellings.

A region is what the Factbook itself names one: each country's "Map references" and the region
its "Location" opens with ("Western Africa, bordering ..."), and any phrase of the form
compass-or-qualifier words + a continent ("West Africa", "Sub-Saharan Africa", "Latin America")
written in at least three of its files (in any of its spellings). Spellings of one region ("Western Africa", "West Africa")
are one entity, named as the Factbook writes it most often. A form that already names another
entity ("South Africa", "Antarctica") is left to it.
"""

import html
import json
import re
import subprocess
from collections import Counter, defaultdict

from names import slug

CONTINENTS = ("Africa", "America", "Americas", "Asia", "Europe", "Oceania")
QUALIFIERS = (
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
    "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern",
    "Southeastern", "Southwestern", "East-Central", "West-Central", "Latin", "Middle",
    "Sub-Saharan", "sub-Saharan",
)
PHRASE = re.compile(
    r"\b(?:(?:the )?(?:(?:%s) )+(?:%s)|the Americas)\b(?![-\w])"
    % ("|".join(QUALIFIERS), "|".join(CONTINENTS))
)
# One region, two spellings: "Western Africa" is "West Africa".
SHORTER = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West",
           "Northeastern": "Northeast", "Northwestern": "Northwest",
           "Southeastern": "Southeast", "Southwestern": "Southwest", "sub-Saharan": "Sub-Saharan"}
MIN_FILES = 3


def strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)
    elif isinstance(node, str):
        yield re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.unescape(node)))


def key(form):
    """The spelling-free key of a region name: "Western Africa" and "West Africa" share one."""
    words = form.removeprefix("the ").split()
    return " ".join(SHORTER.get(w, w) for w in words)


def named(repo, files):
    """Region names the Factbook gives in map references and at the head of locations."""
    out = set()
    for path in files:
        d = json.loads(subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"],
                                      check=True, capture_output=True).stdout)
        geo = d.get("Geography", {})
        for field in ("Map references", "Location"):
            node = geo.get(field)
            if not isinstance(node, dict):
                continue
            for line in re.split(r"<br\s*/?>", node.get("text", "")):
                # "<strong>metropolitan France:</strong> Europe": the region after the label.
                line = re.sub(r"<strong>[^<]*</strong>", "", line)
                line = next(strings(line)).strip()
                head = line.split(",")[0].split(";")[0].strip()
                if field == "Map references" or PHRASE.fullmatch(head):
                    if re.fullmatch(r"[A-Z][A-Za-z-]*(?: (?:and the |the )?[A-Z][A-Za-z-]*)*", head):
                        out.add(head)
    return out


def add(repo, entities):
    files = [p for p in subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only",
                                        "HEAD"], check=True, capture_output=True,
                                       text=True).stdout.split()
             if re.fullmatch(r"[a-z-]+/[a-z]{2}\.json", p)]
    in_files = Counter()  # form -> files that write it
    written = {}  # file -> forms it writes
    for path in files:
        d = json.loads(subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"],
                                      check=True, capture_output=True).stdout)
        seen = set()
        for s in strings(d):
            seen.update(m.group(0).removeprefix("the ") for m in PHRASE.finditer(s))
        in_files.update(seen)
        written[path] = seen
    by_key = defaultdict(set)  # key -> files that write any of its spellings
    for path, seen in written.items():
        for f in seen:
            by_key[key(f)].add(path)
    forms = {f for f in in_files if len(by_key[key(f)]) >= MIN_FILES} | named(repo, files)
    forms = {f for f in forms if f != "World" and "Map" not in f
             and re.fullmatch(r"(?:[A-Z][a-z]+|sub)(?:-[A-Z][a-z]+)*(?: (?:and the )?[A-Z][a-z]+(?:-[A-Z][a-z]+)*)*", f)}
    taken = {f for e in entities.values() for f in [e["name"], *e.get("aliases", [])]}
    groups = defaultdict(list)
    for f in sorted(forms - taken):
        groups[key(f)].append(f)
    for k, spellings in sorted(groups.items()):
        spellings.sort(key=lambda f: (-in_files[f], len(f), f))
        name = spellings[0]
        rid = "region-" + slug(name)
        entities[rid] = {
            "id": rid, "kind": "place", "name": name, "aliases": spellings[1:],
            "description": "World region.",
        }
