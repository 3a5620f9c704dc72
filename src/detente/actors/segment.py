"""The parts of one phrase segment (``phrase.analyse_segment``'s result) and the word lists they are
read with; shared by ``phrase.py`` and ``worldplaces.py``."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..wordlists import word_set
from .countries import Place
from .names import Tok, fold, is_acronym
from .titles import Hit

STOP = word_set("actors", "stop_words")  # data/words/actors.yaml
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
LOC_PREPS = word_set("actors", "loc_preps")
PARTICLES = word_set("actors", "name_particles")
GEO_MODIFIERS = word_set("actors", "geo_modifiers")
DIVISION_CUES = word_set("actors", "division_cues")


@dataclass(frozen=True)
class Found:
    """A place or a knowledge-base entity found over tokens [start, end)."""

    start: int
    end: int
    text: str
    place: Place | None = None
    kb_ids: tuple[str, ...] = ()
    kb_score: float = 0.0  # how sure a KB match is; for a place read through a typo, below 1


@dataclass
class Segment:
    """The parts of one segment (token indices refer to ``toks``)."""

    toks: list[Tok]
    found: list[Found] = field(default_factory=list)
    terms: list[tuple[int, int, Hit]] = field(default_factory=list)  # token start, end, hit
    head: int = -1  # token index of the head word (-1: none)
    head_end: int = 0  # end of the head part (tokens after it are "of ..." complements)
    possessor_end: int = -1  # tokens before it (and its 's) are the possessor
    modifiers: list[str] = field(default_factory=list)  # sector codes of modifiers before the head
    hidden: list[tuple[int, int, Hit]] = field(default_factory=list)  # terms inside a found name
    portfolio: set[int] = field(default_factory=set)  # portfolio words of a title ("Planning and")
    ethnic: bool = False  # "ethnic Albanians": a demonym naming a people, not a country
    coordinated: bool = False  # "Russian and Chinese officials": the first country is the actor's
    dated: bool = False  # a bare surname was looked up at the date (the analysis may differ at another)

    def found_at(self, i: int) -> Found | None:
        return next((f for f in self.found if f.start <= i < f.end), None)

    def term_at(self, i: int) -> tuple[int, int, Hit] | None:
        return next((t for t in self.terms if t[0] <= i < t[1]), None)

    def _hyphen_part(self, i: int) -> bool:
        """The lower-case end of a hyphenated name ("Lai Ching-te")."""
        return i >= 2 and self.toks[i - 1].text == "-" and _capitalised(self.toks[i - 2].text)

    def name_run(self) -> tuple[int, int] | None:
        """The run of capitalised unknown words ending at the head (an unknown person's name)."""
        if self.head < 0 or self.found_at(self.head) or self.term_at(self.head):
            return None
        if not (_capitalised(self.toks[self.head].text) or self._hyphen_part(self.head)):
            return None
        start = self.head
        while start > 0:
            prev = self.toks[start - 1]
            if self.found_at(start - 1) or self.term_at(start - 1) or fold(prev.text) in STOP \
                    or start - 1 in self.portfolio:
                break
            if not (_capitalised(prev.text) or prev.text == "-" or prev.text in PARTICLES):
                break
            start -= 1
        while start < self.head and not self.toks[start].text[:1].isalnum():
            start += 1
        if start == self.head and is_acronym(self.toks[start].text):
            return None  # "IRPT" alone is an organisation's initials, not a person
        return start, self.head + 1


def _capitalised(text: str) -> bool:
    return bool(text) and (text[0].isupper() or is_acronym(text))
