"""Name normalisation shared by the knowledge base, the gazetteer and the resolver.

``fold`` makes the key two spellings of one name share ("Erdoğan" / "Erdogan", "Al-Assad" /
"al Assad", "U.S." / "US"); ``skeleton`` is a looser key for transliteration variants
("Sherali Mirzo" / "Shir Ali Mirza", "Rahmon" / "Rakhmon"); ``tokenize`` splits a phrase the
way spaCy's English tokenizer does for the cases that matter here (possessive 's, hyphens).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

_SPECIAL = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "ı": "i", "đ": "d", "Đ": "D",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ʻ": "", "ʼ": "", "‘": "", "’": "", "'": "", "`": "", "´": "", ".": "", "+": " plus",
})
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+|['’]s\b|['’]|[^\w\s]", re.UNICODE)
_VOWELS = re.compile(r"[aeiouy]+")
_SKELETON_SUBS = (("kh", "h"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("gh", "g"), ("ph", "f"),
                  ("ck", "k"), ("q", "k"), ("w", "v"), ("x", "ks"), ("c", "k"))


def strip_accents(text: str) -> str:
    """Remove diacritics: "Erdoğan" -> "Erdogan", "Łukaszenka" -> "Lukaszenka"."""
    text = text.translate(_SPECIAL)
    if text.isascii():
        return text  # nothing to decompose, no combining mark
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free key: "Al-Assad's" -> "al assads" (memoised: the
    same words are folded again and again)."""
    text = strip_accents(text).lower()
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def skeleton(text: str) -> str:
    """Consonant skeleton of a folded name, spaces removed: "Shir Ali Mirza" -> "shrlmrz"."""
    key = fold(text).replace(" ", "")
    for old, new in _SKELETON_SUBS:
        key = key.replace(old, new)
    key = _VOWELS.sub("", key)
    return re.sub(r"(.)\1+", r"\1", key)


@dataclass(frozen=True)
class Tok:
    """One token of a phrase: its text and character offsets in the phrase."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Tok]:
    """Split a phrase into tokens: words, dotted acronyms ("U.S."), possessive 's, punctuation."""
    return [Tok(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def is_acronym(text: str) -> bool:
    """An all-capitals short form ("US", "U.S.", "UN", "NATO"): matched case-sensitively."""
    letters = text.replace(".", "").replace("-", "").replace(" ", "")
    return 1 < len(letters) <= 6 and letters.isalpha() and letters.isupper()


def acronym_key(text: str) -> str:
    """Case-sensitive key of an acronym: "U.S." -> "US"."""
    return text.replace(".", "").replace(" ", "").replace("-", "")
