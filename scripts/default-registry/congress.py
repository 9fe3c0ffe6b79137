"""The US Congress, presidents and vice presidents from unitedstates/congress-legislators (CC0).

Terms that run past the data's date are written without an end: the registry's `as_of` says how
far they are known, and a senator may resign before the term's end.
"""

import yaml

from names import slug

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "the District of Columbia",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "the US Virgin Islands", "AS": "American Samoa",
    "MP": "the Northern Mariana Islands",
}
TERM_TITLES = {
    "sen": ("senator", ["sen."]),
    "rep": ("representative", ["rep.", "congressman", "congresswoman", "congressmember"]),
    "prez": ("president", []),
    "viceprez": ("vice president", []),
}


def load(path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


def forms(name):
    """The name and its other correct forms: official name, given + family, nickname + family."""
    first, last = name.get("first", ""), name.get("last", "")
    suffix = name.get("suffix")
    official = name.get("official_full") or f"{first} {last}"
    aliases = [f"{first} {last}"]
    if name.get("middle"):
        middle = name["middle"]
        aliases.append(f"{first} {middle} {last}")
        if not middle.endswith("."):
            aliases.append(f"{first} {middle[0]}. {last}")
    if name.get("nickname"):
        aliases.append(f"{name['nickname']} {last}")
    if suffix:
        aliases += [f"{a} {suffix}" for a in aliases]
    return official, last, aliases


def merged_terms(terms, as_of, of=None):
    """Consecutive terms of the same office and state as one role."""
    roles = []
    for t in terms:
        title, aliases = TERM_TITLES.get(t["type"], (None, None))
        if not title:
            continue
        where = of or STATES.get(t.get("state", ""), t.get("state"))
        role = {"title": title, "of": where, "start": str(t["start"])}
        if aliases:
            role["aliases"] = aliases
        end = str(t["end"])
        prev = roles[-1] if roles else None
        if prev and prev["title"] == title and prev["of"] == where and prev.get("end", "9999") >= str(t["start"])[:4] and _adjacent(prev["end"], role["start"]):
            prev["end"] = end
            continue
        role["end"] = end
        roles.append(role)
    for r in roles:
        if r["end"] > as_of:
            del r["end"]
    return roles


def _adjacent(end, start):
    """Terms that meet (a new Congress begins within days of the last one's end)."""
    from datetime import date
    e, s = date.fromisoformat(end), date.fromisoformat(start)
    return 0 <= (s - e).days <= 7 or s <= e


def add(repo, entities, as_of):
    people = {}
    for p in load(repo / "executive.yaml"):
        terms = [t for t in p["terms"] if str(t["end"]) >= "1945-01-01"]
        if not terms:
            continue
        add_person(p, merged_terms(terms, as_of, of="united-states"), entities, people)
    for p in load(repo / "legislators-current.yaml"):
        terms = [t for t in p["terms"] if t["type"] in ("sen", "rep")]
        roles = merged_terms(terms, as_of)
        for lr in p.get("leadership_roles", []):
            role = {"title": lr["title"].lower(), "start": str(lr["start"])}
            if lr.get("end") and str(lr["end"]) <= as_of:
                role["end"] = str(lr["end"])
            roles.append(role)
        add_person(p, roles, entities, people)


def add_person(p, roles, entities, people):
    bioguide = p["id"].get("bioguide") or p["id"].get("govtrack")
    official, last, aliases = forms(p["name"])
    if bioguide in people:
        e = people[bioguide]
        e["roles"] = e["roles"] + roles
        e["roles"].sort(key=lambda r: (r.get("start") or "", r["title"]))
        return
    pid = slug(official)
    if pid in entities:
        pid = f"{pid}-us"
    e = {"id": pid, "kind": "person", "name": official, "family_name": last,
         "aliases": aliases, "roles": roles}
    people[bioguide] = e
    entities[pid] = e
