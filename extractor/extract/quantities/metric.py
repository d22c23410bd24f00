"""What is measured: a short name from a small vocabulary (share price, market value,
cost, price, revenue, profit, index, ...) read from the noun the amount belongs to ("a
cost of", "market value of"), the verb's "from"/"of"/"in" phrase or object, or the
subject's head noun."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from extractor.extract.quantities.quantity import Quantity
from extractor.extract.quantities.subject import _clause_subject

# What is measured: compound + head, or head lemma -> metric name. Small on purpose.
METRIC_PHRASES: dict[str, str] = {
    "market value": "market value", "market cap": "market value",
    "market capitalisation": "market value", "market capitalization": "market value",
    "market valuation": "market value", "share price": "share price",
    "stock price": "share price", "net income": "profit", "net profit": "profit",
    "operating profit": "profit", "interest rate": "interest rate",
    "unemployment rate": "unemployment", "jobless rate": "unemployment",
}
METRIC_WORDS: dict[str, str] = {
    "share": "share price", "stock": "share price", "valuation": "market value",
    "cost": "cost", "price": "price", "revenue": "revenue", "sale": "revenue",
    "sales": "revenue", "turnover": "revenue", "profit": "profit", "earnings": "profit",
    "loss": "loss", "index": "index",
    "debt": "debt", "deficit": "deficit", "inflation": "inflation",
    "unemployment": "unemployment", "gdp": "gdp", "economy": "gdp", "yield": "yield",
    "dividend": "dividend", "salary": "pay", "wage": "pay", "fine": "fine",
    "penalty": "fine", "tax": "tax", "budget": "budget", "investment": "investment",
    "funding": "funding", "population": "population", "export": "exports",
    "import": "imports", "output": "output", "production": "output", "asset": "assets",
    "reserve": "reserves",
}


def metric_of(q: Quantity, root: Token, span: SpacySpan, verb: Token | None) -> str | None:
    """Name of what is measured, from a small vocabulary."""
    if q.metric:
        return q.metric
    candidates: list[Token] = []
    node = root
    for _ in range(4):  # "a cost of under $6m", "market value of $3tn"
        if node.head is node:
            break
        if node.dep_ in ("pobj",) and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
            candidates.append(node.head.head)
            break
        if node.dep_ in ("nummod", "compound", "quantmod", "amod") and node.head.pos_ in ("NOUN",):
            candidates.append(node.head)
            break
        node = node.head
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "off", "of", "in"):
                candidates.extend(o for o in child.children if o.dep_ == "pobj")
            if child.dep_ == "dobj" and not (span.start <= child.i < span.end):
                candidates.append(child)
        subj = _clause_subject(verb, span)
        if subj is not None:
            candidates.append(subj)
    for noun in candidates:
        metric = _metric_of_noun(noun)
        if metric:
            return metric
    return None


def _metric_of_noun(noun: Token) -> str | None:
    compounds = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    lemma = noun.lemma_.lower()
    for c in compounds:
        phrase = f"{c.lower_} {lemma}"
        if phrase in METRIC_PHRASES:
            return METRIC_PHRASES[phrase]
    if noun.text in ("Average", "Composite"):  # "the Dow Jones Industrial Average", not "an average of"
        return "index"
    if noun.lower_ in METRIC_WORDS:
        return METRIC_WORDS[noun.lower_]
    return METRIC_WORDS.get(lemma)
