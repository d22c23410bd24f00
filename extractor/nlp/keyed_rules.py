"""spaCy's attribute ruler and lemmatizer, decided once per distinct token instead of per token.

Both stock components are rules over a token's own attributes, yet they cost about a fifth
of the small model's parse: the attribute ruler runs a token Matcher with ~180 patterns
(IN/REGEX predicates re-evaluated on every token) and the rule lemmatizer walks each token
in Python. News text repeats its tokens, so the same answers are looked up in a table keyed
by the attributes the rules read, then written in one ``Doc.from_array``. The annotations
are the stock components' own (tests compare them token by token); a pipeline whose rules
use anything these keys do not cover keeps the stock component.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# The token attributes an attribute-ruler pattern may test, as Doc.to_array columns.
KEY_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
# The attributes a rule may set, written back as Doc.from_array columns.
SET_ATTRS = (POS, TAG, DEP, MORPH, LEMMA)
PREDICATES = {"IN", "NOT_IN", "REGEX"}


def _value_test(spec: object):
    """A test on one attribute's string value, for the forms the Matcher accepts here
    (a literal, IN, NOT_IN, REGEX); None for any other form."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if not isinstance(spec, dict) or not spec or set(spec) - PREDICATES:
        return None
    tests = []
    if "IN" in spec:
        allowed = frozenset(spec["IN"])
        tests.append(lambda value: value in allowed)
    if "NOT_IN" in spec:
        banned = frozenset(spec["NOT_IN"])
        tests.append(lambda value: value not in banned)
    if "REGEX" in spec:
        pattern = re.compile(spec["REGEX"])
        tests.append(lambda value: isinstance(value, str) and pattern.search(value) is not None)
    return lambda value: all(test(value) for test in tests)


@dataclass(frozen=True)
class _Rule:
    """One attribute-ruler pattern: a test per token and the attributes set on ``target``."""

    order: int                 # the stock ruler's attribute id: later rules win
    tokens: tuple              # per position: ((key position, test), ...)
    specs: tuple               # per position: the pattern's token dict, as written
    target: int                # index into the matched tokens (may be negative, as in spaCy)
    attrs: tuple               # ((attr id, value hash), ...)


def _named_values(rule: _Rule, pos: int, key: int) -> tuple | None:
    """The values a token test requires of key attribute ``key`` (0 tag, 1 lower form)
    when it names them (a literal or IN), else None."""
    spec = rule.specs[pos].get(list(KEY_ATTRS)[key])
    if isinstance(spec, str):
        return (spec,)
    if isinstance(spec, dict) and "IN" in spec:
        return tuple(spec["IN"])
    return None


def compile_rules(ruler: AttributeRuler) -> list[_Rule] | None:
    """The ruler's patterns as keyed rules, or None when one uses a form this does not cover
    (operators, other attributes, extension attributes): then the stock component stays."""
    names = list(KEY_ATTRS)
    rules = []
    for order, entry in enumerate(ruler.patterns):
        attrs = ruler.attrs[order]
        if "_" in attrs or set(attrs) - set(SET_ATTRS):
            return None
        for pattern in entry["patterns"]:
            tokens = []
            for token_spec in pattern:
                if set(token_spec) - set(KEY_ATTRS):
                    return None
                tests = []
                for name, spec in token_spec.items():
                    test = _value_test(spec)
                    if test is None:
                        return None
                    tests.append((names.index(name), test))
                tokens.append(tuple(tests))
            if not tokens:
                return None
            rules.append(_Rule(order, tuple(tokens), tuple(pattern), ruler.indices[order],
                               tuple(sorted(attrs.items()))))
    return rules


class KeyedAttributeRuler:
    """Drop-in for spaCy's ``attribute_ruler``: same rules, same annotations, one rule
    evaluation per distinct (tag, lower form, dependency, is-space) key."""

    def __init__(self) -> None:
        self.rules: list[_Rule] = []
        self._entries: dict[tuple, tuple] = {}       # key -> (hits, one-token rules, longer rules it starts, row, mask)
        self._rows: dict[tuple, tuple] = {}          # rule numbers -> (values, which are set)

    def use(self, rules: list[_Rule]) -> KeyedAttributeRuler:
        self.rules, self._entries, self._rows = rules, {}, {}
        # Tests that do not read the lower form (the tag map, dependency and space rules) are
        # decided once per (tag, dependency, is-space) and kept; a new word only runs the tests
        # that read words, most of which name the word they need and are indexed by it.
        self._by_word: dict[str, list[tuple[int, int]]] = {}
        self._any_word: list[tuple[int, int]] = []
        self._no_word: list[tuple[int, int]] = []
        for n, rule in enumerate(rules):
            for pos, tests in enumerate(rule.tokens):
                if not any(i == 1 for i, _ in tests):
                    self._no_word.append((n, pos))
                elif (named := _named_values(rule, pos, 1)) is None:
                    self._any_word.append((n, pos))
                else:
                    for value in named:
                        self._by_word.setdefault(value, []).append((n, pos))
        self._no_word_hits: dict[tuple, frozenset] = {}
        return self

    def _hits(self, candidates, values: tuple) -> frozenset:
        return frozenset((n, pos) for n, pos in candidates
                         if all(test(values[i]) for i, test in self.rules[n].tokens[pos]))

    def _key_hits(self, key: tuple, strings) -> frozenset:
        values = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        rest = (key[0], key[2], key[3])
        no_word = self._no_word_hits.get(rest)
        if no_word is None:
            no_word = self._no_word_hits[rest] = self._hits(self._no_word, values)
        return no_word | self._hits((*self._any_word, *self._by_word.get(values[1], ())), values)

    def _final(self, numbers: tuple) -> dict:
        """What the rules that hit one token set on it, later rules (by order) winning."""
        merged: dict = {}
        for n in sorted(numbers, key=lambda n: self.rules[n].order):
            merged.update(self.rules[n].attrs)
        return merged

    def _row(self, numbers: tuple) -> tuple[np.ndarray, np.ndarray]:
        """The SET_ATTRS values the rules ``numbers`` write on a token, and which they write."""
        row = self._rows.get(numbers)
        if row is None:
            final = self._final(numbers)
            row = self._rows[numbers] = (np.array([final.get(attr, 0) for attr in SET_ATTRS], dtype=np.uint64),
                                         np.array([attr in final for attr in SET_ATTRS]))
        return row

    def _entry(self, key: tuple, strings) -> tuple:
        """For one key: its (rule, position) hits, the longer rules it may start, and the row
        its one-token rules write (most of the work: the tag map is one-token rules)."""
        entry = self._entries.get(key)
        if entry is None:
            hits = self._key_hits(key, strings)
            singles = tuple(sorted(n for n, pos in hits if len(self.rules[n].tokens) == 1))
            starts = tuple(n for n, pos in hits if pos == 0 and len(self.rules[n].tokens) > 1)
            entry = self._entries[key] = (hits, singles, starts, *self._row(singles))
        return entry

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array(list(KEY_ATTRS.values()))
        distinct, inverse = np.unique(keys, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        strings = doc.vocab.strings
        entries = [self._entry(key, strings) for key in map(tuple, distinct.tolist())]
        values = doc.to_array(list(SET_ATTRS))
        rows = np.stack([entry[3] for entry in entries])[inverse]
        masks = np.stack([entry[4] for entry in entries])[inverse]
        values = np.where(masks, rows, values)
        # Rules of two or more tokens: checked where a token can start one (rare).
        length = len(doc)
        extra: dict[int, list[int]] = {}
        may_start = np.array([bool(entry[2]) for entry in entries])[inverse]
        for start in np.flatnonzero(may_start).tolist():
            for n in entries[inverse[start]][2]:
                rule = self.rules[n]
                end = start + len(rule.tokens)
                if end > length or any((n, p) not in entries[inverse[start + p]][0] for p in range(1, len(rule.tokens))):
                    continue
                target = (start if rule.target >= 0 else end) + rule.target
                if start <= target < end:
                    extra.setdefault(target, []).append(n)
        for token, numbers in extra.items():
            key = tuple(sorted(set(entries[inverse[token]][1]) | set(numbers)))
            row, mask = self._row(key)
            values[token] = np.where(mask, row, values[token])
        doc.from_array(list(SET_ATTRS), values)
        return doc


class KeyedLemmatizer:
    """Drop-in for spaCy's rule or lookup ``lemmatizer``: the stock component's own lemma,
    computed once per distinct (form, part of speech, morphology) and written in one go."""

    def __init__(self) -> None:
        self.stock: Lemmatizer | None = None
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def use(self, stock: Lemmatizer) -> KeyedLemmatizer:
        self.stock, self._lemmas = copy.copy(stock), {}
        self.stock.lookups = _with_set_indexes(stock.lookups)
        # the copy's own method: the stock ``lemmatize`` attribute is bound to the original
        self._lemmatize = getattr(self.stock, f"{stock.mode}_lemmatize")
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        todo = range(len(doc)) if self.stock.overwrite else np.flatnonzero(lemmas == 0).tolist()
        strings = doc.vocab.strings
        for i in todo:
            key = (int(table[i, 0]), int(table[i, 1]), int(table[i, 2]))
            lemma = self._lemmas.get(key)
            if lemma is None:
                lemma = self._lemmas[key] = strings.add(self._lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _with_set_indexes(lookups: Lookups) -> Lookups:
    """The lemmatizer's tables with each part of speech's index of known words as a set: spaCy
    keeps it as a list (57,000 nouns) and the rule lemmatizer tests every form its suffix rules
    make for membership, so each new word scanned the list (about 85 microseconds a word).
    The same words, the same answers; the other tables are shared, not copied."""
    indexed = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            sets = indexed.add_table(name)
            for key, words in table.items():
                sets[key] = frozenset(words)
        else:
            indexed.set_table(name, table)
    return indexed


@Language.factory("keyed_attribute_ruler")
def make_keyed_attribute_ruler(nlp: Language, name: str) -> KeyedAttributeRuler:
    return KeyedAttributeRuler()


@Language.factory("keyed_lemmatizer")
def make_keyed_lemmatizer(nlp: Language, name: str) -> KeyedLemmatizer:
    return KeyedLemmatizer()


def use_keyed_rules(nlp: Language) -> Language:
    """Swap the stock attribute ruler and lemmatizer of a loaded pipeline for their keyed
    forms, where the keyed form can reproduce them; anything else is left as it was."""
    if "attribute_ruler" in nlp.pipe_names:
        stock = nlp.get_pipe("attribute_ruler")
        rules = compile_rules(stock) if isinstance(stock, AttributeRuler) else None
        if rules is not None:
            nlp.replace_pipe("attribute_ruler", "keyed_attribute_ruler").use(rules)
    if "lemmatizer" in nlp.pipe_names:
        stock = nlp.get_pipe("lemmatizer")
        if isinstance(stock, Lemmatizer) and stock.mode in ("rule", "lookup"):
            nlp.replace_pipe("lemmatizer", "keyed_lemmatizer").use(stock)
    return nlp
