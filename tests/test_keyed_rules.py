"""The keyed attribute ruler and lemmatizer give exactly spaCy's stock annotations."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from extractor.nlp import load_pipeline
from extractor.nlp.keyed_rules import KeyedAttributeRuler, KeyedLemmatizer, compile_rules, use_keyed_rules
from extractor.settings import DEFAULT_MODEL

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Sentences that reach the ruler's two-token, dependency and space rules and the lemmatizer's
# exceptions: contractions, colloquial spellings, expletive "there", auxiliaries, odd spacing.
SENTENCES = [
    "Y'all ain't gonna believe it, c'mon. Let's go, I gotta say it was nothin'.",
    "There are five dogs and there is a cat. It is what it is, but he did it anyway.",
    "She has said that the mice were running; they had been told.  Two  spaces here.\n\n\nThe end.",
    "Shares fell 17% on Monday, erasing $593bn, the biggest one-day loss in history.",
]
COLUMNS = [POS, TAG, DEP, MORPH, LEMMA, HEAD]


@pytest.fixture(scope="module")
def pipelines():
    return load_pipeline(DEFAULT_MODEL, keyed_rules=False), load_pipeline(DEFAULT_MODEL)


def test_the_pipeline_loads_the_keyed_components(pipelines):
    stock, keyed = pipelines
    assert isinstance(keyed.get_pipe("attribute_ruler"), KeyedAttributeRuler)
    assert isinstance(keyed.get_pipe("lemmatizer"), KeyedLemmatizer)
    assert isinstance(stock.get_pipe("attribute_ruler"), AttributeRuler)
    assert stock.pipe_names == keyed.pipe_names


def test_annotations_are_the_stock_components_token_for_token(pipelines):
    stock, keyed = pipelines
    texts = SENTENCES + [path.read_text(encoding="utf-8") for path in sorted(CORPUS.rglob("*.txt"))]
    assert len(texts) > len(SENTENCES)
    tokens = 0
    # Twice: the second pass answers from the keyed tables, the first fills them.
    for _ in range(2):
        for ours, theirs in zip(keyed.pipe(texts), stock.pipe(texts)):
            assert [t.text for t in ours] == [t.text for t in theirs]
            different = [(t.text, t.pos_, t.tag_, t.morph, t.lemma_, u.pos_, u.tag_, u.morph, u.lemma_)
                         for t, u in zip(ours, theirs)
                         if (ours.to_array(COLUMNS)[t.i] != theirs.to_array(COLUMNS)[t.i]).any()]
            assert different == []
            tokens += len(ours)
    assert tokens > 2000


def test_the_rules_reach_what_they_should(pipelines):
    _, keyed = pipelines
    doc = keyed("Y'all ain't gonna believe it. There are two.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert [t.pos_ for t in doc if t.lower_ == "are"] == ["VERB"]


def test_a_rule_the_keys_cannot_express_keeps_the_stock_component():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"IS_TITLE": True, "OP": "+"}]], {"POS": "PROPN"})
    assert compile_rules(ruler) is None
    use_keyed_rules(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)


def test_later_rules_win_as_in_spacy():
    texts = ["The new museum opened in New York."]
    results = []
    for keyed in (False, True):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "new"}]], {"POS": "ADJ", "LEMMA": "first"})
        ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "PROPN"})
        ruler.add([[{"LOWER": {"IN": ["museum", "york"]}}]], {"LEMMA": "place"}, index=0)
        if keyed:
            use_keyed_rules(nlp)
        doc = nlp(texts[0])
        results.append([(t.text, t.pos_, t.lemma_) for t in doc])
    assert results[0] == results[1]
    assert ("New", "PROPN", "first") in results[1] and ("new", "ADJ", "first") in results[1]
