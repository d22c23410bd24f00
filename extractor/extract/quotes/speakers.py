"""The speaker of a cue: its subject, the agent of a passive, the object of "according
to", the subject it shares with the verb it hangs from, or the name beside it; and the
noun phrase that speaker mention spans."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from extractor.extract.coreference import description_types, is_person_noun
from extractor.extract.entity_names import DATELINE_PLACE_RE
from extractor.extract.lexicon import TITLE_WORDS
from extractor.extract.quotes.context import Context
from extractor.extract.quotes.cues import (
    ADDRESSEE_VERBS, is_cue, is_speech_cue, misread_verb, noun_holder, poll_of, verb_lemma,
)
from extractor.nlp.views import doc_text

# Dependency labels of a clause's subject; a passive one names the speaker only via "by".
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Relative pronouns stand for the noun their clause modifies ("Trump, who called it …").
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Parts of speech a speaker's noun phrase is made of.
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
# Labels through which a verb without its own subject shares its head's
# ("X smiled, adding that …", "X stood up and said …", "X refused, saying …").
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp"})
# Verbs whose object then does what their "to" clause says ("prompted Trump to call it …").
RESULT_VERBS = frozenset({"prompt", "lead", "spur", "cause", "drive", "inspire", "provoke", "move"})
# Modifiers that stay with a noun in a speaker mention ("OpenAI CEO Sam Altman").
MENTION_LEFT_DEPS = frozenset({"det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "case", "advmod"})
# Prepositions that stay with a common noun in a mention ("director of AI governance").
MENTION_PREPS = frozenset({"of", "for", "at", "with", "from"})


# Verbs whose object is who they blame or praise: without an object, their "for" or "of"
# phrase makes a headline's passive ("Orvex blamed for outage", "minister accused of lying").
TARGET_VERBS = frozenset({
    "blame", "accuse", "criticize", "criticise", "fault", "credit", "praise", "thank", "slam", "blast",
    "condemn", "hail", "laud", "commend", "applaud", "mock", "ridicule", "attack",
})


def reduced_passive(cue: Token) -> bool:
    """"Orvex blamed for global outage": a passive without its "was", which the parser reads
    as active; its subject is who is blamed, and who blames it is not said."""
    if verb_lemma(cue) not in TARGET_VERBS or any(c.dep_ == "dobj" for c in cue.children):
        return False
    after = [c for c in cue.rights if c.dep_ not in ("punct", "advmod", "npadvmod")]
    return bool(after) and after[0].dep_ == "prep" and after[0].lower_ in ("for", "of")


def asked_participle(cue: Token) -> bool:
    """A past participle of asking or urging that opens onto the clause of the one addressed
    ("Asked about the bomb, Clinton said …", "Urged to resign, the mayor said …"): who asked
    is not said."""
    return cue.tag_ == "VBN" and cue.dep_ == "advcl" and verb_lemma(cue) in ADDRESSEE_VERBS \
        and not any(c.dep_ == "agent" for c in cue.children)


def asked_passive(cue: Token) -> bool:
    """A passive of asking or urging ("Yellen was asked about SVB's situation"): its "about"
    phrase is the topic put to the one addressed, not words anyone said."""
    return verb_lemma(cue) in ADDRESSEE_VERBS and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in cue.children) \
        and not any(c.dep_ == "agent" for c in cue.children)


def as_clause(cue: Token) -> bool:
    """The cue's clause is an "as" aside ("As many experts have pointed out, Trump is free
    to …", "…, as police have said"): the sentence it hangs on is what was said."""
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)


def as_participle(cue: Token) -> bool:
    """An "as" aside that is a participle with no one doing it ("held rates, as expected";
    "Patriot failed as predicted"): a view the writer does not attribute (but "as reported
    by X" names who reported, and "as analysts expected" who expected)."""
    return cue.tag_ == "VBN" and as_clause(cue) and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in cue.children)


def subject_of(cue: Token) -> Token | None:
    """The speaker token of a cue: its subject, the agent of a passive, the object of
    "according to", the poll of "in the poll", or the subject it shares with the verb it
    hangs from; else a name before an aside in dashes right before it (``subject_across_aside``).
    A headline's passive (``reduced_passive``) has none."""
    if reduced_passive(cue) or as_participle(cue):
        return None
    found = _parsed_subject(cue)
    if found is None and cue.tag_ in ASIDE_VERB_TAGS:
        found = subject_across_aside(cue)
    if found is not None:
        found = _name_run_into_description(found, cue) or _person_apposed_to_place(found) or found
    if found is None or found.ent_type_ in ("GPE", "LOC", "ORG", "NORP") or found.pos_ == "VERB":
        found = _person_after_title(cue) or found  # (not "a study by professor Jane Doe found": the study's)
    return _named_after_demonym(found) if found is not None else None


def _person_apposed_to_place(subject: Token) -> Token | None:
    """The person set in apposition to a place the parser made the subject ("Police Commander
    Malaita Province, Chief Superintendent Tex Tafoa said"): the person speaks, not the place."""
    if subject.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.ent_type_ in ("PERSON", "ORG", "")  # (the model may tag a titled name a firm's)
                 and c.left_edge.i == subject.i + 2 and subject.nbor().text == ","), None)  # (not a dateline's "Rome, OCT 31:")


def _person_after_title(cue: Token) -> Token | None:
    """The person named right before the cue after a place's or a body's name and a title, which
    the parser tears apart ("France head coach Deschamps said", read as "France heads coach"):
    the person speaks, not the country."""
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].ent_type_ != "PERSON":
        return None
    first = doc[cue.i - 1]
    while first.ent_iob_ != "B" and first.i > 0 and doc[first.i - 1].ent_type_ == "PERSON":
        first = doc[first.i - 1]
    k = first.i - 1
    while k > 0 and first.i - k <= 3 and doc[k].is_lower and doc[k].is_alpha:
        k -= 1
    between = doc[k + 1:first.i]
    return doc[cue.i - 1] if between and doc[k].ent_type_ in ("GPE", "LOC", "ORG", "NORP") \
        and any(t.lower_ in TITLE_WORDS for t in between) else None


def _name_run_into_description(subject: Token, cue: Token) -> Token | None:
    """The person's name that closes a long description of them right before the cue, where
    the parser ran it into the description's last phrase ("Natural Hazards Expert at
    Nottingham Trent University in the U.K. Steven Godby said": the U.K. is no speaker, nor
    the expert's title); not a name that is a whole phrase of its own ("a spokesman for Joe
    Biden said" is the spokesman's)."""
    if subject.ent_type_ == "PERSON" or cue.i == 0 or not (subject.pos_ == "PROPN" or is_person_noun(subject)):
        return None  # (a study's author is not the study: "a study by professor Jane Doe found")
    last = cue.doc[cue.i - 1]
    if last.ent_type_ != "PERSON" or last.i <= subject.i or not any(t.i == last.i for t in subject.subtree):
        return None
    node = last
    while node.i != subject.i:
        if node.dep_ == "prep" and node.lower_ in ("by", "for", "of", "with", "to"):
            return None  # "a spokesman for Joe Biden": whom the subject speaks for
        node = node.head
    first = last
    while first.i > 0 and first.doc[first.i - 1].ent_type_ == "PERSON" and first.doc[first.i - 1].ent_iob_ != "O" \
            and first.ent_iob_ != "B":
        first = first.doc[first.i - 1]
    before = [t for t in last.subtree if t.i < first.i]
    return last if any(t.ent_type_ != "PERSON" and t.dep_ in ("compound", "det", "nmod") for t in before) else None


def _named_after_demonym(token: Token) -> Token:
    """The name a demonym describes when the parser made the demonym the subject ("Chinese
    startup DeepSeek made a splash, claiming …", with "startup" read as a verb): the
    adjective cannot speak, the name after it does; with no name, the noun it describes
    ("according to the Chinese startup behind it": the startup)."""
    if token.pos_ != "ADJ" or token.ent_type_ != "NORP":
        return token
    described = None
    for after in token.doc[token.i + 1 : token.i + 4]:
        if after.pos_ == "PROPN":
            return after
        if after.pos_ not in ("NOUN", "VERB", "ADJ") or not after.is_lower:
            break
        if after.pos_ == "NOUN" and described is None:
            described = after
    return described or token


# Verb tags of a cue that may follow an aside (the parser may read "— called" as a participle).
ASIDE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# Dashes that set an aside off ("Boeing — which builds the jets — called it ...").
ASIDE_DASHES = frozenset({"—", "–", "-", "--"})
# How many tokens an aside in dashes may hold.
ASIDE_MAX_TOKENS = 40


def subject_across_aside(cue: Token) -> Token | None:
    """"Boeing — which has supplied the airline for decades — called it 'a vote of confidence'":
    the parser loses the subject across the aside; the name before the first dash is the
    cue's subject when nothing else in the clause could be."""
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].text not in ASIDE_DASHES or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    close = doc[cue.i - 1]
    for i in range(cue.i - 2, max(-1, cue.i - 2 - ASIDE_MAX_TOKENS), -1):
        tok = doc[i]
        if tok.text in ("\n", ".", ";", "\"", "“", "”") or "\n" in tok.text:
            return None
        if tok.text == close.text and i >= 1:
            name = doc[i - 1]
            if name.pos_ == "PROPN" or (name.pos_ == "NOUN" and name.ent_type_):
                return name
            return None
    return None


def is_age_description(token: Token) -> bool:
    """"old" of "the 24-year-old", which stands for a person (the parser may hang it, and
    its "the", on the verb)."""
    return token.lower_ == "old" and any(c.lower_ in ("year", "years") and any(
        g.like_num for g in c.children) for c in token.children)


# Passives whose subject is the one who spoke ("X was quoted as saying", "was cited as saying").
QUOTED_PASSIVES = frozenset({"quote", "cite"})


# What ends a name after a comma, which the parser may take for a subject of its own ("X, Jr. said").
GENERATION_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _parsed_subject(cue: Token) -> Token | None:
    """``subject_of`` as the parse gives it."""
    if cue.lower_ == "in":
        return poll_of(cue)
    if cue.lower_ == "according":
        to = cue.nbor()
        for child in list(to.children) + list(cue.children):
            if child.dep_ == "pobj":
                return child
        return None
    if cue.pos_ == "NOUN":
        return misread_verb(cue) or noun_holder(cue)
    token, hops, came_by = cue, 0, None
    while hops < 4:
        for child in token.children:  # a passive's agent, even where the parse made its subject active
            if child.dep_ == "agent":  # ("the launch — referred to by X as …")
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.tag_ != "EX"] \
            or [c for c in token.children if c.i < token.i and is_age_description(c)]  # '"…," the 24-year-old said'
        if subjects:  # "which the company claims …": the company, not the relative pronoun
            named = [c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS]
            before = [c for c in named if c.i < token.i]
            if len(before) >= 2 and before[-1].i + 1 == token.i and before[-1].pos_ == "PROPN" \
                    and before[-1].lower_.rstrip(".") not in GENERATION_WORDS and not any(
                    t.pos_ == "CCONJ" for t in token.doc[before[-2].i:before[-1].i]):  # (not "X and other experts seem")
                return before[-1]  # "Speaking on Plot 6, Gayaza Road in Ntinda on Monday, Mukasa lamented": two
                # subjects parsed, the name right before the verb speaks (the first is a fronted phrase's; not
                # "The officer, Mr X who confirmed the story said", whose "story" the parser made a subject too)
            return (named or subjects)[0]
        passive = next((c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if passive is not None:  # "Yellen was asked about SVB and said: …": a verb joined to a
            # passive shares its subject; the passive's own subject did not speak ("she was told"),
            # unless it is quoted ("Smallwood was quoted as saying")
            return passive if came_by == "conj" or token.i == cue.i and token.lemma_.lower() in QUOTED_PASSIVES else None
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ == "acl" and token.tag_ == "VBD" and token.head.pos_ in ("NOUN", "PROPN") \
                and token.head.i == token.i - 1:
            return token.head  # "a Nvidia spokesperson called it …": a finite verb the parser hung on its subject
        described = participle_subject(token)
        if described is not None:
            return described
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":  # "After saying …, she was …"
            clause = token.head.head
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
            return subjects[0] if subjects else None
        if token.dep_ == "acomp":  # "he was critical of …": the subject of "be"
            token, hops = token.head, hops + 1
            continue
        if token.dep_ not in SHARED_SUBJECT_DEPS or token.head.i == token.i:
            return None
        if token is cue and asked_participle(cue):
            return None  # "Asked about X, Clinton said …": Clinton was asked; who asked is not said
        if crosses_paragraph(token, token.head):
            return None
        if token is cue and cue.head.dep_ == "ccomp" and not is_cue(cue.head) and is_cue(cue.head.head) \
                and cue in speaker_participles(cue.head):
            # "He confirmed that the situation is critical, announcing that …": the one who confirmed
            token, hops, came_by = cue.head.head, hops + 2, None
            continue
        if token is cue and _joined_to_reported_clause(cue):
            # "Meeks noted that Nvidia appears undervalued but cautioned that …": the parser joined
            # the second cue to the first one's reported clause; it shares the first cue's subject
            token, hops, came_by = token.head.head, hops + 2, "conj"
            continue
        if token.dep_ == "xcomp" and token.i == cue.i and verb_lemma(token.head) in RESULT_VERBS:
            # "prompting Donald Trump to describe it as …": the one prompted spoke (but "urged
            # Stumpf to admit …" is the urger's claim, "requires countries to give …" the rule's)
            controller = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None)
            if controller is not None:
                return controller
        if token.dep_ == "ccomp" and token is not cue:
            return None
        if _participle_after_subordinate(token):
            # "Sunak conceded moments before Labour passed the mark, declaring: …": the
            # participle goes with the main clause, not the "before" clause the parser hung it on
            token, hops, came_by = token.head.head, hops + 2, None
            continue
        token, hops, came_by = token.head, hops + 1, token.dep_
    return None


def speaker_participles(clause: Token) -> list[Token]:
    """Participles of saying after a comma that the parser hung on a reported clause ("confirmed
    that the situation is critical, announcing that …"): the speaker's next report, not part of
    the clause."""
    if any(c.dep_ in SUBJECT_DEPS and _may_speak(c) for c in clause.children):
        return []  # "said its auditor, Ernst & Young, had resigned, saying …": the auditor's saying
    return [c for c in clause.rights if c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i == c.i >= 2
            and c.nbor(-1).text == "," and (c.nbor(-2).pos_ != "PROPN" or c.nbor(-2).ent_type_ in ("DATE", "TIME"))
            # (not "utterances by X, alleging …"; but "through Saturday, suggesting …")
            and is_speech_cue(c) and any(g.dep_ == "ccomp" for g in c.children)]


def _may_speak(subject: Token) -> bool:
    """A subject that names or describes someone who may say things: a name, a person or an
    organisation's noun, or one with a name beside it ("its auditor, Ernst & Young")."""
    return subject.pos_ == "PROPN" or bool(subject.ent_type_) or description_types(subject) is not None \
        or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children)


def _joined_to_reported_clause(cue: Token) -> bool:
    """A cue verb with no subject of its own, joined to the clause another cue reports (a
    ``ccomp`` of a cue, which is no cue itself)."""
    head = cue.head
    return cue.dep_ == "conj" and head.dep_ == "ccomp" and not is_cue(head) and is_cue(head.head) \
        and not any(c.dep_ in SUBJECT_DEPS for c in cue.children)


def _participle_after_subordinate(token: Token) -> bool:
    """A participle set off by a comma whose parsed head opens with a subordinator ("before",
    "as", "after") and hangs on a main clause's verb."""
    head = token.head
    return (token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > 0 and token.doc[token.i - 1].text == ","
            and head.dep_ == "advcl" and head.head.i != head.i
            and any(c.dep_ == "mark" and c.i < head.i for c in head.children))


def participle_subject(token: Token) -> Token | None:
    """The noun a present participle describes when it follows it directly ("a letter
    urging …", "footage of Clinton asking …", which the parser may hang on the verb):
    that noun is its subject, also where the parser makes it the sentence's ("fell in the
    wake of Trump announcing …"). After a comma the participle is the clause's ("Trump spoke
    at the rally, saying …")."""
    if token.tag_ != "VBG" or token.i == 0:
        return None
    head = token.head
    if token.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and head.i < token.i:
        return None if any(t.text in ",;:—–(" for t in token.doc[head.i + 1 : token.i]) else head
    before = token.doc[token.i - 1]
    if token.dep_ in ("xcomp", "advcl") and before.pos_ == "PROPN" and before.dep_ == "pobj" and before.head.lower_ == "of":
        return before
    return None


# The date (and agency) after a dateline's place, then its dash or colon: ", OCT 31:",
# ", June 3 (AFP) -".
DATED_DATELINE_RE = re.compile(r",\s*[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([^()]{1,30}\)\s*)?(?:--|[—–―:-])")


def is_dateline(token: Token) -> bool:
    """An upper-case place opening a paragraph before a dash ("WASHINGTON -- President
    Obama said …"), or any place before a date and a dash or colon ("Brasília, OCT 31:"):
    the story's dateline, which the parser may take for the subject."""
    doc = token.doc
    start = token.i
    while start > 0 and not ("\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_):
        start -= 1
    words = doc[start : token.i + 1]
    if len(words) > 4:
        return False
    if all(t.is_title or t.is_upper or t.is_punct for t in words) and DATED_DATELINE_RE.match(doc_text(doc), token.idx + len(token)):
        return True  # "Brasília, OCT 31: President-elect Lula called …"
    if all(t.is_title and t.ent_type_ in ("GPE", "LOC") for t in words) and token.i + 2 < len(doc) \
            and doc[token.i + 1].text == ":" and doc[token.i + 2].is_title:
        return True  # "New Delhi: Budget carrier IndiGo urged …", a place and a colon (not a speaker's label)
    opening = DATELINE_PLACE_RE.match(doc_text(doc), doc[start].idx)
    if opening is not None and token.idx < opening.end("place"):
        return True  # "CASPER, Wyo. — Following hearings, the board approved …": the place, its region, a dash
    if not all(t.is_upper or t.is_punct for t in words):
        return False
    rest = doc[token.i + 1 : token.i + 4]
    return any(t.text in ("--", "—", "–", "―", "-") for t in rest) \
        or AGENCY_DASH_RE.match(doc_text(doc), token.idx + len(token)) is not None


# A wire agency's name in brackets between a dateline's place and its dash ("SAN FRANCISCO
# (Reuters) -", "LONDON (AP) —").
AGENCY_DASH_RE = re.compile(r"\s*\([^()\n]{1,30}\)\s*(?:--|[—–―-])")


def can_speak(ctx: Context, head: Token) -> bool:
    """A speaker is a noun or pronoun ("the 24-year-old" too) outside the quotation marks,
    not a time or number."""
    if ctx.quoted(head.idx) or not any(c.isalpha() for c in head.text):
        return False
    if is_age_description(head):
        return True  # (which the model tags a date)
    if head.pos_ not in ("PROPN", "PRON", "NOUN") and not head.ent_type_ and getattr(
            ctx.entities.at(head.idx, head.idx + len(head.text)), "type", None) not in ("PERSON", "ORG"):
        return False  # (but a person's name the tagger took for an adjective: "Trump, however, described …")
    return head.ent_type_ not in ("TIME", "DATE", "MONEY", "QUANTITY", "ORDINAL")


def crosses_paragraph(a: Token, b: Token) -> bool:
    """The parse joined words of two paragraphs (a sentence end the tokenizer missed)."""
    start, end = sorted((a.i, b.i))
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[start:end])


def speaker_near(cue: Token, frame: Sequence[Token]) -> Token | None:
    """When the parse gave the cue no subject, the name next to it in the words beside the
    quote: right after an inverted cue (“…,” said Kei Okamura) or before it (“…,” Rep.
    Elijah E. Cummings (D-Md.) said; "In a post on X Altman said:")."""
    words = [t for t in frame if not t.is_punct or t.text in ",()"]
    if not words:
        return None
    if cue.i == words[0].i:  # tokens are made afresh on each access: compare positions
        for k, token in enumerate(words[1:7], start=1):
            if token.pos_ in ("PROPN", "PRON", "NOUN") and token.dep_ not in ("pobj", "npadvmod"):
                if token.pos_ == "NOUN" and (named := _name_after_title(words[k:k + 6])) is not None:
                    return named  # “…,” added study co-author Eduardo Guerras (the title's hyphen misparsed)
                return name_head(token)
            if token.pos_ in ("ADP", "VERB") or token.text in (",", "."):
                break
        return None
    before = [t for t in words if t.i < cue.i]
    if before and before[-1].i == cue.i - 1 and before[-1].pos_ == "PROPN" and before[-1].dep_ == "pobj":
        return before[-1]  # "In a post on X Altman said:": the name the parser hung on the phrase before it
    run: list[Token] = []
    depth = 0
    for token in (t for t in words if t.i < cue.i):  # the first noun phrase outside brackets
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(depth - 1, 0)
        elif depth:
            continue
        elif token.pos_ in NOMINAL_POS or token.is_title:
            run.append(token)
        elif run or token.pos_ in ("VERB", "ADP"):
            break
    nouns = [t for t in run if t.pos_ in ("PROPN", "NOUN", "PRON") or t.is_title]
    return nouns[-1] if nouns else None


def _name_after_title(words: Sequence[Token]) -> Token | None:
    """The last word of a person's name that follows a title's common nouns ("study co-author
    Eduardo Guerras"), before any punctuation, preposition or verb; else None."""
    for token in words:
        if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
            return name_head(token)
        if token.pos_ not in ("NOUN", "ADJ") and token.text not in ("-", "–"):
            return None
    return None


def name_head(token: Token) -> Token:
    """The last word of the name a word starts ("Chuck" → "Jordan" in "Chuck Jordan")."""
    doc = token.doc
    while True:
        if token.dep_ in ("compound", "flat") and 0 < token.head.i - token.i <= 3:
            token = token.head
        elif token.pos_ == "PROPN" and token.whitespace_ and token.i + 1 < len(doc) and token.nbor().pos_ == "PROPN":
            token = token.nbor()
        else:
            return token


# Documents and media speak for whoever made them ("the ad questions …", "the poll
# shows …", "the ruling rejects …").
DOCUMENT_NOUNS = frozenset({
    "ad", "advertisement", "commercial", "spot", "report", "statement", "article", "poll",
    "survey", "study", "letter", "video", "footage", "clip", "tweet", "post", "book", "film",
    "documentary", "piece", "memo", "bill", "law", "document", "filing", "analysis", "paper",
    "editorial", "column", "story", "release", "transcript", "website", "page", "message",
    "email", "record", "data", "figures", "statistics", "review", "audit", "lawsuit", "suit", "complaint", "ruling",
    "decision", "order", "proposal", "policy", "platform", "resolution", "brief", "treaty",
    "convention", "constitution", "agreement", "deal", "plan", "budget", "speech", "interview",
    "headline", "campaign", "program", "programme", "show", "broadcast", "network", "newspaper",
    "announcement", "notice", "note", "disclosure",
})


def owned_source_document(head: Token) -> bool:
    """The noun is a document of someone's that "according to" cites ("according to Acme's
    announcement"): a name the parser hangs after it in apposition is the next clause's
    subject ("…, president Dana Pell will step down"), not the document's author."""
    return (head.lower_ in DOCUMENT_NOUNS or head.lemma_.lower() in DOCUMENT_NOUNS) and head.dep_ == "pobj" \
        and head.head.lower_ == "to" and head.head.head.lower_ == "according" \
        and any(c.dep_ == "poss" for c in head.children)


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase a speaker head stands in: a description's
    name in apposition ("the chief executive, Dana Pell"), not the name after an owned
    document "according to" cites (``owned_source_document``)."""
    if head.pos_ == "NOUN" and not owned_source_document(head):
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return mention_bounds(child)
    start = head.i
    for child in head.lefts:
        if child.dep_ in MENTION_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.i != end:
            break
        if child.dep_ in ("compound", "flat", "nummod") or (
            child.dep_ == "prep" and child.lower_ in MENTION_PREPS and head.pos_ == "NOUN"
        ):
            end = child.right_edge.i + 1
        else:
            break
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):  # a mention stays in its paragraph
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_:
            end = i
            break
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def name_run(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Token range of a leading personal or organisation name ("Sonya Herridge", "PENCE")."""
    words = [t for t in tokens if not t.is_space]
    run = []
    for token in words:
        if token.pos_ == "PROPN" or (token.is_title and token.is_alpha) or (token.is_upper and token.is_alpha):
            run.append(token)
        elif run and token.text == "." and len(run[-1].text) == 1:
            run.append(token)
        elif run and token.text in ("-", "–") and not run[-1].whitespace_ and not token.whitespace_:
            run.append(token)  # "Okonjo-Iweala", which the tokenizer splits at its hyphen
        else:
            break
    while run and run[-1].text in ("-", "–"):
        run.pop()
    if not run or len(run) > 6:
        return None
    return run[0].i, run[-1].i + 1
