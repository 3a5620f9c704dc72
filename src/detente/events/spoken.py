"""A speech act the coder read on the verb heading its sentence and dropped only for its confidence.

The plain-statement fallback (``coder._statement``) gives a sentence with nothing else asserted a
statement (010) on its heading verb of saying (``statement_verb``) by a political speaker, whatever
its confidence. A heading verb the coder itself codes as a speech act (a comment, an appeal, a
criticism, a rejection: the roots of ``floored_speech_root``; "the WHO warned that the camp is
critical", "the envoy described the situation as dire") is the same kind of event, told by a verb
the statement list lacks; the confidence floor dropped it where its speaker was one-sided (a statement
has no counterpart). Such a candidate is kept when nothing else of its sentence is asserted, its
trigger heads the sentence, it is asserted and its speaker passes the statement's speaker tests
(``statements.political_speaker``: a country or a stateless people's office, not a company, a
scholar, a private person).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .candidate import Candidate
from .lexicon import Lexicon
from .statements import HEAD_DEPS, political_speaker, speaks_for_no_party

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FLOORED = "confidence "  # the start of the floor's reason: coder.analyse_sentence writes it from here


def revive(cands: Sequence[Candidate], lexicon: Lexicon, doc: Doc) -> Candidate | None:
    """Keep the first speech act of ``floored_speech_root`` the floor dropped on the verb heading an
    otherwise empty sentence, said by a political speaker (module doc); return it, or None."""
    if any(c.dropped is None and c.modality.modality == "asserted" for c in cands):
        return None
    roots = lexicon.words("floored_speech_root")
    for cand in cands:
        if (cand.dropped or "").startswith(FLOORED) and cand.cameo[:2] in roots \
                and cand.modality.modality == "asserted" and _heads(cand.trigger) \
                and political_speaker(cand.roles, lexicon, doc) and not speaks_for_no_party(cand.roles, lexicon, doc):
            cand.notes.append(f"kept below the floor ({cand.dropped}): a speech act heading a sentence "
                              "with nothing else asserted, by a political speaker")
            cand.dropped = None
            return cand
    return None


def _heads(tok: Token) -> bool:
    """The sentence's root, or a verb conjoined or set beside it ("..., the agency warned")."""
    return tok.dep_ == "ROOT" or (tok.dep_ in HEAD_DEPS and tok.head.dep_ == "ROOT")
