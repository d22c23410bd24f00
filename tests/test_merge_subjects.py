"""Claims whose subject outlets name differently, resolved at the merge (graph/subject_aliases.py
and kin): each rule on a corpus or sentences written for the test, with the exact merge."""

from __future__ import annotations

from extractor.extract.entities import entity_id
from extractor.graph.subject_aliases import subject_aliases


def _aliases(corpus: list[tuple[str, str]]) -> dict[str, str]:
    entities = [(entity_id(name), name, kind) for name, kind in corpus]
    return {k: v.name for k, v in subject_aliases(entities).items()}


def test_a_surname_misspelt_by_one_letter_is_the_one_person_it_can_be():
    corpus = [("Dana Whitlock", "PERSON"), ("Whitlok", "PERSON"), ("Whtilock", "PERSON"),
              ("Bernard Castellano", "PERSON"), ("Castelano", "PERSON"), ("Castellanos", "ORG")]
    assert _aliases(corpus) == {entity_id("Whitlok"): "Dana Whitlock", entity_id("Whtilock"): "Dana Whitlock",
                                entity_id("Castelano"): "Bernard Castellano"}


def test_a_misspelling_two_people_could_be_or_of_a_short_name_stays_as_written():
    corpus = [("Ellen Marston", "PERSON"), ("Paul Marsden", "PERSON"), ("Marsten", "PERSON"),
              ("Tom Kerr", "PERSON"), ("Kerry", "PERSON"), ("Whitlock", "PERSON")]
    assert _aliases(corpus) == {}
