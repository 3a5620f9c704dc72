"""CAMEO codebook and CAMEO->PLOVER mapping: placeholder until the data lands."""
from __future__ import annotations


class Ontology:
    def describe(self, code: str) -> dict:
        return {}


def load_ontology() -> Ontology:
    return Ontology()
