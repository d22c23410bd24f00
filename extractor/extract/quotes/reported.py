"""Reported speech and stated positions: "X said (that) …", "X told Y …", "according to
X, …", "in the poll, …", "…, X said.", "X, he said, …", "X urged Congress to act", "X’s
claim that …", "X was accused of …"; the content is the clause reported or what the
position is about."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractor.extract.coreference import is_org_noun, is_person_noun
from extractor.extract.entity_names import DATED_PLACE_RE, DATELINE_PLACE_RE
from extractor.extract.quotes.attribution import RELAY_VERBS, SENTENCE_END
from extractor.extract.quotes.context import Context, char_bounds
from extractor.extract.quotes.cues import (
    AUDIENCE_PREPS,
    ADDRESSEE_VERBS,
    CLAUSE_ONLY_VERBS,
    COGNITION_VERBS,
    INTENTION_VERBS,
    NESTED_KEPT_VERBS,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    adjective_content,
    is_cue,
    is_speech_cue,
    misread_verb,
    possible_cues,
    verb_lemma,
)
from extractor.extract.quotes.marks import is_mark
from extractor.extract.quotes.references import DOCUMENT_NOUNS
from extractor.extract.quotes.speakers import (
    PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, as_clause, as_participle, asked_participle, asked_passive, reduced_passive,
    speaker_participles, subject_of,
)
from extractor.nlp.views import doc_text

# Labels of the clause that carries reported content under a cue verb.
CLAUSE_DEPS = frozenset({"ccomp"})
# Labels of the clause a reporting noun takes ("claim that …", "refusal to …").
NOUN_CONTENT_DEPS = frozenset({"acl", "ccomp", "xcomp"})
# Labels of what else a cue verb takes as its content: object, infinitive, predicate.
COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "oprd", "dative", "attr"})
# Prepositions that introduce a cue verb's content ("called for", "spoke about").
CONTENT_PREPS = frozenset({"for", "about", "on", "of", "to", "as", "against", "with"})
# Speech verbs whose "to" phrase is what they answer or point at ("responded to the ad").
ANSWER_VERBS = frozenset({"respond", "reply", "point", "refer", "agree", "object", "react", "compare", "liken"})
# Answer verbs whose participle before a verb of saying names only what is answered
# ("Responding to the news, Trump said …").
REACTION_VERBS = frozenset({"respond", "reply", "react"})
# What an answer verb's "to" phrase may name that holds no words of the speaker.
REQUEST_NOUNS = frozenset({"request", "question", "inquiry", "enquiry", "query", "call", "email", "message", "letter"})
# Verbs whose object is what is pointed, never words ("pointed the finger at X"), unless a
# particle makes them speech ("pointed out the flaw").
POINTING_VERBS = frozenset({"point"})
# Verbs by which a record shows a finding: with a poll, study, video or document as their
# subject, their object is what it reports ("Polls show a close contest", "Video of the
# incident shows him with his hands in the air").
EVIDENCE_VERBS = frozenset({"show", "find"})
# Verbs whose clause is a finding, not a thing found in a state a participle gives ("found
# the door plug blown off"); a judgement ("found the remarks compelling") is one.
DISCOVERY_VERBS = frozenset({"find"})
# Records that show findings, besides the documents a speaker may hold ("polling averages").
EVIDENCE_NOUNS = DOCUMENT_NOUNS | frozenset({"average", "polling", "figure", "number", "result", "research", "evidence"})
# Labels of what an evidence verb's finding is made of after its object.
FINDING_DEPS = frozenset({"dobj", "xcomp", "oprd", "ccomp", "prep"})
# Verbs of belief and wish whose object alone is the view a person holds ("Democrats want
# policies that create revenue", "he believed the polls").
VIEW_OBJECT_VERBS = frozenset({"believe", "expect", "want", "doubt", "fear", "distrust", "trust"})
# Pronouns that name people, who hold views.
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
# Entity types that make a prepositional phrase a circumstance, not content ("on Monday").
CIRCUMSTANCE_TYPES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"})

# Signs the tokenizer calls punctuation that belong to the figure before them.
FIGURE_SYMBOLS = frozenset({"%", "‰", "°"})


@dataclass
class Reported:
    """A reporting verb with its content clause (character span)."""

    cue: Token
    content: tuple[int, int]
    gap: tuple[int, int] | None = None  # the attribution inside the content ("X, he said, Y")

    def words(self, text: str) -> str:
        """The content's words, without an attribution that sits inside them."""
        start, end = self.content
        if self.gap is None:
            return text[start:end]
        return (text[start : self.gap[0]].rstrip(" ,—–") + " " + text[self.gap[1] : end].lstrip(" ,—–")).strip()


def content_of(cue: Token) -> tuple[int, int] | None:
    """Token range [start, end) of what a cue reports, or None: the clause after "according
    to X", a verb's clausal complement, else (for speech and stance verbs) its object,
    infinitive or prepositional content; never the story's dateline before it ("GENEVA —")."""
    bounds = _content_of(cue)
    if bounds is None:
        return None
    start = _past_dateline(cue.doc, *bounds)
    return (start, bounds[1]) if start < bounds[1] else None


def _quoted_saying(cue: Token) -> Token | None:
    """The verb of speaking an outlet quotes someone with ("quoted X as saying", "quoted X to
    have said"), else None."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            said = next((g for g in child.children if g.dep_ == "pcomp" and verb_lemma(g) in SPEECH_VERBS), None)
            if said is not None:
                return said
        if child.dep_ == "xcomp" and verb_lemma(child) in SPEECH_VERBS:
            return child
    return None


def _past_dateline(doc: Doc, start: int, end: int) -> int:
    """The first token of [start, end) after the dateline of the line it starts in ("ST.
    LUCIE COUNTY, Florida (WFOR) — At least four …"): ``start`` when there is none."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    dateline = DATELINE_PLACE_RE.match(text, line_start) or DATED_PLACE_RE.match(text, line_start)
    if dateline is not None and dateline.end() > doc[start].idx:
        while start < end and doc[start].idx < dateline.end():
            start += 1
    return start


def _content_of(cue: Token) -> tuple[int, int] | None:
    if cue.lower_ == "according":
        return _according_content(cue)
    if cue.lower_ == "in":
        return _poll_content(cue)
    if cue.pos_ == "ADJ":  # "critical of the deal", "sure (that) Trump would win"
        parts = adjective_content(cue)
        return (parts[0].left_edge.i, parts[-1].right_edge.i + 1) if parts else None
    if cue.pos_ == "NOUN":
        return noun_content(cue)
    lemma = verb_lemma(cue)
    if lemma in ("quote", "cite") and (saying := _quoted_saying(cue)) is not None:
        return _content_of(saying)  # "Reuters quoted Mensah as saying the firm would appeal": what he said
    introduces = cue.i + 1 < len(cue.doc) and cue.nbor().text == ":"
    clauses = [c for c in cue.children if c.dep_ in CLAUSE_DEPS and not _conjunction_that(c)
               and not (introduces and c.i < cue.i and is_speech_cue(c) and any(g.dep_ in SUBJECT_DEPS for g in c.children))]
    # (a cue with a colon introduces what follows: a saying of its own before it is no content of it,
    # however the parser hung it: "X, Farhan Haq, said in a statement that …, and when asked …, Haq said: “…”")
    if lemma in DISCOVERY_VERBS and getattr(subject_of(cue), "lemma_", "").lower() not in EVIDENCE_NOUNS:
        # "officials found the door plug blown off": a thing found in a state, no finding told (a study's is one)
        clauses = [c for c in clauses if c.tag_ != "VBN" or _finite(c) or any(m.dep_ == "mark" for m in c.children)]
    if clauses:
        child = clauses[0]
        # clauses on the same side form one content ("that its model, launched …, was trained …")
        last = [c for c in clauses if (c.i > cue.i) == (child.i > cue.i)][-1]
        start, end = child.left_edge.i, last.right_edge.i + 1
        if start <= cue.i < end:  # a misparse that puts the cue inside its own clause
            start = max(start, cue.i + 1)
            for subject in cue.children:
                if subject.dep_ in SUBJECT_DEPS and subject.i > cue.i:
                    start = max(start, subject.right_edge.i + 1)
        if child.i < cue.i:  # "…, X said": the clause stops before the speaker
            later = [c.left_edge.i for c in cue.children if c.i > last.right_edge.i]
            end = min([end, cue.i, *later])
        else:  # "said on Friday it had …": when it was said, which the parser may hang on the clause
            subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), child)
            start = _after_said_when(cue.doc, start, subject.left_edge.i)
            end = min([end, *(c.i - 1 for c in speaker_participles(last))])
        return (start, end) if end > start else None
    if lemma in SPEECH_VERBS | COGNITION_VERBS:
        misattached = misattached_clause(cue)
        if misattached is not None:
            return misattached
    if cue.dep_ == "relcl" and cue.i + 1 < len(cue.doc):
        nxt = cue.nbor()
        if nxt.lower_ == "that" and nxt.i + 1 < len(cue.doc):
            nxt = nxt.nbor()
        if nxt.tag_ in ("VBZ", "VBD", "VBP", "MD") and nxt.head.i != cue.i:
            right = [t.i for t in nxt.subtree if t.i >= nxt.i]
            return nxt.i, max(right) + 1
    if lemma in INTENTION_VERBS and lemma not in SPEECH_VERBS | STANCE_VERBS:
        xcomps = [c for c in cue.rights if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if xcomps or lemma not in VIEW_OBJECT_VERBS:
            return (xcomps[0].left_edge.i, xcomps[0].right_edge.i + 1) if xcomps else None
    if lemma in EVIDENCE_VERBS:
        finding = evidence_content(cue)
        if finding is not None:
            return finding
    if lemma in VIEW_OBJECT_VERBS:
        objects = [c for c in cue.rights if c.dep_ in ("dobj", "ccomp", "xcomp")]
        subject = subject_of(cue)
        if objects and subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP")
                                                or subject.lower_ in PERSONAL_PRONOUNS):
            return objects[0].left_edge.i, objects[-1].right_edge.i + 1
        if lemma not in SPEECH_VERBS | STANCE_VERBS:
            return None
    if lemma in COGNITION_VERBS and lemma not in SPEECH_VERBS | STANCE_VERBS or lemma in CLAUSE_ONLY_VERBS:
        return None
    passive = [c for c in cue.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if passive and any(c.dep_ == "agent" for c in cue.children) and lemma in STANCE_VERBS:
        return passive[0].left_edge.i, passive[0].right_edge.i + 1  # "X was criticized by Y"
    parts = [c for c in cue.rights if is_content_child(c)]
    if lemma == "call" and any(c.dep_ == "dobj" for c in parts):
        parts = [c for c in parts if c.dep_ != "xcomp"]  # "called X to congratulate him": a phone call, no words
    if lemma in POINTING_VERBS and not any(c.dep_ == "prt" for c in cue.children):
        parts = [c for c in parts if c.dep_ != "dobj"]  # "pointed the finger at X": no words ("pointed out X" is)
    if lemma in (SPEECH_VERBS | {"speak", "talk"}) - ANSWER_VERBS:  # "spoke to reporters": the audience
        parts = [c for c in parts if not (c.dep_ == "prep" and c.lower_ in AUDIENCE_PREPS)]
    if lemma in ANSWER_VERBS:  # "did not respond to a request for comment": what was asked, not words
        parts = [c for c in parts if not (c.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in REQUEST_NOUNS for g in c.children))]
    if lemma in REACTION_VERBS and cue.tag_ == "VBG" and cue.dep_ == "advcl" and is_speech_cue(cue.head):
        return None  # "Responding to the news, Trump said …": what he answered; his words are the saying's
    if lemma == "refer" and any(c.dep_ == "dobj" for c in cue.children) and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in cue.children):
        return None  # "referred the remaining cases to the coroner": passed them on, no words
    if lemma == "write":  # "writing for the majority", "wrote for the Guardian": for whom, not what
        parts = [c for c in parts if not (c.dep_ == "prep" and c.lower_ == "for")]
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.i > cue.i:  # inverted "asks Beswick, …"
        parts = [c for c in parts if c.i > subject.right_edge.i]
    if not parts:
        return None
    if lemma in ADDRESSEE_VERBS and not any(c.dep_ in ("xcomp", "oprd", "prep") for c in parts):
        return None  # "told reporters": the person addressed, not what was said
    start, end = parts[0].left_edge.i, parts[-1].right_edge.i + 1
    if cue.doc[start].pos_ == "ADP" and all(t.pos_ in ("ADP", "PRON", "PUNCT") for t in cue.doc[start:end]):
        return None  # "talking about it", "spoke of them": no words are reported
    return start, end


# Words that open a time ("on Friday", "late on Tuesday").
TIME_OPENERS = frozenset({"on", "at", "late", "early", "earlier", "later"})


def _after_said_when(doc, start: int, limit: int) -> int:
    """Where a reported clause starts once the time it was said at is left out ("said on
    Friday it had …", "said late on Tuesday that …"): a day or a time, with the words that
    open it and a comma after it, wholly before the clause's subject (``limit``); else ``start``."""
    i = start
    while i < limit and doc[i].lower_ in TIME_OPENERS:
        i += 1
    if i >= limit or doc[i].ent_type_ not in ("DATE", "TIME") or doc[i].ent_iob_ != "B":
        return start
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end > limit:
        return start  # "said in 2019 profits would rise": the day is part of the clause's subject
    return end + 1 if end < limit and doc[end].text == "," else end


def evidence_content(cue: Token) -> tuple[int, int] | None:
    """Token range of what a poll, study or video shows: the verb's object and what follows
    it, when the subject is such a record; else None."""
    subject = subject_of(cue)
    if subject is None or subject.lemma_.lower() not in EVIDENCE_NOUNS:
        return None
    parts = [c for c in cue.rights if c.dep_ in FINDING_DEPS]
    objects = [c for c in parts if c.dep_ == "dobj"]
    if not objects:
        return None
    parts = [c for c in parts if c.i >= objects[0].i]
    return objects[0].left_edge.i, parts[-1].right_edge.i + 1


# Words that make "that" a conjunction of time, purpose or condition, no report's ("now that
# the Niners lost", "so that", "given that", "except that", "provided that").
THAT_CONJUNCTION_OPENERS = frozenset({"now", "so", "such", "given", "provided", "providing", "except", "assuming",
                                      "seeing", "considering"})


def _conjunction_that(clause: Token) -> bool:
    """The clause's "that" follows a word that makes it a conjunction ("now that …")."""
    mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)
    return mark is not None and mark.i > 0 and mark.nbor(-1).lower_ in THAT_CONJUNCTION_OPENERS


def misattached_clause(cue: Token) -> tuple[int, int] | None:
    """Token range of a reported clause the parser hung elsewhere: a finite clause with
    its own subject and no subordinating word, taken as an adverbial ("Trump said after
    the convention he would not accept …"), or a "that" clause taken as a relative one
    on the person addressed ("he told a meeting of leaders that few people …")."""
    for child in cue.rights:
        if child.dep_ == "advcl" and _finite(child):
            marks = [m for m in child.children if m.dep_ == "mark" or m.tag_ in ("WRB", "WDT")]
            subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
            if subjects and all(m.lower_ == "that" for m in marks) and not _conjunction_that(child):
                start = marks[0].i if marks else subjects[0].left_edge.i
                # a further reporting verb joined on is its own report ("… and encouraged Americans to …")
                joined = [c.left_edge.i for c in child.children if c.dep_ == "conj" and is_cue(c)]
                end = min([child.right_edge.i + 1, *joined])
                while end > start + 1 and child.doc[end - 1].dep_ == "cc":
                    end -= 1
                return start, end
        if child.dep_ == "dobj":
            for token in child.subtree:
                if token.dep_ in ("relcl", "acl") and _finite(token) and _only_of_between(token.head, child):
                    marks = [m for m in token.children if m.dep_ == "mark" and m.lower_ == "that" and m.i < token.i]
                    if marks:
                        return marks[0].i, token.right_edge.i + 1
    return None


def _only_of_between(noun: Token, obj: Token) -> bool:
    """``noun`` is the object or reached from it through "of" alone ("a meeting of leaders"),
    not a noun of its own circumstance ("its steepest drop on fears that …")."""
    while noun.i != obj.i:
        if noun.dep_ == "prep" and noun.lower_ != "of":
            return False
        noun = noun.head
    return True


def _finite(verb: Token) -> bool:
    """A clause with a tensed verb or a modal ("he would not accept", "people understood")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ == "MD" or c.tag_ in ("VBD", "VBZ", "VBP") for c in verb.children if c.dep_ in ("aux", "auxpass"))


def noun_content(cue: Token) -> tuple[int, int] | None:
    """What a reporting noun reports: its clause ("claim that …", "refusal to …"), also
    when the parser took a "that" clause for a relative one ("a report that Trump had …")."""
    clauses = [c for c in cue.rights if c.pos_ in ("VERB", "AUX") and (c.dep_ in NOUN_CONTENT_DEPS or (
        c.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)))]
    if misread_verb(cue) is not None:
        clauses = [c for c in cue.rights if c.dep_ in ("acl", "relcl", "ccomp", "xcomp")]
    if clauses:
        return clauses[0].left_edge.i, clauses[-1].right_edge.i + 1
    return None


def is_content_child(child: Token) -> bool:
    """An object, infinitive or "for/about/on …" phrase of a cue verb (not "on Monday")."""
    if child.dep_ in COMPLEMENT_DEPS:
        return child.ent_type_ not in ("DATE", "TIME") and not child.is_punct
    if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
        if child.lower_ == "on" and child.head.lemma_.lower() == "weigh" \
                and not any(c.dep_ == "prt" and c.lower_ == "in" for c in child.head.children):
            return False  # "weighing on sentiment": a burden on it, not a view ("weighed in on the plan" is one)
        objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        return bool(objects) and all(o.ent_type_ not in CIRCUMSTANCE_TYPES and o.lemma_.lower() not in SETTING_NOUNS
                                     for o in objects)
    return False


# Nouns of where or through what someone speaks, never what they speak of ("spoke from the
# podium with his wife on his left", "said on the phone", "talked on television").
SETTING_NOUNS = frozenset({
    "right", "left", "side", "stage", "podium", "phone", "telephone", "television", "tv", "radio", "air",
    "camera", "sideline", "sidelines", "floor", "screen",
})


def _between_commas(cue: Token) -> bool:
    """The cue's clause is set off by commas inside another sentence ("X, he said, Y")."""
    doc = cue.doc
    left, right = cue.left_edge.i, cue.right_edge.i
    return 0 < left and right + 1 < len(doc) and doc[left - 1].text == "," and doc[right + 1].text == "," or (
        right + 1 < len(doc) and doc[right].text == "," and 0 < left and doc[left - 1].text == ","
    )


def parenthetical_content(cue: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """For "Acts of protest, Mr. Obama said, are acts of patriotism": the sentence the
    attribution interrupts, and the attribution itself as the gap in it."""
    head = cue.head
    if head.i == cue.i or subject_of(cue) is None:
        return None, None
    if cue.dep_ == "relcl" and subject_of(cue).tag_ in ("WP", "WDT"):
        return None, None  # "Ms Lyall, who decided against a motion, said …": a relative clause about her, no words
    gap = (cue.left_edge.i, cue.right_edge.i + 1)
    tokens = [t.i for t in head.subtree if not gap[0] <= t.i < gap[1]]
    if len(tokens) < 3:
        return None, None
    start, end = min(tokens), max(tokens) + 1
    if not start < gap[0] or not gap[1] < end:
        return None, None
    return (start, end), gap


# Prepositions that open an adverbial clause of an "-ing" verb before the attribution.
CLAUSE_OPENING_PREPOSITIONS = frozenset({"after", "before", "while", "since", "despite", "upon", "on", "when", "by"})


def preceding_content(ctx: Context, cue: Token) -> tuple[int, int] | None:
    """For "…, X said." whose clause the parse put elsewhere: the words from the start of
    the sentence to the comma before the attribution."""
    subject = subject_of(cue)
    if subject is None or subject.i > cue.i + 3:
        return None
    first = min(cue.i, subject.left_edge.i)
    doc = ctx.doc
    if first == 0 or doc[first - 1].text not in (",", "—", "–"):
        return None
    if verb_lemma(cue) not in ADDRESSEE_VERBS and any(c.dep_ in ("dobj", "xcomp") and c.i > cue.i for c in cue.children):
        return None  # ", Kelmont reported revenue of $35.7 billion": the verb has its own object
    rest = doc[cue.i + 1 : min(len(doc), cue.i + 12)]
    for token in rest:
        if token.text in SENTENCE_END or "\n" in token.text:
            break
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod",):
            return None  # the sentence goes on: not a trailing attribution
    comma = first - 1
    start = comma
    while start > 0:
        prev = doc[start - 1]
        if prev.text in SENTENCE_END or "\n" in prev.text or "\n" in prev.whitespace_ or is_mark(prev):
            break
        start -= 1
    if comma - start < 3 or doc[start].tag_ == "VBN" and verb_lemma(doc[start]) in ADDRESSEE_VERBS:
        return None  # "Asked whether taxes would rise, the mayor replied": the question, not the reply
    if doc[start].lower_ in CLAUSE_OPENING_PREPOSITIONS and start + 1 < comma and doc[start + 1].tag_ == "VBG":
        return None  # "After paying tribute to Sunak, Starmer said": what he did first, no words
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in doc[start:comma])
    if verbless and doc[start].pos_ == "ADP":
        return None  # "In a social media post, Altman called it …": where it was said, no words
    if verbless and cue.i + 1 < len(doc) and doc[cue.i + 1].text == ":":
        return None  # "Commissioner of Police, Richard Ullger said:": his title; his words follow the colon
    return start, comma


def _poll_content(cue: Token) -> tuple[int, int] | None:
    """What "in the poll" reports: the clause the phrase belongs to, without the phrase
    ("Trump's gains in some polls may prove transient")."""
    clause = cue.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return _according_content(cue, clause)


def _according_content(cue: Token, clause: Token | None = None) -> tuple[int, int] | None:
    clause = cue.head if clause is None else clause
    if clause.i == cue.i:
        return None
    while clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.i < clause.i < cue.i:
        clause = clause.head  # "revenue rose to $5bn, beating estimates, according to LSEG": the whole report
    skip = set(range(cue.left_edge.i, cue.right_edge.i + 1))
    tokens = [t.i for t in clause.subtree if t.i not in skip]
    tokens = [i for i in tokens if not (cue.doc[i].is_punct and (i + 1 in skip or i - 1 in skip))]
    if all(cue.doc[i].dep_ in ("cc", "punct") for i in tokens if i < cue.left_edge.i):
        tokens = [i for i in tokens if i > cue.right_edge.i]  # "And according to X, there are …": the words after
    return (min(tokens), max(tokens) + 1) if tokens else None


def passive_unattributed(cue: Token) -> bool:
    """A passive report that names no one ("is expected to …", "was accused of …", "has
    been criticized for …"): a view attributed to people the writer does not name."""
    children = list(cue.children)
    return (cue.pos_ in ("VERB", "AUX") and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in children)
            and not any(c.dep_ == "agent" for c in children)) or reduced_passive(cue) or asked_participle(cue) \
        or as_participle(cue)


def raised_passive(cue: Token) -> bool:
    """A passive with an infinitive and no agent ("Harris is expected to take two more
    votes", "is said to be"): the view of people the writer does not name, whatever the
    subject it shares with a verb it is joined to."""
    children = list(cue.children)
    infinitives = [c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                   and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]  # (not "was quoted as saying")
    return bool(infinitives) and any(c.dep_ == "auxpass" for c in children) \
        and not any(c.dep_ == "agent" for c in children)


def find_reported(ctx: Context) -> list[Reported]:
    """Every reporting verb outside quotation marks with the clause it reports."""
    out = []
    for token in possible_cues(ctx.doc):
        if ctx.quoted(token.idx):
            continue
        if not is_cue(token) or verb_lemma(token) in QUOTE_ONLY_VERBS:
            continue
        if token.dep_ == "xcomp" and is_cue(token.head) and content_of(token.head) is not None:
            continue  # "refused to endorse Trump": one position, reported by the outer verb
        if relays_a_speaker(token):
            continue  # '"…," she said, according to Reuters': the outlet relays her words
        if verb_lemma(token) in CLAUSE_ONLY_VERBS and any(c.dep_ == "xcomp" for c in token.children):
            continue  # "as borrowing costs continued to weigh on the market": a verb of going on, no words
        bounds, gap = content_of(token), None
        if bounds is not None and bounds[1] <= token.i and any(t.text == ";" for t in ctx.doc[bounds[1] - 1:token.i]) \
                and any(c.dep_ == "dobj" and c.i > token.i for c in token.children):
            bounds = None  # "JPMorgan advised Halden; Goldman advised Brightwater": two clauses, no report
        if bounds is None and verb_lemma(token) in SPEECH_VERBS | COGNITION_VERBS:
            if as_clause(token):
                # (not "as investors learned about X": X is what they learned; nor "as heavy
                # selling continued": selling says nothing)
                if not (verb_lemma(token) in COGNITION_VERBS and any(_own_object(c) for c in token.children)) \
                        and not _mute_subject(token):
                    bounds = _according_content(token)
            elif (token.dep_ == "parataxis" or _between_commas(token)) and not (
                    verb_lemma(token) in CLAUSE_ONLY_VERBS and any(c.dep_ == "dobj" for c in token.children)):
                # (not "fell 16%, continuing a steep decline, …": a verb with an object of its own)
                bounds, gap = parenthetical_content(token)
            else:
                bounds = preceding_content(ctx, token)
        if bounds is None and verb_lemma(token) in SPEECH_VERBS:
            block = introduced_block(ctx, token)
            if block is not None:
                out.append(Reported(token, block))
                continue
        if bounds is None:
            continue
        start, end = bounds
        doc = ctx.doc
        start = _past_dateline(doc, start, end)
        while start < end and (doc[start].is_punct or doc[start].is_space) and not is_mark(doc[start]):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not is_mark(doc[end - 1]) \
                and doc[end - 1].text not in FIGURE_SYMBOLS:  # "a rise of 10%" keeps its sign
            end -= 1
        if end <= start:
            continue
        if end - start == 1 and doc[start].tag_ in ("WP", "WDT"):
            continue  # "Who said what": a question word, no words said ("she denied it" stands for some)
        if end - start == 1 and start == token.i + 1 and doc[start].pos_ == "ADJ" \
                and any(c.dep_ == "auxpass" for c in token.children):
            continue  # "five were confirmed dead", "was declared missing": a state the passive gives, no words
        if (asked_participle(token) or asked_passive(token)) and doc[start].pos_ == "ADP" and doc[start].head.i == token.i \
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[start:end]):
            continue  # "When asked about the surge, Weil said …": a topic put to the speaker, no words
            # (but "asked about the claim that the fire was set" holds one)
        chars = char_bounds(doc, start, end)
        if any(m.start <= chars[0] and chars[1] <= m.end and (m.start, m.end) != chars
               for m, _ in ctx.entities.mentions_in(max(0, chars[0] - 80), chars[1] + 80)):
            continue  # "Rio Grande do Sul Governor Eduardo Leite said": part of a name the tagger made a clause of
        p_start, p_end = ctx.paragraphs[ctx.paragraph_of(token.idx)]
        chars = (max(chars[0], p_start), min(chars[1], p_end))
        if gap is not None:
            gap = char_bounds(doc, *gap)
            if not (chars[0] < gap[0] and gap[1] < chars[1]):
                gap = None
        if chars[1] > chars[0]:
            out.append(Reported(token, chars, gap))
    return drop_nested(out)


def relays_a_speaker(cue: Token) -> bool:
    """"according to X" or "as reported (quoted) by X" on a speech verb that has a speaker of
    its own ('"We are cutting jobs," she said, according to Reuters'; '…, he said, as
    reported by the BBC'): X is the medium that carried the words, not who said them."""
    if cue.lower_ != "according" and not (as_clause(cue) and verb_lemma(cue) in AS_RELAYED_VERBS):
        return False
    said = cue.head
    if said.i == cue.i or verb_lemma(said) not in SPEECH_VERBS:
        return False
    if not any(c.dep_ in SUBJECT_DEPS for c in said.children) and said.dep_ in ("advcl", "conj") \
            and said.head.i != said.i and verb_lemma(said.head) in SPEECH_VERBS:
        said = said.head  # '"…," Cooper said, adding that …, according to NBC News': the saying's speaker
    return any(c.dep_ in SUBJECT_DEPS for c in said.children)


# Verbs of an outlet relaying someone's words in an "as" aside ("as reported by", "as quoted
# by", "as cited by"): the relaying verbs of ``attribution``, and "as carried by", "as told to".
AS_RELAYED_VERBS = RELAY_VERBS | frozenset({"carry", "tell"})


# Prepositions of what a verb of thinking is about ("learned about", "worried over").
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "over"})


def _mute_subject(cue: Token) -> bool:
    """The verb's subject is a singular common noun for no person, organisation or record
    ("as heavy selling continued", "as the rout deepened"): the verb reports no one's words
    (but "as police have said", "as experts pointed out" do)."""
    subject = subject_of(cue)
    return (subject is not None and subject.tag_ == "NN" and not subject.ent_type_
            and not is_person_noun(subject) and not is_org_noun(subject)
            and not {subject.lower_, subject.lemma_.casefold()} & DOCUMENT_NOUNS)


def _own_object(child: Token) -> bool:
    """What a verb of thinking takes of its own in an "as" aside ("as investors learned about
    the start-up", "as traders feared a slowdown"): then the sentence it hangs on is no view
    of theirs (but "as shown in the data" still reports it)."""
    return child.dep_ == "dobj" or child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS


def introduced_block(ctx: Context, cue: Token) -> tuple[int, int] | None:
    """Characters of the paragraph a speech verb introduces with a colon at the end of its
    own ("The governor added:"), when that paragraph is not in quotation marks (a quotation
    there is attributed with the others)."""
    here = ctx.paragraph_of(cue.idx)
    p_start, p_end = ctx.paragraphs[here]
    if here + 1 >= len(ctx.paragraphs) or ctx.text[p_end - 1] != ":":
        return None
    if ctx.token_at(p_end - 1) > cue.right_edge.i + 1:
        return None  # the colon ends some other clause ("he said the plan had two parts:")
    start, end = ctx.paragraphs[here + 1]
    if end <= start or is_mark(ctx.doc[ctx.token_at(start)]):
        return None
    return start, end


def further_statement(cue: Token) -> bool:
    """A speech verb joined on with no subject of its own ("… said he would act and warned
    against delay", "…, arguing that …"): the speaker's next statement, which the parser
    may hang inside the first one's content."""
    if verb_lemma(cue) not in SPEECH_VERBS or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return False
    return cue.dep_ == "conj" or (cue.dep_ == "advcl" and cue.tag_ == "VBG")


def drop_nested(found: list[Reported]) -> list[Reported]:
    """Positions reported inside what someone said ("a source said [an aide decided to …]")
    belong to that report, not to a report of their own."""
    outer = [r for r in found if r.cue.lower_ == "according" or verb_lemma(r.cue) in SPEECH_VERBS | COGNITION_VERBS]
    kept = []
    for r in found:
        nested = verb_lemma(r.cue) not in NESTED_KEPT_VERBS and not further_statement(r.cue) and any(
            o is not r and o.content[0] <= r.cue.idx < o.content[1] for o in outer
        )
        if not nested:
            kept.append(r)
    return kept
