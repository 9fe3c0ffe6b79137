"""Spelling helpers shared by the generator's sources: ids and the usual case of names."""

import re
import unicodedata


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def title_case_name(word):
    """'STARMER' -> 'Starmer', 'SASSOU-Nguesso' -> 'Sassou-Nguesso', 'al-BURHAN' -> 'al-Burhan',
    "O'NEILL" -> "O'Neill", 'MCCARTHY' -> 'McCarthy'."""
    def one(part):
        if not part or not part.isupper():
            return part
        low = part.lower()
        out = low[0].upper() + low[1:]
        if low.startswith("mc") and len(low) > 3:
            out = "Mc" + low[2].upper() + low[3:]
        return out
    pieces = re.split(r"([-'’])", word)
    return "".join(one(p) for p in pieces)
