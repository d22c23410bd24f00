"""Authors of a web page or a text dump: bylines found and split into people.

A byline is looked for where pages print it: an element marked as the author, "By ..." or a
bare name under the headline, a "By" line at the top of the text, a byline after the
article. ``person_names`` splits one into people and drops what is not a person (outlets,
desks, "Staff", job titles, page labels).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.etree import _Element as Element

from extractor.ingest.printed_dates import DATELINE_DATE, printed_date

# "By Jane Doe" (up to four capitalised words, "and" between names) printed by the headline.
HEADER_BYLINE = re.compile(
    r"(?:\b[Bb]y|\bBY|\bAuthor(?:ed by)?|\bAUTHOR)\b:?\s+"
    r"((?:[A-Z][\w.'’-]*\s?){2,4}(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:[A-Z][\w.'’-]*\s?){2,4})*)"
)
# A bare name (two or three capitalised words) followed by a date or a job title.
BARE_BYLINE = re.compile(
    r"(?:^|[.!?|·•]\s|\s)((?:[A-Z][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ'’-]+)?\s){1,2}?[A-Z][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ'’-]+)?)"
    r"\s*[|·•,–-]?\s*(?:in\s+[a-z]\w*\s+)?(?i:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?:?\s+)?"
    r"(?=\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|(?:[A-Z]\w+\s){0,2}(?i:(?:senior |staff |tech |contributing )?"
    r"(?:writer|reporter|editor|author|correspondent|contributor|columnist|administrator|coordinator|strategist"
    r"|specialist|consultant|developer|engineer|manager)\b))"
)
# Lower-case particles inside a person's name ("Erik van Vulpen", "Robin de Peyer").
NAME_PARTICLES = r"van|von|der|de|den|del|da|di|la|le|bin|al"
# Names listed in a printed byline: capitalised words (and name particles; a month starts
# the date after the names), joined by commas, "&", "+" or "and".
_LISTED_NAME = (rf"[A-Z][\w.'’-]*(?:\s+(?:(?:{NAME_PARTICLES})\s+)*"
                r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][\w.'’-]*){1,3}")
NAME_LIST = re.compile(rf"{_LISTED_NAME}(?:\s*(?:,|&|\+|\band\b)\s*{_LISTED_NAME})+")
# Credits before "by" that name someone other than the author.
OTHER_CREDIT = re.compile(r"\b(?:review|check|edit|test|illustrat|photograph|translat|produc|narrat|present)\w*\s*$",
                          re.IGNORECASE)
# Words of headlines and section labels, not of names: a bare byline holding one is not one.
HEADLINE_WORDS = frozenset("the a an our my your how what why when where best top new this these all guide".split())
# A byline after the article: "Written by", "Article by", "(Guest) author" and a name of
# two to four capitalised words; looked for this close after the body's last words.
END_BYLINE = re.compile(
    r"\b(?:(?:[Ww]ritten|[Aa]rticle|[Pp]osted|[Ss]tory|[Ww]ords)\s+by|(?:[Gg]uest\s+)?[Aa]uthor)\b:?\s+"
    r"((?:[A-Z][\w'’-]*\.?\s?){2,4})"
)
END_BYLINE_CHARS = 200
# The body's last characters, found again in the page to know where the article ends.
END_ANCHOR_CHARS = 80
# "Let's", "don't": a word that ends a name.
CONTRACTION = re.compile(r"['’](?:s|t|ll|re|ve|d|m)$")
# The bare name is looked for this close after the headline.
HEADER_BARE_BYLINE_CHARS = 400
# A byline printed above the text: "By Jane Doe", "Words by Jane Doe", "Written by ...".
BYLINE_TEXT = re.compile(r"^(?:(?:words|written|reported|posted|story|text)\s+)?by[:\s]+(.{3,120})$", re.IGNORECASE)
# Words of a byline that say the author is not one person: desks, teams, outlets, wires.
NOT_A_PERSON = re.compile(
    r"\b(staff|desk|team|editors?|editorial|newsroom|reporters|correspondents|contributors|bureau|wires?"
    r"|press|news|media|associated|agency|agencies|reuters|afp|bloomberg|admin|administrator|guest|webmaster"
    r"|inc|llc|ltd|group|magazine|journal|times|post|daily|online|network|blog|company|corporation"
    r"|university|institute|association|foundation|council|department|office)\b"
    r"|\.(?:com|org|net|co|io)\b|@|https?:|www\.",
    re.IGNORECASE,
)
# Job titles after a name ("Jane Doe, Senior Reporter"): not part of the name.
ROLE_WORDS = re.compile(
    r"\b(writer|reporter|editor|correspondent|columnist|contributor|author|producer|journalist|analyst"
    r"|director|manager|founder|ceo|chief|head|lead|senior|staff|freelance|contributing|photographer)\b",
    re.IGNORECASE,
)
# Credentials that follow a name and belong with it ("Jane Doe, Ph.D.", "John Roe, MD").
CREDENTIAL = re.compile(
    r"^(?:ph\.?\s?d\.?|m\.?d\.?|d\.?o\.?|r\.?n\.?|mba|mph|msc|m\.?s\.?|m\.?a\.?|b\.?a\.?|b\.?s\.?|jr\.?|sr\.?"
    r"|ii|iii|iv|esq\.?|cpa|cfp|cfa|dvm|rd|rdn|ld|ldn|fand|cdces|cscs|cpt|mrcgp|frcp|lcsw|lmft|pharmd|psyd|np"
    r"|pa-c|facs|faap|edd|dds|dmd)$",
    re.IGNORECASE,
)
# What introduces a byline: "By", "Written by", "Posted by", "Authors:", glued ("ByJane") or not.
BYLINE_PREFIX = re.compile(
    r"^(?:(?:(?:text|words|written|posted|authored|reported|story|article)\s*by|by)(?:\s*:\s*|\s+|(?=[A-Z]))"
    r"|(?:authors?|writers?|written by|byline)(?:\s*:\s*|\s+(?=[A-Z])))",
    re.IGNORECASE,
)
# Page labels that sit where a byline would ("Updated", "Name *", "Share").
NOT_A_NAME_WORDS = frozenset(
    "updated published posted name email comment comments share home menu search read more related table"
    " contents follow subscribe min minutes reading time print save copy link about bio profile view category categories"
    " topic topics tag tags sort filter type".split()
)
# A name does not end with a month ("Updated January", "Personal finance October").
MONTHS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Page labels glued after a name in a byline ("Victoria Raw Last updated", "Erik van Vulpen Reviewed").
TRAILING_LABELS = frozenset("last updated reviewed edited published posted released signing verified".split())
# Section and desk names that pages put where a byline goes ("Hardware", "HR Strategy"): a
# person's name is not made of them. (A one-word name in capitals, "WRAL", is an outlet.)
SECTION_WORDS = frozenset(
    "strategy marketing sales hardware software technology business finance science fiction health"
    " lifestyle travel culture sports politics opinion research development engineering design content".split()
)
# Credits that name someone other than the author.
NOT_THE_AUTHOR = re.compile(
    r"(?:(?:medically |fact[- ]?)?(?:reviewed|checked|edited|updated|illustrated|photographed)(?: by)?|about|full bio"
    r"|more (?:from|by)|related|contact)\b",
    re.IGNORECASE,
)
# A name glued to what follows it in the page's markup ("Jane DoeSenior Editor").
GLUED_WORDS = re.compile(r"([a-z]{3})([A-Z][a-z])")
# Between names in one byline ("Jane Doe + John Roe" too).
NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\+|\||\n)\s*", re.IGNORECASE)
# A note in brackets after a name: a job title, a handle ("Lance Ryan (Content Manager)").
PARENTHESIS = re.compile(r"\s*\([^)]*\)")
# "Jane Doe @ Acme": the rest is the employer.
AFFILIATION = re.compile(r"\s+@\s+")
# "Jane Doe on behalf of the working group": the rest is not a name.
BEHALF = re.compile(r"\s+on behalf of\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# A person's name has one to five words, each starting with a letter.
MAX_NAME_WORDS = 5
# The byline is looked for this many lines before and after the body's first line.
BYLINE_WINDOW = 8


def element_text(el: Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _clean_name(name: str) -> str:
    name = PARENTHESIS.sub("", " ".join(name.split()))
    words = name.split()
    if len(words) > 2 and words[0].isupper() and words[0] == "".join(w[0] for w in words[1:len(words[0]) + 1]):
        name = " ".join(words[1:])  # an avatar's initials before the name ("CM Craig McCarthy")
    name = AFFILIATION.split(BEHALF.split(DATELINE_DATE.sub("", name), maxsplit=1)[0], maxsplit=1)[0]
    name = BYLINE_PREFIX.sub("", name.strip(" ,;:|-–—•·*"))
    return name.strip(" ,;:|-–—•·*")


# The label of an author's picture printed over the byline ("Jane Doe's Photo"): no name of its own.
AVATAR_LABEL = re.compile(r"[\w.'’ -]{1,40}['’]s? (?:photo|avatar|picture|profile (?:photo|picture))", re.IGNORECASE)


def person_names(byline: str | None, site_names: tuple[str, ...] = (), min_words: int = 1) -> list[str]:
    """The people in a byline: split on commas, "and", "&"; outlets, desks and roles dropped.

    A credential after a comma ("Ph.D.", "MD") stays with the name before it. A one-word
    name equal to the site's is the outlet; a full name equal to it is a personal site's owner. Names found
    in page text rather than a metadata field need ``min_words`` (2: a first and last name).
    """
    if not byline or "http" in byline.lower() or NOT_THE_AUTHOR.match(byline.strip()) or AVATAR_LABEL.fullmatch(byline.strip()):
        return []
    byline = GLUED_WORDS.sub(r"\1\n\2", byline)
    names: list[str] = []
    sites = {" ".join(_WORD.findall(s.lower())) for s in site_names if s}
    for part in NAME_SPLIT.split(_clean_name(byline)):
        part = _clean_name(part)
        if not part:
            continue
        while len(last := part.rsplit(None, 1)) == 2 and last[1].lower() in TRAILING_LABELS:
            part = last[0]  # "Victoria Raw Last updated": a page label glued after the name
        if CREDENTIAL.match(part) and names:
            names[-1] = f"{names[-1]}, {part}"
            continue
        words = _WORD.findall(part)
        if not words or len(part.split()) > MAX_NAME_WORDS or not part[0].isalpha():
            continue
        lowered = [w.lower() for w in words]
        if NOT_A_PERSON.search(part) or ROLE_WORDS.search(part) or NOT_A_NAME_WORDS.intersection(lowered) \
                or lowered[-1] in MONTHS or SECTION_WORDS.intersection(lowered) \
                or (len(words) == 1 and (words[0].lower() in sites or (words[0].isupper() and len(words[0]) > 2))) \
                or len(words) < min_words:
            continue
        if any(c.isdigit() for c in part) or not (words[0][0].isupper() and words[-1][0].isupper()):
            continue
        if part not in names:
            names.append(part)
    return names


def authors_of(value: object) -> list[str]:
    """People named by an author field as inputs give it: a byline string, a list, objects."""
    if isinstance(value, (list, tuple)):
        return list(dict.fromkeys(name for item in value for name in authors_of(item)))
    if isinstance(value, dict):
        value = value.get("name")
    return person_names(value) if isinstance(value, str) else []


def byline_elements(tree: Element) -> list[str]:
    """Text of elements marked as the author: itemprop/rel author, class byline or author."""
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link", "body", "html"):
            continue
        marks = " ".join(filter(None, (el.get("itemprop"), el.get("rel"), el.get("class")))).lower()
        if "author" in marks or "byline" in marks:
            text = element_text(el)
            if el.get("itemprop") == "author" and el.find('.//*[@itemprop="name"]') is not None:
                text = element_text(el.find('.//*[@itemprop="name"]'))
            if 0 < len(text) <= 120:
                found.append(text)
        if len(found) >= 6:
            break
    return found


@dataclass(frozen=True)
class Byline:
    """A byline line of a text dump: its index, the people it names and the date it prints."""

    line: int | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def find_byline(lines: list[str], keep: list[bool]) -> Byline:
    """The "By ..." line next to where the kept text starts, if there is one."""
    start = next((i for i, (line, kept) in enumerate(zip(lines, keep)) if kept and line.strip()), None)
    if start is None:
        return Byline()
    for i in range(max(0, start - BYLINE_WINDOW), min(len(lines), start + BYLINE_WINDOW)):
        match = BYLINE_TEXT.match(lines[i].strip())
        if not match:
            continue
        rest = match.group(1)
        date = DATELINE_DATE.search(rest)
        names = person_names(re.split(r"\s+[-–—|·•]\s+|\s+(?:updated|published|posted|on)\b", rest[:date.start()]
                                      if date else rest, maxsplit=1, flags=re.IGNORECASE)[0])
        if names:
            if date is None and i + 1 < len(lines):  # the date on a line of its own below
                date = DATELINE_DATE.fullmatch(lines[i + 1].strip().rstrip("."))
            return Byline(i, names, printed_date(date.group(0)) if date else None)
    return Byline()


def after_body(text: str, body: str) -> str:
    """The page's visible ``text`` just after the extracted article (where blogs and magazines
    print the author and the date), or "" when the article's last words cannot be found."""
    tail = " ".join(body[-END_ANCHOR_CHARS:].split())
    at = text.rfind(tail) if tail else -1
    return text[at + len(tail):at + len(tail) + END_BYLINE_CHARS] if at >= 0 else ""


def end_bylines(after: str) -> list[str]:
    """A byline printed right after the article ("Written by Jane Doe", "Article by ...",
    "Guest author Jane Doe")."""
    return [name for m in END_BYLINE.finditer(after) if (name := _name_words(m.group(1)))]


def _name_words(words: str) -> str:
    """The words of a captured byline up to the first that cannot be part of a name (a month,
    a page label, a job title, a contraction such as "Let's")."""
    kept = []
    for word in words.split():
        bare = word.strip(",.").lower()
        if bare in MONTHS or bare in NOT_A_NAME_WORDS or bare in HEADLINE_WORDS or bare in TRAILING_LABELS \
                or bare in SECTION_WORDS or ROLE_WORDS.fullmatch(bare) or CONTRACTION.search(bare):
            break
        kept.append(word)
    return " ".join(kept)


def body_bylines(body: str) -> list[str]:
    lines = [line.strip() for line in body.split("\n")[:6] if line.strip()]
    return [m.group(1) for line in lines if (m := BYLINE_TEXT.match(line))]


def header_bylines(after: str, *, explicit: bool = False) -> list[str]:
    """"By Jane Doe" printed after the headline, cut before a date or job title that follows;
    failing that (unless ``explicit``), a bare name followed by a date or a job title
    ("Jane Doe · 3 May 2024"). "Reviewed by", "Edited by" and other credits are not bylines."""
    bylines = []
    for match in HEADER_BYLINE.finditer(after):
        if OTHER_CREDIT.search(after[max(0, match.start() - 30):match.start()]):
            continue
        if len((name := _name_words(match.group(1))).split()) >= 2:
            bylines.append(name)
    if not bylines and not explicit and (match := BARE_BYLINE.search(after[:HEADER_BARE_BYLINE_CHARS])):
        if not HEADLINE_WORDS.intersection(match.group(1).lower().split()):
            bylines.append(match.group(1))
    return bylines


def with_coauthors(authors: list[str], after: str, sites: tuple[str, ...]) -> list[str]:
    """The chosen authors plus the names listed with the first of them where the page prints
    it by the headline ("Jane Doe, John Roe & Ann Poe"): metadata often keeps the first only."""
    if not authors or (at := after.find(authors[0])) < 0:
        return authors
    listed = NAME_LIST.match(after, at)
    names = person_names(listed.group(0), sites, 2) if listed else []
    return names if len(names) > len(authors) and names[0] == authors[0] else authors
