"""Swedish text helpers shared by every stage: slugs (ids, file names), ASCII folding, A–Ö order."""

import re
import unicodedata

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o"})


def fold(text: str) -> str:
    """ASCII-fold Swedish text ("Hemtjänst" → "hemtjanst") for slugs and search."""
    text = text.translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def slugify(name: str, max_length: int = 80) -> str:
    """'Alla barn i centrum (ABC)' → 'alla-barn-i-centrum-abc'."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return slug[:max_length].rstrip("-") or "x"


def sort_key(name: str) -> tuple[str, str]:
    """Swedish A–Ö order: å ä ö after z (plain str order does that for lower case)."""
    folded = name.casefold().replace("é", "e").replace("ü", "y")
    return (folded, name)
