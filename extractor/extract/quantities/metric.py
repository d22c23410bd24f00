"""What is measured: a short name from a small vocabulary, onto which the words outlets use
are normalised, so that "Facebook's stock fell 19%", "shares tumbled 19 percent" and "a
19% loss in Facebook's stock" are all a ``share price``.

The vocabulary (``Claim.metric``):

================  =====================================================================
metric            the words that name it
================  =====================================================================
share price       shares, stock, share price, stock price
market value      market value, market cap(italisation), valuation
revenue           revenue, sales, turnover
profit            profit, net income, earnings, net profit, operating profit
earnings per share  per share (of a profit)
margin            profit margin, operating margin, gross margin (a percent of revenue)
net worth         net worth, fortune, wealth, wallet (of a person)
index level       index, average, composite, a named index's move ("the DAX fell 1.7%"); "points" in a market sentence
exchange rate     a currency's move or level ("the pound fell 10% to $1.31")
price             price, a commodity's move ("Brent crude down 5.2%", "gold jumped 22%")
cost              cost, costs, bill, price tag
discount          a deal's saving ("Save $5/Month", "$60 off", "saving 20%")
damage            damage, damages (what a storm, a fire or a war destroyed, in money)
buyback           buyback, repurchase(s) (of a company's own shares)
deal value        what a takeover pays: a deal, takeover, acquisition, merger or buyout, "bought X for"
share sale        a share or stock sale or offering (capital a company raises: no revenue)
deposits          a bank's deposits
withdrawals       withdrawals; money customers withdrew or yanked from a bank
expenses          expenses, spending, outlays
users             users, subscribers, customers (counted)
vote share        votes, voted, backing, in favour of (a percent)
market share      market share, share of the market (a percent of a market's sales)
turnout           turnout (a percent)
voters            a count of people who voted or turned out ("30 million voted")
attendance        a crowd, attendance, spectators, "in front of 61,000 fans"
audience          viewers, viewership, an audience, "watched by 123 million people", "tuned in"
on board          people on board a plane, ship or vehicle ("carrying 162 passengers", "168 on board")
on strike         workers on strike ("went on strike", "walked off the job", "striking workers")
weight loss       weight loss (a body's, in a trial: no money lost)
efficacy          efficacy, effectiveness, "91% effective" (of a drug or vaccine)
dead              killed, dead, died, deaths, death toll, lives, victims, bodies ("killing 12")
missing           missing, unaccounted for
destroyed         buildings, homes, structures destroyed, razed, burned down, lost
damaged           buildings, homes, structures damaged
containment       a fire's containment ("27% contained")
medals            a count of medals, by metal in the unit ("40 golds", "38 gold, 32 silver": gold medal, silver medal)
trapped           trapped, buried alive, under the rubble
injured           injured, wounded, hurt
hospitalised      hospital(ised), in serious/critical condition, in intensive care
rescued           rescued, saved, pulled out alive
rescuers          rescuers, firefighters, emergency workers (counted)
displaced         displaced, homeless, fled, forced from homes, moved to shelters
evacuated         evacuated (compared with displaced as one count when merging)
arrested          arrested, detained, in custody
length            a length in metres (long, span, stretch, section)
rainfall          a depth of rain or snow ("140 mm of rain", "a foot of snow")
height            a length that is high, tall, the depth of a fall, or a level (a river's)
depth             a length below ground or sea ("at a depth of 18 km", "10 km deep")
distance          a length from a place ("33 km from X", "24 miles northwest of Y")
weight            a mass in kilograms
speed             a speed in km/h ("150 mph"); wind speed: of winds or gusts
without power     customers, homes or people without power (counted in customers)
area              an area in square metres
magnitude         an earthquake's magnitude ("a 7.8-magnitude quake", "magnitude 6.7")
================  =====================================================================

A company's result that is expected rather than reported (an estimate, a consensus, a
forecast: "missing the $13.3 billion consensus") is that metric and " forecast" ("revenue
forecast", "earnings per share forecast"; see ``forecast_metric``), and so is a storm's
forecast rain, wind or surge. And the economic words that were already read (debt, deficit,
inflation, unemployment, gdp, yield, dividend, pay, fine, tax, budget, investment, funding, population, exports,
imports, output, assets, reserves, interest rate, age). The words are read from the noun
the amount belongs to ("a cost of", "market value of"), the verb's "from"/"of"/"in"
phrase or object, the subject's head noun, and for counts of people and measures the
words of the clause. None when nothing names it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from extractor.extract.lexicon import (
    CHANGE_NOUNS, COMMODITY_SUBJECTS, CONTRACT_WORDS, COUNTED_PEOPLE_NOUNS, FINE_VERB_FORMS, MARKET_VERBS,
    COUNT_STATE_RE, COUNT_STATES, PRECIPITATION_RE, counts_people_by,
)
from extractor.extract.quantities.money import MONEY_SUBUNITS
from extractor.extract.quantities.quantity import Quantity
from extractor.extract.quantities.units import TIME_UNITS
from extractor.extract.quantities.subject import _clause_subject, valued_object
from extractor.extract.quantities.subject_context import gapped_subject
from extractor.nlp.views import doc_text

# What is measured: compound + head, or head lemma -> metric name. Small on purpose.
METRIC_PHRASES: dict[str, str] = {
    "market value": "market value", "market cap": "market value",
    "market capitalisation": "market value", "market capitalization": "market value",
    "market valuation": "market value", "share price": "share price",
    "stock price": "share price", "net income": "profit", "net profit": "profit",
    "operating profit": "profit", "interest rate": "interest rate",
    "unemployment rate": "unemployment", "jobless rate": "unemployment",
    "net worth": "net worth", "exchange rate": "exchange rate", "death toll": "dead",
    "voter participation": "turnout", "voter turnout": "turnout",
    "price tag": "cost", "share value": "share price", "stock value": "share price",
    "vote share": "vote share", "share of the vote": "vote share", "popular vote": "vote share",
    "market share": "market share", "total compensation": "pay", "executive compensation": "pay",
    "annual compensation": "pay",
    "hourly earnings": "pay", "weekly earnings": "pay", "average earnings": "pay", "hourly earning": "pay",
    "weekly earning": "pay", "average earning": "pay",
    "profit margin": "margin", "operating margin": "margin", "gross margin": "margin", "net margin": "margin",
    "price cap": "price", "cash rate": "interest rate", "policy rate": "interest rate",
    "benchmark rate": "interest rate", "base rate": "interest rate", "bank rate": "interest rate",
    "repo rate": "interest rate", "key rate": "interest rate", "funds rate": "interest rate",
    "consumer price": "inflation", "price index": "inflation", "lending rate": "interest rate",
    "prime rate": "interest rate", "mortgage rate": "interest rate", "deposit rate": "interest rate",
    "overnight rate": "interest rate", "weight loss": "weight loss",
    "share sale": "share sale", "stock sale": "share sale", "share offering": "share sale",
    "stock offering": "share sale", "capital raise": "share sale", "equity raise": "share sale",
    "capital raising": "share sale", "equity raising": "share sale",
    "takeover bid": "deal value", "takeover offer": "deal value", "buyout offer": "deal value",
}
METRIC_WORDS: dict[str, str] = {
    "share": "share price", "stock": "share price", "valuation": "market value",
    "cap": "market value", "capitalisation": "market value", "capitalization": "market value",
    "cost": "cost", "price": "price", "revenue": "revenue", "sale": "revenue",
    "sales": "revenue", "turnover": "revenue", "profit": "profit", "earnings": "profit",
    "income": "profit", "loss": "loss", "index": "index level", "average": "index level",
    "debt": "debt", "deficit": "deficit", "inflation": "inflation",
    "unemployment": "unemployment", "joblessness": "unemployment", "cpi": "inflation", "gdp": "gdp", "economy": "gdp", "yield": "yield",
    "dividend": "dividend", "salary": "pay", "wage": "pay", "pay": "pay", "raise": "pay",
    "remuneration": "pay", "damage": "damage", "damages": "damage", "fine": "fine",
    "penalty": "fine", "tax": "tax", "budget": "budget", "investment": "investment",
    "funding": "funding", "population": "population", "export": "exports",
    "import": "imports", "output": "output", "production": "output", "asset": "assets",
    "reserve": "reserves", "fortune": "net worth", "wealth": "net worth", "wallet": "net worth",
    "worth": "net worth", "expense": "expenses", "spending": "expenses", "outlay": "expenses",
    "bill": "cost", "user": "users", "subscriber": "users", "customer": "users",
    "turnout": "turnout", "vote": "vote share", "ballot": "vote share",
    "attendance": "attendance", "crowd": "attendance", "audience": "audience", "viewership": "audience", "viewer": "audience",
    "death": "dead", "fatality": "dead", "injury": "injured", "buyback": "buyback", "repurchase": "buyback",
    "efficacy": "efficacy", "effectiveness": "efficacy",
    "deal": "deal value", "takeover": "deal value", "acquisition": "deal value", "buyout": "deal value",
    "merger": "deal value",
    "deposits": "deposits", "withdrawal": "withdrawals",  # (a bank's; "a $500 deposit" is a payment)
}
# Verbs by which a company sells its own shares for money (lemmas).
SHARE_ISSUE_VERBS = frozenset({"sell", "issue", "offer", "raise", "float"})
# Nouns of shares to be sold ("announced plans for $1.75 billion in common stock", "an offering of $2bn").
SHARE_ISSUE_NOUNS = frozenset({"plan", "offering", "sale", "placement", "issue", "issuance"})


def _planned_issue(root: Token) -> bool:
    """The figure is what a plan or an offering is for or of ("plans for $1.75 billion in stock")."""
    return root.dep_ == "pobj" and root.head.lower_ in ("for", "of") \
        and root.head.head.lemma_.lower() in SHARE_ISSUE_NOUNS


# Forms of the verbs by which customers take money out of a bank ("customers withdrew $42 billion").
WITHDRAWAL_VERB_FORMS = frozenset({"withdraw", "withdrew", "withdrawn", "withdrawing", "withdraws", "yank", "yanked",
                                   "yanking", "yanks"})
# A percentage a drug or vaccine is effective ("was 91.3% effective", "94 per cent effective").
# (said of the thing, not a noun after it: "a 30 percent effective tax rate" is a rate)
EFFECTIVE_AFTER_RE = re.compile(r"\s*(?:more\s+|less\s+)?effective\b(?=\s*(?:[.,;:)]|\Z|(?:in|at|against|for|among|on|"
                                r"when|after|and|but|with|to)\b))", re.I)
# What markets quote: a move or a level of these is the news of one session.
MARKET_METRICS = frozenset({"share price", "market value", "index level", "exchange rate", "price"})
# Nouns that only say "how many" ("the number of confirmed deaths", "a tally of victims"):
# what they count names the metric.
COUNT_NOUNS = frozenset({"number", "count", "tally", "total", "toll", "figure"})
# A bare number a death toll is set to, earlier in its clause ("raised the death toll in the
# collapse to at least 37", "the toll rose to 43", "put the death toll at 38", "a toll of 115").
TOLL_SET_RE = re.compile(r"\b(?:death\s+)?toll\b[^.;:]{0,80}?\b(?:to|at|of|reached|reaches|hit|hits|stood\s+at|stands\s+at"
                         r"|nears|neared|tops|topped|passes|passed|surpasses|surpassed|crosses|crossed|exceeds|exceeded)\s+"
                         r"(?:(?:at\s+least|more\s+than|over|about|nearly|almost|some|around)\s+)?\Z", re.I)
# A count of people named by what befell them, set right before a bare number ("the number of
# dead rose to 12", "the number of those unaccounted for dropped to 31", "the tally of the
# injured stands at 40"): the cue in ``fate`` says which count (PEOPLE_COUNT_CUES).
PEOPLE_NUMBER_SET_RE = re.compile(
    r"\b(?:number|count|tally|total)\s+of\s+(?:the\s+|those\s+|people\s+|persons\s+)?(?P<fate>[^.;:,]{1,40}?)\s+"
    r"(?:(?:has|have|had|was|were|is|are|been|now|officially|then)\s+)*"
    r"(?:rose|risen|rises|climbed|climbs|jumped|fell|fallen|falls|dropped|drops|declined|grew|increased|decreased"
    r"|revised|lowered|raised|stood|stands|reached|reaches|hit|hits)?\s*(?:down\s+|up\s+)?(?:to|at)?\s*"
    r"(?:(?:at\s+least|more\s+than|over|about|nearly|almost|some|around)\s+)?\Z", re.I)
# A total set or reached right before a count ("bringing the total to", "the total stands at"):
# the total of the people the sentence counts, as their cue says.
TOTAL_SET_RE = re.compile(r"\btotal\b[^.;:]{0,30}?\b(?:to|at|of|reached|hit|stands\s+at|stood\s+at)\s+"
                          r"(?:(?:at\s+least|more\s+than|over|about|nearly|almost|some|around)\s+)?\Z", re.I)
# The names of the market indexes news quotes most, and the words of any index's name.
INDEX_NAMES = (r"Dow|S&P|Nasdaq|FTSE|Nikkei|DAX|CAC|Hang Seng|Sensex|Nifty|Kospi|Kosdaq|ASX|TSX|Stoxx|IBEX|Bovespa|Topix"
               r"|FTSE MIB|MIB|CSI|Taiex|KLCI|PSEi|Merval|MOEX|BIST|Tadawul|NZX")
INDEX_NAME_RE = re.compile(rf"\b(?:{INDEX_NAMES})\b|\b(?:index|average|composite)\Z", re.I)
# A stock index's own name (not a ranking's: "the Bloomberg Billionaires Index").
STOCK_INDEX_RE = re.compile(rf"\b(?:{INDEX_NAMES})\b", re.I)
# A name whose last word says it is an index ("KBW Regional Banking Index"; not "Index Ventures").
INDEX_HEAD_RE = re.compile(r"\b(?:index|average|composite)\Z", re.I)
# Words of a sentence about a market index, whose points are its level.
INDEX_WORDS_RE = re.compile(
    rf"\b(?:index|indices|indexes|average|benchmark|blue[- ]chips?|composite|bourse|stocks?|shares|markets?"
    rf"|{INDEX_NAMES})\b", re.I)
# Verbs whose bare count object is people, and what happened to them ("killing 12").
CASUALTY_VERBS = {"kill": "dead", "injure": "injured", "wound": "injured", "hurt": "injured", "rescue": "rescued",
                  "hospitalise": "hospitalised", "hospitalize": "hospitalised", "displace": "displaced",
                  "evacuate": "evacuated", "arrest": "arrested", "detain": "arrested"}
# An amount of money this large is never the price of one share: "a loss in the stock wiped
# $119 billion" is the company's market value.
SHARE_PRICE_AT_MOST = 1e6
# Currencies as subjects: their moves and levels are exchange rates.
CURRENCY_SUBJECTS = frozenset({
    "pound", "sterling", "euro", "dollar", "yen", "yuan", "renminbi", "franc", "rupee", "rouble",
    "ruble", "peso", "lira", "krona", "krone", "won", "rand", "real", "greenback", "bitcoin", "ether", "ethereum",
})
# Words of the clause that say what a count of people counts (checked in this order).
PEOPLE_COUNT_CUES: tuple[tuple[str, re.Pattern], ...] = (
    # (not "the search for the missing", "prayers for the missing": whom others look or pray for)
    ("missing", re.compile(r"(?<!\bfor the )(?<!\bfor )\b(?:missing|unaccounted)\b", re.I)),
    ("trapped", re.compile(r"\b(?:trapped|buried\s+alive|under\s+(?:the\s+)?rubble)\b", re.I)),
    ("hospitalised", re.compile(r"\b(?:hospitali[sz]ed|in\s+hospital|(?:serious|critical)\s+condition|intensive\s+care)\b", re.I)),
    ("injured", re.compile(r"\b(?:injur\w*|wounded|hurt)\b", re.I)),
    ("rescued", re.compile(r"\b(?:rescued|saved|pull(?:ed|s|ing)?\s+(?:[\w,]+\s+){0,3}?(?:out\s+)?alive|survivors|to\s+safety)\b", re.I)),
    ("rescuers", re.compile(r"\b(?:rescuers|firefighters|firemen|emergency\s+workers|rescue\s+workers"
                            # (the search for a group, not for a count: "the search for two persons missing at sea")
                            r"|search(?:es|ing)?\s+for\s+(?:the\s+)?(?:missing|survivors|victims|bodies)"
                            r"|searchers|search\s+(?:teams?|parties))\b", re.I)),
    ("dead", re.compile(r"\b(?:kill\w*|dead|died|deaths?|die|lives|victims|bodies|death\s+toll|toll|fatalities|perished)\b", re.I)),
    ("displaced", re.compile(r"\b(?:displac\w*|homeless|uprooted|fle(?:e|es|d|eing)|forced\s+(?:from|out\s+of)\s+(?:their\s+)?homes"
                             r"|(?:moved|taken|sent)\s+to\s+(?:temporary\s+|emergency\s+)?shelters)\b", re.I)),
    ("evacuated", re.compile(r"\b(?:evacuat\w*)\b", re.I)),
    ("arrested", re.compile(r"\b(?:arrest\w*|detain\w*|in\s+custody)\b", re.I)),
    ("attendance", re.compile(r"\b(?:crowd|attendance|spectators|in\s+front\s+of|sell-out|sold-out)\b", re.I)),
    ("audience", re.compile(r"\b(?:viewers|viewership|audiences?|tun(?:ed|ing)\s+in|watched\s+(?:by|the|it|all|part|live))\b", re.I)),
    ("on board", re.compile(r"\b(?:on\s+board|aboard|onboard|carrying(?!\s+out))\b", re.I)),
    ("on strike", re.compile(r"\b(?:(?:went|go|going|are|were|is|was|remain\w*)\s+on\s+strike|walk(?:ed|s|ing)?\s+"
                             r"(?:out|off\s+the\s+job)|walkout|striking)\b", re.I)),
    ("voters", re.compile(r"\b(?:vot(?:e|es|ed|ers|ing)|ballots?|turn(?:ed|s|ing)?\s+out|turnout)\b", re.I)),
    ("users", re.compile(r"\b(?:users|subscribers|customers)\b", re.I)),
)
# A deal's saving before or after its sum ("Save $5/Month", "saving up to 20%", "$60 off on
# Friday"; not "chopped $15 billion off his fortune").
SAVING_BEFORE_RE = re.compile(r"\b(?:[Ss]av(?:e|es|ing)|[Ss]avings\s+of)\s+(?:up\s+to\s+|over\s+|about\s+|an\s+extra\s+)?\Z")
OFF_AFTER_RE = re.compile(r"\s+off(?=\s*(?:[.,;:!)]|\Z)|\s+(?:on|at|for|with|when|if)\s)")
# Verbs that take a sum off a value, which is no deal's saving ("knocked $15bn off on Monday").
TAKING_OFF_VERBS = frozenset({"wipe", "knock", "shave", "chop", "erase", "slash", "strip", "lop", "take", "cut", "shed"})
# A fire's containment, after or before its percent ("27% contained", "containment at 65%").
CONTAINED_AFTER_RE = re.compile(r"\s*(?:contained|containment)\b", re.I)
CONTAINMENT_BEFORE_RE = re.compile(r"\bcontainment\s+(?:\w+\s+){0,2}(?:at|to|of|reached|was|is|stood\s+at)\s*(?:about\s+|nearly\s+|only\s+)?\Z", re.I)
# Units of the buildings a fire, a storm or a quake destroys or damages, and the words of
# each fate (the nearest to the count wins).
BUILDING_UNITS = frozenset({"structure", "home", "house", "building", "property", "business", "dwelling", "residence",
                            "apartment", "school", "church", "mosque", "temple", "monastery", "pagoda", "hospital",
                            "shop", "hotel", "factory", "bridge"})
BUILDING_FATES: tuple[tuple[str, re.Pattern], ...] = (
    ("destroyed", re.compile(r"\b(?:destroy\w*|raz(?:e|ed|ing)|burn(?:ed|t)\s+(?:down|to\s+the\s+ground)|levell?ed|"
                             r"flattened|reduced\s+to\s+(?:rubble|ashes)|collapsed|lost)\b", re.I)),
    ("damaged", re.compile(r"\bdamag(?:ed|ing)\b", re.I)),
)


def _counted_buildings_metric(unit: str | None, clause: str, start: int, end: int) -> str | None:
    """For a count of buildings: destroyed or damaged, by the cue nearest the count
    ("9,400 structures destroyed and 1,000 damaged", "has destroyed over 9,400 structures")."""
    if unit is None or unit.split()[-1] not in BUILDING_UNITS:
        return None
    best: tuple[int, str] | None = None
    for name, cue in BUILDING_FATES:
        for m in cue.finditer(clause):
            distance, elsewhere = _cue_distance(clause, m, start, end)
            if elsewhere:
                continue  # another clause's fate
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def _first_listed(root: Token) -> Token:
    """The first of the nouns listed with the one a count counts ("homes" of "1,591 homes,
    670 monasteries and 60 schools"), or the count's own token."""
    node = root.head if root.dep_ == "nummod" else root
    while node.dep_ in ("conj", "appos") and node.head.i < node.i:  # (the parser hangs a list on its first as either)
        node = node.head
    return node if node.i < root.i else root


def _cue_distance(clause: str, cue: re.Match, start: int, end: int) -> tuple[int, bool]:
    """How far a cue stands from a count at [start, end) of the clause, and whether a clause
    break lies between them. The predicate usually follows the count ("three people are
    missing"), so a cue before it counts at twice its distance ("killed 43 people" is still near)."""
    if cue.start() >= end:
        return cue.start() - end, bool(CLAUSE_BREAK_RE.search(clause, end, cue.start()))
    return 2 * (start - cue.end()), bool(CLAUSE_BREAK_RE.search(clause, cue.end(), start))


# Units of the people a plane, ship or train carries: counted with no other cue, on board.
TRAVELLER_UNITS = frozenset({"passenger", "crew", "crew member", "crewmember"})
# A count of those without power ("1.2 million customers without power", "homes and
# businesses were without electricity"): one metric, whatever the outlet counts them by.
OUTAGE_METRIC = "without power"
OUTAGE_RE = re.compile(r"\b(?:without\s+(?:power|electricity)|lost\s+(?:power|electricity)|"
                       r"power\s+(?:outages?|cuts?)|blackouts?|in\s+the\s+dark)\b", re.I)
OUTAGE_UNITS = frozenset({"customer", "home", "household", "business", "premise", "property", "person", "people",
                          "resident", "account", "meter", "user"})
# Metrics of counts of people, and how much further a cue in another clause counts.
PEOPLE_METRICS = frozenset(name for name, _ in PEOPLE_COUNT_CUES) - {"voters", "users", "attendance", "audience", "on board", "on strike"}
OTHER_CLAUSE = 1000
# Where one clause of a sentence ends and the next begins.
CLAUSE_BREAK_RE = re.compile(r"\b(?:and|but|while|whereas)\b|[;:]|,(?!\d)")  # (not the comma of "2,300")
# Words that make a length a height ("45-metre high", "plunging 50 metres").
HEIGHT_RE = re.compile(r"\b(?:high|height|tall|plung\w*|plummet\w*|fell|fall\w*|drop\w*|below|above|deep|depth|"
                       r"(?:storm\s+)?surge|waves?|tsunamis?|swells?|levels?|crest\w*|ris(?:e|es|en|ing)|rose)\b", re.I)
# (and a level or crest: "the level of the river rose 41 cm, reaching 5.21 metres", water's height)
# Words right after a length that make it a height ("45-metre-high", "50 metres tall").
HEIGHT_NEXT_RE = re.compile(r"[\s-]*(?:\([^)]*\)\s*)?(?:high|tall|deep|in\s+height|above|below|"
                            r"(?:up\s+)?into\s+the\s+(?:sky|air|atmosphere|stratosphere))\b", re.I)
# Words right after a length that make it a distance from a place, not a size ("33 km from
# the city", "130 km (80 miles) to the north", "24 miles northwest of Herat").
DISTANCE_NEXT_RE = re.compile(
    r"[\s-]*(?:\([^)]*\)\s*)?(?:away\b|from\b|off\s+the\b|inland\b|offshore\b|"
    r"(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|ward|wards)?\b)", re.I)
# Words right after a length that say it is one ("1,182 metres long", "200 metres in length").
LENGTH_NEXT_RE = re.compile(r"[\s-]*(?:\([^)]*\)\s*)?(?:long|in\s+length|wide|across)\b", re.I)
# A depth below ground or sea ("at a depth of 18.5 kilometres", "10 km deep").
DEPTH_BEFORE_RE = re.compile(r"\bdepths?\s+of\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|just\s+)?\Z", re.I)
DEPTH_NEXT_RE = re.compile(
    r"[\s-]*(?:\)\s*)?(?:\([^)]*\)\s*)?(?:deep|(?:below|beneath|under)\s+(?:the\s+)?(?:(?:ocean|sea)['’]s\s+)?(?:surface|ground|sea"
    r"|ocean|water|waves)|underwater|down\s+to\s+the\s+(?:bottom|seabed|sea\s?floor|ocean\s+floor))\b", re.I)
# Things a length modifies that are heights ("a 50-metre drop", "a 45-metre fall").
HEIGHT_NOUNS = frozenset({"drop", "fall", "plunge", "height", "depth", "tower", "pylon", "pillar", "mast", "plummet",
                          "volcano", "mountain", "peak", "summit", "skyscraper", "spire", "plume",
                          "surge", "wave", "swell", "tsunami"})  # (of water: "a storm surge of 12 feet")
# Base units of measure and the metric each is by default.
MEASURE_METRICS = {"metre": "length", "kilogram": "weight", "square metre": "area", "litre": "volume",
                   "kilometre per hour": "speed", "magnitude": "magnitude"}
# Rain in a clause, and the units a rain gauge reads, which measure nothing else a clause of rain gives.
RAIN_RE = re.compile(r"\b(?:rain|rains|rainfall|downpours?|precipitation)\b", re.I)
RAIN_GAUGE_UNIT_RE = re.compile(r"\d\s*(?:mm|millimet(?:re|er)s?|inch(?:es)?|in\.)\s*\Z", re.I)  # (not "a 5-inch pipe")
# A speed of the wind ("winds of 150 mph", "gusts of up to 240 km/h").
WIND_RE = re.compile(r"\b(?:winds?|gusts?|gusting)\b", re.I)
# Percent and percentage point amounts of a vote ("52% voted to leave", "52 per cent of voters backing").
VOTE_RE = re.compile(r"\b(?:vot(?:e|es|ed|ers|ing)|ballots?|backing|in\s+favou?r\s+of|referendum)\b", re.I)


def _counted_noun_unit(unit: str) -> bool:
    """A unit that counts things: a lower-case noun, maybe after names ("Acme Class A share"),
    not a currency code ("USD", "USD per share")."""
    words = unit.split()
    return words[-1].islower() and not words[0].isupper()


# "one of the <superlative>" after a figure: a place in a ranking ("one of the deadliest
# quakes", "one of the most valuable companies"), which counts nothing.
ONE_OF_RANKED_RE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|this|that)\s+(?:most\s+|\w+est\b)", re.I)


# A group's size written as a compound adjective before it ("an eight-man crew", "a 12-member
# team", "a 5,000-strong force").
GROUP_SIZE_AFTER_RE = re.compile(r"-(?:man|men|woman|member|person|people|strong)\b", re.I)
# "None of the" before a count of a group: no one of it is what the clause says.
NONE_OF_BEFORE_RE = re.compile(r"\b(?:none|neither|no one|nobody)\s+of\s+(?:the|its|their|our|his|her)\s+\Z", re.I)


def metric_of(q: Quantity, root: Token, span: SpacySpan, verb: Token | None, unit: str | None = None,
              subject_names: tuple[str, ...] = ()) -> str | None:
    """Name of what is measured, from the vocabulary of the module docstring."""
    if q.metric:
        return q.metric
    if verb is not None and verb.lower_ in FINE_VERB_FORMS and root.dep_ in ("dobj", "dative") \
            and unit and unit.isupper():
        return "fine"  # "the Commission fined Orbis 2.4 billion euros"
    if verb is not None and verb.lower_ in WITHDRAWAL_VERB_FORMS and root.dep_ == "dobj" and unit and unit.isupper():
        return "withdrawals"  # "customers yanked $42 billion on the first day of the run"
    if unit and unit.isupper() and len(unit) == 3 and _price_of_a_purchase(root):
        return "deal value"  # "UBS agreed to buy Credit Suisse for 3 billion francs"
    if unit and unit.isupper() and len(unit) == 3 and valued_object(root) is not None:
        return "market value"  # "valuing Arm at $54.5 billion": what it is worth
    if q.value == 1 and ONE_OF_RANKED_RE.match(doc_text(span.doc), span.end_char):
        return None  # "one of the deadliest temblors in decades": a place in a ranking, no count
    if GROUP_SIZE_AFTER_RE.match(doc_text(span.doc), span.end_char) \
            or NONE_OF_BEFORE_RE.search(doc_text(span.doc), max(0, span.start_char - 30), span.start_char):
        return None  # "six of an eight-man crew were killed", "none of the 22 crew members were injured":
        # the group's size, not its dead or injured
    clause = _clause_text(root)
    if unit in MEASURE_METRICS:
        if unit == "metre":
            after = clause[span.end_char - root.sent.start_char:]
            before = clause[:span.start_char - root.sent.start_char]
            if PRECIPITATION_RE.match(after) or RAIN_RE.search(clause) and RAIN_GAUGE_UNIT_RE.search(span.text):
                return "rainfall"  # "140 mm of rain fell": no height, whatever it fell from; "record rains dumped
                # 600 millimetres", "heavy rains, with volumes exceeding 100 mm": what a rain gauge measures
            if DISTANCE_NEXT_RE.match(after):
                return "distance"  # "33 kilometres from Gaziantep", "24 miles northwest of Herat"
            if DEPTH_BEFORE_RE.search(before) or DEPTH_NEXT_RE.match(after):
                return "depth"  # "at a depth of 18 km", "10 km deep": below the ground or the sea
            if _is_height(root, span, clause) and not LENGTH_NEXT_RE.match(after):
                return "height"  # but "1,182 metres long" in a sentence of falls is a length
        if unit == "kilometre per hour" and WIND_RE.search(clause):
            return "wind speed"
        return MEASURE_METRICS[unit]
    if unit == "point":  # a market index's points; a contest's or a game's are a score of no index
        if (share := _named_metric(root, span, verb)) in SHARE_METRICS:
            return share  # "its market share rose 2 points": percentage points of a share
        return "index level" if INDEX_WORDS_RE.search(clause) or any(INDEX_WORDS_RE.search(n) for n in subject_names) \
            else None
    if (unit == "percent" or unit and len(code := unit.split()[0]) == 3 and code.isupper()) and (
            SAVING_BEFORE_RE.search(clause, 0, span.start_char - root.sent.start_char)
            or OFF_AFTER_RE.match(clause, span.end_char - root.sent.start_char)
            and (verb is None or verb.lemma_.lower() not in TAKING_OFF_VERBS)):
        return "discount"  # "Save $5/Month", "$60 off", "saving 20%": what a deal takes off a price
    if unit == "percent" and EFFECTIVE_AFTER_RE.match(clause, span.end_char - root.sent.start_char):
        return "efficacy"  # "the vaccine was 91.3% effective"
    if unit == "percent" and (CONTAINED_AFTER_RE.match(clause, span.end_char - root.sent.start_char)
                              or CONTAINMENT_BEFORE_RE.search(clause, 0, span.start_char - root.sent.start_char)):
        return "containment"  # "the fire is 27% contained", "containment reached 65%"
    if unit is None and (state := COUNT_STATE_RE.match(clause, span.end_char - root.sent.start_char)):
        return COUNT_STATES[state.group(1).lower()]
    if unit is None and root.dep_ == "dobj" and (state := CASUALTY_VERBS.get(root.head.lemma_.lower())):
        return state  # "killing at least 12 and injuring more than 200": people, the noun left out
    if unit is None and _counts_voters(root):
        return "voters"
    if unit is None and TOLL_SET_RE.search(clause, 0, span.start_char - root.sent.start_char):
        return "dead"
    if unit is None and (fate := _people_number_set(clause, span.start_char - root.sent.start_char)):
        return fate
    if unit is None and TOTAL_SET_RE.search(clause, 0, span.start_char - root.sent.start_char) \
            and (summed := _counted_people_metric("person", clause, span.start_char - root.sent.start_char)[0]):
        return summed  # "8,574 people had died in Turkey and 2,662 in Syria, bringing the total to 11,236"
    if _partitive_total(root):
        return None  # "killing 18 of the 19 people on board": the 19 were on board
    if _left_without_power(unit, subject_names, clause, span.start_char - root.sent.start_char,
                           span.end_char - root.sent.start_char):
        return OUTAGE_METRIC
    people_subject = next((n for n in subject_names if n.casefold() in COUNTED_PEOPLE_NOUNS), None)
    counted, far = _counted_people_metric(unit or people_subject, _without_partitive(root, clause),
                                          span.start_char - root.sent.start_char)
    # (only a sum is a deal's value: "shares fell 64% on the deal", "0.68 francs per share in the deal")
    named = _named_metric(root, span, verb, sum_of_money=bool(unit and unit.isupper() and len(unit) == 3))
    if named == "deal value" and span.start >= 2 and span.doc[span.start - 1].text == ":" \
            and (labelled := _metric_of_noun(span.doc[span.start - 2])) is not None:
        named = labelled  # "(market capitalisation: $56.52 billion) … announced the acquisition": the label's
    if counted and far and named in PEOPLE_METRICS:
        return named  # every cue is in another clause: "the death toll ..., remains at 38, but 20 are missing"
    if counted and far and verb is not None and _own_fate(root, verb):
        return None  # "sickened 14,000 people and killed 312", "seven were arrested and four injured":
        # the count's own verb says what befell it; "a ferry carrying 137 people capsized, killing 19"
    if counted:
        return counted
    first = _first_listed(root)  # "destroyed 1,591 homes, 670 monasteries and 60 schools": each one's fate
    if (razed := _counted_buildings_metric(unit, clause, min(span.start_char, first.idx) - root.sent.start_char,
                                           span.end_char - root.sent.start_char)) is not None:
        return razed
    if unit in TRAVELLER_UNITS:
        return "on board"  # "landed safely with 174 passengers and six crew members": who travels is on board
    if unit in TIME_UNITS:
        return None  # "without power for two weeks": how long, whatever the clause is about
    if named == "share price" and unit and _counted_noun_unit(unit) and unit not in AMOUNT_UNITS and unit != "point" \
            and unit.split()[0] not in MONEY_SUBUNITS.values():
        return None  # "sold 18 million shares", "owns 350 million Acme Class A shares": a count of shares has no price
    if named == "share price" and unit and unit.isupper() and q.value >= SHARE_PRICE_AT_MOST \
            and (verb is not None and verb.lemma_.lower() in SHARE_ISSUE_VERBS or _planned_issue(root)):
        return "share sale"  # "it had to sell $1.75 billion in shares", "plans for $1.75 billion in common
        # stock": capital raised, no value lost
    if named == "share price" and unit and unit.isupper() and q.value >= SHARE_PRICE_AT_MOST:
        return "market value"
    if named == "profit" and unit and unit.endswith(" per share"):
        return "earnings per share"  # "profit was $1.10 per share"
    if named == "cost" and not (unit and (unit.split()[0].isupper() or unit == "percent")):
        return None  # "the bill passed by 199 votes to 74": a law's bill costs nothing; a cost is money
    if named in ("users", "voters") and unit and unit.isupper():
        return None  # "customers had withdrawn $6 billion": money, not a count of customers
    if named == "vote share" and unit not in ("percent", "percentage point"):
        return None  # "199 votes to 74": a count of votes, not a share
    if named in MONEY_METRICS and unit and unit.islower() and unit not in AMOUNT_UNITS \
            and unit.split()[0] not in MONEY_SUBUNITS.values():  # (but "50 cents a share" is money)
        return None  # "the economy added 272,000 jobs": a count of things is no sum of money
    if named == "index level" and unit and unit.islower() and unit not in AMOUNT_UNITS and unit != "point":
        return None  # "eight of the top 10 biggest drops in the S&P 500 index": a count of days, no level
    if named == "index level" and unit and unit.isupper():
        return "market value"  # "wiped $1tn in value from the index": its companies' worth; an index has no dollars
    if (named == "share price" and any(INDEX_HEAD_RE.search(n) or INDEX_NAME_RE.search(n) for n in subject_names)
            or named == "loss" and any(STOCK_INDEX_RE.search(n) for n in subject_names)) and unit in ("percent", "point"):
        return "index level"  # "bank stocks fell, with the KBW Regional Banking Index down 3.9%", "pushing the Nikkei 225
        # down 1%", "markets led the region's losses, with the Hang Seng Index down 12.53%"
    if named:
        return named
    if unit and unit.isupper() and (price_tag(root, span) or (verb is not None and verb.lemma_.lower() == "cost")):
        return "cost"  # "the $11.4 million bridge", "the repairs will cost $5 million"
    lasts = {_traded_thing(n) for n in subject_names if n.strip()}  # "Pound Sterling", "US Dollar", "Brent crude";
    if lasts & CURRENCY_SUBJECTS:                                                # not "Bitcoin Trust", "Gold Fields"
        return "exchange rate"
    if lasts & COMMODITY_SUBJECTS:
        return "price"
    if unit in ("percent", "point") and any(INDEX_NAME_RE.search(n) for n in subject_names):
        return "index level"  # "the S&P 500 lost 2.7%", "Germany's DAX fell 1.7%"
    if (labelled := _label_before(span)) is not None:
        return labelled
    if unit in ("percent", "percentage point") and VOTE_RE.search(clause) and not _of_a_change(root):
        return "vote share"
    if unit == "percent" and verb is not None and verb.lemma_.lower() in SHARE_WON_VERBS and subject_names \
            and not _of_a_change(root) and _election_story(span.doc):
        return "vote share"  # "The Greens obtained 11.6%", "the AfD reaches 20.8 percent" in a story of a vote
    return None


# Verbs a side takes its share of a vote with ("the Greens obtained 11.6%", "the FDP won 4.3%").
SHARE_WON_VERBS = frozenset({"win", "reach", "obtain", "garner", "secure", "poll", "take", "receive", "get", "score",
                             "capture", "earn", "come"})
# Words of a story about an election; this many of them make one.
ELECTION_RE = re.compile(r"\b(?:elections?|electoral|vot(?:e|es|ed|ers?|ing)|ballots?|polls?|referendum|"
                         r"constituenc(?:y|ies)|seats)\b", re.I)
ELECTION_WORDS_AT_LEAST = 3


def _election_story(doc: Doc) -> bool:
    """The article is about an election: its words say so at least ELECTION_WORDS_AT_LEAST
    times (read once per article)."""
    if "election_story" not in doc.user_data:
        found = 0
        for _ in ELECTION_RE.finditer(doc_text(doc)):
            found += 1
            if found >= ELECTION_WORDS_AT_LEAST:
                break
        doc.user_data["election_story"] = found >= ELECTION_WORDS_AT_LEAST
    return doc.user_data["election_story"]


# Results a figure may be expected of rather than reported ("the $13.3 billion consensus",
# "analysts had expected $2.52 a share"), and a storm's measures: kept apart as "<metric> forecast".
RESULT_METRICS = frozenset({"revenue", "profit", "earnings per share", "expenses", "users", "margin"})
FORECAST_METRICS = RESULT_METRICS | {"rainfall", "wind speed", "height"}  # ("forecasters expect 20 inches of rain")
# What a company reports for a period (its results, or their forecasts): of that period, not of a day.
PERIOD_METRICS = RESULT_METRICS | {f"{metric} forecast" for metric in RESULT_METRICS}
# Nouns of an expectation, as lemmas ("the consensus", "its margin target") ...
EXPECTATION_NOUNS = frozenset({"consensus", "estimate", "forecast", "expectation", "projection", "guidance", "outlook",
                               "target", "goal"})
# ... and its words: a noun the figure belongs to or a verb it is the object of.
EXPECTATION_WORDS = EXPECTATION_NOUNS | {"expect", "project", "predict", "anticipate", "forecaster"}
# Dependencies climbed from a figure to the noun or verb that holds it ("of $13.3 billion").
HOLDER_DEPS = frozenset({"compound", "nmod", "amod", "pobj", "prep", "dobj", "appos", "npadvmod", "nummod", "quantmod"})


def forecast_metric(metric: str | None, root: Token, through_clause: bool = True) -> str | None:
    """``metric`` as an expectation ("revenue forecast") when the figure is one: of an
    estimate, a consensus or a forecast ("missing the $13.3 billion Wall Street consensus",
    "estimates of $1.71 a share"), or what someone expected or is expected to report
    ("analysts had expected $13.36 billion", "the $13.36 billion analysts expected", "is expected
    to report revenue of $9bn"); an outlet's "$13.3bn" revenue is then no other outlet's
    consensus. Else ``metric``.
    ``through_clause=False`` reads no clause an expectation verb governs ("expected to reach")."""
    if metric not in FORECAST_METRICS:
        return metric
    node = root
    for _ in range(6):
        if node.lemma_.lower() in EXPECTATION_WORDS or any(
                c.dep_ in ("relcl", "acl") and c.lemma_.lower() in EXPECTATION_WORDS for c in node.children):
            # (the second: "short of the $13.36 billion analysts expected")
            return f"{metric} forecast"
        if node.pos_ in ("VERB", "AUX"):
            expected = through_clause and node.dep_ == "xcomp" and node.head.lemma_.lower() in EXPECTATION_WORDS
            return f"{metric} forecast" if expected else metric  # "expected to report revenue of $9bn"
        if node.dep_ not in HOLDER_DEPS or node.head is node:
            return metric
        node = node.head
    return metric


# Words that put a loss in a market ("a $600bn loss for the stock market"; but "a 19% loss
# in Facebook's stock" is its share price's).
MARKET_WORDS = frozenset({"market", "markets"})
# Words of an insurer's market, whose losses are claims paid, not a fall in value ("private
# market losses from the storm", "insured market losses").
INSURED_WORDS = frozenset({"private", "insured", "insurance", "reinsurance"})


def _changed_metric(change: Token) -> str | None:
    """What a change noun is a change of, when its modifiers say it: "a $589 billion market
    cap loss" and "a share value drop" (its compounds, "share" hanging on "value"), "a $600bn
    loss for the stock market" (a market loss is of market value), "a $20bn loss to his net
    worth" (a loss of what it is a loss in or to)."""
    words = [t.lower_ for t in change.subtree if t.i < change.i and t.dep_ in ("compound", "amod")]
    for a, b in zip(words, words[1:]):
        if f"{a} {b}" in METRIC_PHRASES:
            return METRIC_PHRASES[f"{a} {b}"]
    for word in reversed(words):
        if word in METRIC_WORDS and METRIC_WORDS[word] not in ("loss", "cost"):
            return METRIC_WORDS[word]
    if change.lemma_.lower() in ("loss", "wipeout", "hit"):
        if any(word in MARKET_WORDS for word in words) and not INSURED_WORDS & set(words):
            return "market value"  # "the biggest single-day market loss" (not an insurer's "private market losses")
        if _of_one_day(change):
            return "market value"  # "the record for a single-day loss of $279bn": a market's loss; no result is of a day
        for prep in (c for c in change.children if c.dep_ == "prep" and c.lower_ in ("for", "in", "on", "to")):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                if prep.lower_ == "on" and obj.lemma_.lower() in ("sale", "sales", "disposal"):
                    continue  # "a $1.8 billion loss on sales of investments": the seller's loss, no fall in sales
                if obj.lower_ in MARKET_WORDS:
                    return "market value"
                if (metric := _metric_of_noun(obj)) not in (None, "loss", "cost"):
                    return metric  # "a $589 billion loss in market cap", "a $20bn loss to his net worth"
    if change.lemma_.lower() in WIPEOUT_NOUNS and any(c.dep_ == "nummod" for c in change.children) \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in change.children):
        return "market value"  # "a $600 billion wipeout": value wiped out, never a result's loss
    if change.lemma_.lower() not in ("loss", "wipeout", "hit"):  # (a common noun: "drops in the S&P 500" are its moves)
        for obj in (o for c in change.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
                    if o.dep_ == "pobj" and o.pos_ == "NOUN"):
            if (metric := _metric_of_noun(obj)) not in (None, "loss", "cost"):
                return metric  # "an increase in the unemployment rate to 4.3%": the rate's
    return None


# Nouns of a sum wiped out of a market's value, when the sum is on them and no "of" says what
# else was wiped out.
WIPEOUT_NOUNS = frozenset({"wipeout", "wipe-out"})


# Words that make a loss one day's ("a single-day loss", "a one-day loss").
ONE_DAY_RE = re.compile(r"\b(?:single|one)[- ]day\b|\bintra-?day\b", re.I)


def _of_one_day(change: Token) -> bool:
    """The change noun is said to be of one day ("single-day", "one-day", "intraday")."""
    return bool(ONE_DAY_RE.search(change.doc[change.left_edge.i:change.i].text))


def _label_before(span: SpacySpan) -> str | None:
    """A metric written as a label right before its figure, as in a results line ("Turnout
    84.6%", "Revenue: $13.2bn")."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].text in (":", "-", "–"):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN") or not doc[i].text[:1].isupper():
        return None
    return _metric_of_noun(doc[i])


def _traded_thing(name: str) -> str:
    """The last word of a subject's name that names what trades ("brent crude futures": crude)."""
    words = name.casefold().split()
    while len(words) > 1 and words[-1] in CONTRACT_WORDS:
        words.pop()
    return words[-1]


def _of_a_change(root: Token) -> bool:
    """The figure is the size or the end of a change a noun names ("voted for a cut to
    4.25%", "backing a 2% rise"): the changed figure's, not a share of the vote."""
    noun = root.head
    if noun.dep_ == "prep" and noun.lower_ in ("to", "of", "from"):
        before = noun.doc[noun.i - 1] if noun.i > 0 else noun  # the parser may hang "to 4.25%" on the verb
        noun = before if before.lemma_.lower() in CHANGE_NOUNS or before.lower_ in CHANGE_NOUNS else noun.head
    return noun.lemma_.lower() in CHANGE_NOUNS or noun.lower_ in CHANGE_NOUNS


def _partitive_total(root: Token) -> bool:
    """The whole of which another number is a part ("18 of the 19 people", "two of its
    three engines"): the part's clause tells what happened to it, not to the whole."""
    noun = root.head if root.dep_ == "nummod" else root
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i < noun.i \
        and (prep.head.like_num or prep.head.pos_ == "NUM")


def _counts_voters(root: Token) -> bool:
    """A bare number of people who voted: "30.6 million had turned out", "30 million voted",
    "with over 30 million voting"."""
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
        lemma = head.lemma_.lower()
        return lemma == "vote" or (lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children))
    return root.dep_ in ("nummod", "amod", "compound") and head.lower_ == "voting"


def _is_height(root: Token, span: SpacySpan, clause: str) -> bool:
    """A length that is a height: said so next to it ("45-metre-high", "50 metres tall"), or
    not the size of a thing ("an 80-metre section" is a length whatever fell) and in a clause
    of heights and falls ("plunging 45 metres")."""
    after = clause[span.end_char - root.sent.start_char:]
    if HEIGHT_NEXT_RE.match(after):
        return True
    if root.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod") and root.head.pos_ == "NOUN" and root.head.i >= span.end:
        return root.head.lemma_.lower() in HEIGHT_NOUNS
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in HEIGHT_NOUNS:
        return True  # "a surge of up to 12 feet", "a drop of 50 metres"
    return bool(HEIGHT_RE.search(clause))


# Nouns an amount sizes that are takings or a value, never a price paid ("a $182 million
# global debut", "a $96 million opening weekend", "$380 billion worth of goods").
TAKINGS_NOUNS = frozenset({"debut", "opening", "launch", "weekend", "haul", "gross", "takings", "worth", "windfall", "jackpot"})


def price_tag(root: Token, span: SpacySpan) -> bool:
    """An amount that sizes a thing ("the $11.4 million bridge", "a $124 million expansion"),
    not a change ("a $119 billion loss") or a named metric: what the thing costs, which holds
    on no particular day. A word, not a sign: "down $41.24 or 18.96%" parsed as "$41.24 %"
    sizes nothing."""
    if root.dep_ not in ("nummod", "compound", "amod", "nmod") or root.head.i < span.end:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and (after.lower_ in CHANGE_NOUNS or after.lemma_.lower() in CHANGE_NOUNS):
        return False  # "Facebook's $237.6 billion fall sets record" (a headline the parser reads as nouns): a change
    head = root.head
    return (head.pos_ == "NOUN" and head.is_alpha and head.lower_ not in CHANGE_NOUNS and head.lemma_.lower() not in CHANGE_NOUNS
            and head.lemma_.lower() not in TAKINGS_NOUNS and head.lemma_.lower() not in LEVEL_MARK_NOUNS
            and _metric_of_noun(head) is None)


# Nouns a figure names as a level something reaches ("topped the $100,000 mark", "the $90
# level", "the $2 trillion milestone"): the level of what reaches it, no price of a thing.
LEVEL_MARK_NOUNS = frozenset({"mark", "milestone", "level", "threshold", "barrier", "line", "handle", "zone",
                              "ceiling", "floor", "territory", "region", "resistance", "support"})


# Verbs of buying a company, whose "for" phrase is the price of the deal.
ACQUIRING_VERBS = frozenset({"buy", "acquire", "purchase", "sell"})


def _price_of_a_purchase(root: Token) -> bool:
    """The amount is what a verb of buying pays ("agreed to buy Credit Suisse for 3 billion
    francs", "took over its rival for $7.4 billion"), where something named is bought."""
    if root.dep_ != "pobj" or root.head.lower_ != "for":
        return False
    verb = root.head.head
    lemma = verb.lemma_.lower()
    taken_over = lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)
    bought = [c for c in verb.children if c.dep_ == "dobj"]
    return (lemma in ACQUIRING_VERBS or taken_over) and any(b.pos_ == "PROPN" or b.ent_type_ == "ORG" for b in bought)


def _clause_text(root: Token) -> str:
    """The words of the sentence around the amount (the whole sentence: news clauses are short)."""
    return root.sent.text


def _without_partitive(root: Token, clause: str) -> str:
    """The clause with the group a count is a part of blanked ("Eleven of the injured were in
    serious condition": the eleven are hospitalised, whatever befell the whole group)."""
    part = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > root.i), None)
    if part is None:
        return clause
    base = root.sent.start_char
    start, end = part.idx - base, part.right_edge.idx + len(part.right_edge) - base
    return clause[:start] + " " * (end - start) + clause[end:]


# How far (characters) from a count its cue of an outage may stand, in its own clause.
OUTAGE_REACH = 60


def is_outage_noun(word: str) -> bool:
    """A noun an outage is counted in ("customers", "homes", "businesses"), in either number."""
    word = word.casefold()
    return bool({word, word.removesuffix("s"), word.removesuffix("es")} & OUTAGE_UNITS)


def _left_without_power(unit: str | None, subject_names: tuple[str, ...], clause: str, start: int, end: int) -> bool:
    """A count of customers, homes or people that an outage cue in its own clause is said of
    ("more than 1.2 million customers without power", "power outages affecting 40,000 homes";
    not "killing 14 people and leaving 1.2 million customers without power")."""
    counted = (unit or (subject_names[0] if len(subject_names) == 1 else "")).split()[-1:]
    if not counted or not is_outage_noun(counted[0]):
        return False
    for m in OUTAGE_RE.finditer(clause, max(0, start - OUTAGE_REACH), end + OUTAGE_REACH):
        between = clause[end:m.start()] if m.start() >= end else clause[m.end():start]
        if not CLAUSE_BREAK_RE.search(between) or m.start() >= end and len(between.split()) <= 4 \
                and re.fullmatch(r"[\w\s]*", between):
            return True  # ("homes and businesses were without electricity": a list, not another clause)
    return False


def _people_number_set(clause: str, at: int) -> str | None:
    """What befell the people whose number is set right before ``at`` (PEOPLE_NUMBER_SET_RE),
    when its words are a cue of PEOPLE_COUNT_CUES; else None ("the number of homes rose to 500")."""
    found = PEOPLE_NUMBER_SET_RE.search(clause, 0, at)  # (its \Z is ``at``: the set ends right before the number)
    if found is None:
        return None
    fate = found.group("fate")
    return next((name for name, cue in PEOPLE_COUNT_CUES if name != "rescuers" and cue.search(fate)), None)


def _counted_people_metric(unit: str | None, clause: str, at: int) -> tuple[str | None, bool]:
    """For a count of people: dead, missing, injured, ... from the cue of the sentence
    nearest the count (at ``at`` in ``clause``); the order of the cues breaks ties. The flag
    says the cue is in another clause than the count. Those sent to help (RESPONDER_NOUNS)
    take only a cue right by them ("two firefighters were injured"), not the victims' ("10,000
    soldiers … to help the victims")."""
    if unit is None or unit.isupper() or unit in ("percent", "percentage point", "point"):
        return None, False
    if not counts_people_by(unit.split()[-1]):
        return None, False
    responders = unit.split()[-1].casefold() in RESPONDER_NOUNS
    on_ground = ON_THE_GROUND_RE.match(clause, at) is not None
    safe = SAFE_AFTER_COUNT_RE.search(clause, at, at + SAFE_REACH)
    best: tuple[int, int, str] | None = None
    fate: tuple[int, int, str] | None = None
    for rank, name, m in _people_cues(clause):
        if on_ground and name == "on board":
            continue  # "killing 241 people on board and at least 29 on the ground": those not aboard
        if safe is not None and name in HARM_COUNTS and (m.start() >= safe.end() or safe.start() - at <= OWN_SAFE_REACH):
            continue  # "All 171 passengers and 6 crew were safe, with only some minor injuries": the safe, not the injured
        if m.end() <= at and responders and (own := CUE_WITH_ITS_COUNT_RE.match(clause, m.end())) is not None \
                and own.end() <= at:
            continue  # "Death toll at 211 and 5,000 more soldiers deployed": the toll has its own count, and
            # those sent to help are counted apart (but "the number of dead is now at 117, against 112" is the dead's)
        if m.start() > at and CUE_OWN_COUNT_RE.match(clause, m.end()):
            continue  # "sending 5,000 police after floods killed at least 211 people": the count after it
        if m.start() > at and (other := COUNT_BEFORE_CUE_RE.search(clause, at, m.start())) is not None and other.start() > at:
            continue  # "sending 10,000 soldiers … the floods which left at least 211 dead": the count before it
        distance, elsewhere = _cue_distance(clause, m, at, at)
        if responders and name != "rescuers" and distance > RESPONDER_REACH:
            continue
        if elsewhere:
            # "twelve were injured and three are missing", "the toll remains at 38, but up to 20
            # are missing": another clause's cue
            distance += OTHER_CLAUSE
        candidate = (distance, rank, name)
        best = candidate if best is None or candidate < best else best
        if name != "rescuers" and distance < OTHER_CLAUSE and (fate is None or candidate < fate):
            fate = candidate
    if best is not None and best[2] == "rescuers" and fate is not None:
        best = fate  # "two firefighters suffered minor injuries": what befell them, not who they are
    return (best[2], best[0] >= OTHER_CLAUSE) if best else (None, False)


# A count said to be safe ("171 passengers and 6 crew were safe", "all 23 were unharmed"): a harm
# named after that is some others', not theirs; how far after the count the word may stand.
SAFE_AFTER_COUNT_RE = re.compile(r"\b(?:were|are|was|is|remain(?:ed)?)\s+(?:all\s+)?(?:safe|unharmed|unhurt|uninjured|accounted\s+for)\b", re.I)
SAFE_REACH = 60
OWN_SAFE_REACH = 30  # ("40 were safe": the count's own state, whatever harm another clause names)
HARM_COUNTS = frozenset({"dead", "injured", "missing"})
# Who is sent to help in a disaster, counted ("10,000 soldiers", "400 firefighters"), and how
# near (characters) a cue must stand to tell what befell them.
RESPONDER_NOUNS = frozenset({"soldier", "soldiers", "troop", "troops", "officer", "officers", "police", "guard", "guards",
                             "firefighter", "firefighters", "rescuer", "rescuers", "volunteer", "volunteers", "medic",
                             "medics", "paramedic", "paramedics", "responder", "responders"})
RESPONDER_REACH = 40
# A count of those on the ground ("29 on the ground", "19 people on ground"), who are not on board.
ON_THE_GROUND_RE = re.compile(r"\S+(?:\s+(?:people|persons|others))?\s+on\s+(?:the\s+)?ground\b", re.I)
# A cue's own count right after it, before the figure read ("Death toll at 211 and 5,000 more
# soldiers deployed", "the toll rose to 39, while 2,000 troops …"): the cue is that count's.
CUE_WITH_ITS_COUNT_RE = re.compile(r"(?:\s+toll)?\s+(?:(?:is|was|stands|stood|rose|rises|risen|climbed|climbs|of|at|to|reached|hit|now)\s+)+"
                                   r"(?:(?:at\s+least|more\s+than|nearly|about|some|over|around|almost)\s+)?\d[\d,.]*\b")
# A count right after a cue, which is that cue's own ("killed at least 211 people").
CUE_OWN_COUNT_RE = re.compile(r"\s+(?:(?:at\s+least|more\s+than|nearly|about|some|over|up\s+to|around|almost)\s+)?\d")
# ...and another count right before a cue, whose own it is ("which left at least 211 dead").
COUNT_BEFORE_CUE_RE = re.compile(r"\b\d[\d,.]*\s+(?:(?:people|persons)\s+)?\Z")


@lru_cache(maxsize=256)
def _people_cues(sentence: str) -> tuple[tuple[int, str, re.Match], ...]:
    """Every cue of what a count of people counts, in a sentence (read once per sentence)."""
    return tuple((rank, name, m) for rank, (name, cue) in enumerate(PEOPLE_COUNT_CUES) for m in cue.finditer(sentence))


# Verbs that take a count of people without saying what befell them: with such a verb the
# cue of another clause may still tell it ("the toll rose to 38, and all were dead" is rare;
# "12 people remain in hospital, and 30 were injured" is the nearer cue's anyway).
NEUTRAL_COUNT_VERBS = frozenset({
    "be", "remain", "stand", "rise", "climb", "reach", "increase", "total", "number", "include", "leave",
    "bring", "put", "raise", "say", "report", "confirm", "count", "have", "become",
})


def _own_fate(root: Token, verb: Token) -> bool:
    """A count of people that is the subject or object of a verb of its own that is no cue
    ("arrested", "sickened", "carrying"): what that verb says is what befell them, not a cue
    of another clause ("killed 312", "were injured")."""
    noun = root.head if root.dep_ in ("nummod", "quantmod") and root.head.pos_ in ("NOUN", "PROPN") else root
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or noun.head.i != verb.i or verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in NEUTRAL_COUNT_VERBS or _people_cues(verb.text):
        return False
    # a conjunct verb of a fate that shares the count ("707 people shot and killed by police")
    # tells it; one with a count of its own ("sickened 14,000 and killed 312") does not
    return not any(_people_cues(c.text) and not any(d.dep_ in ("nsubj", "nsubjpass", "dobj") for d in c.children)
                   for c in verb.conjuncts)


# What a company's shares are called, whose worth in a trade is no market value ("$95 million
# worth of shares").
STOCK_WORDS = frozenset({"share", "shares", "stock", "stocks", "equity"})
# Verbs that add an amount to what their "to" names ("added $196bn to its market value").
ADDING_VERBS = frozenset({"add", "contribute", "tack"})


def _named_metric(root: Token, span: SpacySpan, verb: Token | None, sum_of_money: bool = True) -> str | None:
    if (gapped := gapped_subject(root)) is not None:
        return _metric_of_noun(gapped)  # "exports rose 5% and imports 3%": the left-out verb's subject
    candidates: list[Token] = []
    for child in root.children:  # "$119 billion of the company's market value", "$40bn in market value"
        if child.dep_ == "prep" and child.lower_ in ("of", "in") and child.i >= span.end - 1:
            candidates.extend(o for o in child.children if o.dep_ == "pobj")
    node = root
    for _ in range(4):  # "a cost of under $6m", "market value of $3tn"
        if node.head.i == node.i:
            break
        if node.dep_ in ("pobj",) and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
            candidates.append(node.head.head)
            break
        if node.dep_ in ("nummod", "compound", "quantmod", "amod") and node.head.lower_ == "thanks" \
                and any(c.dep_ == "prep" and c.lower_ == "to" for c in node.head.children):
            node = node.head  # "a market value of $65 billion thanks to …": "thanks to" read as the amount's noun
            continue
        if node.dep_ in ("nummod", "compound", "quantmod", "amod") and node.head.pos_ in ("NOUN",):
            candidates.append(node.head)
            for child in node.head.children:  # "a 19% loss in Facebook's stock"
                if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                    # (not "$95 million worth of shares": what the shares sold were worth, no market value)
                    candidates.extend(o for o in child.children if o.dep_ == "pobj" and not (
                        node.head.lemma_.lower() == "worth" and o.lemma_.lower() in STOCK_WORDS))
            break
        node = node.head
    if root.dep_ == "pobj" and root.head.lower_ in ("by", "over") and _move_read_as_noun(root.head.head):
        change = root.head.head  # "saw its market value surge by $190bn" (the surge read as a noun): what surged
        candidates.extend(c for c in change.children if c.dep_ in ("compound", "nsubj") and c.i < change.i)
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "prep" and (child.lower_ in ("from", "off", "of", "in")
                                         or child.lower_ == "to" and verb.lemma_.lower() in ADDING_VERBS):
                candidates.extend(o for o in child.children if o.dep_ == "pobj")  # "added $196bn to its market value"
            if child.dep_ == "dobj" and not (span.start <= child.i < span.end):
                candidates.append(child)  # (and its apposition, where the parser put the owned noun:
                # "pulled down founder and CEO Zuckerberg's net worth to $85 billion")
                candidates.extend(a for c in (child, *child.conjuncts) for a in c.children if a.dep_ == "appos")
            if child.dep_ == "agent" and root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.i == verb.i:
                # "was accompanied by an increase in the unemployment rate to 4.3%": what increased
                candidates.extend(o for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() in CHANGE_NOUNS)
        subj = _clause_subject(verb, span)
        if subj is not None:
            candidates.append(subj)
            for child in subj.children:  # "the value of the pound", "the drop in Facebook's stock"
                if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                    candidates.extend(o for o in child.children if o.dep_ == "pobj")
    for noun in list(candidates):  # "the number of confirmed deaths": what it counts
        if noun.lemma_.lower() in COUNT_NOUNS:
            candidates.extend(o for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                              for o in child.children if o.dep_ == "pobj")
    metrics = [m for m in map(_metric_of_noun, candidates) if m and (sum_of_money or m != "deal value")]
    if "price" in metrics and "share price" in metrics:
        return "share price"  # "Nvidia shares fell from Friday's closing price of $142.62": the shares' price
    return next((m for m in metrics if m != "loss"), metrics[0] if metrics else None)


# Verbs of a market move that the tagger may read as a plural noun in a headline ("Nvidia
# share price tanks over 9%").
MOVE_VERBS = MARKET_VERBS | frozenset({"tank", "plummet", "crash", "dive", "dip", "sink", "slip", "skid"})


def _move_read_as_noun(noun: Token) -> bool:
    """A change noun ("its market value surge by $190bn") or a plural noun that is a move's
    verb ("share price tanks over 9%")."""
    lemma = noun.lemma_.lower()
    return lemma in CHANGE_NOUNS or noun.tag_ == "NNS" and lemma in MOVE_VERBS


# Metrics that are a part of a whole, whose "points" are percentage points.
SHARE_METRICS = frozenset({"market share", "vote share"})
# Labels of the names whose words are no metric ("the Federal Reserve" holds no reserves).
NAMED_BODY_LABELS = frozenset({"ORG", "FAC", "GPE", "LAW", "EVENT", "WORK_OF_ART"})
# Metrics that are sums of money (or their percent moves), never a count of things.
MONEY_METRICS = frozenset({"gdp", "revenue", "profit", "loss", "cost", "debt", "deficit", "investment", "funding", "deal value",
                           "budget", "tax", "fine", "pay", "dividend", "net worth", "market value", "exports",
                           "imports", "expenses", "buyback", "assets", "reserves", "deposits", "withdrawals",
                           "share sale", "damage"})
# Units of a money metric's moves and shares.
AMOUNT_UNITS = frozenset({"percent", "percentage point", "basis point", "fraction"})
# What a share of the vote is of ("a 12.2% share of the vote", "of the ballots cast").
VOTE_NOUNS = frozenset({"vote", "ballot", "poll", "electorate"})
# Nouns of a company's profit, which "per share" makes earnings per share.
PROFIT_WORDS = frozenset({"earnings", "earning", "profit", "income"})
# Nouns of a plan whose words before them say what it is of ("a $50bn stock buyback program").
PLAN_NOUNS = frozenset({"program", "programme", "plan", "scheme", "policy", "package"})


def metric_named(name: str) -> str | None:
    """The metric a common noun phrase names by its words alone ("unemployment", "the jobless
    rate", "Wages", "hourly pay"): what a subject that only repeats its metric says."""
    words = re.findall(r"[a-z]+", name.casefold())
    if not words:
        return None
    if len(words) >= 2 and (phrase := f"{words[-2]} {words[-1]}") in METRIC_PHRASES:
        return METRIC_PHRASES[phrase]
    last = words[-1]
    for form in (last, last[:-1] if last.endswith("s") else last):
        if form in METRIC_WORDS:
            return METRIC_WORDS[form]
    return None


def _metric_of_noun(noun: Token) -> str | None:
    compounds = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    lemma = noun.lemma_.lower()
    if noun.text in ("EPS", "eps") or lemma in PROFIT_WORDS and any(
            c.dep_ == "prep" and c.lower_ == "per" and any(g.lemma_.lower() == "share" for g in c.children)
            for c in noun.children):
        return "earnings per share"  # "earnings per share of $2.41", "EPS rose to $3"
    if lemma == "share" and noun.dep_ == "pobj" and noun.head.lower_ == "per":  # "earnings per [share] of $2.41"
        return "earnings per share" if noun.head.head.lemma_.lower() in PROFIT_WORDS else None
    of = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    if lemma == "share" and noun.tag_ == "NN" and of:  # "a 12.2% share of the vote", "a 20% share of the market"
        if any(o.lemma_.lower() in VOTE_NOUNS for o in of):
            return "vote share"
        if any(o.lemma_.lower() == "market" for o in of) or any(c.lemma_.lower() == "market" for c in compounds):
            return "market share"  # (and "the market share of Halvard")
        return None  # a part, no share's price
    if lemma == "index" and any(t.lemma_.lower() in ("stock", "share", "equity") for t in noun.subtree if t.i < noun.i):
        return "index level"  # "the Tokyo Stock Price Index": a market's index, not consumer prices
    for c in compounds:
        phrase = f"{c.lower_} {lemma}"
        if phrase in METRIC_PHRASES:
            return METRIC_PHRASES[phrase]
    if lemma in EXPECTATION_NOUNS:  # "its full-year margin forecast", "the revenue target": a result expected
        expected = next((m for m in map(_metric_of_noun, compounds) if m), None) \
            or next(("margin" for c in compounds if c.lemma_.lower() == "margin"), None)
        if expected in FORECAST_METRICS:
            return f"{expected} forecast"
    if lemma == "loss" and any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in ("life", "lives")
                                                                            for o in c.children) for c in noun.children):
        return "dead"  # "putting the total at 20,451, a staggering loss of life": the dead
    if lemma in CHANGE_NOUNS and (of_change := _changed_metric(noun)) is not None:
        return of_change
    if lemma == "worth" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # "$380 billion worth of goods": what goods are worth, no one's net worth
    if noun.text in ("Average", "Composite"):  # "the Dow Jones Industrial Average"
        return "index level"
    if lemma == "average" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # "an average of seven years": a mean, no index
    if noun.text[:1].isupper() and noun.ent_iob_ == "I" and noun.ent_type_ in NAMED_BODY_LABELS \
            and lemma not in ("index", "average", "composite") \
            and not noun.is_sent_start and any(t.is_lower for t in noun.sent if t.is_alpha):
        return None  # "the Federal Reserve", "the Bitcoin Trust": a word of a name, no metric
    if lemma in COUNT_NOUNS or lemma in PLAN_NOUNS:  # "the monthly active user count", "a stock buyback programme"
        return next((METRIC_WORDS[c.lemma_.lower()] for c in compounds if c.lemma_.lower() in METRIC_WORDS), None)
    if noun.lower_ in METRIC_WORDS:
        return METRIC_WORDS[noun.lower_]
    return METRIC_WORDS.get(lemma)
