"""Bad-input corpus: each broken content tree gives exactly the expected problem line,
exit code 1, and leaves every file untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main
from generator.model import load_content

FIXTURE = Path(__file__).parent / "fixtures" / "content_valid"
SCHEMA = "# yaml-language-server: $schema=../../schema/{}.schema.json\n"

Edit = Callable[[bytes | None], bytes]


@dataclass(frozen=True)
class Case:
    name: str
    file: str  # relative to the content tree's root
    edit: Edit
    expected: str  # one line of `validate` output, exactly

    def __str__(self) -> str:
        return self.name


def replace(old: str, new: str) -> Edit:
    def edit(data: bytes | None) -> bytes:
        text = data.decode("utf-8")
        assert old in text, f"fixture changed: {old!r} not found"
        return text.replace(old, new, 1).encode("utf-8")

    return edit


def write(data: str | bytes) -> Edit:
    return lambda _: data if isinstance(data, bytes) else data.encode("utf-8")


def copy_of(rel: str, *changes: tuple[str, str]) -> Edit:
    """A fixture file under another name, with some text changed."""

    def edit(_: bytes | None) -> bytes:
        text = (FIXTURE / rel).read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, f"fixture changed: {old!r} not found"
            text = text.replace(old, new, 1)
        return text.encode("utf-8")

    return edit


def apply(root: Path, case: Case) -> None:
    path = root / case.file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(case.edit(path.read_bytes() if path.exists() else None))


INSATS = "content/insatser/kontaktperson.yml"
ART = "content/insatser/aggression-replacement-training.yml"
WORK = "content/kallor/socialstyrelsen-2008.yml"
IUB = "content/iub/alingsas.yml"
SKOLGANG = "content/skolgang/stockholm.yml"
OM_IUB = "content/iub/om-iub.yml"
OMRADE = "content/omraden/barn-och-unga.yml"
URL = "url: https://www.socialstyrelsen.se/"
SOKORD = "content/sokord.yml"
SOKORD_HEAD = "# yaml-language-server: $schema=../schema/sokord.schema.json\nsokord:\n"
SITUATION = "content/livssituationer/ensam-hemma.yml"
CONTACTS = "content/kontakter.yml"

BILLION_LAUGHS = (
    SCHEMA.format("insats")
    + "id: x\nnamn: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"k{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
)

# An age block added to the first listing; the phrase occurs in its explanation.
LISTING = "    namn_i_kalla: Kontaktperson\n"
AGE = LISTING + "    alder:\n      fran: {}\n      till: {}\n      kalla_text: {}\n"
PHRASE = "en person som ger stöd"

CASES = [
    # Life situations and emergency contacts: every id they use is checked, with a hint.
    Case(
        "situation: unknown insats",
        SITUATION,
        replace("insats: kontaktperson", "insats: kontaktpersn"),
        "content/livssituationer/ensam-hemma.yml:11:17: grupper[0].insatser[0].insats: "
        'okänd insats "kontaktpersn" – ska vara ett filnamn i content/insatser/ '
        '(menade du "kontaktperson"?)',
    ),
    Case(
        "situation: unknown IUB item",
        SITUATION,
        replace("insats: familjeradgivning", "insats: familjeradgivnin"),
        "content/livssituationer/ensam-hemma.yml:18:13: utan_ansokan[0].insats: okänd insats "
        '"familjeradgivnin" i listan "alingsas" – ska vara ett id i content/iub/alingsas.yml '
        '(menade du "familjeradgivning"?)',
    ),
    Case(
        "situation: unknown list",
        SITUATION,
        replace("lista: alingsas", "lista: alingsa"),
        "content/livssituationer/ensam-hemma.yml:17:12: utan_ansokan[0].lista: okänd lista "
        '"alingsa" – ska vara ett filnamn i content/iub/ (menade du "alingsas"?)',
    ),
    Case(
        "situation: unknown contact",
        SITUATION,
        replace("  - nodnummer-112", "  - nodnummer-11"),
        'content/livssituationer/ensam-hemma.yml:23:5: kontakter[0]: okänd kontakt "nodnummer-11" '
        '– ska vara ett id under kontakter: i content/kontakter.yml (menade du "nodnummer-112"?)',
    ),
    Case(
        "situation: unknown område",
        SITUATION,
        replace("  - aldre", "  - aldr"),
        'content/livssituationer/ensam-hemma.yml:15:5: omraden[0]: okänt område "aldr" – ska vara '
        'ett filnamn i content/omraden/ (menade du "aldre"?)',
    ),
    Case(
        "situation: icon not bundled with the theme",
        SITUATION,
        replace("material/home-heart", "material/home-hart"),
        'content/livssituationer/ensam-hemma.yml:5:7: ikon: ikonen "material/home-hart" '
        "finns inte bland temats ikoner – välj en fil i material/templates/.icons/material/ (menade du "
        '"home-heart"?)',
    ),
    Case(
        "situation named like the index page",
        "content/livssituationer/index.yml",
        lambda _: (
            (FIXTURE / SITUATION)
            .read_bytes()
            .replace(b"id: ensam-hemma", b"id: index")
            .replace(b"ordning: 1", b"ordning: 2")
        ),
        'content/livssituationer/index.yml:2:5: id: id "index" är upptaget: '
        "livssituationer/index/ är en sida som handboken gör själv – välj ett annat id och "
        "döp om filen efter det",
    ),
    Case(
        "contact: source without an address",
        CONTACTS,
        replace("      - sos-alarm-112", "      - alingsas-riktlinjer-iub"),
        'content/kontakter.yml:10:9: kontakter[0].kallor[0]: källan "alingsas-riktlinjer-iub" '
        "saknar webbadress – ett nummer ska gå att kontrollera: ange url i "
        "content/kallor/alingsas-riktlinjer-iub.yml",
    ),
    Case(
        "contact: number that is no number",
        CONTACTS,
        replace("nummer: '112'", "nummer: ring 112"),
        'content/kontakter.yml:7:13: kontakter[0].nummer: "ring 112" är inget telefonnummer – '
        "skriv numret som källan, med siffror, mellanslag och bindestreck",
    ),
    Case(
        "yaml syntax error",
        INSATS,
        replace("namn: Kontaktperson", "namn: Kontakt: person"),
        "content/insatser/kontaktperson.yml:3:14: YAML-syntaxfel: kolon följt av mellanslag mitt "
        'i ett värde – sätt hela värdet inom citattecken, t.ex. namn: "Stöd: samtal"',
    ),
    Case(
        "tab indentation",
        INSATS,
        replace("  - omrade: aldre", "\t- omrade: aldre"),
        "content/insatser/kontaktperson.yml:24:1: tabb i indraget – använd mellanslag för indrag",
    ),
    Case(
        "duplicate key",
        INSATS,
        replace("namn: Kontaktperson\n", "namn: Kontaktperson\nnamn: Igen\n"),
        "content/insatser/kontaktperson.yml:4:1: namn: nyckeln förekommer två gånger – första "
        "gången på rad 3; ta bort en av dem",
    ),
    Case(
        "wrong type: text for an integer",
        INSATS,
        replace("ordning: 4", "ordning: fyra"),
        "content/insatser/kontaktperson.yml:10:14: medlemskap[0].ordning: fel typ: text – ska vara "
        "ett heltal",
    ),
    Case(
        "wrong type: unquoted category number",
        INSATS,
        replace('kategori: "3.1"', "kategori: 3.1"),
        "content/insatser/kontaktperson.yml:8:15: medlemskap[0].kategori: fel typ: ett decimaltal – "
        'ska vara text – skriv "3.1" inom citattecken',
    ),
    Case(
        "wrong type: share with percent sign",
        INSATS,
        replace("andel: 70}", "andel: 70%}"),
        "content/insatser/kontaktperson.yml:19:32: medlemskap[0].statistik.ges.andel: fel typ: text "
        "– ska vara ett heltal utan %-tecken – skriv 70",
    ),
    Case(
        "wrong type: list for text",
        INSATS,
        replace("namn: Kontaktperson", "namn: [Kontakt, person]"),
        "content/insatser/kontaktperson.yml:3:7: namn: fel typ: en lista – ska vara text",
    ),
    Case(
        "wrong type: file is a list",
        INSATS,
        write(SCHEMA.format("insats") + "- kontaktperson\n"),
        "content/insatser/kontaktperson.yml:2:1: fel typ: en lista – ska vara en mappning "
        "(nyckel: värde)",
    ),
    Case(
        "missing required field",
        WORK,
        replace("utgivare: Socialstyrelsen\n", ""),
        "content/kallor/socialstyrelsen-2008.yml:2:1: utgivare: saknas – obligatorisk nyckel (text)",
    ),
    Case(
        "required field without value",
        INSATS,
        replace("namn: Kontaktperson", "namn:"),
        "content/insatser/kontaktperson.yml:3:6: namn: saknar värde – ska vara text",
    ),
    Case(
        "empty text",
        INSATS,
        replace("namn: Kontaktperson", 'namn: ""'),
        "content/insatser/kontaktperson.yml:3:7: namn: tom text – skriv en text",
    ),
    Case(
        "unknown key, misspelt",
        IUB,
        replace("    beskrivning: Rådgivande", "    beskrivnig: Rådgivande"),
        "content/iub/alingsas.yml:9:5: grupper[0].beskrivnig: okänd nyckel – tillåtna nycklar här: "
        'id, namn, beskrivning, insatser (menade du "beskrivning"?)',
    ),
    Case(
        "unknown område",
        INSATS,
        replace("omrade: aldre", "omrade: aldr"),
        'content/insatser/kontaktperson.yml:24:13: medlemskap[1].omrade: okänt område "aldr" – ska '
        'vara ett filnamn i content/omraden/ (menade du "aldre"?)',
    ),
    Case(
        "unknown kategori",
        INSATS,
        replace('kategori: "2.1"', 'kategori: "2.9"'),
        'content/insatser/kontaktperson.yml:25:15: medlemskap[1].kategori: okänd kategori "2.9" i '
        'området "aldre" – finns: 2.1 (menade du "2.1"?)',
    ),
    Case(
        "unknown rubrik",
        ART,
        replace("rubrik: Stöd till barn", "rubrik: Stöd till barnen"),
        "content/insatser/aggression-replacement-training.yml:8:13: medlemskap[0].rubrik: okänd "
        'rubrik "Stöd till barnen" i kategori 3.1 – rubriker där: "Stöd till barn", "Stöd till '
        'familjer" (menade du "Stöd till barn"?)',
    ),
    Case(
        "unknown work id",
        INSATS,
        replace("- socialstyrelsen-2008", "- socialstyrelsen-2009"),
        "content/insatser/kontaktperson.yml:17:9: medlemskap[0].kallor[0]: okänd källan "
        '"socialstyrelsen-2009" – ska vara ett filnamn i content/kallor/ (menade du '
        '"socialstyrelsen-2008"?)',
    ),
    Case(
        "unknown national insats in a local list",
        SKOLGANG,
        replace("- aggression-replacement-training", "- aggression-replacement"),
        "content/skolgang/stockholm.yml:13:13: grupper[0].insatser[0].nationell[0]: okänd nationell "
        'insats "aggression-replacement" – ska vara ett filnamn i content/insatser/ (menade du '
        '"aggression-replacement-training"?)',
    ),
    Case(
        "unknown national insats in om-iub.yml",
        OM_IUB,
        replace("  - kontaktperson", "  - kontaktperon"),
        "content/iub/om-iub.yml:14:9: undantagna[1].nationell[0]: okänd nationell insats "
        '"kontaktperon" – ska vara ett filnamn i content/insatser/ (menade du "kontaktperson"?)',
    ),
    Case(
        "unknown document of a local list",
        IUB,
        replace("dokument: alingsas-riktlinjer-iub", "dokument: alingsas"),
        'content/iub/alingsas.yml:5:11: dokument: okänd källa "alingsas" – ska vara ett filnamn i '
        "content/kallor/",
    ),
    Case(
        "duplicate id: id differs from file name",
        "content/insatser/kontaktperson-2.yml",
        lambda _: (FIXTURE / INSATS).read_bytes(),
        'content/insatser/kontaktperson-2.yml:2:5: id: "kontaktperson" stämmer inte med filnamnet – '
        'ska vara "kontaktperson-2" (filnamnet utan .yml)',
    ),
    Case(
        "duplicate id: category",
        OMRADE,
        replace('id: "3.2"', 'id: "3.1"'),
        'content/omraden/barn-och-unga.yml:11:9: kategorier[1].id: kategorin "3.1" finns redan – se '
        "kategorier[0]; id:n ska vara unika",
    ),
    Case(
        "duplicate name",
        ART,
        replace("namn: Aggression Replacement Training", "namn: Kontaktperson"),
        "content/insatser/kontaktperson.yml:3:7: namn: samma namn som "
        "content/insatser/aggression-replacement-training.yml – slå ihop posterna eller ge dem "
        "olika namn",
    ),
    Case(
        "share over 100",
        INSATS,
        replace("andel: 70}", "andel: 170}"),
        "content/insatser/kontaktperson.yml:19:32: medlemskap[0].statistik.ges.andel: andelen 170 "
        "ligger utanför 0–100 – ange andelen i hela procent som tryckt, t.ex. 70",
    ),
    Case(
        "negative count",
        INSATS,
        replace("antal: 12", "antal: -12"),
        "content/insatser/kontaktperson.yml:20:25: medlemskap[0].statistik.digitalt.antal: antalet "
        "-12 är negativt – ange antalet kommuner som tryckt (0 eller större)",
    ),
    Case(
        "share where not asked",
        INSATS,
        replace("enskild_regi: null", "enskild_regi: {antal: null, andel: 5}"),
        "content/insatser/kontaktperson.yml:21:21: medlemskap[0].statistik.enskild_regi: andel utan "
        'antal – ange både antal och andel, eller enskild_regi: null om källan skriver "-" (ej '
        "tillfrågat)",
    ),
    Case(
        "count without share",
        ART,
        replace("digitalt: null", "digitalt: {antal: 3}"),
        "content/insatser/aggression-replacement-training.yml:14:17: medlemskap[0].statistik.digitalt: "
        'antal utan andel – ange både antal och andel, eller digitalt: null om källan skriver "-" '
        "(ej tillfrågat)",
    ),
    Case(
        "javascript: URL",
        WORK,
        replace("url: https://www.socialstyrelsen.se/", "url: javascript:alert(1)"),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: ogiltig webbadress – bara http:// eller "
        "https:// – javascript:-adresser kan köra kod eller dölja innehåll och tillåts inte",
    ),
    Case(
        "data: URL",
        WORK,
        replace("url: https://www.socialstyrelsen.se/", "url: data:text/html;base64,PHNjcmlwdD4="),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: ogiltig webbadress – bara http:// eller "
        "https:// – data:-adresser kan köra kod eller dölja innehåll och tillåts inte",
    ),
    Case(
        "URL without scheme",
        WORK,
        replace("url: https://www.socialstyrelsen.se/", "url: www.socialstyrelsen.se"),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: ogiltig webbadress – ska vara en "
        "fullständig adress som börjar med https:// eller http://",
    ),
    Case(
        "empty file",
        WORK,
        write(b""),
        "content/kallor/socialstyrelsen-2008.yml:1:1: filen är tom – den ska innehålla en källa",
    ),
    Case(
        "only comments",
        WORK,
        write(SCHEMA.format("work") + "# id: x\n"),
        "content/kallor/socialstyrelsen-2008.yml:1:1: filen är tom – den ska innehålla en källa",
    ),
    Case(
        "non-UTF-8 (Latin-1)",
        WORK,
        lambda d: d.replace(b"Socialstyrelsen\n", "Socialstyrelsen ä\n".encode("latin-1")),
        "content/kallor/socialstyrelsen-2008.yml:4:27: ogiltig UTF-8 (byte 0xe4) – spara filen som UTF-8",
    ),
    Case(
        "BOM",
        WORK,
        lambda d: b"\xef\xbb\xbf" + d,
        "content/kallor/socialstyrelsen-2008.yml:1:1: filen börjar med en BOM (byte order mark) – "
        "spara filen som UTF-8 utan BOM",
    ),
    Case(
        "record in the wrong folder",
        "content/insatser/socialstyrelsen-2010.yml",
        lambda _: (FIXTURE / WORK).read_bytes().replace(b"insats", b"work"),
        "content/insatser/socialstyrelsen-2010.yml:1:1: filen ligger i fel mapp: den ser ut som en "
        "källa – flytta den till content/kallor/",
    ),
    Case(
        "file in an unknown folder",
        "content/ovrigt/anteckning.yml",
        write("namn: x\n"),
        "content/ovrigt/anteckning.yml:1:1: filen ligger i fel mapp – YAML-filer hör hemma i "
        "content/insatser/, content/omraden/, content/kallor/, content/iub/, content/skolgang/ "
        "eller content/livssituationer/ (eller är content/sokord.yml eller "
        "content/kontakter.yml)",
    ),
    Case(
        ".yaml extension",
        "content/kallor/ny.yaml",
        lambda _: (FIXTURE / WORK).read_bytes(),
        "content/kallor/ny.yaml:1:1: fel filändelse – döp om filen till ny.yml",
    ),
    Case(
        "missing schema line",
        WORK,
        lambda d: d.split(b"\n", 1)[1],
        "content/kallor/socialstyrelsen-2008.yml:1:1: första raden ska vara schemaraden – skriv: "
        "# yaml-language-server: $schema=../../schema/work.schema.json",
    ),
    Case(
        "10 MB string",
        INSATS,
        write(SCHEMA.format("insats") + 'id: kontaktperson\nnamn: "' + "a" * 10_000_000 + '"\n'),
        "content/insatser/kontaktperson.yml:1:1: filen är för stor (10,0 MB) – högst 1 MB per fil",
    ),
    Case(
        "overlong string",
        INSATS,
        replace("namn: Kontaktperson", "namn: " + "a" * 60_000),
        "content/insatser/kontaktperson.yml:3:7: namn: texten är för lång (60 000 tecken) – högst "
        "50 000 tecken",
    ),
    Case(
        "billion laughs",
        INSATS,
        write(BILLION_LAUGHS),
        "content/insatser/kontaktperson.yml:3:7: YAML-ankare och alias (& och *) används inte – "
        "skriv ut värdet där det används",
    ),
    Case(
        "python tag",
        INSATS,
        replace("namn: Kontaktperson", 'namn: !!python/object/apply:os.system ["ls"]'),
        "content/insatser/kontaktperson.yml:3:7: namn: YAML-taggen !!python/object/apply:os.system "
        "används inte – skriv värdet utan tagg",
    ),
    Case(
        "two documents",
        WORK,
        lambda d: d + b"---\nid: y\n",
        "content/kallor/socialstyrelsen-2008.yml:8:1: YAML-syntaxfel: filen innehåller flera "
        "YAML-dokument (---) – en post per fil: ta bort raden --- och det som följer, eller "
        "flytta det till en egen fil",
    ),
    Case(
        "deep nesting",
        INSATS,
        write(SCHEMA.format("insats") + "".join(f"{'  ' * i}a:\n" for i in range(30))),
        "content/insatser/kontaktperson.yml:21:39: för djupt nästlad struktur – skriv ut värdet där "
        "det används",
    ),
    Case(
        "everyday word: unknown insats",
        SOKORD,
        write(
            SOKORD_HEAD + "  - ord: kontaktman\n    insatser:\n      - kontaktpersn\n"
            "    motivering: x\n"
        ),
        'content/sokord.yml:5:9: sokord[0].insatser[0]: okänd nationell insats "kontaktpersn" '
        '– ska vara ett filnamn i content/insatser/ (menade du "kontaktperson"?)',
    ),
    Case(
        "everyday word: unknown list",
        SOKORD,
        write(SOKORD_HEAD + "  - ord: skolk\n    listor: [skolgang/stokholm]\n    motivering: x\n"),
        'content/sokord.yml:4:14: sokord[0].listor[0]: okänd lista "skolgang/stokholm" – ska '
        "vara ett filnamn i content/iub/ eller content/skolgang/ (som mapp/id) (menade du "
        '"skolgang/stockholm"?)',
    ),
    Case(
        "everyday word: no page",
        SOKORD,
        write(SOKORD_HEAD + "  - ord: ingenting\n    motivering: x\n"),
        'content/sokord.yml:3:10: sokord[0].ord: "ingenting" pekar inte på någon sida – ange '
        "insatser:, omraden:, listor: eller livssituationer:",
    ),
    Case(
        "everyday word: unknown life situation",
        SOKORD,
        write(
            SOKORD_HEAD + "  - ord: ensam\n    motivering: x\n    livssituationer:\n"
            "      - ensam-hema\n"
        ),
        "content/sokord.yml:6:9: sokord[0].livssituationer[0]: okänd livssituation "
        '"ensam-hema" – ska vara ett filnamn i content/livssituationer/ (menade du '
        '"ensam-hemma"?)',
    ),
    Case(
        "everyday word: unknown life situation next to a known insats",
        SOKORD,
        write(
            SOKORD_HEAD + "  - ord: ensam\n    insatser: [kontaktperson]\n"
            "    livssituationer: [ensam-hemma, ensamhet]\n    motivering: x\n"
        ),
        "content/sokord.yml:5:36: sokord[0].livssituationer[1]: okänd livssituation "
        '"ensamhet" – ska vara ett filnamn i content/livssituationer/ (menade du '
        '"ensam-hemma"?)',
    ),
    Case(
        "everyday word twice",
        SOKORD,
        write(
            SOKORD_HEAD + "  - ord: kontaktman\n    insatser: [kontaktperson]\n    motivering: x\n"
            "  - ord: Kontaktman\n    insatser: [kontaktperson]\n    motivering: x\n"
        ),
        'content/sokord.yml:6:10: sokord[1].ord: "Kontaktman" finns redan – slå ihop med sokord[0]',
    ),
    Case(
        "everyday word without its reason",
        SOKORD,
        write(SOKORD_HEAD + "  - ord: kontaktman\n    insatser: [kontaktperson]\n"),
        "content/sokord.yml:3:5: sokord[0].motivering: saknas – obligatorisk nyckel (text)",
    ),
    Case(
        "invalid id characters",
        "content/kallor/Socialstyrelsen.yml",
        lambda _: (
            (FIXTURE / WORK)
            .read_bytes()
            .replace(b"id: socialstyrelsen-2008", b"id: Socialstyrelsen")
        ),
        'content/kallor/Socialstyrelsen.yml:2:5: id: "Socialstyrelsen" är inget giltigt id – använd '
        "små bokstäver a–z, siffror och bindestreck; döp om filen",
    ),
    # issue 10: control, bidi and invisible characters; reserved ids and anchors; plausible
    # counts and URLs; YAML errors in Swedish on one line
    Case(
        "raw NUL",
        INSATS,
        replace("namn: Kontaktperson", "namn: Kontakt\x00person"),
        "content/insatser/kontaktperson.yml:3:14: styrtecknet U+0000 (NUL) – ta bort "
        "tecknet; det syns inte i alla redigerare (skriv om ordet runt det)",
    ),
    Case(
        "raw BEL",
        INSATS,
        replace("namn: Kontaktperson", "namn: Kontakt\x07person"),
        "content/insatser/kontaktperson.yml:3:14: styrtecknet U+0007 (BEL) – ta bort "
        "tecknet; det syns inte i alla redigerare (skriv om ordet runt det)",
    ),
    Case(
        "raw C1 NEL",
        INSATS,
        replace("namn: Kontaktperson", "namn: Kontakt\x85person"),
        "content/insatser/kontaktperson.yml:3:14: styrtecknet U+0085 (NEL, en "
        "radbrytning) – ta bort tecknet; det syns inte i alla redigerare (skriv om ordet "
        "runt det)",
    ),
    Case(
        "escape NUL",
        INSATS,
        replace("namn: Kontaktperson", 'namn: "Kontakt\\0person"'),
        'content/insatser/kontaktperson.yml:3:15: koden "\\0" ger styrtecknet U+0000 '
        "(NUL) – ta bort koden",
    ),
    Case(
        "escape ESC",
        INSATS,
        replace("namn: Kontaktperson", 'namn: "Kontakt\\eperson"'),
        'content/insatser/kontaktperson.yml:3:15: koden "\\e" ger styrtecknet U+001B '
        "(ESC) – ta bort koden",
    ),
    Case(
        "escape lone surrogate",
        INSATS,
        replace("namn: Kontaktperson", 'namn: "Kontakt\\ud800person"'),
        "content/insatser/kontaktperson.yml:3:15: YAML-syntaxfel: ogiltig \\u-kod i en "
        "text inom dubbla citattecken (t.ex. ett ensamt surrogattecken) – skriv tecknet "
        "som det är, eller ta bort koden",
    ),
    Case(
        "bidi override",
        INSATS,
        replace("namn: Kontaktperson", "namn: Kontakt\u202eperson"),
        "content/insatser/kontaktperson.yml:3:14: riktningstecknet U+202E (RIGHT-TO-LEFT "
        "OVERRIDE) – ta bort tecknet: det kan vända texten så att den visas annorlunda än "
        "den står i filen",
    ),
    Case(
        "zero-width in id",
        INSATS,
        replace("id: kontaktperson", "id: kontakt\u200bperson"),
        "content/insatser/kontaktperson.yml:2:12: det osynliga tecknet U+200B (ZERO WIDTH "
        "SPACE) – ta bort tecknet; det syns inte i alla redigerare (skriv om ordet runt "
        "det)",
    ),
    Case(
        "zero-width escape in key",
        INSATS,
        replace("namn: Kontaktperson", '"na\\u200dmn": Kontaktperson'),
        'content/insatser/kontaktperson.yml:3:4: koden "\\u200d" ger det osynliga tecknet '
        "U+200D (ZERO WIDTH JOINER) – ta bort koden",
    ),
    Case(
        "look-alike duplicate name",
        ART,  # a fullwidth K: the same name to a reader
        replace("namn: Aggression Replacement Training", "namn: \uff2bontaktperson"),
        "content/insatser/kontaktperson.yml:3:7: namn: samma namn som "
        "content/insatser/aggression-replacement-training.yml – slå ihop posterna eller "
        "ge dem olika namn",
    ),
    Case(
        "reserved insats id index",
        "content/insatser/index.yml",
        copy_of(INSATS, ("id: kontaktperson", "id: index")),
        'content/insatser/index.yml:2:5: id: id "index" är upptaget: insatser/index/ är '
        "en sida som handboken gör själv – välj ett annat id och döp om filen efter det",
    ),
    Case(
        "reserved insats id forkortningar",
        "content/insatser/forkortningar.yml",
        copy_of(
            ART,
            ("id: aggression-replacement-training", "id: forkortningar"),
            ("namn: Aggression Replacement Training", "namn: ART2"),
        ),
        'content/insatser/forkortningar.yml:2:5: id: id "forkortningar" är upptaget: '
        "insatser/forkortningar/ är en sida som handboken gör själv – välj ett annat id "
        "och döp om filen efter det",
    ),
    Case(
        "reserved list id jamforelse",
        "content/iub/jamforelse.yml",
        copy_of(IUB, ("id: alingsas\n", "id: jamforelse\n")),
        'content/iub/jamforelse.yml:2:5: id: id "jamforelse" är upptaget: iub/jamforelse/ '
        "är en sida som handboken gör själv – välj ett annat id och döp om filen efter det",
    ),
    Case(
        "reserved omrade id index",  # omraden/index/ and statistik/index/: one message
        "content/omraden/index.yml",
        copy_of(
            OMRADE,
            ("id: barn-och-unga", "id: index"),
            ("nummer: 3", "nummer: 7"),
            ("namn: Barn och unga", "namn: Register"),
        ),
        'content/omraden/index.yml:2:5: id: id "index" är upptaget: omraden/index/ är '
        "en sida som handboken gör själv – välj ett annat id och döp om filen efter det",
    ),
    Case(
        "local id equal to a page anchor",
        IUB,
        replace("      - id: familjeradgivning", "      - id: lista"),
        'content/iub/alingsas.yml:11:13: grupper[0].insatser[0].id: id "lista" är '
        "upptaget: listans sida har redan ankaret #lista – välj ett annat id, t.ex. med "
        "kommunens namn först",
    ),
    Case(
        "count above responding kommuner",
        INSATS,
        replace("antal: 169", "antal: 1234567890123456789012345678901"),
        "content/insatser/kontaktperson.yml:19:20: medlemskap[0].statistik.ges.antal: "
        "antalet 1234567890123456789012345678901 är fler än de 245 kommuner som svarade "
        "på kartläggningen – ange antalet kommuner som tryckt; Hemtjänst, som alla "
        "svarande ger, har 245",
    ),
    Case(
        "count and share disagree",
        ART,
        replace("ges: {antal: 100, andel: 41}", "ges: {antal: 100, andel: 4}"),
        "content/insatser/aggression-replacement-training.yml:13:32: "
        "medlemskap[0].statistik.ges.andel: 100 kommuner och 4 % går inte ihop: det "
        "skulle kräva fler än 245 svarande kommuner – kontrollera antal och andel mot "
        "tabellen: har siffrorna hamnat i fel kolumn?",
    ),
    Case(
        "digital above given",
        INSATS,
        replace("digitalt: {antal: 12, andel: 5}", "digitalt: {antal: 170, andel: 70}"),
        "content/insatser/kontaktperson.yml:20:25: "
        "medlemskap[0].statistik.digitalt.antal: 170 kommuner är fler än de 169 som ger "
        "insatsen alls (ges) – de som ger den digitalt, i enskild regi eller utan beslut "
        "hör till dem som ger den; kontrollera kolumnerna",
    ),
    Case(
        "overlong URL",
        WORK,
        replace(URL, "url: https://www.socialstyrelsen.se/" + "a" * 5000),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: webbadressen är för lång (5031 "
        "tecken) – högst 2000 tecken; länka till sidan utan långa sökparametrar",
    ),
    Case(
        "URL with user name",
        WORK,
        replace(URL, "url: https://www.socialstyrelsen.se@evil.example/"),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: webbadressen har ett "
        "användarnamn före @ – adressen leder till evil.example, inte till det som står "
        "före @; skriv bara webbplatsens adress",
    ),
    Case(
        "URL to loopback",
        WORK,
        replace(URL, "url: http://127.0.0.1/admin"),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: webbadressen pekar på en lokal "
        "eller reserverad IP-adress (127.0.0.1) – länka till webbplatsens namn, t.ex. "
        "https://www.socialstyrelsen.se/: en IP-adress säger inte läsaren vart länken "
        "går, och en lokal når inte allmänheten",
    ),
    Case(
        "URL to private network",
        WORK,
        replace(URL, "url: http://10.1.2.3/"),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: webbadressen pekar på en lokal "
        "eller reserverad IP-adress (10.1.2.3) – länka till webbplatsens namn, t.ex. "
        "https://www.socialstyrelsen.se/: en IP-adress säger inte läsaren vart länken "
        "går, och en lokal når inte allmänheten",
    ),
    Case(
        "URL to localhost",
        WORK,
        replace(URL, "url: http://localhost:8000/"),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: värdnamnet localhost är inte "
        "en offentlig webbplats – skriv webbplatsens fullständiga namn med toppdomän, "
        "t.ex. www.kommun.se",
    ),
    Case(
        "URL with look-alike host",
        WORK,
        replace(URL, "url: https://www.s\u043ecialstyrelsen.se/"),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: värdnamnet "
        'www.sоcialstyrelsen.se innehåller tecknet "о" (CYRILLIC SMALL LETTER O), som kan '
        "förväxlas med en annan bokstav – internationella namn tillåts bara med a–z, 0–9, "
        "bindestreck och å, ä, ö, é, ü; kontrollera adressen hos webbplatsen själv",
    ),
    Case(
        "URL with punycode look-alike",
        WORK,
        replace(URL, "url: https://xn--80ak6aa92e.com/"),
        "content/kallor/socialstyrelsen-2008.yml:7:6: url: värdnamnet xn--80ak6aa92e.com "
        'innehåller tecknet "а" (CYRILLIC SMALL LETTER A), som kan förväxlas med en annan '
        "bokstav – internationella namn tillåts bara med a–z, 0–9, bindestreck och å, ä, "
        "ö, é, ü; kontrollera adressen hos webbplatsen själv",
    ),
    Case(
        "key too long",
        INSATS,
        replace("namn: Kontaktperson", "namn" + "x" * 1100 + ": Kontaktperson"),
        "content/insatser/kontaktperson.yml:3:1: nyckeln är för lång (1104 tecken; YAML "
        "tillåter högst 1024) – nycklarna är schemats korta namn; står en lång text först "
        "på raden, saknas nyckeln framför den",
    ),
    Case(
        "key with a newline",
        INSATS,
        replace("namn: Kontaktperson", 'namn: Kontaktperson\n"fel\\nnyckel": x'),
        "content/insatser/kontaktperson.yml:4:1: fel\\nnyckel: okänd nyckel – tillåtna "
        "nycklar här: id, namn, forkortning, alias, medlemskap, beskrivning, kallor, omraden",
    ),
    Case(
        "unclosed quote",
        WORK,
        replace('ar: "2008"', 'ar: "2008'),
        "content/kallor/socialstyrelsen-2008.yml:5:5: YAML-syntaxfel: citattecknet stängs "
        "aldrig – avsluta texten med samma citattecken som den börjar med",
    ),
    Case(
        "quote left open mid-file",
        INSATS,
        replace("namn: Kontaktperson", 'namn: "Kontaktperson'),
        "content/insatser/kontaktperson.yml:3:7: YAML-syntaxfel: citattecknet stängs inte på "
        'raden, så texten fortsätter in i raderna under – avsluta texten med " på samma rad',
    ),
    Case(
        "unclosed flow list",
        INSATS,
        replace("ges: {antal: 169, andel: 70}", "ges: {antal: 169, andel: 70"),
        "content/insatser/kontaktperson.yml:19:12: YAML-syntaxfel: mappningen inom { } "
        "stängs inte – avsluta med } eller skriv en nyckel per rad",
    ),
    Case(
        "age: from above to",
        INSATS,
        replace(LISTING, AGE.format(18, 6, PHRASE)),
        "content/insatser/kontaktperson.yml:13:13: medlemskap[0].alder.fran: fran (18) är större "
        "än till (6) – byt plats på talen",
    ),
    Case(
        "age: over 120",
        INSATS,
        replace(LISTING, AGE.format(18, 150, PHRASE)),
        "content/insatser/kontaktperson.yml:14:13: medlemskap[0].alder.till: 150 ligger utanför "
        "0–120 – ange åldern i hela år",
    ),
    Case(
        "age: neither bound",
        INSATS,
        replace(LISTING, LISTING + f"    alder:\n      kalla_text: {PHRASE}\n"),
        "content/insatser/kontaktperson.yml:13:7: medlemskap[0].alder: varken fran eller till är "
        "angiven – ange minst en av dem, eller ta bort alder om källan inte anger en ålder",
    ),
    Case(
        "age: phrase not in the listing's text",
        INSATS,
        replace(LISTING, AGE.format(0, 18, "barn i åldern 0-18 år")),
        "content/insatser/kontaktperson.yml:15:19: medlemskap[0].alder.kalla_text: frasen finns "
        "inte i postens egen text – kopiera frasen som anger åldern ordagrant ur förklaringen "
        "eller namnet i källan",
    ),
    Case(
        "age: unknown avser",
        IUB,
        replace(
            "        malgrupp: Par och familjer\n",
            "        malgrupp: Par och familjer\n        alder: "
            "{till: 18, avser: barn, kalla_text: Par och familjer}\n",
        ),
        'content/iub/alingsas.yml:20:34: grupper[0].insatser[0].alder.avser: okänt värde "barn" '
        '– skriv "barnet" när åldern är barnens, annars utelämna avser',
    ),
]


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def content_tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    return root


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_reported_exactly(case: Case, content_tree: Path, capsys) -> None:
    apply(content_tree, case)
    before = snapshot(content_tree)
    code = main(["validate", "--root", str(content_tree)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert case.expected in out, "\n".join(out)
    assert out[-1].endswith(("fil.", "filer."))  # the count comes last
    assert snapshot(content_tree) == before  # validation writes nothing


def test_billion_laughs_is_refused_in_bounded_memory(content_tree: Path) -> None:
    (content_tree / INSATS).write_text(BILLION_LAUGHS, encoding="utf-8")
    tracemalloc.start()
    _, problems = load_content(content_tree)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert any("alias" in p.message for p in problems)
    assert peak < 20_000_000  # expanded, the bomb would need gigabytes


def test_ten_megabyte_file_is_not_read_into_memory(content_tree: Path) -> None:
    (content_tree / INSATS).write_bytes(b"namn: " + b"a" * 10_000_000)
    tracemalloc.start()
    _, problems = load_content(content_tree)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [p.message for p in problems if p.file == INSATS] == ["filen är för stor (10,0 MB)"]
    assert peak < 5_000_000


def test_html_and_markdown_in_text_are_not_problems(content_tree: Path) -> None:
    apply(
        content_tree,
        Case(
            "html",
            INSATS,
            replace("namn: Kontaktperson", 'namn: "<script>alert(1)</script> **fet** {{ x }}"'),
            "",
        ),
    )
    content, problems = load_content(content_tree)
    assert problems == []
    assert "<script>alert(1)</script> **fet** {{ x }}" in {i.namn for i in content.insatser}


def test_every_problem_of_every_file_is_listed_at_once(content_tree: Path, capsys) -> None:
    chosen = [
        c
        for c in CASES
        if c.name
        in (
            "wrong type: text for an integer",
            "unknown rubrik",
            "javascript: URL",
            "unknown key, misspelt",
        )
    ]
    for case in chosen:  # four files, four kinds of problem
        apply(content_tree, case)
    assert main(["validate", "--root", str(content_tree)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == sorted(c.expected for c in chosen) + ["4 problem i 4 filer."]


def test_nesting_bomb_is_refused(content_tree: Path) -> None:
    # The column differs between libyaml and pure-Python PyYAML: only the message is asserted.
    (content_tree / INSATS).write_text(
        SCHEMA.format("insats") + "id: " + "[" * 100_000 + "]" * 100_000, encoding="utf-8"
    )
    _, problems = load_content(content_tree)
    assert [(p.file, p.line, p.message) for p in problems] == [
        (INSATS, 2, "för djupt nästlad struktur")
    ]


# --- only regular files inside the repository are content (issue 10) -------------------

LINK_HINT = (
    "content/ läses bara från vanliga filer i projektet och följer inga länkar – "
    "ersätt länken med själva filen"
)
NOT_REGULAR = "content/ läses bara från vanliga filer – ta bort den eller byt ut den mot en"


def _outside(root: Path) -> None:
    (root.parent / "utanfor.yml").write_bytes(
        (FIXTURE / INSATS)
        .read_bytes()
        .replace(b"namn: Kontaktperson", "namn: Hemlig utanför".encode())
    )
    (root / "content/insatser/hemlig.yml").symlink_to("../../../utanfor.yml")


def _folder_outside(root: Path) -> None:
    (root.parent / "andra").mkdir()
    (root.parent / "andra/x.yml").write_bytes((FIXTURE / INSATS).read_bytes())
    (root / "content/insatser/andra").symlink_to("../../../andra")


SPECIAL = [
    (
        "link to a file outside the repository",
        _outside,
        f"content/insatser/hemlig.yml:1:1: symbolisk länk (till ../../../utanfor.yml) – {LINK_HINT}",
    ),
    (
        "link to a folder outside",
        _folder_outside,
        f"content/insatser/andra:1:1: symbolisk länk (till ../../../andra) – {LINK_HINT}",
    ),
    (
        "link loop",
        lambda r: (r / "content/insatser/ring.yml").symlink_to("ring.yml"),
        f"content/insatser/ring.yml:1:1: symbolisk länk (till ring.yml) – {LINK_HINT}",
    ),
    (
        "dangling link",
        lambda r: (r / "content/kallor/borta.yml").symlink_to("saknas.yml"),
        f"content/kallor/borta.yml:1:1: symbolisk länk (till saknas.yml) – {LINK_HINT}",
    ),
    (
        "FIFO named .yml",
        lambda r: os.mkfifo(r / "content/insatser/ror.yml"),
        f"content/insatser/ror.yml:1:1: en namngiven pipe (FIFO), ingen vanlig fil – {NOT_REGULAR}",
    ),
]


@pytest.mark.parametrize("name, setup, expected", SPECIAL, ids=[c[0] for c in SPECIAL])
def test_anything_but_a_regular_file_is_a_problem_never_read(
    name, setup, expected, content_tree: Path, capsys
) -> None:
    setup(content_tree)
    before = snapshot(content_tree)
    assert main(["validate", "--root", str(content_tree)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert expected in out, "\n".join(out)
    content, _ = load_content(content_tree)
    assert "Hemlig utanför" not in {i.namn for i in content.insatser}  # never followed
    assert snapshot(content_tree) == before


def test_an_unreadable_file_is_a_problem(content_tree: Path, monkeypatch, capsys) -> None:
    # Simulated: as root (CI containers) chmod 000 does not stop reading.
    real_open = os.open

    def refuse(path, flags, *args):
        if str(path).endswith("kontaktperson.yml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    assert main(["validate", "--root", str(content_tree)]) == 1
    assert (
        f"{INSATS}:1:1: filen kan inte läsas (behörighet saknas) – ge dig läsrätt till "
        "filen (chmod u+r) eller ta bort den"
    ) in capsys.readouterr().out.splitlines()


# --- the build: output paths, unexpected errors, text that looks like a marker ----------


def test_a_site_dir_that_is_the_repository_is_refused_and_nothing_written(
    content_tree: Path, capsys
) -> None:
    before = snapshot(content_tree)
    assert main(["build", "--root", str(content_tree), "--site-dir", "."]) == 1
    assert capsys.readouterr().err == (
        "fel: --site-dir .: är projektets rotmapp eller en mapp som innehåller den – välj en ny "
        "mapp som bara webbplatsen ska ligga i, t.ex. --site-dir site\n"
    )
    assert snapshot(content_tree) == before


@pytest.mark.parametrize(
    "drafts, message",
    [
        (
            "content",
            "är, innehåller eller ligger i content/ – välj en ny mapp för utkasten, t.ex. "
            "--utkast staging",
        ),
        (
            "egna",
            "innehåller filer som importen inte har gjort – välj en ny eller tom mapp: "
            "importen tömmer bara sin egen",
        ),
    ],
)
def test_the_import_empties_only_a_drafts_folder_of_its_own(
    drafts, message, content_tree: Path, capsys
) -> None:
    (content_tree / "egna").mkdir()
    (content_tree / "egna/anteckningar.txt").write_text("mina")
    before = snapshot(content_tree)
    assert main(["import", "--root", str(content_tree), "--utkast", drafts]) == 1
    assert capsys.readouterr().err == f"fel: --utkast {drafts}: {message}\n"
    assert snapshot(content_tree) == before


def test_an_unexpected_error_names_the_file_it_was_processing(
    content_tree: Path, monkeypatch, capsys
) -> None:
    from generator.site import render

    def broken(ins, refs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(render, "render_insats", broken)
    before = snapshot(content_tree)
    assert main(["build", "--root", str(content_tree)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"fel: {ART}:2:1: oväntat fel när sidan gjordes (IndexError: list index out "
        "of range) – ett fel i generatorn, inte i filen: kör python -m generator "
        "validate, och visar den inget, rapportera felet med filen"
    ]
    assert not (content_tree / "site").exists()
    assert {k: v for k, v in snapshot(content_tree).items() if k.startswith("content/")} == {
        k: v for k, v in before.items() if k.startswith("content/")
    }
