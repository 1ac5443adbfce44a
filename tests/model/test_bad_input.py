"""Bad-input corpus: each broken content tree gives exactly the expected problem line,
exit code 1, and leaves every file untouched."""

from __future__ import annotations

import hashlib
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

BILLION_LAUGHS = SCHEMA.format("insats") + "id: x\nnamn: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"k{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))

CASES = [
    Case("yaml syntax error", INSATS, replace("namn: Kontaktperson", "namn: Kontakt: person"),
         "content/insatser/kontaktperson.yml:3:14: YAML-syntaxfel: kolon följt av mellanslag mitt "
         'i ett värde – sätt hela värdet inom citattecken, t.ex. namn: "Stöd: samtal"'),
    Case("tab indentation", INSATS, replace("  - omrade: aldre", "\t- omrade: aldre"),
         "content/insatser/kontaktperson.yml:24:1: tabb i indraget – använd mellanslag för indrag"),
    Case("duplicate key", INSATS, replace("namn: Kontaktperson\n", "namn: Kontaktperson\nnamn: Igen\n"),
         "content/insatser/kontaktperson.yml:4:1: namn: nyckeln förekommer två gånger – första "
         "gången på rad 3; ta bort en av dem"),
    Case("wrong type: text for an integer", INSATS, replace("ordning: 4", "ordning: fyra"),
         "content/insatser/kontaktperson.yml:10:14: medlemskap[0].ordning: fel typ: text – ska vara "
         "ett heltal"),
    Case("wrong type: unquoted category number", INSATS, replace('kategori: "3.1"', "kategori: 3.1"),
         'content/insatser/kontaktperson.yml:8:15: medlemskap[0].kategori: fel typ: ett decimaltal – '
         'ska vara text – skriv "3.1" inom citattecken'),
    Case("wrong type: share with percent sign", INSATS, replace("andel: 70}", "andel: 70%}"),
         "content/insatser/kontaktperson.yml:19:32: medlemskap[0].statistik.ges.andel: fel typ: text "
         "– ska vara ett heltal utan %-tecken – skriv 70"),
    Case("wrong type: list for text", INSATS, replace("namn: Kontaktperson", "namn: [Kontakt, person]"),
         "content/insatser/kontaktperson.yml:3:7: namn: fel typ: en lista – ska vara text"),
    Case("wrong type: file is a list", INSATS, write(SCHEMA.format("insats") + "- kontaktperson\n"),
         "content/insatser/kontaktperson.yml:2:1: fel typ: en lista – ska vara en mappning "
         "(nyckel: värde)"),
    Case("missing required field", WORK, replace("utgivare: Socialstyrelsen\n", ""),
         "content/kallor/socialstyrelsen-2008.yml:2:1: utgivare: saknas – obligatorisk nyckel (text)"),
    Case("required field without value", INSATS, replace("namn: Kontaktperson", "namn:"),
         "content/insatser/kontaktperson.yml:3:6: namn: saknar värde – ska vara text"),
    Case("empty text", INSATS, replace("namn: Kontaktperson", 'namn: ""'),
         "content/insatser/kontaktperson.yml:3:7: namn: tom text – skriv en text"),
    Case("unknown key, misspelt", IUB, replace("    beskrivning: Rådgivande", "    beskrivnig: Rådgivande"),
         'content/iub/alingsas.yml:9:5: grupper[0].beskrivnig: okänd nyckel – tillåtna nycklar här: '
         'id, namn, beskrivning, insatser (menade du "beskrivning"?)'),
    Case("unknown område", INSATS, replace("omrade: aldre", "omrade: aldr"),
         'content/insatser/kontaktperson.yml:24:13: medlemskap[1].omrade: okänt område "aldr" – ska '
         'vara ett filnamn i content/omraden/ (menade du "aldre"?)'),
    Case("unknown kategori", INSATS, replace('kategori: "2.1"', 'kategori: "2.9"'),
         'content/insatser/kontaktperson.yml:25:15: medlemskap[1].kategori: okänd kategori "2.9" i '
         'området "aldre" – finns: 2.1 (menade du "2.1"?)'),
    Case("unknown rubrik", ART, replace("rubrik: Stöd till barn", "rubrik: Stöd till barnen"),
         'content/insatser/aggression-replacement-training.yml:8:13: medlemskap[0].rubrik: okänd '
         'rubrik "Stöd till barnen" i kategori 3.1 – rubriker där: "Stöd till barn", "Stöd till '
         'familjer" (menade du "Stöd till barn"?)'),
    Case("unknown work id", INSATS, replace("- socialstyrelsen-2008", "- socialstyrelsen-2009"),
         'content/insatser/kontaktperson.yml:17:9: medlemskap[0].kallor[0]: okänd källan '
         '"socialstyrelsen-2009" – ska vara ett filnamn i content/kallor/ (menade du '
         '"socialstyrelsen-2008"?)'),
    Case("unknown national insats in a local list", SKOLGANG,
         replace("- aggression-replacement-training", "- aggression-replacement"),
         'content/skolgang/stockholm.yml:13:13: grupper[0].insatser[0].nationell[0]: okänd nationell '
         'insats "aggression-replacement" – ska vara ett filnamn i content/insatser/ (menade du '
         '"aggression-replacement-training"?)'),
    Case("unknown national insats in om-iub.yml", OM_IUB, replace("  - kontaktperson", "  - kontaktperon"),
         'content/iub/om-iub.yml:14:9: undantagna[1].nationell[0]: okänd nationell insats '
         '"kontaktperon" – ska vara ett filnamn i content/insatser/ (menade du "kontaktperson"?)'),
    Case("unknown document of a local list", IUB, replace("dokument: alingsas-riktlinjer-iub",
                                                          "dokument: alingsas"),
         'content/iub/alingsas.yml:5:11: dokument: okänd källa "alingsas" – ska vara ett filnamn i '
         'content/kallor/'),
    Case("duplicate id: id differs from file name", "content/insatser/kontaktperson-2.yml",
         lambda _: (FIXTURE / INSATS).read_bytes(),
         'content/insatser/kontaktperson-2.yml:2:5: id: "kontaktperson" stämmer inte med filnamnet – '
         'ska vara "kontaktperson-2" (filnamnet utan .yml)'),
    Case("duplicate id: category", OMRADE, replace('id: "3.2"', 'id: "3.1"'),
         'content/omraden/barn-och-unga.yml:11:9: kategorier[1].id: kategorin "3.1" finns redan – se '
         'kategorier[0]; id:n ska vara unika'),
    Case("duplicate name", ART, replace("namn: Aggression Replacement Training",
                                        "namn: Kontaktperson"),
         "content/insatser/kontaktperson.yml:3:7: namn: samma namn som "
         "content/insatser/aggression-replacement-training.yml – slå ihop posterna eller ge dem "
         "olika namn"),
    Case("share over 100", INSATS, replace("andel: 70}", "andel: 170}"),
         "content/insatser/kontaktperson.yml:19:32: medlemskap[0].statistik.ges.andel: andelen 170 "
         "ligger utanför 0–100 – ange andelen i hela procent som tryckt, t.ex. 70"),
    Case("negative count", INSATS, replace("antal: 12", "antal: -12"),
         "content/insatser/kontaktperson.yml:20:25: medlemskap[0].statistik.digitalt.antal: antalet "
         "-12 är negativt – ange antalet kommuner som tryckt (0 eller större)"),
    Case("share where not asked", INSATS, replace("enskild_regi: null", "enskild_regi: {antal: null, andel: 5}"),
         'content/insatser/kontaktperson.yml:21:21: medlemskap[0].statistik.enskild_regi: andel utan '
         'antal – ange både antal och andel, eller enskild_regi: null om källan skriver "-" (ej '
         'tillfrågat)'),
    Case("count without share", ART, replace("digitalt: null", "digitalt: {antal: 3}"),
         'content/insatser/aggression-replacement-training.yml:14:17: medlemskap[0].statistik.digitalt: '
         'antal utan andel – ange både antal och andel, eller digitalt: null om källan skriver "-" '
         '(ej tillfrågat)'),
    Case("javascript: URL", WORK, replace("url: https://www.socialstyrelsen.se/", "url: javascript:alert(1)"),
         "content/kallor/socialstyrelsen-2008.yml:7:6: url: ogiltig webbadress – bara http:// eller "
         "https:// – javascript:-adresser kan köra kod eller dölja innehåll och tillåts inte"),
    Case("data: URL", WORK, replace("url: https://www.socialstyrelsen.se/",
                                    "url: data:text/html;base64,PHNjcmlwdD4="),
         "content/kallor/socialstyrelsen-2008.yml:7:6: url: ogiltig webbadress – bara http:// eller "
         "https:// – data:-adresser kan köra kod eller dölja innehåll och tillåts inte"),
    Case("URL without scheme", WORK, replace("url: https://www.socialstyrelsen.se/", "url: www.socialstyrelsen.se"),
         "content/kallor/socialstyrelsen-2008.yml:7:6: url: ogiltig webbadress – ska vara en "
         "fullständig adress som börjar med https:// eller http://"),
    Case("empty file", WORK, write(b""),
         "content/kallor/socialstyrelsen-2008.yml:1:1: filen är tom – den ska innehålla en källa"),
    Case("only comments", WORK, write(SCHEMA.format("work") + "# id: x\n"),
         "content/kallor/socialstyrelsen-2008.yml:1:1: filen är tom – den ska innehålla en källa"),
    Case("non-UTF-8 (Latin-1)", WORK, lambda d: d.replace("Socialstyrelsen\n".encode(), "Socialstyrelsen ä\n".encode("latin-1")),
         "content/kallor/socialstyrelsen-2008.yml:4:27: ogiltig UTF-8 (byte 0xe4) – spara filen som UTF-8"),
    Case("BOM", WORK, lambda d: b"\xef\xbb\xbf" + d,
         "content/kallor/socialstyrelsen-2008.yml:1:1: filen börjar med en BOM (byte order mark) – "
         "spara filen som UTF-8 utan BOM"),
    Case("record in the wrong folder", "content/insatser/socialstyrelsen-2010.yml",
         lambda _: (FIXTURE / WORK).read_bytes().replace(b"insats", b"work"),
         "content/insatser/socialstyrelsen-2010.yml:1:1: filen ligger i fel mapp: den ser ut som en "
         "källa – flytta den till content/kallor/"),
    Case("file in an unknown folder", "content/ovrigt/anteckning.yml", write("namn: x\n"),
         "content/ovrigt/anteckning.yml:1:1: filen ligger i fel mapp – YAML-filer hör hemma i "
         "content/insatser/, content/omraden/, content/kallor/, content/iub/ eller content/skolgang/"),
    Case(".yaml extension", "content/kallor/ny.yaml", lambda _: (FIXTURE / WORK).read_bytes(),
         "content/kallor/ny.yaml:1:1: fel filändelse – döp om filen till ny.yml"),
    Case("missing schema line", WORK, lambda d: d.split(b"\n", 1)[1],
         "content/kallor/socialstyrelsen-2008.yml:1:1: första raden ska vara schemaraden – skriv: "
         "# yaml-language-server: $schema=../../schema/work.schema.json"),
    Case("10 MB string", INSATS, write(SCHEMA.format("insats") + 'id: kontaktperson\nnamn: "'
                                       + "a" * 10_000_000 + '"\n'),
         "content/insatser/kontaktperson.yml:1:1: filen är för stor (10,0 MB) – högst 1 MB per fil"),
    Case("overlong string", INSATS, replace("namn: Kontaktperson", "namn: " + "a" * 60_000),
         "content/insatser/kontaktperson.yml:3:7: namn: texten är för lång (60 000 tecken) – högst "
         "50 000 tecken"),
    Case("billion laughs", INSATS, write(BILLION_LAUGHS),
         "content/insatser/kontaktperson.yml:3:7: YAML-ankare och alias (& och *) används inte – "
         "skriv ut värdet där det används"),
    Case("python tag", INSATS, replace("namn: Kontaktperson", 'namn: !!python/object/apply:os.system ["ls"]'),
         "content/insatser/kontaktperson.yml:3:7: namn: YAML-taggen !!python/object/apply:os.system "
         "används inte – skriv värdet utan tagg"),
    Case("two documents", WORK, lambda d: d + b"---\nid: y\n",
         "content/kallor/socialstyrelsen-2008.yml:8:1: YAML-syntaxfel: filen innehåller flera "
         "YAML-dokument (---) – en post per fil: ta bort raden --- och det som följer, eller "
         "flytta det till en egen fil"),
    Case("deep nesting", INSATS, write(SCHEMA.format("insats") + "".join(f"{'  ' * i}a:\n" for i in range(30))),
         "content/insatser/kontaktperson.yml:21:39: för djupt nästlad struktur – skriv ut värdet där "
         "det används"),
    Case("invalid id characters", "content/kallor/Socialstyrelsen.yml",
         lambda _: (FIXTURE / WORK).read_bytes().replace(b"id: socialstyrelsen-2008", b"id: Socialstyrelsen"),
         'content/kallor/Socialstyrelsen.yml:2:5: id: "Socialstyrelsen" är inget giltigt id – använd '
         'små bokstäver a–z, siffror och bindestreck; döp om filen'),
]


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


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
    apply(content_tree, Case("html", INSATS, replace("namn: Kontaktperson",
                                                     'namn: "<script>alert(1)</script> **fet** {{ x }}"'), ""))
    content, problems = load_content(content_tree)
    assert problems == []
    assert "<script>alert(1)</script> **fet** {{ x }}" in {i.namn for i in content.insatser}


def test_every_problem_of_every_file_is_listed_at_once(content_tree: Path, capsys) -> None:
    chosen = [c for c in CASES if c.name in ("wrong type: text for an integer", "unknown rubrik",
                                             "javascript: URL", "unknown key, misspelt")]
    for case in chosen:  # four files, four kinds of problem
        apply(content_tree, case)
    assert main(["validate", "--root", str(content_tree)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == sorted(c.expected for c in chosen) + ["4 problem i 4 filer."]


def test_nesting_bomb_is_refused(content_tree: Path) -> None:
    # The column differs between libyaml and pure-Python PyYAML: only the message is asserted.
    (content_tree / INSATS).write_text(SCHEMA.format("insats") + "id: " + "[" * 100_000
                                       + "]" * 100_000, encoding="utf-8")
    _, problems = load_content(content_tree)
    assert [(p.file, p.line, p.message) for p in problems] == [
        (INSATS, 2, "för djupt nästlad struktur")]
