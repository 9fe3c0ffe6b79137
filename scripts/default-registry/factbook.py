"""Countries, territories and their leaders from the CIA World Factbook (factbook/factbook.json).

Leaders' roles are dated by walking the repository's history: one commit a month since 2015 and
the newest. Factbook names write the family name in capitals ("Keir STARMER", "XI Jinping"); the
registry gets the usual case, and the capitalised words become `family_name`.
"""

import datetime as dt
import html
import json
import re
import subprocess
import unicodedata
from collections import defaultdict

from names import slug, title_case_name

REGIONS = (
    "africa", "antarctica", "australia-oceania", "central-america-n-caribbean", "central-asia",
    "east-n-southeast-asia", "europe", "middle-east", "north-america", "south-america",
    "south-asia",
)

# Words that make up the office in "Prime Minister Keir STARMER"; a name starts at the first
# word not in this list (or lower case, as in "President of the Government").
TITLE_WORDS = set("""
President Vice Prime Minister Premier Chancellor King Queen Emperor Emir Amir Sultan Pope
Governor General Governor-General Lieutenant-Governor Lieutenant Administrator Prefect
High Commissioner Chief Executive Chairman Chairwoman Chair Chairperson Supreme Leader State
Federal Council Councillor Counselor Transition Transitional Interim Acting Caretaker Captain
Regent Regents Grand Duke Duchess Prince Princess Co-Prince Co-Princes Sovereign Commander-in-Chief
Commander First Deputy Presidential Head Government Mayor Secretary Premier Taoiseach Crown
Gen. Col. Capt. Lt. Maj. Brig. Dr. Field Marshal Major Colonel Armed Forces Sudanese Presidium
Presidency Director Military National Revolutionary Tribal Paramount Vice-President Cabinet
Ministers Minister-President Co-Chief Chiefs Lord Lady Sir Dame Senior Executive Representative
Premiers Presidents Vice-Premier Vice-Premiers Vice-Presidents Kings Governors Co-chiefs Leaders
Chairmen Secretaries Regents Captains Ruler Monarch Heir Apparent Sheikh Archbishop Co-prince
Air Vice-Marshal Commission Affairs Yuan Assembly Committee Central People's Union
""".split())
LOWER_TITLE_WORDS = {"of", "the", "and", "for", "de", "to"}
MILITARY = {"Gen.", "Col.", "Capt.", "Lt.", "Maj.", "Brig.", "Dr.", "General", "Colonel",
            "Captain", "Major", "Field", "Marshal", "Sir", "Dame", "Lord", "Lady"}
SLOTS = ("chief of state", "head of government")
MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
# "XI" is left out: it is a family name ("XI Jinping") far more often than a regnal number.
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X|XII|XIII|XIV|XV|XVI)$")


def git(repo, *args, text=True):
    return subprocess.run(["git", "-C", str(repo), *args], check=True,
                          capture_output=True, text=text).stdout


def sampled_commits(repo):
    """The last commit of each month since 2015, oldest first, and the newest."""
    log = git(repo, "log", "--first-parent", "--format=%H %cs", "HEAD").split("\n")
    by_month = {}
    for line in log:
        if not line:
            continue
        commit, date = line.split()
        if date < "2015-01-01":
            continue
        by_month.setdefault(date[:7], (commit, date))  # log is newest first
    commits = sorted(by_month.values(), key=lambda c: c[1])
    return commits


class Blobs:
    """Reads blobs through one `git cat-file --batch` process."""

    def __init__(self, repo):
        self.proc = subprocess.Popen(["git", "-C", str(repo), "cat-file", "--batch"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def json(self, sha):
        self.proc.stdin.write(sha.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        size = int(header[2])
        data = self.proc.stdout.read(size + 1)[:-1]
        try:
            return json.loads(data)
        except ValueError:
            return {}


def country_files(repo, commit):
    out = {}
    for line in git(repo, "ls-tree", "-r", commit).split("\n"):
        m = re.match(r"\d+ blob ([0-9a-f]+)\t(([a-z-]+)/([a-z]{2})\.json)$", line)
        if m and m.group(3) in REGIONS:
            out[m.group(4)] = m.group(1)
    return out


def text(node):
    if isinstance(node, dict):
        node = node.get("text", "")
    if not isinstance(node, str):
        return ""
    node = re.sub(r"<[^>]+>", " ", html.unescape(node))
    return re.sub(r"\s+", " ", node).strip()


def get(d, *path):
    for p in path:
        if not isinstance(d, dict):
            return None
        d = d.get(p)
    return d


def parse_date(s):
    m = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", s.strip())
    if m and m.group(2) in MONTHS:
        return f"{int(m.group(3)):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
    return None


def leaders(value):
    """[(title, written name, since)] from an Executive branch text. Those who represent the
    chief of state ("represented by Governor General ...") are titled with a leading "~", so
    they are not read as the chief's successors."""
    out = []
    t = text(value)
    t = re.split(r"\bnote\b", t)[0]
    for part in re.split(r";|(?=\brepresented by )", t):
        part = part.strip().strip(",").strip()
        represents = part.startswith("represented by ")
        part = part.removeprefix("represented by ").strip()
        since = None
        m = re.search(r"\((?:since )?(\d{1,2} [A-Z][a-z]+ \d{4})[),;]", part)
        if m:
            since = parse_date(m.group(1))
        head = re.split(r"\((?=[^)]*\d)", part)[0]
        # A nickname in quotation marks ('Joko "Jokowi" WIDODO') is read as one in brackets.
        head = re.sub(r'["“]([A-Z][a-z]+)["”]', r"(\1)", head)
        head = re.sub(r"\((?:[A-Z]{2,}[A-Za-z]*)\)", "", head)  # "(CNSP)", party codes
        # A one-word nickname between name words ("Samantha (Sam) MOSTYN") is kept; a party
        # after the name ("(Conservative)") is not.
        head = re.sub(r"\([^)]*\)(?=\s*$)", "", head.strip())
        head = re.sub(r"\([^)]*\)", lambda m: m.group(0) if re.fullmatch(r"\([A-Z][a-z]+\)", m.group(0)) else "", head)
        words = head.replace(",", " , ").split()
        caps = [i for i, w in enumerate(words) if is_caps(w)]
        if not caps:
            continue
        first_caps = caps[0]
        start = first_caps
        while start > 0 and is_name_word(words[start - 1]):
            start -= 1
        stop = first_caps + 1
        while stop < len(words) and is_name_word(words[stop]):
            stop += 1
        if start > 0 and words[start - 1] in LOWER_TITLE_WORDS:
            # "President of French Polynesia Edouard FRITCH": the place belongs to the title.
            start = max(start, first_caps - 1)
        title_words = [w for w in words[:start] if w not in MILITARY]
        name_words = words[start:stop]
        if [w.upper() for w in name_words] == ["VACANT"]:
            continue
        while name_words and name_words[-1] in PARTICLES:
            name_words.pop()
        if not title_words or not name_words or len(name_words) > 6:
            continue
        while title_words and (title_words[-1] in LOWER_TITLE_WORDS or title_words[-1] == "Sheikh"):
            title_words.pop()
        if not title_words:
            continue
        if any(w not in TITLE_WORDS and w not in LOWER_TITLE_WORDS for w in title_words):
            continue  # a sentence about the office, not "Title NAME"
        if title_words[-1].endswith(("ers", "ents", "men", "ies")):
            continue  # a list of deputies
        title = " ".join(title_words).lower()
        if title.startswith(("heir", "crown prince", "vice president", "deputy", "first vice")) and "head" not in title:
            if title.startswith("heir") or title.startswith("crown prince"):
                continue
        out.append((("~" if represents else "") + title, name_words, since))
    return out


def is_caps(w):
    letters = [c for c in w if c.isalpha()]
    upper = [c for c in letters if c.isupper()]
    return len(upper) >= 2 and not ROMAN.match(w) and w not in ("GNU", "CNSP") and (
        letters[:2] == upper[:2] or w.split("-")[-1].isupper()
    )


PARTICLES = {"al", "bin", "ibn", "ibni", "bint", "de", "da", "das", "do", "dos", "del", "della",
             "di", "du", "e", "el", "la", "le", "van", "von", "der", "den", "ter", "y", "i",
             "ould", "wa", "Ould", "Al", "Bin", "El", "De"}


def is_name_word(w):
    """A word that can be part of a person's name: capitalised and not a title, a particle, or
    an Arabic article ("al-BURHAN")."""
    if w in TITLE_WORDS or w in ("and", ",", "The", "A"):
        return False
    if w in PARTICLES or re.match(r"(al|el|ad|as|ash|an|ar|at|az|bin|ibn)-", w):
        return True
    if w.startswith("(") and w.endswith(")"):
        return True
    return w[:1].isupper() and not w.endswith(":")


def is_title_word(w):
    return w in TITLE_WORDS or w in LOWER_TITLE_WORDS or w.endswith(",")


def person_name(words):
    """(name, family_name, nickname aliases, Factbook form) from Factbook name words."""
    nicks = [w.strip("()") for w in words if w.startswith("(") and w.endswith(")")]
    words = [w for w in words if not (w.startswith("(") and w.endswith(")"))]
    family = [title_case_name(w) for w in words if is_caps(w)]
    name = " ".join(w if not is_caps(w) else title_case_name(w) for w in words)
    regnal = words and ROMAN.match(words[-1])
    if regnal:
        family_name = " ".join(title_case_name(w) for w in words[:-1])
    else:
        family_name = " ".join(family)
    return name, family_name, nicks, " ".join(words)


def common_forms(name, family_name, nicks):
    """Other correct forms: given name and family name without middle names or initials."""
    words = name.split()
    out = []
    if len(words) >= 3 and family_name and name.endswith(" " + family_name):
        fam_len = len(family_name.split())
        given = words[:-fam_len]
        out.append(" ".join([given[0], family_name]))
        if len(given) >= 2 and not given[-1].endswith("."):
            out.append(" ".join([given[-1], family_name]))
    elif family_name and f" {family_name} " in f" {name} " and not name.startswith(family_name):
        # "Pedro SANCHEZ Perez-Castejon": given name and the capitalised family name.
        out.append(name[: name.index(family_name) + len(family_name)].split(" ")[0] + " " + family_name)
    for nick in nicks:
        if family_name:
            out.append(f"{nick} {family_name}")
    return out


def add(repo, entities, newest_date):
    blobs = Blobs(repo)
    commits = sampled_commits(repo)
    newest_commit = git(repo, "rev-parse", "HEAD").strip()
    if commits[-1][0] != newest_commit:
        commits.append((newest_commit, newest_date))
    # (country, slot) -> list of (date, [(title, words, since)])
    seen = defaultdict(list)
    latest = {}
    read = {}  # blob -> (dependency, {slot: leaders}); only what the walk needs is kept
    for commit, date in commits:
        for code, sha in country_files(repo, commit).items():
            latest[code] = sha
            if sha not in read:
                d = blobs.json(sha)
                exe = get(d, "Government", "Executive branch") or {}
                dependency = bool(get(d, "Government", "Dependency status"))
                read[sha] = (dependency, {slot: leaders(exe.get(slot)) for slot in SLOTS})
            dependency, holders = read[sha]
            for slot in SLOTS:
                if slot == "chief of state" and dependency:
                    continue
                seen[(code, slot)].append((date, holders[slot]))
    countries = {}
    for code, sha in sorted(latest.items()):
        country = add_country(code, blobs.json(sha), entities)
        if country:
            countries[code] = country
    roles = defaultdict(list)  # person key -> roles
    people = {}
    holders = {}
    for code in sorted({code for code, _ in seen}):
        both = sorted((o for slot in SLOTS for o in seen.get((code, slot), [])), key=lambda o: o[0])
        holders[code] = Holders(both)
    for (code, slot), observations in sorted(seen.items()):
        if code not in countries or code == "us":
            continue  # US leaders come from congress-legislators
        add_roles(countries[code], observations, holders[code], roles, people)
    for key, person in sorted(people.items()):
        pid = slug(person["name"])
        if pid in entities:
            pid = f"{pid}-{key[1]}"
        rs = sorted({json.dumps(r, sort_keys=True) for r in roles[key]})
        person["id"] = pid
        person["roles"] = merge_roles(json.loads(r) for r in rs)
        entities[pid] = person


def merge_roles(roles):
    """One role for one office held without a break (a re-election gives the Factbook a new
    "since" date). A term listed with no start date that overlaps a dated one is that term: the
    merged role keeps the known start."""
    out = []
    for r in sorted(roles, key=lambda r: (r["title"], r["of"], r.get("start") or "")):
        prev = out[-1] if out else None
        if (prev and (prev["title"], prev["of"]) == (r["title"], r["of"])
                and ("end" not in prev or (r.get("start") or "") <= prev["end"])):
            if "start" not in prev and "start" in r:
                prev["start"] = r["start"]
            if "end" in prev:
                if "end" in r:
                    prev["end"] = max(prev["end"], r["end"])
                else:
                    del prev["end"]
            continue
        out.append(dict(r))
    out = [dict(sorted(r.items())) for r in out]
    return sorted(out, key=lambda r: (r.get("start") or "", r["title"], r["of"]))


def given_skeleton(name, family_name):
    """The consonants of the given names, with the Factbook's transliteration changes folded
    (y/j, w/v, ph/f, c/q/k): "Binyamin", "Benjamin" and "Benyamin" are one man's spellings over
    the years; "Jong Il" and "Jong Un" stay two men. Only letters written doubled are folded,
    before the vowels go: "Keqiang" ("kkng") and "Qiang" ("kng") stay two men."""
    s = name.replace(family_name, " ").lower()
    for a, b in (("ph", "f"), ("y", "j"), ("w", "v"), ("q", "k"), ("c", "k")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return "".join(ch for ch in s if ch.isalpha() and ch not in "aeiou")


def folded(s):
    """Lower case without diacritics: "López" and "Lopez" are one spelling."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def consonants(s):
    """The consonants of a folded name, doubled letters once: "Ruhani" and "Rohani" give
    "rhn", "Lukashenko" and "Lukashenka" "lkshnk"."""
    s = "".join(ch for ch in folded(s) if ch.isalpha() and ch not in "aeiouy")
    return re.sub(r"(.)\1+", r"\1", s)


def near_names(a, b):
    """Whether two holders' (name, family name) read as one person respelled: the same family
    name or its consonants, or one family name's words inside the other's."""
    (na, fa), (nb, fb) = a, b
    if consonants(fa) == consonants(fb) or edits(folded(fa), folded(fb)) <= 1:
        return True
    if len(na) >= 10 and edits(folded(na), folded(nb)) <= 1:
        return True  # the Factbook capitalised other words: "Teodoro Obiang NGUEMA MGASOGO"
    wa, wb = set(folded(fa).split()), set(folded(fb).split())
    return bool(wa & wb) and (wa <= set(folded(nb).split()) or wb <= set(folded(na).split()))


def days(a, b):
    """Days from one ISO date to another."""
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def edits(a, b):
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def plain_title(title):
    """A title without the words that say how the office is held: an interim prime minister
    succeeds a prime minister; a deputy or vice one does not."""
    words = [w for w in title.lstrip("~").split()
             if w not in ("interim", "acting", "transitional", "transition", "caretaker")]
    return (title.startswith("~"), " ".join(words))


def respellings(observations, identity):
    """Identity -> the identity it is a respelling of, within one country: a holder written
    anew by the Factbook ("Hasan Fereidun RUHANI", then "ROHANI"; "Lopez" gaining its accents)
    with the same title and a start ("since") date within a week of the other's, so two people
    who held the office at different times stay apart; one's full name inside the other's
    ("Abiy AHMED" and "ABIY Ahmed Ali"); or, when either spelling was listed with no start date
    (so dates cannot tell them apart), the same office and given names one letter apart. Two
    holders listed together in one slot are two people. The newest spelling is kept."""
    starts = defaultdict(set)  # identity -> {(title, since)}
    titles = defaultdict(set)  # identity -> {title}
    names = {}
    last_seen = {}
    together = set()  # pairs of identities listed in one slot at once
    for date, holders in observations:
        listed = set()
        for title, words, since in holders:
            ident = identity(words)
            if not ident:
                continue
            listed.add(ident)
            titles[ident].add(plain_title(title))
            if since:
                starts[ident].add((plain_title(title), since))
            names[ident] = person_name(words)[:2]
            last_seen[ident] = date
        together |= {(x, y) for x in listed for y in listed if x != y}

    def same_start(x, y):
        return any(tx == ty and abs((dt.date.fromisoformat(sx) - dt.date.fromisoformat(sy)).days) <= 7
                   for tx, sx in starts[x] for ty, sy in starts[y])

    def fuller(x, y):
        # "Peter MUTHARIKA" and "Arthur Peter MUTHARIKA": one man, whenever each was listed;
        # each word of the shorter name (with its family name) is a word of the longer one.
        (nx, fx), (ny, fy) = names[x], names[y]
        short, long = sorted((folded(nx).split(), folded(ny).split()), key=len)
        rest = [consonants(w) for w in long]
        for w in short:
            if consonants(w) not in rest:
                return False
            rest.remove(consonants(w))
        return len(short) >= 2 and consonants(fx) == consonants(fy)

    def undated(x, y):
        # "Dinesh GUNAWARDENA" and "GUNAWARDENE", "SABAH Khaled" and "Khalid": no start date
        # to compare, so the office and the given names decide.
        # A name one letter from the other ("Teodoro Obiang Nguema MGASOGO") is one too.
        (nx, fx), (ny, fy) = names[x], names[y]
        given = [" ".join(folded(n.replace(f, " ")).split()) for n, f in ((nx, fx), (ny, fy))]
        return ((not starts[x] or not starts[y]) and bool(titles[x] & titles[y])
                and min(edits(*given), edits(folded(nx), folded(ny))) <= 1)

    idents = sorted(names, key=lambda i: (last_seen[i], i))  # newest last
    to = {}
    for i, x in enumerate(idents):
        for y in idents[i + 1:]:
            if (x, y) in together or not near_names(names[x], names[y]):
                continue
            if same_start(x, y) or fuller(x, y) or undated(x, y):
                to[x] = y
                break
    for x in list(to):
        while to[x] in to:
            to[x] = to[to[x]]
    return to


def spelled(words):
    """A holder's identity as written: family name and given-name consonants, folded."""
    name, family_name, _, _ = person_name(words)
    if not name or not family_name:
        return None
    return (folded(family_name), given_skeleton(folded(name), folded(family_name)))


class Holders:
    """The people of one country's two slots: respellings merged across both (a president
    listed as chief of state and head of government is one person), each named as the newest
    observation spells them."""

    def __init__(self, observations):
        self.merged = respellings(observations, spelled)
        self.newest = {}  # identity -> the newest words observed
        self.spellings = defaultdict(set)
        for _, holders in observations:
            for _, words, _ in holders:
                ident = self.identity(words)
                if ident:
                    self.newest[ident] = words
                    self.spellings[ident].add(person_name(words)[0])

    def identity(self, words):
        ident = spelled(words)
        return self.merged.get(ident, ident)


def add_roles(country_id, observations, holders_of, roles, people):
    """Turns a slot's observations into dated roles. One holder spelled anew by the Factbook
    stays one person (named as the newest observation spells them, the older spellings kept as
    aliases), and a new spelling is not taken for a successor. A holder missing from the slot
    and listed again later served two terms: two roles."""
    identity, newest, spellings = holders_of.identity, holders_of.newest, holders_of.spellings
    # (title, identity, term) -> [first seen, last seen, since, words, start (the "since" of
    # the term's start), listed first in the slot when first seen, listed first when last seen]
    runs = {}
    term = {}  # (title, identity) -> its current term's number and the date last seen
    order = []
    previous = None
    for date, holders in observations:
        for place, (title, words, since) in enumerate(holders):
            ident = identity(words)
            if not ident:
                continue
            n, seen = term.get((title, ident), (0, None))
            if seen is not None and seen != previous:
                n += 1  # missing from the observation before: a new term
            term[(title, ident)] = (n, date)
            k = (title, ident, n)
            if k not in runs:
                runs[k] = [date, date, since, newest[ident], since, place == 0, False]
                order.append(k)
            runs[k][1] = date
            runs[k][6] = place == 0
            if since:
                runs[k][2] = since
                if runs[k][4] is None or since <= runs[k][0] or days(runs[k][4], since) <= 183:
                    # A date before the holder was first seen, or within months of the start,
                    # corrects the start (an election day becomes an inauguration day); a
                    # later one is a re-election and does not move it.
                    runs[k][4] = since
        previous = date
    for k in order:
        first, last, since, words, first_since, _, lead = runs[k]
        title = k[0]
        name, family_name, nicks, factbook_form = person_name(words)
        end = None
        nxt = [d for d, _ in observations if d > last]
        if nxt:
            # Ended: the successor's "since" date, else the first sampled day without them. A
            # successor holds the same office, or heads the slot the holder headed (a prime
            # minister followed by a president who heads the government): across a gap in the
            # history, the next head's start says when the office changed hands.
            successors = [runs[o] for o in order
                          if o != k and first < runs[o][0] <= nxt[0]
                          and (plain_title(o[0]) == plain_title(title) or (lead and runs[o][5]))]
            # A successor's first "since" (a later re-election gives it a new one), after this
            # holder's own start or first sighting.
            starts = [r[4] for r in successors
                      if r[4] and (r[4] > since if since else r[4] >= first) and r[4] <= nxt[0]]
            end = min(starts) if starts else nxt[0]
        role = {"title": title.lstrip("~"), "of": country_id}
        if first_since:
            role["start"] = first_since
        if end:
            role["end"] = end
        pkey = (name, "")
        person = people.setdefault(pkey, {
            "kind": "person", "name": name, "family_name": family_name,
            "aliases": [], "variants": [],
        })
        person["aliases"] += common_forms(name, family_name, nicks)
        person["aliases"] += sorted(spellings[k[1]] - {name})
        if factbook_form != name and factbook_form.lower() != name.lower():
            person["variants"].append(factbook_form)
        roles[pkey].append(role)


def split_forms(s):
    out = []
    for part in re.split(r";|,| or |/", s):
        part = re.sub(r"\((?:[^)]*(?:plural|singular|note|used|also|derived|adjective|noun)[^)]*)\)", "", part)
        part = part.strip()
        if not part or part.lower() == "none" or not part[0].isupper():
            continue
        m = re.fullmatch(r"(.+?)\((s|es|men|women)\)", part.replace(" (", "("))
        if m:
            base, suffix = m.group(1).strip(), m.group(2)
            out.append(base)
            if suffix in ("s", "es"):
                out.append(base + suffix)
            elif base.endswith("woman"):
                out.append(base[:-5] + "women")
            elif base.endswith("man"):
                out.append(base[:-3] + "men")
            continue
        if "(" in part or ")" in part:
            continue
        out.append(part)
    return [x for x in out if re.fullmatch(r"[A-Z][\w' .-]*", x) and len(x.split()) <= 5]


def add_country(code, d, entities):
    names = get(d, "Government", "Country name") or {}
    short = text(names.get("conventional short form")).split(";")[0].strip()
    long = text(names.get("conventional long form")).split(";")[0].strip()
    name = short if short and short.lower() != "none" else long
    if not name or name.lower() == "none":
        return None
    name = re.sub(r"\s*\(.*\)$", "", name)
    aliases = []
    for key in ("conventional long form", "local long form", "local short form", "abbreviation", "former"):
        value = text(names.get(key)).split(" note")[0]
        if key == "abbreviation":
            aliases += re.findall(r"\b[A-Z](?:\.?[A-Z])+\.?(?![\w])", value)
        elif key in ("local long form", "local short form") and not value.isascii():
            continue
        else:
            aliases += split_forms(value)
    demonyms = []
    nat = get(d, "People and Society", "Nationality") or {}
    for key in ("noun", "adjective"):
        demonyms += split_forms(text(nat.get(key)))
    capital = text(get(d, "Government", "Capital", "name")).split(";")[0]
    capital = re.sub(r"\s*\(.*", "", capital).strip().rstrip(".")
    cid = slug(name)
    kind_words = "territory" if get(d, "Government", "Dependency status") else "country"
    desc = f"{'Country' if kind_words == 'country' else 'Territory'}"
    if capital and capital.lower() not in ("none", "no official capital"):
        desc += f"; capital {capital}"
    entities[cid] = {
        "id": cid, "kind": "place", "name": name,
        "aliases": aliases, "demonyms": demonyms, "description": desc + ".",
    }
    return cid


def share_forms(entities):
    """A nationality form that belongs to more than one country ("Korean", "Congolese") is given
    its own entity instead, so no form names two entities; a form shared by one country and
    territories ("French": France, Saint Pierre and Miquelon) is the country's; forms that are
    another entity's name or alias are dropped."""
    owners = defaultdict(set)
    taken = defaultdict(set)
    for eid, e in entities.items():
        for f in [e["name"], *e.get("aliases", [])]:
            taken[f].add(eid)
        for f in e.get("demonyms", []):
            owners[f].add(eid)
    for f, eids in owners.items():
        countries = [i for i in eids if entities[i].get("description", "").startswith("Country")]
        if len(eids) > 1 and len(countries) == 1:
            owners[f] = set(countries)
    for eid, e in list(entities.items()):
        mine = [f for f in e.pop("demonyms", [])
                if owners[f] == {eid} and not (f in taken and eid not in taken[f])]
        e["aliases"] = e.get("aliases", []) + mine
    for f, eids in sorted(owners.items()):
        if len(eids) > 1 and f not in taken:
            sid = "nationality-" + slug(f)
            places = ", ".join(sorted(entities[i]["name"] for i in eids))
            entities[sid] = {"id": sid, "kind": "other", "name": f,
                             "description": f"Nationality word used for {places}."}
    # An alias that is another entity's alias too names neither.
    count = defaultdict(int)
    for e in entities.values():
        for f in set([e["name"], *e.get("aliases", [])]):
            count[f] += 1
    for e in entities.values():
        e["aliases"] = [a for a in e.get("aliases", []) if count[a] == 1]
