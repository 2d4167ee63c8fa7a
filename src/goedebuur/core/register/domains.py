# SPDX-License-Identifier: EUPL-1.2
"""Domains of a gemeenschappelijke regeling, derived from what the register says about it.

`classify(version)` gives the ICT domains (the slugs of `data/ict_domains.csv`) and the other policy
domains (the slugs of `data/policy_domains.csv`) of one `RegelingVersion`, with the evidence: pairs
of (source, matched text), the source one of `title`, `body_name`, `purpose`, `policy_area`,
`legal_form`. The result is *derived*: members confirm or correct it in the app.

Matching: text is compared case- and accent-insensitively (NFKD without combining marks, casefold,
every dash a hyphen), and a term matches only as whole words (a term ending in `\\w*` matches the
words that start with it: `afval\\w*` finds "afvalstoffen", not "restafval").

The rule
--------

Policy domains come from the first tier that names any domain (ICT included):

1. the title, its abbreviation and the name of the executing body (`TERMS`, plus `TITLE_TERMS`
   that only a name can use: "werk", "onderwijs", "park", "...overleg"); a regional name
   (`REGION_TERMS`: regio, euregio, metropoolregio, stadsgewest, ...) counts only when the name
   names no other domain (`Afvalbeheer Regio Centraal Groningen` is afval, not bestuur);
2. the purpose text (`doel`, `TERMS`);
3. words for an organisation that carries out the members' tasks in general, in the name or the
   purpose (`ORGANISATION_TERMS`: werkorganisatie, ambtelijke samenwerking, samenwerkings-
   organisatie, bedrijfsvoeringsorganisatie, shared service center, ...): bedrijfsvoering;
4. the policy areas (beleidsterreinen, TOOI) through `POLICY_AREAS` (the full name first, else its
   top level before " | ");
5. the Wgr's general words in the purpose (`GENERIC_TASK_TERMS`: opgedragen taken, ondersteunende
   processen, bedrijfsvoeringstaken, ...) or the legal form BVO (`LEGAL_FORMS`): bedrijfsvoering;
6. `overig`.

Whatever tier decides, a domain named both by the purpose and by a policy area is added (a
veiligheidsregio whose purpose and policy areas both name public health is also gezondheid).
When the deciding tier names only ICT (`ICT samenwerking West-Brabant-West`), the regeling has no
policy domain: an ICT organisation is not non-ICT bedrijfsvoering. Only when its purpose also
speaks of bedrijfsvoering processes (`BUSINESS_PROCESS_TERMS`: "ondersteunende taken voor
bedrijfsvoeringsprocessen, waaronder IT-diensten") is it bedrijfsvoering with ICT in it.

ICT domains:

- a regeling is ICT when its name or purpose names ICT in general (`TERMS["ict"]`: ICT, I&IT,
  IT-..., "van IT", informatisering, automatisering, informatie- en communicatietechnologie,
  digitale informatievoorziening) or an ICT sub-domain in words that mean nothing else
  (`ICT_TERMS`: breedband, datacenter, software, informatiebeveiliging, geo-informatie, ...), or
  has the policy area "organisatie en bedrijfsvoering | informatievoorziening en ICT", except for
  an archive (`ARCHIVE_TERMS` in the name: there the area means the archive's records);
- a werkorganisatie, i.e. a regeling whose policy domains include bedrijfsvoering, is
  `bedrijfsvoering-breed` (ICT is part of its tasks), unless it is not ICT by the point above and
  its purpose lists bedrijfsvoering tasks (`NON_ICT_TASKS`: HRM, financiën, facilitaire zaken,
  ...), none of them ICT;
- other ICT regelingen get the sub-domains their name and purpose name (`ICT_TERMS`, and
  `ICT_CONTEXT_TERMS` such as netwerk, BIO, BAG, basisregistraties that count only once a
  regeling is ICT), and `infrastructuur-beheer` (ICT-voorzieningen and their beheer) when they
  name ICT in general or no sub-domain at all.

Every regeling gets at least one domain: `overig` when nothing else applies.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

ICT_DOMAINS = (
    "infrastructuur-beheer",
    "werkplek",
    "hosting-datacenter",
    "applicaties",
    "inkoop",
    "informatiebeveiliging-privacy",
    "achtervang-uitwijk",
    "gegevensbeheer",
    "bedrijfsvoering-breed",
)

POLICY_DOMAINS = (
    "afval",
    "belastingen",
    "sociaal-domein",
    "werk-inkomen",
    "gezondheid",
    "veiligheid",
    "omgeving-milieu",
    "recreatie-natuur",
    "mobiliteit",
    "economie",
    "wonen-ruimte",
    "onderwijs-cultuur",
    "bedrijfsvoering",
    "bestuur",
    "overig",
)

ICT = "ict"  # ICT in general: a regeling naming it is ICT, the sub-domain follows from other words
ICT_ANY = "ict"  # the key of count_by_domain for "at least one ICT domain"
DEFAULT_ICT_DOMAIN = "infrastructuur-beheer"
BROAD_ICT_DOMAIN = "bedrijfsvoering-breed"
BUSINESS = "bedrijfsvoering"
OTHER = "overig"

# --- the rule as data -------------------------------------------------------------------------
# Terms are regular expressions on normalised text (lower case, no accents, dashes as "-"),
# matched as whole words; a space matches any run of white space.

TERMS: dict[str, tuple[str, ...]] = {
    ICT: (
        r"ict(?:-\w+)?",
        r"i&it",
        r"it-\w+",
        r"informatisering",
        r"automatisering",
        r"informatie-?\s*en\s+communicatie-?\s*technologie",
        r"digitale informatievoorziening",
        r"digitaal werken",
        r"(?<=van\s)it",
    ),
    "afval": (
        r"afval(?!water)\w*",
        r"reiniging\w*",
        r"vuil(?:verwerking|afvoer|verbranding)\w*",
        r"\w*stortplaats\w*",
        r"milieustraat\w*",
    ),
    "belastingen": (
        r"belasting\w*",
        r"gemeentebelasting\w*",
        r"woz",
        r"waardering onroerende zaken",
        r"heffing en invordering",
        r"heffen en invorderen",
    ),
    "sociaal-domein": (
        r"jeugd\w*",
        r"wmo",
        r"maatschappelijke (?:ondersteuning|opvang|zorg)",
        r"beschermd wonen",
        r"sociaal domein",
        r"sociale domein",
        r"welzijn\w*",
        r"veilig thuis",
        r"huiselijk geweld",
        r"geweld in afhankelijkheidsrelaties",
        r"schuldhulp\w*",
        r"\w*kredietbank",
        r"stadsbank",
        r"(?:sociale )?kredietverle\w*",
        r"inburgering\w*",
        r"antidiscriminatie\w*",
        r"kinderopvang",
        r"zorgproducten",
    ),
    "werk-inkomen": (
        r"werkvoorziening\w*",
        r"sociale werkvoorziening\w*",
        r"wsw",
        r"participatiewet",
        r"participatiebedrijf\w*",
        r"werk en inkomen",
        r"werk, inkomen",
        r"re-?integr\w*",
        r"arbeidsintegratie",
        r"arbeidsinschakeling",
        r"arbeidsparticipatie",
        r"gesubsidieerde arbeid",
        r"beschut werk\w*",
        r"uitkering\w*",
        r"bijstand\w*",
        r"sociale zaken",
        r"sociale dienst",
        r"g?isd",
        r"werkbedrijf\w*",
        r"werkleerbedrijf",
        r"werk-/leerbedrijf",
        r"werkplein",
        r"werkgeversservicepunt",
        r"sociale recherche",
        r"werksaam",
    ),
    "gezondheid": (
        r"g?ggd\w*",
        r"\w*gezondheid\w*",
        r"ambulance\w*",
        r"crematori\w*",
        r"lijkbezorging",
    ),
    "veiligheid": (
        r"veiligheids\w*",
        r"\w*brandweer\w*",
        r"rampenbestrijding",
        r"crisisbeheersing",
        r"openbare orde",
    ),
    "omgeving-milieu": (
        r"omgevingsdienst\w*",
        r"milieudienst\w*",
        r"uitvoeringsdienst\w*",
        r"omgevingsrecht\w*",
        r"omgevingswet",
        r"vergunningverlening",
        r"vth",
        r"milieusamenwerking",
        r"miljeu",
        r"bescherming van het milieu",
        r"welstand\w*",
        r"riool\w*",
        r"riolering\w*",
        r"afvalwater\w*",
        r"grondwater\w*",
        r"energiestrategie",
        r"klimaatakkoord",
    ),
    "recreatie-natuur": (
        r"\w*recreatie\w*",
        r"toerisme",
        r"natuur(?!lijk)\w*",
        r"\w*grenspark",
        r"landschap\w*",
        r"groengebied\w*",
        r"groenalliantie",
        r"sportpark\w*",
        r"plassenschap",
        r"meerschap",
    ),
    "mobiliteit": (
        r"\w*vervoer\w*",
        r"vervoerregio",
        r"bereikbaarheid",
        r"verkeer\w*",
        r"mobiliteit\w*",
        r"maasveren",
        r"wegschap",
        r"nautisch\w*",
        r"scheepvaart",
        r"havenschap",
        r"vaarweg\w*",
    ),
    "economie": (
        r"bedrijventerrein\w*",
        r"\w*bedrijvenpark\w*",
        r"bedrijvenschap",
        r"industrieschap",
        r"economi\w*",
        r"vestigingsklimaat",
        r"havenschap",
        r"seaports",
    ),
    "wonen-ruimte": (
        r"ruimtelijke ordening",
        r"gebiedsontwikkeling",
        r"structuurvisie",
        r"grondbank",
        r"volkshuisvesting",
        r"huisvestingswet",
        r"woningbouw",
        r"woon- werkgebied",
        r"openbare verlichting",
        r"openbare ruimte",
        r"ingenieursbureau",
    ),
    "onderwijs-cultuur": (
        r"leerplicht\w*",
        r"rmc",
        r"schoolverzuim",
        r"voortijdig schoolverlaten",
        r"vsv",
        r"\w*archie\w*",
        r"\w*archiva\w*",
        r"historisch\w*",
        r"erfgoed\w*",
        r"archeolog\w*",
        r"monumentenzorg",
        r"bibliothe\w*",
        r"muziekschool",
        r"cultuur",
        r"cultureel",
    ),
    "bedrijfsvoering": (
        r"bedrijfsvoering",
        r"hrm",
        r"p&o",
        r"personeel en organisatie",
        r"personeelszaken",
        r"financien",
        r"financiele administratie",
        r"facilitaire zaken",
        r"juridische zaken",
    ),
    "bestuur": (
        r"rekenkamer\w*",
        r"ombudsman\w*",
        r"bestuurlijke? samenwerking",
        r"grensoverschrijdend\w*",
        r"egts",
        r"verlengd lokaal bestuur",
        r"democratische verankering",
        r"bestuurskracht",
    ),
}

# Words that name a domain only in a title or body name (in a purpose they mean other things:
# "in overleg met", "zorg en onderwijs op afstand").
TITLE_TERMS: dict[str, tuple[str, ...]] = {
    "werk-inkomen": (r"werk", r"werkt"),
    "onderwijs-cultuur": (r"\w*onderwijs\w*",),
    "recreatie-natuur": (r"park",),
    "bestuur": (r"\w*overleg",),
}

# Regional names: bestuur, from the title or body name only, and only when it names nothing else.
REGION_TERMS = (
    r"regio",
    r"\w*euregio\w*",
    r"metropoolregio\w*",
    r"stadsregio",
    r"stadsgewest",
    r"regionaal samenwerkingsverband",
)

# The body carries out the members' tasks in general: bedrijfsvoering (tier 3).
ORGANISATION_TERMS = (
    r"werkorganisatie",
    r"ambtelijke (?:samenwerking|organisatie|fusie)",
    r"samenwerkingsorganisatie",
    r"bedrijfsvoeringsorganisatie",
    r"bedrijfsvoeringseenheid",
    r"bedrijfsvoeringspartner",
    r"bedrijfsvoeringsgebied\w*",
    r"shared service\w*",
    r"ssc",
    r"servicecentrum",
    r"werkmaatschappij",
)

# The purpose speaks of the members' tasks in general, in the words of the Wgr (tier 5, with the
# legal form BVO): bedrijfsvoering, when nothing else is known. With an ICT purpose these words make
# ICT part of a broad bedrijfsvoering ("ondersteunende taken voor bedrijfsvoeringsprocessen,
# waaronder IT-diensten").
BUSINESS_PROCESS_TERMS = (
    r"bedrijfsvoeringstaken",
    r"bedrijfsvoeringsprocessen",
    r"bedrijfsprocessen",
    r"ondersteunende (?:processen|taken)",
)
GENERIC_TASK_TERMS = BUSINESS_PROCESS_TERMS + (
    r"opgedragen (?:\w+ )?taken",
    r"overgedragen of gemandateerde taken",
)

# Bedrijfsvoering tasks other than ICT: a werkorganisatie whose purpose lists some of these and
# no ICT is not ICT (e.g. HRM, facilitaire zaken and communicatie only).
NON_ICT_TASKS = TERMS["bedrijfsvoering"][1:]

# An archive's "informatievoorziening en ICT" is its records, not ICT.
ARCHIVE_TERMS = (r"\w*archie\w*", r"\w*archiva\w*", r"historisch\w*", r"erfgoed\w*")

ICT_AREA = "organisatie en bedrijfsvoering | informatievoorziening en ict"

# Words that name an ICT sub-domain and make a regeling ICT on their own.
ICT_TERMS: dict[str, tuple[str, ...]] = {
    "infrastructuur-beheer": (r"breedband\w*", r"glasvezel\w*", r"ict-infrastructuur", r"rekencentr\w*"),
    "werkplek": (r"kantoorautomatisering", r"servicedesk", r"werkplekbeheer"),
    "hosting-datacenter": (r"datacent\w*", r"hosting", r"cloud\w*"),
    "applicaties": (r"applicatie\w*", r"software\w*", r"soft- en hardware", r"zaaksysteem\w*"),
    "inkoop": (r"ict-inkoop", r"inkoop van (?:ict|hard- en software|software)"),
    "informatiebeveiliging-privacy": (
        r"informatiebeveiliging",
        r"informatieveiligheid",
        r"ciso",
        r"functionaris (?:voor de )?gegevensbescherming",
    ),
    "achtervang-uitwijk": (r"achtervang", r"uitwijk\w*"),
    "gegevensbeheer": (
        r"geo-informatie",
        r"geografische informatie\w*",
        r"gegevensbeheer",
        r"gegevenshuis",
    ),
}

# Words that give a sub-domain only once the regeling is ICT (alone they mean other things).
ICT_CONTEXT_TERMS: dict[str, tuple[str, ...]] = {
    "infrastructuur-beheer": (r"netwerk\w*", r"server\w*", r"infrastructuur", r"technisch beheer"),
    "werkplek": (r"werkplek\w*",),
    "informatiebeveiliging-privacy": (r"bio", r"privacy", r"avg"),
    "gegevensbeheer": (
        r"basisregistratie\w*",
        r"bag",
        r"brp",
        r"bgt",
        r"brk",
        r"informatiebeheer",
        r"documentaire informatievoorziening",
    ),
}

# Policy areas (TOOI thesaurus, as the register names them) -> policy domain, or ICT. A full name
# is looked up first, then its top level (the part before " | "). Names are normalised.
POLICY_AREAS: dict[str, str] = {
    "organisatie en bedrijfsvoering": BUSINESS,
    ICT_AREA: ICT,
    "overheidsfinancien": BUSINESS,
    "overheidsfinancien | belasting": "belastingen",
    "zorg en gezondheid": "gezondheid",
    "zorg en gezondheid | jeugdzorg": "sociaal-domein",
    "sociale zekerheid": "werk-inkomen",
    "sociale zekerheid | gezin en kinderen": "sociaal-domein",
    "sociale zekerheid | ouderen": "sociaal-domein",
    "werk": "werk-inkomen",
    "migratie en integratie": "sociaal-domein",
    "openbare orde en veiligheid": "veiligheid",
    "natuur en milieu": "omgeving-milieu",
    "natuur en milieu | afval": "afval",
    "natuur en milieu | natuur- en landschapsbeheer": "recreatie-natuur",
    "economie": "economie",
    "economie | energie": "omgeving-milieu",
    "economie | transport": "mobiliteit",
    "verkeer": "mobiliteit",
    "ruimte en infrastructuur": "wonen-ruimte",
    "ruimte en infrastructuur | waterbeheer": "omgeving-milieu",
    "wonen": "wonen-ruimte",
    "cultuur en recreatie": "recreatie-natuur",
    "cultuur en recreatie | cultuur": "onderwijs-cultuur",
    "cultuur en recreatie | cultureel erfgoed": "onderwijs-cultuur",
    "onderwijs en wetenschap": "onderwijs-cultuur",
    "internationaal": "bestuur",
}

LEGAL_FORMS: dict[str, str] = {"BVO": BUSINESS}

# --- matching ---------------------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def normalise(text: str) -> tuple[str, list[int]]:
    """Text without accents, case-folded, dashes as '-', and for each character of the result the
    index of the character of `text` it comes from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        plain = unicodedata.normalize("NFKD", char.translate(_INVISIBLE).translate(_DASHES))
        for part in "".join(c for c in plain if not unicodedata.combining(c)).casefold():
            chars.append(part)
            origin.append(index)
    return "".join(chars), origin


def _compile(terms: Iterable[str]) -> re.Pattern:
    alternatives = "|".join("(?:" + term.replace(" ", r"\s+") + ")" for term in terms)
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")


class _Text:
    """One source text, normalised once; `find` returns the original words a pattern matches."""

    def __init__(self, text: str):
        self.text = text
        self.plain, self.origin = normalise(text)

    def find(self, pattern: re.Pattern) -> list[str]:
        found = []
        for match in pattern.finditer(self.plain):
            start, end = self.origin[match.start()], self.origin[match.end() - 1] + 1
            word = " ".join(self.text[start:end].split())
            if word.casefold() not in {f.casefold() for f in found}:
                found.append(word)
        return found


_TERM_PATTERNS = {domain: _compile(terms) for domain, terms in TERMS.items()}
_TITLE_PATTERNS = {
    domain: _compile(TERMS.get(domain, ()) + TITLE_TERMS.get(domain, ()))
    for domain in {**TERMS, **TITLE_TERMS}
}
_REGION = _compile(REGION_TERMS)
_ORGANISATION = _compile(ORGANISATION_TERMS)
_GENERIC_TASKS = _compile(GENERIC_TASK_TERMS)
_BUSINESS_PROCESSES = _compile(BUSINESS_PROCESS_TERMS)
_NON_ICT_TASKS = _compile(NON_ICT_TASKS)
_ARCHIVE = _compile(ARCHIVE_TERMS)
_ICT_PATTERNS = {domain: _compile(terms) for domain, terms in ICT_TERMS.items()}
_ICT_CONTEXT_PATTERNS = {domain: _compile(terms) for domain, terms in ICT_CONTEXT_TERMS.items()}

Evidence = tuple[str, str]


@dataclass(frozen=True)
class Classification:
    """The derived domains of one regeling: ICT domain slugs and policy domain slugs (each in the
    order of its list) and the evidence, (source, matched text) pairs in the order found."""

    ict: tuple[str, ...]
    policy: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    @property
    def is_ict(self) -> bool:
        return bool(self.ict)

    @property
    def domains(self) -> tuple[str, ...]:
        return self.ict + self.policy


def _named(sources: list[tuple[str, _Text]], patterns: dict[str, re.Pattern]) -> dict[str, list[Evidence]]:
    """Domain -> evidence, for every domain whose pattern matches one of the sources."""
    found: dict[str, list[Evidence]] = {}
    for domain, pattern in patterns.items():
        for source, text in sources:
            for word in text.find(pattern):
                found.setdefault(domain, []).append((source, word))
    return found


def _area_domain(area: str) -> str | None:
    plain = normalise(area)[0]
    plain = " | ".join(part.strip() for part in plain.split("|"))
    return POLICY_AREAS.get(plain) or POLICY_AREAS.get(plain.split(" | ")[0])


def classify(version) -> Classification:
    """The ICT and policy domains of one `RegelingVersion` (see the module docstring for the rule)."""
    titles = [("title", _Text(" ".join(filter(None, (version.title, version.abbreviation)))))]
    if getattr(version, "body_name", ""):
        titles.append(("body_name", _Text(version.body_name)))
    purpose = [("purpose", _Text(version.purpose or ""))]

    # What each source names.
    in_title = _named(titles, _TITLE_PATTERNS) or _named(titles, {"bestuur": _REGION})
    in_purpose = _named(purpose, _TERM_PATTERNS)
    specific = {"title": _named(titles, _ICT_PATTERNS), "purpose": _named(purpose, _ICT_PATTERNS)}
    for named, source in ((in_title, "title"), (in_purpose, "purpose")):
        if specific[source] and ICT not in named:
            named[ICT] = []  # a specific ICT word names ICT too
    organisation = _named(titles + purpose, {BUSINESS: _ORGANISATION})
    generic = _named(purpose, {BUSINESS: _GENERIC_TASKS})
    in_areas: dict[str, list[Evidence]] = {}
    for area in version.policy_areas:
        domain = _area_domain(area)
        if domain:
            in_areas.setdefault(domain, []).append(("policy_area", area))
    ict_area = in_areas.pop(ICT, [])
    if any(text.find(_ARCHIVE) for _, text in titles):
        ict_area = []
    form = LEGAL_FORMS.get((version.legal_form or "").upper())
    last_resort = {d: list(e) for d, e in generic.items()}
    if form:
        last_resort.setdefault(form, []).append(("legal_form", version.legal_form.upper()))

    # Policy domains: the first tier that names any domain (ICT included) decides.
    tiers = (in_title, in_purpose, organisation, in_areas, last_resort)
    decided = next((tier for tier in tiers if tier), {})
    policy = {domain: list(evidence) for domain, evidence in decided.items() if domain != ICT}
    processes = _named(purpose, {BUSINESS: _BUSINESS_PROCESSES})
    if decided is in_purpose and not policy and processes:
        policy[BUSINESS] = processes[BUSINESS]  # ICT among the tasks of a bedrijfsvoering
    for domain in POLICY_DOMAINS:
        if domain in in_purpose and domain in in_areas:
            policy.setdefault(domain, []).extend(in_purpose[domain] + in_areas[domain])

    # ICT domains.
    general = in_title.get(ICT, []) + in_purpose.get(ICT, [])
    ict = {}
    for named in (specific["title"], specific["purpose"]):
        for domain, evidence in named.items():
            ict.setdefault(domain, []).extend(evidence)
    is_ict = bool(general or ict_area or ict)
    if is_ict:
        for domain, evidence in _named(titles + purpose, _ICT_CONTEXT_PATTERNS).items():
            ict.setdefault(domain, []).extend(evidence)
    if BUSINESS in policy:
        if is_ict or not purpose[0][1].find(_NON_ICT_TASKS):
            ict[BROAD_ICT_DOMAIN] = general + ict_area + policy[BUSINESS]
    elif general or (is_ict and not ict):
        ict[DEFAULT_ICT_DOMAIN] = general + ict_area + ict.get(DEFAULT_ICT_DOMAIN, [])

    if not policy and not ict:
        policy[OTHER] = []
    # Evidence once each, in the order found; the body name only where it adds to the title.
    evidence: list[Evidence] = []
    for items in (*policy.values(), *ict.values()):
        for item in items:
            if item not in evidence:
                evidence.append(item)
    in_title_words = {word.casefold() for source, word in evidence if source == "title"}
    evidence = [(s, w) for s, w in evidence if s != "body_name" or w.casefold() not in in_title_words]
    return Classification(
        ict=tuple(d for d in ICT_DOMAINS if d in ict),
        policy=tuple(d for d in POLICY_DOMAINS if d in policy),
        evidence=tuple(evidence),
    )


def count_by_domain(regelingen: Iterable) -> dict[str, int]:
    """How many regelingen fall in each domain: every ICT and policy slug (in list order, zero
    included) and `ICT_ANY` ("ict") for those with at least one ICT domain. Takes `RegelingVersion`s,
    `Regeling`s (their latest version counts) or `Classification`s."""
    counts = dict.fromkeys((*ICT_DOMAINS, *POLICY_DOMAINS, ICT_ANY), 0)
    for item in regelingen:
        if not isinstance(item, Classification):
            item = classify(getattr(item, "latest", item))
        for domain in item.domains:
            counts[domain] += 1
        if item.ict:
            counts[ICT_ANY] += 1
    return counts
