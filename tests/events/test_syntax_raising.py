"""A passive infinitive under a passive verb of knowing or saying ("are believed to have been shot by X"):
the raised subject is the act's patient (``syntax.direct_objects``, ``raising_verbs`` of
``words/events.yaml``)."""
from __future__ import annotations

from detente.events import syntax as sx


def test_the_raised_subject_is_the_patient_of_the_passive_infinitive(nlp):
    doc = nlp("Four Canadian aid workers are believed to have been abducted by the gunmen.")
    verb = next(t for t in doc if t.lower_ == "abducted")
    assert [t.lower_ for t in sx.direct_objects(verb)] == ["workers"]


def test_a_control_verb_lends_no_patient(nlp):
    doc = nlp("The soldiers tried to have the prisoners moved by the guards.")
    verb = next(t for t in doc if t.lower_ == "moved")
    assert "soldiers" not in [t.lower_ for t in sx.direct_objects(verb)]


def test_the_coder_takes_the_raised_victims_as_target(code_default):
    ms = [m for m in code_default("Six Canadian nationals were reported to have been abducted by militants.") if m.trigger == "abducted"]
    assert ms and ms[0].target is not None and ms[0].target.actor.country == "CAN"
