"""Text normalisation and news boilerplate removal for plain-text scrapes.

Pure functions over strings. Normalisation changes white space and code points,
never words. Boilerplate rules are general news-page conventions (navigation,
image credits, share prompts, "Read more" lines), each a named pattern below;
the lines that label a story (dates, bylines, counters) are ``page_labels``'.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from extractor.ingest.furniture import is_page_dump, keep_lines, teaser_lines
from extractor.ingest.bylines import Byline, find_byline
from extractor.ingest.page_labels import byline_names, page_labels
from extractor.ingest.printed_dates import DATELINE_DATE, printed_date
from extractor.ingest.titles import capitalised, is_site_line, main_words, strip_site_name

# White space that is not a plain space or newline (NBSP, thin spaces, tabs…).
ODD_SPACE_RE = re.compile(r"[^\S\n]+")
# Zero-width characters and the BOM carry no text.
INVISIBLE_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# List-item glyphs that mark summary bullets (a nested list repeats them: "• • ").
BULLET_RE = re.compile(r"^\s*(?:[•●▪◦‣∙·*–-]\s+)+(?=\S)")
# A line that ends a sentence (so it is not a hard-wrapped fragment).
SENTENCE_END_RE = re.compile(r"[.!?:;…][\"'”’)\]]*$")

# Site navigation links scraped as text ("Skip to content", "Back to top"), and a logo's alt text
# ("Site icon Newsfeed", "Logo").
NAVIGATION_RE = re.compile(
    r"^(?:(?:skip|jump) to (?:main |the )?(?:content|search|navigation|main|footer|menu)\b.*"
    r"|skip navigation|back to top|main menu|toggle (?:navigation|menu)|open menu|close menu"
    r"|menu|search|home|sections|navigation|logo|site (?:icon|logo)(?: \S+){0,5}"
    # a list of the most read stories and the tabs of its periods ("Popular Articles",
    # "Today Week Month Year")
    r"|(?:popular|latest|trending|most (?:popular|read|viewed|shared|commented))(?: (?:articles|stories|posts|news|now))?"
    r"|(?:today|day|week|month|year|all time|24 hours)(?: (?:today|day|week|month|year|all time|24 hours)){2,})$",
    re.IGNORECASE,
)
# News agencies and picture desks that appear in photo credits.
PICTURE_AGENCIES = (
    r"Reuters|AFP|AP Photo|AP Images|AP|Associated Press|Getty Images|Getty|EPA|EPA-EFE|Bloomberg|Shutterstock|Alamy"
    r"|PA Images|PA Media|PA Wire|AAP|Xinhua|Anadolu|Sipa|SOPA Images|NurPhoto|ZUMA Press"
    r"|Imago|Pool|WireImage|Agence France-Presse|Kyodo|Yonhap|ANI|PTI|Unsplash|Pexels|Pixabay|iStock|Flickr"
    r"|Wikimedia Commons|Storyful|UPI"
)
# "Reuters/Amir Cohen", "AFP via Getty Images", "(Getty Images)", "Jane Doe | Bloomberg |
# Getty Images": a photo credit.
AGENCY_CREDIT_RE = re.compile(
    rf"(?:\b(?:{PICTURE_AGENCIES})\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}"
    rf"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}){{0,3}}\)?\s*$"  # "(AP Photo/Jane Doe, Pool, File)"
    rf"|\bvia\s+(?:{PICTURE_AGENCIES})\)?\s*$"  # "Jane Doe/Bloomberg via Getty Images", "(Fire Service via AP)"
    rf"|\w\s*/\s*(?:{PICTURE_AGENCIES})(?: Photo| Images)?\)?\s*$"  # "Jane Doe/Moment/Getty Images", "Jane Doe/AP Photo"
    rf"|^(?i:the\s+)?\(?(?i:{PICTURE_AGENCIES})\)?(?:\s*[#:]?\s*\d{{5,}})?$"  # "ASSOCIATED PRESS", "shutterstock 2321013311"
    rf"|^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}(?:\s*\|\s*(?:{PICTURE_AGENCIES}))+\s*$)"  # "Jane Doe | Bloomberg | Getty Images"
)
# Picture desks that sign no text (a wire's "… he said. PTI" signs its story, not a photo).
PHOTO_ONLY_AGENCIES = (
    r"Getty Images|Getty|Shutterstock|Alamy|AP Photo|AP Images|EPA-EFE|EPA|PA Images|SOPA Images|NurPhoto|ZUMA Press"
    r"|Imago|WireImage|Unsplash|Pexels|Pixabay|iStock|Flickr|Wikimedia Commons"
)
# "Fans at the park. GETTY IMAGES": a picture desk in capitals closing a caption's sentence.
CAPITALS_CREDIT_RE = re.compile(rf"(?<=[.!?])\s+(?:{PHOTO_ONLY_AGENCIES.upper()})\s*$")
# "Photo: …", "Image credit: …", "Picture by …": a caption credit line.
LABELLED_CREDIT_RE = re.compile(
    r"^\(?(?:photo(?:graph)?|image|picture|illustration|graphic|video|credit|file photo)s?"
    r"(?:\s+(?:source|caption)\s*,|(?:\s+(?:credit|source|caption))?\s*(?::|by\b|courtesy\b|—|-))",
    re.IGNORECASE,
)
# "… on Saturday. Credit: AP": a credit closing a caption after its last sentence.
# "… at the site (Photo: Reuters)", "…market value(Image: Getty)": a labelled credit in brackets.
TRAILING_CREDIT_RE = re.compile(
    r"(?<=[.!?”\"’])\s+\(?(?:(?:photo(?:graph)?|image|picture)\s+)?credits?\s*:\s*[^.!?:]{1,60}$"
    r"|\s*\((?:photo(?:graph)?|image|picture|file photo)(?:\s+credit)?\s*:\s*[^()]{1,60}\)$", re.IGNORECASE)
# A photographer and agency in parentheses closing a line ("… a new competitor (Eric Risberg/AP)"):
# set apart by its brackets, a credit however long the caption before it.
PAREN_CREDIT_RE = re.compile(
    rf"\s*\((?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*\s*/\s*(?:{PICTURE_AGENCIES})(?:\s+(?:Photo|Images|File))?\)\s*$")
# A caption has at most this many words: a longer line that ends with a credit is text (a
# page saved as one line) and loses only the credit.
CAPTION_MAX_WORDS = 150
# Cross-links to other stories: "Read more: …", "Related: …", "See also …".
CROSS_LINK_RE = re.compile(
    r"^(?:read more|read next|read also|also read|read here|read (?:the )?full (?:story|article)|click here|more reading"
    r"|related(?: articles?| stories| coverage)?"
    r"|see also|more from [\w ]+|recommended(?: reading)?|most read|trending|watch|listen|explore more)"
    r"\s*(?::|›|»|\||-|—)",
    re.IGNORECASE,
)
# A teaser's label in capitals over the title of another story, page or gallery ("OPINION: The
# Labor tribe has spoken", "PHOTOS: Julia Gillard's rise to power"): a short line, no sentence.
TEASER_LABEL_RE = re.compile(r"^(?:OPINION|PHOTOS?|VIDEOS?|ARTICLE|GALLERY|PODCAST|ANALYSIS|EXPLAINER|INTERACTIVE|QUIZ"
                             r"|POLL|MORE)\s*:\s+\S+(?:\s+\S+){0,14}\s*$(?<![.!?])")
# ...and a teaser's label run into the title it links to, with no separator ("Related Ranking
# the 20 Best Managers …"): the label capitalised, then a title of four words or more (not a
# heading: "Related Articles").
GLUED_CROSS_LINK_RE = re.compile(r"^(?:Related|Read [Mm]ore|Read [Nn]ext|Also [Rr]ead|Recommended)\s+[A-Z0-9]\S*(?:\s+\S+){3}")
# A byline printed where a dump's title goes: "By" and a capitalised name.
BYLINE_LINE_RE = re.compile(r"\s*By\s+[A-Z][\w.'’-]+\s+[A-Z]")
# A page's label over its summary run into the first bullet ("Highlights Acme secure …"): the
# label goes, the bullet stays.
GLUED_SUMMARY_LABEL_RE = re.compile(r"^(?:Highlights|Key [Pp]oints|Key [Tt]akeaways)\s+(?=[A-Z])")
# Share, follow and sign-up prompts.
PROMPT_RE = re.compile(
    r"^(?:share(?: this)?(?: article| story| page| post)?(?: on [\w ]+)?:?|share via [\w ]+|tweet|email|print"
    r"|copy link|link copied|(?:follow|connect with) us(?: on [\w, ]+)?|follow us (?:on|at|for|@)\b.*|sign up\b.*"
    r"|subscribe\b.*|get our [\w ]+newsletter.*"
    r"|click here\b.*|download (?:our|the) app\b.*|advertisement|story continues below(?: advertisement)?"
    r"|continue reading\b.*|listen to this article\b.*|\d+ min(?:ute)?s?(?: read)?|comments?|show comments"
    r"|(?:estimated )?reading time\s*:?\s*(?:\d+|less than (?:a|one))\s*min(?:ute)?s?|you are here:?|actions"
    r"|[\w.'’ -]{1,40}['’]s? (?:photo|avatar|profile (?:photo|picture))"  # an author's picture's label: "Jane Doe's Photo"
    r"|[^/\\]{1,80}\.(?:png|jpe?g|gif|webp|avif)"  # a picture's file name: "Screen Shot 2024-03-27 at 8.56.11 PM.png"
    r"|getting your [\w ]+ player ready\W*|(?:loading|preparing) (?:the )?(?:audio|player)\W*"
    r"|(?:accept|manage) cookies\b.*|we use cookies\b.*|this site uses cookies\b.*"
    r"|sponsored(?: content| stories| links)?|(?:view|hide|load) comments|(?:load|show|view) (?:more|next)(?: stor(?:y|ies)| articles?| news| posts?)?"
    r"|(?:next|previous) (?:story|article|post)|we may earn (?:a )?commission\b.*"
    r"|please (?:ensure|enable) javascript\b.*|to continue reading\b.*|already (?:a|an) [\w ]{1,40} (?:member|subscriber)\??"
    r"|join [\w ]{1,40} for free\b.*|slideshow\s*\(\s*\d+ (?:images?|photos?)\s*\)|media caption,?"
    r"|we[’']re sorry, this feature is currently unavailable\b.*|pic\.twitter\.com/\S+|more from [\w&'’-]+(?: [\w&'’-]+){0,3}|read more(?: here)?[.!]?"
    r"|posted by:?\s+[\w&'’-]+(?: [\w&'’-]+){0,3}|leave a (?:comment|reply)\W*|comments are (?:closed|disabled)\W*"
    r"|open in (?:the )?(?:app|whatsapp)|before you (?:leave|go)\b.*|(?:get )?[\w'’ ]{1,40} (?:in|to) your inbox\W*"
    r"|your support (?:helps|makes|matters)\b.*|support (?:our|independent|quality) journalism\b.*"
    r"|i(?:[’']d| would) like to (?:be emailed|receive)\b.*|(?:please )?read our privacy (?:notice|policy)\b.*"
    r"|by (?:signing up|subscribing|registering|clicking [\w ]{1,30}),? you (?:agree|consent|acknowledge|will receive)\b.*"
    r"|our [\w'’ -]{0,40}\b(?:weekly|daily|morning|evening) (?:email|newsletter)"
    r"(?:\W*|\s+(?:of|with|about|brings|bringing|delivers|delivering|featuring|rounding)\b.*)"
    r"|(?:reuters|ap|afp|bloomberg) graphics?|(?:[\w'’ ]{1,30} )?newsletters?(?: sign[- ]?up)?\W*|click to follow\b.*"
    r"|video duration\b.*|get [\w'’ ]{1,60} delivered (?:straight )?to (?:you|your inbox)(?: every \w+| daily| each \w+)?\W*"
    r"(?:sign up\b.*)?"
    r"|(?:trade|buy|shop|watch|listen|download|apply|join|invest|play|order|book|donate|register) now\W*"
    r"|key (?:takeaways|points)|in this article|top ?line|representative (?:image|photo|picture)"
    r"|(?:[\w'’ ]{1,30} )?file (?:photo|picture|image)|make (?:[\w.'’ -]{1,30} )?your home ?page\W*"
    r"|protected content|(?:username|user name|log-?in) and password help|please enter your email\b.*"
    r"|if you(?:[’']re| are) (?:a |an )?(?:current |existing )?(?:subscriber|member)\b.*\b(?:log ?in|sign in)\b.*"
    r"|by allowing ads\b.*|(?:please )?(?:disable|turn off|whitelist) (?:your )?ad[- ]?blocker\b.*"
    r"|(?:image )?placeholder(?: image)?|image (?:not )?available|on air now|listen live|now playing"
    r"|unlock (?:the )?[\w'’ ]{1,40} for free\W*|.{1,80}\bfavou?rite (?:stories|articles|reads) in (?:this|our|a) "
    r"(?:weekly |daily )?newsletter\W*|become a (?:member|subscriber)\W*"
    r"|time\s*:\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?"  # a page's clock: "Time : 7:45 AM IST"
    r"|(?:(?:mostly |partly )?(?:sunny|cloudy|clear|rain|showers|snow|fog|thunderstorms?|overcast|windy) icon"
    r"|-?\d{1,3} ?[º°](?: ?[cf])?)"  # a weather widget: "Cloudy icon", "72º"
    r"|expand\s*/\s*collapse search|printed from [\w.-]+\.[a-z]{2,}|play live radio|next up:?|available on air stations"
    r"|\d{1,2}:\d{2}(?: \d{1,2}:\d{2}){0,3}"  # an audio player's clock: "0:00 0:00"
    r"|facebook|twitter|whatsapp|linkedin|reddit|telegram|pinterest|mastodon|threads|bluesky|flipboard|messenger"
    r"|[^\W_]+(?:_+[^\W_]+){3,}_*"  # a share button alone on its line; a page's slug ("Chip_Stocks_Tumble_as_…")
    r"|.{1,60}\s\d{1,2}(?:[:.]\d{2})?\s?[ap]m\s?[-–]\s?\d{1,2}(?:[:.]\d{2})?\s?[ap]m"  # a schedule: "Breakfast with X 6:30am - 10am"
    r"|source:\s*(?-i:[A-Z][\w.&'’/-]*(?:[ ,]+[A-Z&][\w.&'’/-]*){0,5}))$",
    re.IGNORECASE,
)
# Copyright and rights lines that close a page.
COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
# Wire-service trailers: "Reporting by …; Editing by …".
WIRE_TRAILER_RE = re.compile(r"^\(?(?:(?:reporting|additional reporting|writing|editing) by|with inputs from)\b",
                             re.IGNORECASE)

# A photo gallery's slide counter opening the slide's caption ("1 of 5 | President …").
GALLERY_CAPTION_RE = re.compile(r"^\d{1,3} of \d{1,3}\s*\|")
# Page furniture: only a scrape of a page has these lines.
FURNITURE_RES = (NAVIGATION_RE, CROSS_LINK_RE, GLUED_CROSS_LINK_RE, TEASER_LABEL_RE, PROMPT_RE, COPYRIGHT_RE)
# Photo credits name no one the story is about: dropped from any text. A wire trailer
# ("Reporting by …") is part of a story as its agency delivered it: dropped only from text
# that shows it is a scrape of a page.
PHOTO_CREDIT_RES = (AGENCY_CREDIT_RE, CAPITALS_CREDIT_RE, LABELLED_CREDIT_RE, GALLERY_CAPTION_RE)
BOILERPLATE_RES = (
    NAVIGATION_RE,
    AGENCY_CREDIT_RE,
    CAPITALS_CREDIT_RE,
    LABELLED_CREDIT_RE,
    GALLERY_CAPTION_RE,
    CROSS_LINK_RE,
    GLUED_CROSS_LINK_RE,
    TEASER_LABEL_RE,
    PROMPT_RE,
    COPYRIGHT_RE,
    WIRE_TRAILER_RE,
)
# Rules that can match past a line's start, with text (lower case) such a match must
# contain: without it only their start-anchored part can match, which ``match`` tries
# at once where ``search`` would scan every line of every article.
_SCANNING_RULES = {AGENCY_CREDIT_RE: ("/", "via"), COPYRIGHT_RE: ("erved",)}

# A block of this many lines or more that all open with a capital is a list, not wrapped prose.
MIN_TITLE_LIST_LINES = 3
# Headlines are short and do not end like sentences.
MAX_HEADLINE_WORDS = 25
_WORD = re.compile(r"\w+")
# Navigation lines glued together ("Skip to content Skip to Search").
NAV_PHRASE_RE = re.compile(r"\b(?:skip|jump) to\b", re.IGNORECASE)
# A labelled date at the head of the text ("date 2018-07-26 Facebook lost ...", "Published:
# Aug. 15, 2018 8:05 AM The toll ..."): the page's date line, which ``published`` reads from
# the raw text, not the article's first words. What follows it on its line stays when it is
# the text (a sentence, a headline); fewer than MIN_AFTER_DATE_WORDS words there are the
# page's furniture beside the date (a weather widget's "Clear", a section name) and go too.
DATE_LABEL_RE = re.compile(r"\s*(?:dated?|published|posted|updated|last updated|first published)(?:\s+on)?\s*:?\s*",
                           re.IGNORECASE)
TIME_AFTER_DATE_RE = re.compile(r",?\s*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4}\b)?)?\s*(?:[|•·–—-]\s*)?")
MIN_AFTER_DATE_WORDS = 3
# The most words of a page's breadcrumb run into the headline above the headline printed alone.
MAX_BREADCRUMB_WORDS = 4
# The fewest words of a paragraph that goes as a repeat of the headline (a shorter line may
# well recur).
MIN_TITLE_REPEAT_WORDS = 4


@dataclass
class CleanText:
    """A cleaned body with what was lifted out of it."""

    text: str
    title: str | None = None
    highlights: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # printed with the byline of a page dump
    # Date lines and captions lifted out of the text: they still date the page.
    dating: list[str] = field(default_factory=list)


# An opening single quotation mark between two letters is an apostrophe typed wrong ("Broadcom‘s").
MISTYPED_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_])‘(?=[^\W\d_])")


# The hint a page gives screen readers after a link, copied with its text ("Nvidia (NVDA.O),
# opens new tab, fell"; "(opens in a new window)").
LINK_HINT_RE = re.compile(r",?[ \t]*\(?opens (?:in )?(?:a )?new (?:tab|window)\)?(?=[\s,.;:)]|$)", re.IGNORECASE)


# The quote chip a market-news page prints after a company's or an index's name: its symbol,
# with the exchange's prefix or the day's signed change when the page was read ("CrowdStrike
# CRWD, -3.35% fell", "Futures on U.S. stocks ES00, -0.05%", "the FTSE 100 UK:UKX fell").
QUOTE_CHIP_RE = re.compile(r"(?<=[\w.]) (?:[A-Z]{2}:)?[A-Z][A-Z0-9.]{1,6}, [+\-−–]\d{1,4}\.\d{2}%(?=[\s,.;:)]|$)"
                           r"|(?<=\w) [A-Z]{2}:[A-Z][A-Z0-9]{2,6}(?=[\s,.;:)]|$)")


# A Reuters instrument code a wire copy prints after a name without brackets, which the page
# had as a link: a stock's with its exchange's suffix ("Nvidia NVDA.O dived 17%", "Atlantia
# ATL.MI"), an index's after a dot ("the Nasdaq .IXIC added 1.7%", "(.SOX)"). (In brackets a
# stock's code stays: it is the name's ticker, "Nvidia (NVDA.O)".)
INSTRUMENT_CODE_RE = re.compile(
    r"(?<=[\w.]) (?:[A-Z][A-Z0-9]{1,4}\.(?:OQ|O|N|K|A|L|MI|PA|DE|AS|T|HK|SS|SZ|KS|AX|TO|SI|BO|NS|MC|SW|ST|CO|HE|OL|BR|LS)"
    r"|\(?\.(?!(?:NET|COM|ORG|IO|AI|PDF|JPE?G|PNG|GIF|EXE|ZIP|DOCX?|CSV|HTML?|MP[34])\b)[A-Z][A-Z0-9]{1,6}\)?)"
    r"(?=[\s,;:)]|\.(?:\s|$)|$)")


# A link's markup left in a page's text ('flash floods in <a href="…" title="…">Valencia</a>'):
# the tags only, the linked words stay.
LINK_TAG_RE = re.compile(
    r"<a\s+href=[^<>]*>|</a>"
    # and markup that shows no words: a tracking pixel's or a picture's tag, a frame, a line break
    r"|<(?:img|iframe|source|br|hr|meta|link|noscript|/noscript|/iframe)\b[^<>]*>", re.IGNORECASE)


def without_page_hints(text: str) -> str:
    """The text less the hint a page gives screen readers after a link, a link's markup left
    in it, the quote chips a market page prints beside names, and the instrument codes a wire
    copy prints after them. (An embedded tweet's picture link, handle and date stay: news
    sites print them as part of the body.)"""
    return INSTRUMENT_CODE_RE.sub("", QUOTE_CHIP_RE.sub("", LINK_TAG_RE.sub("", LINK_HINT_RE.sub("", text))))


# Backslashes a page copied out of its JSON left before quotation marks ('AI\\'s \\"Sputnik
# moment,\\"'): no reader's text has them.
ESCAPED_QUOTE_RE = re.compile(r"\\+(?=[\"'])")


def normalise_whitespace(raw: str) -> str:
    """NFC, one kind of newline and space, no invisible characters, escaping backslashes nor
    page hints (``without_page_hints``), an apostrophe typed as an opening quotation mark made
    one (same length); the story's words untouched."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = INVISIBLE_RE.sub("", text)
    text = ESCAPED_QUOTE_RE.sub("", text)
    text = without_page_hints(text)
    text = ODD_SPACE_RE.sub(" ", text)
    text = MISTYPED_APOSTROPHE_RE.sub("’", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def is_boilerplate(line: str, *, credits: bool = True) -> bool:
    """True for a line that is page furniture rather than article text (or, with
    ``credits``, a photo credit or wire trailer), with or without a bullet: the bullet
    goes before the text is kept, so the rules must see the line without it."""
    stripped = BULLET_RE.sub("", line).strip()
    if not stripped:
        return False
    if "p to" in stripped.lower() and NAV_PHRASE_RE.search(stripped) and len(stripped.split()) <= 12 \
            and not SENTENCE_END_RE.search(stripped):
        return True
    return _any_rule(stripped, BOILERPLATE_RES if credits else FURNITURE_RES)


def is_photo_credit(line: str) -> bool:
    """A photo credit ("Jane Doe | Bloomberg | Getty Images", "… Bloomberg via Getty Images",
    "Photo: …"): dropped from any text, where a wire trailer stays unless the text is a scrape."""
    stripped = BULLET_RE.sub("", line).strip()
    return bool(stripped) and _any_rule(stripped, PHOTO_CREDIT_RES)


def _any_rule(stripped: str, rules: tuple[re.Pattern, ...]) -> bool:
    lowered = stripped.lower()
    for rule in rules:
        needs = _SCANNING_RULES.get(rule)
        scan = needs is None or any(part in lowered for part in needs)
        found = (rule.search if scan else rule.match)(stripped)
        if found and not (rule is AGENCY_CREDIT_RE and _sentence_before_credit(stripped, found.start())
                          or rule in (AGENCY_CREDIT_RE, CAPITALS_CREDIT_RE)
                          and _words(stripped[:found.start()]) > CAPTION_MAX_WORDS):
            return True
    return False


def _words(text: str) -> int:
    return len(_WORD.findall(text))


# A credit closing a caption's last sentence with a label or a dash ("… in this illustration.
# Picture: DADO RUVIC/REUTERS", "… in Brussels. — AFP"), or a Getty credit with its collection
# ("… Slaven Vlasic / Getty Images Entertainment via Getty Images").
CAPTION_CREDIT_RE = re.compile(
    rf"(?<=[.!?”\"’])\s+(?:(?i:photo(?:graph)?|image|picture|pic)\s*:\s*[^.!?:]{{1,60}}|[—–]\s*(?:{PICTURE_AGENCIES}))\s*$"
    r"|\s(?:[A-Z][\w.'’-]*\s+){1,3}/\s*Getty Images(?:\s+[A-Z]\w*){0,3}\s+via\s+Getty Images\s*$")


# Words of a picture's caption: what a photo shows ("the logo is seen", "displayed on a phone", "poses").
CAPTION_WORDS_RE = re.compile(r"\b(?:logo|illustration|pictured|seen|displayed|poses?|posing|stands?|walks?|gestures?"
                              r"|waves?|attends?|arrives?|looks? on|holds?|file photo|photo|image)\b", re.I)


def credit_at(line: str) -> int | None:
    """Where a photo credit that closes a caption starts ("… Aug. 15, 2018. (AP Photo/Jane Doe)",
    "… on Saturday. Credit: AP", "… a new competitor (Eric Risberg/AP)", "… in this illustration.
    Picture: DADO RUVIC/REUTERS"), or None."""
    if ("Getty" in line or ":" in line or "—" in line or "–" in line) and (found := CAPTION_CREDIT_RE.search(line)) \
            and ("Getty" in found.group(0) or CAPTION_WORDS_RE.search(line, 0, found.start())):
        return found.start()  # (an agency after a dash signs a wire story too, and "Image: Jane Doe" may close a line
        # naming the people pictured, which is read: only a picture's words make the line a caption to drop)
    if ("redit" in line or line.endswith(")")) and (found := TRAILING_CREDIT_RE.search(line)):
        return found.start()
    if line.endswith(")") and "/" in line and (found := PAREN_CREDIT_RE.search(line)):
        return found.start()
    if line[-1:].isupper() and (found := CAPITALS_CREDIT_RE.search(line)):
        return found.start()
    if ("/" in line or "via" in line) and (found := AGENCY_CREDIT_RE.search(line)) and found.start() > 0 \
            and not _sentence_before_credit(line, found.start()):
        return found.start()
    return None


# Most words of the caption or credit words a credit may close ("A man walks past. AFP via Getty Images").
CREDIT_TAIL_WORDS = 6


def _sentence_before_credit(line: str, start: int) -> bool:
    """The agency a line ends with closes a sentence of the story ("… the data was then
    published via Reuters"), not a credit: more words than a credit has run into it since
    the line's last sentence end."""
    tail = re.split(r"[.!?]\s", line[:start])[-1]
    return len(_WORD.findall(tail)) > CREDIT_TAIL_WORDS


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Lines (with their indexes) grouped by blank-line separated blocks."""
    blocks, current = [], []
    for i, line in enumerate(lines):
        if line:
            current.append((i, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A block whose lines are fragments of one paragraph broken at a fixed width; not a
    list of headlines, every line of which opens with a capital (a wrapped sentence goes on
    in lower case somewhere)."""
    if len(lines) < 2 or any(BULLET_RE.match(line) for line in lines):
        return False
    if len(lines) >= MIN_TITLE_LIST_LINES and all(line[:1].isupper() for line in lines):
        return False
    widths = [len(line) for line in lines[:-1]]
    widest = max(widths)
    return widest >= 40 and min(widths) >= 0.6 * widest and len(lines[-1]) <= widest + 5


# Wire copy wrapped at a fixed width with no blank line between paragraphs: the widest
# line of a wrap (longer ones are lines of their own), the share of lines that must be
# full (within ``FULL_LINE_SHARE`` of the widest) and the share of those that must stop
# mid-sentence, as only wrapped prose does (a text of one paragraph per line ends each
# line with a sentence, however alike their lengths).
MAX_WRAP_WIDTH = 100
FULL_LINE_SHARE = 0.6
MIN_WRAPPED_LINES = 6


def _wrapped_paragraphs(lines: list[str]) -> list[int] | None:
    """For a block of wire copy wrapped at a fixed width whose paragraphs follow one another
    without a blank line ("... Yellen was asked about / SVB's situation and said: ..."), the
    paragraph number of each line: a line well short of the width, or wider than any wrap,
    ends its paragraph, and a line in parentheses is one. None when the block is not such copy."""
    if len(lines) < MIN_WRAPPED_LINES or any(BULLET_RE.match(line) for line in lines):
        return None
    widest = max((len(line) for line in lines if len(line) <= MAX_WRAP_WIDTH), default=0)
    full = [line for line in lines if FULL_LINE_SHARE * widest <= len(line) <= widest]
    if widest < 40 or len(full) < FULL_LINE_SHARE * len(lines) \
            or sum(not SENTENCE_END_RE.search(line) for line in full) < len(full) / 2:
        return None
    numbers: list[int] = []
    paragraph = 0
    for line in lines:
        aside = line.startswith("(") and line.endswith(")")  # "(Reporting by …)": a line of its own
        if aside and numbers and numbers[-1] == paragraph:
            paragraph += 1
        numbers.append(paragraph)
        if aside or not FULL_LINE_SHARE * widest <= len(line) <= widest:
            paragraph += 1
    return numbers


def _joined(block: list[tuple[int, str]], kept: list[tuple[int, str]]) -> list[str]:
    """The kept lines of a block as paragraphs: one when the block is a paragraph wrapped at
    a fixed width, one per wrapped paragraph of wire copy, else one per line."""
    written = [line for _, line in block]
    if _is_hard_wrapped(written):
        return [" ".join(line for _, line in kept)]
    if (numbers := _wrapped_paragraphs(written)) is None:
        return [line for _, line in kept]
    of_line = {i: number for (i, _), number in zip(block, numbers)}
    paragraphs: dict[int, list[str]] = {}
    for i, line in kept:
        paragraphs.setdefault(of_line[i], []).append(line)
    return [" ".join(lines) for lines in paragraphs.values()]


# Fewest main words and most words of a title-case first paragraph that ends with a full stop
# and is still a headline ("Acme Loses $16 Billion in a Day. Acme Stock Plunges."); a longer
# one is a site's blurb ("Site icon Acme News | Latest Breaking News Across Africa, …").
MIN_STOPPED_HEADLINE_WORDS = 4
MAX_STOPPED_HEADLINE_WORDS = 12
# Share of them capitalised.
STOPPED_HEADLINE_SHARE = 0.8
# Fewest words of a headline that opens with a figure (a shorter line is a label: "3 min").
MIN_FIGURE_HEADLINE_WORDS = 4


# A heading in capitals that a scrape ran into the sentences around it ("… lived in Valencia.
# CONCERNS OVER RISING DEATH TOLLRescue teams continue …"): three or more words in capitals
# after a sentence's end, the last glued to the next sentence's first word. The heading gets
# a paragraph of its own.
GLUED_HEADING_RE = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s"
    r"(?P<heading>(?:[\"“]?[A-Z0-9][A-Z0-9’'&,-]*\s+){2,}[A-Z][A-Z0-9’'&-]*?[\"”]?)(?=[A-Z][a-z])")


# Most words of a section's label above a headline ("Business", "World news").
SECTION_LABEL_WORDS = 2
# A section's label glued to the breadcrumb before it ("NewsKey Bridge Collapse", "CollegeMontana
# Grizzlies"): a word with a capital run into it after two small letters; such a label runs to more words.
GLUED_LABEL_RE = re.compile(r"[a-z]{2}[A-Z][a-z]")
GLUED_LABEL_WORDS = 4


# A headline may end with an abbreviation's full stop ("… contract with Sheriff's Dept."): no sentence
# end (not a legal form: "Bipartisan Policy Center Inc." over the page is its publisher's name).
ABBREVIATION_END_RE = re.compile(r"\b(?:Dept|Govt|Assn|Univ|Ave)\.$")


def _looks_like_headline(paragraph: str, stopped: bool = False) -> bool:
    """Short, opening with a capital or a figure ("6 workers missing in bridge collapse"),
    and no sentence: it has no final punctuation, or (with ``stopped``) every main word is
    capitalised as a headline writes them."""
    words = paragraph.split()
    return (
        0 < len(words) <= MAX_HEADLINE_WORDS
        and (not SENTENCE_END_RE.search(paragraph) or ABBREVIATION_END_RE.search(paragraph) is not None
             or stopped and _stopped_headline(paragraph))
        and not BULLET_RE.match(paragraph)
        and (paragraph[0].isupper() or paragraph[0].isdigit() and len(words) >= MIN_FIGURE_HEADLINE_WORDS)
    )


def _stopped_headline(paragraph: str) -> bool:
    """A short title-case line that ends with a full stop, as some pages print their headline."""
    main = main_words(paragraph)
    return paragraph.endswith(".") and len(paragraph.split()) <= MAX_STOPPED_HEADLINE_WORDS \
        and len(main) >= MIN_STOPPED_HEADLINE_WORDS and capitalised(main, STOPPED_HEADLINE_SHARE)


def clean_text(raw: str, *, find_title: bool = True, page_dump: bool = True,
               given_title: str | None = None, host: str | None = None) -> CleanText:
    """Clean body text: boilerplate and the lines that label the story (``page_labels``:
    dates, bylines, counters) dropped, a caption that ends with its credit dropped (a longer
    line loses only the credit), wrapped lines joined, bullets kept as highlights. The date
    lines and captions dropped are kept in ``dating``: they still date the page.

    With ``find_title``, a short first paragraph that reads like a headline (and is
    followed by the body) becomes the title and leaves the body. The headline (or
    ``given_title``, the one that came with the page) printed a second time, above a photo
    or in a share box, goes; so does a summary bullet that the body prints again, from the
    text (it stays a highlight): the story tells it once. A whole-page text dump (menus,
    footers...) first loses the lines ``furniture`` scores as page furniture, unless
    ``page_dump`` is false (a body an HTML extractor already cut out). A first line that is
    only the site's name (``host``, the page's host name) is its logo, never the headline.
    """
    text = _byline_after_date_apart(GLUED_HEADING_RE.sub("\n\n\\g<heading>\n\n", normalise_whitespace(raw)))
    dropped: list[str] = []
    lines = text.split("\n")
    byline = Byline()
    page_title = None
    from_page = not page_dump  # a body an HTML extractor cut out of a page
    page_dump = page_dump and is_page_dump(lines)
    if page_dump:
        keep = keep_lines(lines)
        byline = find_byline(lines, keep)
        if byline.line is not None:
            keep[byline.line] = False
        page_title = _page_title(lines, host) if find_title else None
        dropped.extend(line for line, kept in zip(lines, keep) if not kept)
        text = "\n".join(line if kept else "" for line, kept in zip(lines, keep))
    elif teasers := set(teaser_lines(lines, after_prose=True)):
        dropped.extend(lines[i] for i in sorted(teasers))
        text = "\n".join("" if i in teasers else line for i, line in enumerate(lines))
    lines = text.split("\n")
    labels = page_labels(lines)
    paragraphs: list[str] = []
    captions: list[str] = []
    blocks = _blocks(lines)
    scraped = from_page or page_dump or any(is_boilerplate(line, credits=False) for block in blocks for _, line in block)
    for block in blocks:
        kept: list[tuple[int, str]] = []
        for i, line in block:
            if i in labels.lines or is_boilerplate(line, credits=scraped) \
                    or (not scraped and is_photo_credit(line)):  # a scrape's rules hold them
                dropped.append(line)
                if i not in labels.lines and is_photo_credit(line):
                    captions.append(line)
                continue
            if (cut := credit_at(line)) is not None:
                if _words(line[:cut]) <= CAPTION_MAX_WORDS:  # a caption and its credit
                    dropped.append(line)
                    captions.append(line[:cut])
                    continue
                dropped.append(line[cut:])
                line = line[:cut].rstrip(" (")
            if scraped:
                line = GLUED_SUMMARY_LABEL_RE.sub("", line)
            kept.append((i, line))
        if kept:  # a paragraph wrapped at a fixed width is judged by its lines as written
            paragraphs.extend(_joined(block, kept))

    if paragraphs:
        paragraphs[:1] = _without_date_line(paragraphs[0])
    if len(paragraphs) > 1 and paragraphs[0].endswith(paragraphs[1]) and len(paragraphs[1].split()) >= MIN_TITLE_REPEAT_WORDS \
            and 0 < len(paragraphs[0][:-len(paragraphs[1])].split()) <= MAX_BREADCRUMB_WORDS:
        dropped.append(paragraphs.pop(0))  # "Home News Trump: …" over "Trump: …": a breadcrumb, then the headline
    if len(paragraphs) > 1 and is_site_line(paragraphs[0], host):
        dropped.append(paragraphs.pop(0))  # the site's logo heading the page
    highlights = []
    bulleted = set()
    for i, paragraph in enumerate(paragraphs):
        bullet = BULLET_RE.match(paragraph)
        if bullet:
            paragraphs[i] = paragraph[bullet.end():]
            highlights.append(paragraphs[i])
            bulleted.add(i)

    title = None
    if page_title:
        # The page's <title> heads a dump; the headline printed again above the body goes.
        title = page_title
        title_words = _WORD.findall(title.lower())
        while paragraphs and _WORD.findall(paragraphs[0].lower()) in (title_words, _WORD.findall(lines[0].lower())):
            paragraphs.pop(0)
    elif find_title and len(paragraphs) >= 3 and not {0, 1} <= bulleted and not BYLINE_LINE_RE.match(paragraphs[0]) \
            and _looks_like_headline(paragraphs[0], stopped=scraped):
        # (the first of a list of bullets is a list's item, never the headline: "• Track your favourite stocks")
        # (a scraped page's first line after its furniture is its headline even with a full
        # stop; in a clean text such a line stays text, where a headline that reports speech,
        # "…, Graham Says.", keeps its quote)
        if len(paragraphs) >= 4 and (len(paragraphs[0].split()) <= SECTION_LABEL_WORDS
                                     or len(paragraphs[0].split()) <= GLUED_LABEL_WORDS and GLUED_LABEL_RE.search(paragraphs[0])) \
                and len(paragraphs[1].split()) > SECTION_LABEL_WORDS + 1 \
                and _looks_like_headline(paragraphs[1], stopped=scraped):
            dropped.append(paragraphs.pop(0))  # "Business", then the headline: the page's section
        title = paragraphs.pop(0)
    paragraphs = _without_repeats(paragraphs, title or given_title, set(highlights), dropped)
    return CleanText(text="\n\n".join(paragraphs), title=title, highlights=highlights, dropped=dropped,
                     authors=byline.authors or labels.authors, published=byline.published,
                     dating=[*labels.dates, *captions])


def _without_repeats(paragraphs: list[str], title: str | None, highlights: set[str], dropped: list[str]) -> list[str]:
    """The paragraphs less the title printed a second time (the first one is the headline as
    the page prints it; the others go to ``dropped``), and less the highlights that a later
    paragraph repeats (a summary bullet the body prints again: the body's copy is the one in
    its place)."""
    words = [tuple(_WORD.findall(p.lower())) for p in paragraphs]
    headline = tuple(_WORD.findall(title.lower())) if title else None
    printed = False
    out = []
    for i, paragraph in enumerate(paragraphs):
        if headline and _labelled_repeat(paragraph, words[i], headline):
            dropped.append(paragraph)  # "Featured & Cover Nvidia Loses …": the headline under a section's label
            continue
        if words[i] == headline and len(words[i]) >= MIN_TITLE_REPEAT_WORDS:
            if printed:
                dropped.append(paragraph)
                continue
            printed = True
        if not (paragraph in highlights and words[i] in words[i + 1:]):
            out.append(paragraph)
    return out


def _labelled_repeat(paragraph: str, words: tuple[str, ...], headline: tuple[str, ...]) -> bool:
    """The paragraph is the headline again after a few capitalised words of a label ("Featured
    & Cover", "Breaking News"), which a page prints above it; not a sentence that ends with
    the headline's words ("Analysts said Nvidia loses …")."""
    extra = len(words) - len(headline)
    if len(headline) < MIN_TITLE_REPEAT_WORDS or not 0 < extra <= SECTION_LABEL_WORDS + 1 or words[extra:] != headline:
        return False
    label = [w for w in paragraph.split()[:extra + 1] if _WORD.search(w)][:extra]
    return all(w[:1].isupper() for w in label)


def _date_at_head(paragraph: str) -> int | None:
    """Where the text after a labelled date at the head of ``paragraph`` starts ("Published:
    Jan 28, 2025 10:02 ET | …"), or None when it opens with none."""
    label = DATE_LABEL_RE.match(paragraph)
    date = DATELINE_DATE.match(paragraph, label.end()) if label else None
    if date is None or not printed_date(date.group(0)):
        return None
    return TIME_AFTER_DATE_RE.match(paragraph, date.end()).end()


def _byline_after_date_apart(text: str) -> str:
    """A byline printed on the date's line ("date 2025-01-28 By Jane Doe") on a line of its
    own, so that it is read as the byline (and the role line under it as its role), not as
    the headline."""
    head = len(text) - len(text.lstrip())
    end = text.find("\n", head)
    first = text[head:] if end < 0 else text[head:end]
    cut = _date_at_head(first)
    if cut is None or cut == len(first) or byline_names(first[cut:]) is None:
        return text
    return text[:head] + first[:cut].rstrip() + "\n" + first[cut:] + ("" if end < 0 else text[end:])


def _without_date_line(paragraph: str) -> list[str]:
    """The first paragraph less a labelled date at its head (see ``DATE_LABEL_RE``): what
    follows the date, or nothing when that is only furniture (a word or two, an audio
    player's prompt)."""
    if (cut := _date_at_head(paragraph)) is None:
        return [paragraph]
    rest = paragraph[cut:].strip()
    return [rest] if len(_WORD.findall(rest)) >= MIN_AFTER_DATE_WORDS and not is_boilerplate(rest) else []


def _page_title(lines: list[str], host: str | None = None) -> str | None:
    """A dump's first line is the page's <title>: the headline, less the site name (the line
    after it when the first is only the site's name)."""
    filled = (line for line in lines if line.strip())
    first = next(filled, "")
    if is_site_line(first, host):
        first = next(filled, "")
    if not _looks_like_headline(first) and not first.endswith("?") or BYLINE_LINE_RE.match(first):
        return None  # (nor is a byline the title: "By Dana Pell - reviewed by Jo Kerr")
    return strip_site_name(first)
