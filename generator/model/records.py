"""The content model: typed, immutable records that the loader builds from content/.

This module is the contract between the stages (load → validate → link → render) and
documents the YAML format editors write. YAML keys are Swedish without diacritics;
each dataclass below names the file it comes from and the key of every field.

Everything here is plain text (never Markdown or HTML): renderers escape it. A text
field may hold several paragraphs separated by a blank line ("\n\n"); a line starting
with "• " inside a paragraph is a bullet as printed in the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The four measures of the survey tables (seed 001), in the order the source prints them.
MEASURES: tuple[str, ...] = ("ges", "digitalt", "enskild_regi", "utan_beslut")
MEASURE_LABELS: dict[str, str] = {
    "ges": "Kommuner där insatsen ges",
    "digitalt": "Ges i digital form",
    "enskild_regi": "Ges i enskild regi",
    "utan_beslut": "Ges utan biståndsbeslut",
}


@dataclass(frozen=True)
class Location:
    """Where a value was read: repo-relative file and 1-based line (0 if unknown)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


@dataclass(frozen=True)
class Figure:
    """One printed figure `N (P%)`: count of kommuner and share in whole percent.

    YAML: `{antal: 169, andel: 70}`. The source's `-` ("not asked") is YAML `null` for the
    whole figure and becomes `None` here – never 0.
    """

    antal: int
    andel: int

    def __str__(self) -> str:  # as the source prints it, with a Swedish space before %
        return f"{self.antal} ({self.andel} %)"


@dataclass(frozen=True)
class Statistics:
    """The four measures for one insats in one område's table (YAML key `statistik`)."""

    ges: Figure | None
    digitalt: Figure | None
    enskild_regi: Figure | None
    utan_beslut: Figure | None
    namn_i_tabell: str = ""  # the row label exactly as seed 001 prints it (minus footnote digits)


@dataclass(frozen=True, kw_only=True)  # keyword-only: YAML key order fran, till, avser, kalla_text
class Alder:
    """The ages an insats is for, where a source states them (YAML key `alder`).

    `fran`/`till` are whole years, both inclusive; either may be absent (open-ended),
    never both. "under 18 år" is till 17; "över 65 år" is fran 65 (65 completed years is
    over 65). `kalla_text` is the phrase that states the age, verbatim from the record's
    own text (the validator checks it); no age is ever inferred. `avser` is "barnet" when
    the age is that of the children of the people the insats is for (a parents'
    programme), absent when it is the age of the people themselves.
    """

    fran: int | None = None
    till: int | None = None
    avser: str | None = None
    kalla_text: str


AGE_REFERS_TO = ("barnet",)  # allowed values of Alder.avser


@dataclass(frozen=True)
class Membership:
    """One listing of an insats in one område/category (YAML list `medlemskap`).

    YAML keys: omrade (område id), kategori (category id, e.g. "2.1"), rubrik (sub-heading
    name or absent), ordning (position in the source table, for source order),
    namn_i_kalla (the name as seed 000 prints it), forklaring (explanation or absent),
    kallor (list of work ids: content/kallor/<id>.yml), statistik (or absent when the
    results tables have no row for it).
    """

    omrade: str
    kategori: str
    rubrik: str | None
    ordning: int
    namn_i_kalla: str
    forklaring: str | None
    kallor: tuple[str, ...]
    statistik: Statistics | None
    # where this listing's explanation or name states an age: per listing, because one
    # insats may be for young people in one område and for anyone in another (Stödboende)
    alder: Alder | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Insats:
    """A national insats: content/insatser/<id>.yml. `id` equals the file stem (slug)."""

    id: str
    namn: str
    forkortning: str | None  # abbreviation as printed, e.g. "ART", "FFT"
    alias: tuple[str, ...]  # other spellings used by the sources (searchable, shown in A–Ö)
    medlemskap: tuple[Membership, ...]
    # The insats's own description, beside the survey's: written by an editor (plain text),
    # with the works that support it. An insats the survey does not list has only these,
    # and `omraden` says which områden it belongs to. Never shown as the survey's words.
    beskrivning: str | None = None
    kallor: tuple[str, ...] = ()
    omraden: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Category:
    """A numbered category of an område, with its unnumbered sub-headings in source order."""

    id: str  # "2.1"
    namn: str
    rubriker: tuple[str, ...]


@dataclass(frozen=True)
class SeeAlso:
    """What a reader finds in another område (the survey's note to respondents, as it
    matters to a reader): `text` names the kind of help, `omrade` the område id."""

    text: str
    omrade: str


@dataclass(frozen=True)
class Omrade:
    """A verksamhetsområde: content/omraden/<id>.yml (keys id, nummer, namn, notering, kategorier).

    `inledning`, `malgrupp` and `se_ocksa` are the project's own words for residents (the
    import keeps them from the committed file); `notering` stays the survey's exact text.
    """

    id: str  # "aldre", "barn-och-unga", …
    nummer: int  # section number in seeds 000/001 (2–7)
    namn: str  # "Äldre"
    notering: str | None  # the note the område opens with in seed 000
    kategorier: tuple[Category, ...]
    inledning: str | None = None  # plain introduction: what help, for whom
    malgrupp: str | None = None  # the audience in plain words: "äldre personer"
    se_ocksa: tuple[SeeAlso, ...] = ()
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Work:
    """A cited work: content/kallor/<id>.yml, one file per work (the registry).

    `text` is the citation exactly as printed in the source (one work; citations naming
    several works are split). `url` only where the source gives one (http/https).
    `webbplats` is a bare site name as printed ("nacka.se"); `hamtad` the retrieval note
    ("maj 2021"). `fil` is set for the project's own source documents (sources/…).
    """

    id: str
    text: str
    utgivare: str
    ar: str | None  # as printed: "2008", "2018-06-29", or None
    titel: str | None
    url: str | None = None
    webbplats: str | None = None
    hamtad: str | None = None
    fil: str | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Method:
    """A named method inside an IUB insats (seed 004 'Metod'), with its own fields."""

    namn: str | None
    beskrivning: str | None
    malgrupp: str | None = None
    omfattning: str | None = None
    # the national insatser this method is (reviewed mapping): a broad local insats such as
    # a family service names methods, and the method – not the whole service – is the match
    nationell: tuple[str, ...] = ()


@dataclass(frozen=True)
class LocalInsats:
    """One insats of a kommun's list (IUB list or skolgång list).

    Fields absent in the source are None / empty. `nationell` is the reviewed mapping to
    national insats ids (empty when none corresponds). `kallor` are work ids (e.g. the
    skolgång list's evidence footnotes); `noter` are footnote texts kept verbatim.
    """

    id: str
    nummer: str | None  # "3.1.1" in Alingsås's list
    namn: str
    innehall: str | None
    omfattning: str | None
    metod: tuple[Method, ...]
    malgrupp: str | None
    villkor: tuple[str, ...]
    dokumentation: str | None
    uppfoljning: str | None
    nationell: tuple[str, ...]
    kallor: tuple[str, ...] = ()
    noter: tuple[str, ...] = ()
    alder: Alder | None = None  # where the item's own text states an age
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class LocalGroup:
    """A group of a local list: "Del 1", "3.1 Rådgivning", a skolgång provider group."""

    id: str
    namn: str
    beskrivning: str | None
    insatser: tuple[LocalInsats, ...]


@dataclass(frozen=True)
class LocalList:
    """A kommun's list: content/iub/<id>.yml (kind "iub") or content/skolgang/<id>.yml.

    `dokument` is the work id of the source document in content/kallor/.
    """

    id: str
    kind: str  # "iub" | "skolgang"
    kommun: str
    titel: str
    dokument: str
    inledning: str | None
    grupper: tuple[LocalGroup, ...]
    # footnotes of the introduction (verbatim) and the works they cite, e.g. seed 002's
    noter: tuple[str, ...] = ()
    kallor: tuple[str, ...] = ()
    # the ages the whole list is for, where its introduction states them (seed 002's
    # "barn från sexårs ålder …"); an item's own `alder` is more precise and wins
    alder: Alder | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class LegalRef:
    """A legal statement's reference: chapter and section ("11 kap. 5 §") and the work
    (its id in content/kallor/) that states it; `sfs` only where a source gives it."""

    lagrum: str
    dokument: str
    sfs: str | None = None


@dataclass(frozen=True)
class ExplainerSection:
    """A section of the IUB explainer, in the project's own words."""

    rubrik: str
    text: str
    hanvisningar: tuple[LegalRef, ...]


@dataclass(frozen=True)
class Exclusion:
    """An insats the law says may never be given without needs assessment (11 kap. 5 §),
    as the source words it, mapped to the national insatser it covers."""

    text: str
    nationell: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    """A statement in the project's own words and the works (content/kallor/) that state it."""

    text: str
    kallor: tuple[str, ...]


@dataclass(frozen=True)
class IubExplainer:
    """content/iub/om-iub.yml: the explainer and the statutory exclusion list.

    `om_avslag`: what to do if an application is refused, shown on every insats page under
    "Så får du insatsen" – only where a cited source states it."""

    inledning: str
    avsnitt: tuple[ExplainerSection, ...]
    undantagna: tuple[Exclusion, ...]
    undantagna_kalla: LegalRef
    om_avslag: Statement | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class EverydayWord:
    """One word or phrase people search with (`ord`) and the pages it means: national
    insatser, områden, kommuners listor and/or life situations. `motivering` says why, in
    the words of the page's own text (an editor checks the mapping against it; never a
    guess)."""

    ord: str
    motivering: str
    insatser: tuple[str, ...] = ()
    omraden: tuple[str, ...] = ()
    listor: tuple[str, ...] = ()  # a kommun's list as "<folder>/<id>": "skolgang/stockholm"
    livssituationer: tuple[str, ...] = ()  # ids of content/livssituationer/


@dataclass(frozen=True)
class EverydayWords:
    """content/sokord.yml: everyday words for the search and the "Kallas också" line of the
    insats and life-situation pages."""

    sokord: tuple[EverydayWord, ...]
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class SituationInsats:
    """A national insats that fits a life situation, with a line in plain words."""

    insats: str  # id in content/insatser/
    text: str | None = None  # what it is, for a resident, in the project's own words


@dataclass(frozen=True)
class SituationGroup:
    """A plain heading of a life situation and its insatser, in reading order."""

    rubrik: str
    insatser: tuple[SituationInsats, ...]


@dataclass(frozen=True)
class ListItemRef:
    """An item of a kommun's list: the list's id (file name) and the item's id in it.
    Which folder (content/iub/ or content/skolgang/) follows from the field using it."""

    lista: str
    insats: str


@dataclass(frozen=True)
class Situation:
    """A life situation: content/livssituationer/<id>.yml, written in plain Swedish.

    `utan_ansokan` points at IUB list items (content/iub/), `skolgang` at the skolgång
    list (content/skolgang/); `kontakter` are emergency contact ids (content/kontakter.yml)
    shown at the top of the page.
    """

    id: str
    namn: str
    kort: str  # one line on the start page card
    ikon: str  # a Material for MkDocs bundled icon, e.g. "material/home-heart"
    ordning: int  # position on the start page
    inledning: str
    grupper: tuple[SituationGroup, ...]
    vart_vanda: str
    omraden: tuple[str, ...]
    utan_ansokan: tuple[ListItemRef, ...] = ()
    skolgang: tuple[ListItemRef, ...] = ()
    kontakter: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Contact:
    """An emergency contact. `nummer` exactly as the cited page prints it, or None when
    the contact has no number of its own (a kommun's socialjour); `kallor` are the works
    (content/kallor/) – the organisations' own pages – that state every fact given."""

    id: str
    namn: str
    text: str
    kallor: tuple[str, ...]
    nummer: str | None = None
    kort: str | None = None  # the text in a few words, for the compact block on insats pages


@dataclass(frozen=True)
class ContactPlace:
    """An område whose page and insats pages carry emergency contacts and the quick exit."""

    omrade: str
    kontakter: tuple[str, ...]


@dataclass(frozen=True)
class ContactBook:
    """content/kontakter.yml: the emergency contacts and where they are shown.

    `lamna_sidan` is the neutral site the "Lämna sidan snabbt" link opens.
    """

    rubrik: str
    lamna_sidan: str
    kontakter: tuple[Contact, ...]
    startsida: tuple[str, ...]
    omraden: tuple[ContactPlace, ...] = ()
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Content:
    """Everything in content/, loaded and validated; the single input of rendering."""

    insatser: tuple[Insats, ...]
    omraden: tuple[Omrade, ...]
    works: tuple[Work, ...]
    lists: tuple[LocalList, ...]
    iub: IubExplainer | None
    sokord: EverydayWords | None = None
    situationer: tuple[Situation, ...] = ()
    kontakter: ContactBook | None = None


# YAML format rule for every record file: the keys are exactly the dataclass field names
# above (minus `location`, and minus `kind`, which the loader takes from the folder:
# content/iub/ → "iub", content/skolgang/ → "skolgang"); nested dataclasses are mappings,
# tuples are lists, a None/empty field may be omitted. Each file starts with a
# `# yaml-language-server: $schema=…` line pointing at schema/<type>.schema.json
# (content/sokord.yml and content/kontakter.yml, one level higher, at ../schema/).
