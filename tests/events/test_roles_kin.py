"""Kin named by their relation ("her husband", "his widow", "the minister's son") are private
persons (``titles`` of ``sectors.yaml``, CVL): a victim, a captive or a speaker the actor stage takes.
All sentences are our own."""
from __future__ import annotations


def test_a_victim_named_by_kinship_is_the_target(code_default):
    ms = [m for m in code_default("Masked gunmen shot her husband outside the mosque in Osh.") if m.trigger == "shot"]
    assert ms and all(m.target is not None and "husband" in m.target.text and m.target.actor.sector == "CVL"
                      for m in ms)


def test_a_speaker_named_by_kinship_is_the_source(code_default):
    ms = [m for m in code_default("The widow of the jailed Kazakh journalist accused the Kazakh government of murder.")
          if m.trigger == "accused"]
    assert ms and all(m.source is not None and "widow" in m.source.text for m in ms)
