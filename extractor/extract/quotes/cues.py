"""Cues: the reporting verbs, nouns and phrases that attribute speech or a stated
position ("said", "told", "urged", "according to", "Trump’s claim that")."""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

# Verbs of saying and writing (lemmas): they report words, as a clause or a quotation.
SPEECH_VERBS = frozenset({
    "say", "tell", "ask", "add", "write", "state", "claim", "warn", "declare", "explain",
    "note", "argue", "insist", "announce", "acknowledge", "admit", "concede", "confirm",
    "deny", "reply", "respond", "answer", "remark", "recall", "report", "reveal", "assert",
    "maintain", "contend", "caution", "stress", "emphasize", "emphasise", "complain",
    "testify", "tweet", "post", "blog", "email", "text", "joke", "quip", "boast", "brag",
    "predict", "promise", "vow", "pledge", "suggest", "mention", "observe", "comment",
    "continue", "counter", "retort", "shout", "yell", "scream", "whisper", "mutter",
    "exclaim", "proclaim", "allege", "charge", "accuse", "urge", "plead", "disclose",
    "indicate", "signal", "hint", "speculate", "wonder", "chant", "sing", "recount",
    "describe", "call", "dub", "label", "term", "brand", "point", "reiterate", "repeat",
    "echo", "tout", "elaborate", "agree", "forecast", "demand", "implore", "advise",
    "assure", "inform", "notify", "remind", "interject", "quote", "cite", "put",
})
# Verbs of thinking and finding: their clause is a view held or a finding ("X believes
# that …", "the poll shows that …"); without a clause they report nothing.
COGNITION_VERBS = frozenset({
    "believe", "think", "feel", "know", "find", "show", "fear", "worry", "hope", "expect",
    "doubt", "suspect", "assume", "understand", "learn", "realize", "realise", "recognize",
    "recognise", "decide", "determine", "conclude", "estimate", "guess", "imagine",
})
# Verbs that state a position on what they take, a thing or an infinitive: support and
# attack, proposal and refusal ("X urged Congress to act", "X condemned the test").
STANCE_VERBS = frozenset({
    "support", "oppose", "endorse", "criticize", "criticise", "praise", "condemn", "attack",
    "blast", "slam", "denounce", "accuse", "blame", "defend", "reject", "question",
    "dispute", "challenge", "mock", "ridicule", "dismiss", "applaud", "welcome", "hail",
    "laud", "commend", "thank", "propose", "demand", "urge", "encourage", "call", "promise",
    "pledge", "vow", "refuse", "decline", "threaten", "offer", "cite", "mention",
    "reference", "discuss", "describe", "detail", "highlight", "announce",
    "express", "emphasize", "emphasise", "stress", "note", "acknowledge", "admit", "deny",
    "confirm", "reveal", "disclose", "document", "echo", "repeat",
    "compare", "liken", "characterize", "characterise", "label", "dub", "brand", "tout",
    "champion", "lament", "decry", "deplore", "fault", "credit", "warn", "insist", "argue",
    "recommend", "advocate", "suggest", "predict", "ask", "tell", "claim", "tweet",
    "back", "promote", "view", "consider", "rule", "identify", "examine", "weigh", "publish",
    "refer", "speak", "talk",
})
# Naming verbs put quoted words on a thing ("called it an “impressive model”"): the
# quote is direct even when it sits inside the sentence.
NAMING_VERBS = frozenset({"call", "describe", "dub", "label", "term", "brand", "nickname", "deem"})
# Verbs of intention: with an infinitive they report a plan the subject has stated
# ("Clinton wants to triple the size of AmeriCorps", "the agency plans to release …").
INTENTION_VERBS = frozenset({
    "want", "plan", "intend", "aim", "seek", "hope", "vow", "pledge", "promise", "threaten",
    "refuse", "decline", "agree", "expect", "decide",
})
# Nouns that report what their possessor said or holds, with a "that" clause or an
# infinitive ("Trump’s claim that …", "his refusal to …", "a Times report that …").
SPEECH_NOUNS = frozenset({
    "claim", "report", "statement", "assertion", "argument", "suggestion", "warning",
    "promise", "pledge", "vow", "demand", "allegation", "accusation", "prediction",
    "announcement", "insistence", "contention", "belief", "view", "plan", "proposal",
    "decision", "refusal", "call", "threat", "admission", "denial", "pronouncement",
    "assessment", "conclusion", "finding", "estimate", "complaint", "charge", "hope",
    "determination", "acknowledgment", "acknowledgement", "missive", "effort",
})
# Speech verbs that report only a clause or a quotation: their object is no content
# ("put it", "continued the tour", "answered questions", "reported results", "recalled cars").
CLAUSE_ONLY_VERBS = frozenset({
    "put", "continue", "answer", "add", "post", "text", "read", "sing", "chant", "count",
    "report", "recall", "maintain",  # ("has maintained a 140% gain", "maintained its lead")
})
# What a caption says shows something: a picture, whose showing is no one's finding.
PICTURE_NOUNS = frozenset({"image", "photo", "photograph", "picture", "illustration", "graphic", "screenshot", "screengrab"})
# Speech verbs that are also verbs of change: with an amount they report no words ("added
# 3%", "with Microsoft declining 2.14 percent").
AMOUNT_VERBS = frozenset({"add", "decline"})
# Verbs that attribute only a quotation standing next to them ("“…,” as she put it").
QUOTE_ONLY_VERBS = frozenset({"put"})
# Reporting verbs that stay a report of their own inside someone else's words.
NESTED_KEPT_VERBS = frozenset()
# Every verb that can attribute words or a position to its subject.
CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | STANCE_VERBS | INTENTION_VERBS
# Prepositions that name the audience of speech, not its content ("told to", "spoke with").
AUDIENCE_PREPS = frozenset({"to", "with"})
# Verbs whose object is the person addressed ("told reporters", "urged Congress"): the
# object alone is not what was said.
ADDRESSEE_VERBS = frozenset({
    "tell", "ask", "urge", "encourage", "inform", "notify", "remind", "assure", "advise",
    "implore", "warn", "thank", "call", "accuse", "credit", "blame",
})
# Adjectives of stance: after "be", with what they take ("has been critical of the deal",
# "was sure Trump would win", "is determined to act"), they state the subject's position.
STANCE_ADJECTIVES = frozenset({
    "critical", "supportive", "skeptical", "sceptical", "confident", "sure", "certain",
    "convinced", "adamant", "optimistic", "pessimistic", "hopeful", "worried", "concerned",
    "afraid", "fearful", "wary", "determined", "willing", "unwilling", "eager", "reluctant",
    "opposed", "vocal", "outspoken", "passionate", "doubtful", "coy", "frank", "bearish", "bullish",
})
# What a stance adjective takes as its content: a phrase, a clause, an infinitive.
ADJECTIVE_CONTENT_DEPS = frozenset({"prep", "ccomp", "xcomp"})
# Surveys whose findings "in" reports like "according to" ("In the poll, Clinton led by
# three points", "Trump's gains in some polls").
POLL_NOUNS = frozenset({"poll", "survey"})
# Quantifiers through which "in" reaches its poll ("in one of the first polls").
POLL_QUANTIFIERS = frozenset({"one", "some", "many", "most", "several", "all", "each", "both", "none"})
# Particles that belong to a phrasal cue ("pointed out", "called for").
CUE_PARTICLES = frozenset({"out", "up", "on", "for", "back", "in"})


def is_cue(token: Token, verbs: frozenset[str] = CUE_VERBS, nouns: bool = True) -> bool:
    """A cue verb (said, told, asks, urged …), the "according" of "according to", or
    (with ``nouns``) a reporting noun with its holder ("Trump’s claim"), the "in" of "in
    the poll" or an adjective of stance ("critical of")."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
    if token.lower_ == "in":
        return nouns and poll_of(token) is not None
    if token.pos_ == "ADJ":
        return nouns and stance_adjective(token)
    lemma = verb_lemma(token)
    if token.pos_ == "NOUN":
        if misread_verb(token) is not None:
            return lemma in verbs
        return nouns and lemma in SPEECH_NOUNS and noun_holder(token) is not None
    return lemma in verbs and lemma != "be" and (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")) \
        and not (lemma in AMOUNT_VERBS and takes_amount(token)) and not _a_picture_shows(token, lemma) \
        and not (lemma == "claim" and _claims_lives(token)) and not (lemma in PRIZE_VERBS and _takes_a_prize(token)) \
        and not (lemma in IMPACT_VERBS and _moves_into(token)) and not (lemma == "know" and _known_as(token))


def _known_as(token: Token) -> bool:
    """ "known as": what a thing is called ('the VIX, known as Wall Street's “fear gauge”'), a
    name, not anyone's words."""
    return token.tag_ == "VBN" and any(child.dep_ == "prep" and child.lower_ == "as" for child in token.children)


# Stance verbs that are also verbs of impact: "into" a place they strike it, no words ("the
# storm slammed into the coast", "blasted through the wall").
IMPACT_VERBS = frozenset({"slam", "blast", "attack"})
IMPACT_PREPS = frozenset({"into", "onto", "through", "across", "against"})


def _moves_into(verb: Token) -> bool:
    """The verb takes a place it strikes ("slamming into the Big Bend")."""
    return any(c.dep_ in ("prep", "prt") and c.lower_ in IMPACT_PREPS for c in verb.children)


# What a disaster "claims": lives taken, no words ("the storm has claimed 118 lives").
LIFE_NOUNS = frozenset({"life", "lives", "victim", "victims", "casualty", "casualties", "toll"})


def _claims_lives(verb: Token) -> bool:
    """The verb's object is lives, victims or their number ("claimed at least 118 lives",
    "claimed the lives of three climbers")."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in LIFE_NOUNS for c in verb.children)


# What a winner claims or defends: a prize or a count, no words ("Messi finally claimed the
# trophy", "France failed to defend their title", "claimed 33 votes"; but "claimed victory"
# declares it).
PRIZE_VERBS = frozenset({"claim", "defend"})
PRIZE_NOUNS = frozenset({"title", "titles", "trophy", "crown", "cup", "championship", "medal", "prize", "throne", "belt",
                         "seat", "seats"})


def _takes_a_prize(verb: Token) -> bool:
    """A prize, or a count of things won ("claimed 33 votes", "claimed three golds")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in PRIZE_NOUNS or any(
        n.dep_ == "nummod" and n.like_num for n in c.children)) for c in verb.children)


def _a_picture_shows(verb: Token, lemma: str) -> bool:
    """A caption: what an image shows is no finding ("Concept image showing a chart falling")."""
    if lemma not in ("show", "depict"):
        return False
    holders = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(h.lemma_.lower() in PICTURE_NOUNS for h in holders)


def takes_amount(verb: Token) -> bool:
    """The verb takes an amount, as a verb of change does ("platinum added 0.8% to $1,641",
    "Saka added two goals"): an object or measure with a number, or "to"/"by" a number."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "npadvmod") and any(t.like_num for t in child.subtree):
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "by") and any(
                g.dep_ == "pobj" and g.like_num for g in child.children):
            return True
    return False


def stance_adjective(token: Token) -> bool:
    """An adjective of stance after "be", with what it is about ("critical of …")."""
    return token.dep_ == "acomp" and token.lemma_.lower() in STANCE_ADJECTIVES and bool(adjective_content(token))


def adjective_content(token: Token) -> list[Token]:
    """What an adjective of stance takes: its phrase or clause, or the clause the parser
    hung on "be" after it ("was sure Trump would win")."""
    parts = [c for c in token.rights if c.dep_ in ADJECTIVE_CONTENT_DEPS]
    return parts or [c for c in token.head.rights if c.dep_ == "ccomp" and c.i > token.i]


def poll_of(token: Token) -> Token | None:
    """The poll or survey an "in" introduces ("in the latest poll", "in one of the polls")."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    for child in token.children:
        if child.dep_ != "pobj":
            continue
        if child.lower_ in POLL_QUANTIFIERS:
            child = next((g for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), child)
        if child.lemma_.lower() in POLL_NOUNS:
            return child
    return None


def verb_lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer cut a past form too short
    ("hoped" → "hop" is "hope")."""
    lemma = token.lemma_.lower()
    word = token.lower_
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed") and lemma == word[:-2] and lemma + "e" in CUE_VERBS:
        return lemma + "e"
    return lemma


def misread_verb(token: Token) -> Token | None:
    """For "Trump claims that …" tagged as a noun compound ("Trump claims" like "tax
    claims") with a clause after it: the name the tagger took for a modifier, which is
    the verb's subject; else None."""
    if token.tag_ != "NNS" or not token.lower_.endswith("s") or token.lemma_.lower() not in CUE_VERBS:
        return None
    if not any(c.dep_ in ("acl", "relcl", "ccomp", "xcomp") and c.i > token.i for c in token.children):
        return None
    names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1] if names else None


def noun_holder(noun: Token) -> Token | None:
    """Whose claim, report or plan a reporting noun is: its possessor, "by/from X", or a
    name before it ("a New York Times report that …", "the Trump plan to …")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    names = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1] if names else None


def is_speech_cue(token: Token) -> bool:
    """A cue that can attribute a quotation standing next to it ("“…,” she said")."""
    return is_cue(token, SPEECH_VERBS | COGNITION_VERBS, nouns=False)


def cue_span(token: Token) -> tuple[int, int]:
    """Characters of the cue: the verb with its particle, or "according to"."""
    end_token = token
    if token.lower_ == "according":
        end_token = token.nbor()
    else:
        for child in token.rights:
            if child.dep_ == "prt" and child.i == token.i + 1 and child.lower_ in CUE_PARTICLES:
                end_token = child
    return token.idx, end_token.idx + len(end_token.text)


_ACCORDING = hash_string("according")
_IN = hash_string("in")
_POLL_LEMMAS = [hash_string(noun) for noun in POLL_NOUNS]
# Lemma hash -> whether a token with that lemma can be a cue at all (see possible_cues).
_CUE_LEMMAS: dict[int, bool] = {}


def possible_cues(doc: Doc) -> list[Token]:
    """The tokens whose lemma or word could make them a cue, found from the doc's
    arrays: building a Token for every word is most of the cost of a full scan."""
    if not len(doc):
        return []
    array = doc.to_array([LEMMA, LOWER])
    cue_lemmas = [lemma for lemma in numpy.unique(array[:, 0]).tolist() if _is_cue_lemma(doc, lemma)]
    found = numpy.isin(array[:, 0], cue_lemmas) | (array[:, 1] == _ACCORDING)
    if numpy.isin(array[:, 0], _POLL_LEMMAS).any():  # "in the poll" only where a poll is named
        found |= array[:, 1] == _IN
    return [doc[i] for i in numpy.flatnonzero(found).tolist()]


def _is_cue_lemma(doc: Doc, lemma: int) -> bool:
    possible = _CUE_LEMMAS.get(lemma)
    if possible is None:
        word = doc.vocab.strings[lemma].lower()
        possible = _CUE_LEMMAS[lemma] = (word in CUE_VERBS or word in SPEECH_NOUNS or word + "e" in CUE_VERBS
                                         or word in STANCE_ADJECTIVES)
    return possible
