"""The PDF path of the importers, on small PDFs laid out here with fpdf2 (in tmp_path).

Each fixture lays out a document the way the real one is printed – running header, page
numbers, tables crossing page breaks with the header repeated – and the tests assert that
the records read back equal what was laid out.
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

fpdf = pytest.importorskip("fpdf")

from generator.importers import survey_explanations, survey_tables  # noqa: E402
from generator.importers.pdf.layout import PdfLine, read_lines  # noqa: E402
from generator.importers.pdf.table import read_tables  # noqa: E402
from generator.importers.pdf.text import pdf_to_text  # noqa: E402
from generator.importers.records import ExplanationRow, TableRow  # noqa: E402
from generator.model.records import Figure  # noqa: E402

RUNNING_TITLE = "Kartläggning av insatser i socialtjänst"


def explanations_from_pdf(path: Path):
    return survey_explanations.read(path, names={})  # a PDF's columns need no dictionary


def tables_from_pdf(path: Path):
    return survey_tables.read(path)


def _font_dir() -> Path:
    """DejaVu (fonts-dejavu-core): å ä ö and "–" need a Unicode TrueType font."""
    for d in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"):
        if Path(d, "DejaVuSans.ttf").exists() and Path(d, "DejaVuSans-Bold.ttf").exists():
            return Path(d)
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "DejaVu Sans"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if (
            found.endswith("DejaVuSans.ttf")
            and Path(found).with_name("DejaVuSans-Bold.ttf").exists()
        ):
            return Path(found).parent
    pytest.skip("no DejaVu fonts: apt-get install fonts-dejavu-core")


class _Doc(fpdf.FPDF):
    """A4 page with the survey's running header and a page number at the bottom."""

    def __init__(self, title: str | None = RUNNING_TITLE) -> None:
        super().__init__(format="A4")
        fonts = _font_dir()
        self.add_font("dv", "", str(fonts / "DejaVuSans.ttf"))
        self.add_font("dv", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.running_title = title
        self.set_auto_page_break(True, margin=22)
        self.add_page()

    def header(self) -> None:
        if self.running_title:
            self.set_font("dv", "", 8)
            self.set_y(8)
            self.cell(0, 5, self.running_title)
            self.set_y(20)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("dv", "", 8)
        self.cell(0, 5, str(self.page_no()), align="C")

    def para(self, text: str, size: float = 10, bold: bool = False, after: float = 3) -> None:
        self.set_font("dv", "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def table(self, rows, widths, body_align: str = "TOP") -> None:
        """A ruled table; the header row is top-aligned, as in the survey's tables."""
        self.set_font("dv", "", 10)
        style = fpdf.FontFace(emphasis="BOLD")
        with super().table(
            col_widths=widths,
            text_align="LEFT",
            line_height=5,
            padding=2,
            headings_style=style,
            repeat_headings=1,
        ) as table:
            for n, cells in enumerate(rows):
                row = table.row(v_align="TOP" if n == 0 else body_align)
                for cell in cells:
                    row.cell(cell)
        self.ln(4)


# --- the explanations table (seed 000) ---------------------------------------------------

LONG = (
    "Bistånd i form av sysselsättning, gemenskap, behandling eller rehabilitering "
    "utanför den egna bostaden. Med dagverksamhet avses inte öppen verksamhet, som t.ex. "
    "kaféverksamhet och andra former av träffpunkter – för äldre i hela kommunen."
)
EXPLANATIONS_21 = [  # (namn, förklaring, källor) of category 2.1, sub-heading "Hemtjänst …"
    ("Dagverksamhet", LONG, ("Socialstyrelsen (2008) Termbanken",)),
    (
        "Dagverksamhet anpassad för personer med demenssjukdom",
        "Samlingsnamn för verksamheter som bedrivs under dagtid, ibland även på helger.",
        ("Socialstyrelsen (2016) Din rätt till vård och omsorg. En vägvisare för äldre",),
    ),
    (
        "Hemtjänst, demensprofilerade hemtjänstlag/eller hemtjänstteam",
        LONG + " " + LONG,
        (
            "Socialstyrelsen (2017) Nationella riktlinjer för vård och omsorg vid demenssjukdom",
            "Sundbybergs stad (2019) Riktlinjer för bedömning och insatser inom äldreomsorgen",
            "Nacka kommun, nacka.se (hämtad maj 2021)",
        ),
    ),
    ("Generella serviceinsatser", "", ()),
    ("Fixarservice, fixartjänst, fixar-Malte", LONG, ("Socialstyrelsen (2008) Termbanken",)),
    (
        "Följeslagare inom hemtjänst",
        LONG + " Även vid läkarbesök.",
        ("Göteborgs stad (2020) Följeslagare",),
    ),
    ("Hjälp att genomföra ärenden", LONG, ("Socialstyrelsen (2008) Termbanken",)),
    ("Ledsagning för äldre personer", LONG, ("Socialstyrelsen (2008) Termbanken",)),
]
EXPLANATIONS_22 = [
    (
        "Generella gruppsamtal till äldre utan manual",
        "Samtal i grupp om åldrandet.",
        ("Socialstyrelsen (2012) Stöd till anhöriga",),
    ),
]


@pytest.fixture
def explanations_table_across_page_break(tmp_path: Path) -> Path:
    doc = _Doc()
    doc.para("1 Bakgrund till listan över insatser", size=14, bold=True)
    doc.para(
        "Denna bilaga ger förklaringar till de insatser som identifierats kopplat till enkäten."
    )
    doc.para("2 Verksamhetsområde äldre", size=14, bold=True)
    doc.para(
        "Notera att stöd som ges specifikt till personer med funktionsnedsättning listas "
        "under dessa verksamhetsområden."
    )
    doc.para("Vid behov, samordna därför gärna era svar.")
    doc.para("2.1 Boendeformer / insatser i boendet", size=12, bold=True)
    doc.para("Hemtjänst och hemtjänstinsatser", size=11, bold=True)
    doc.table(
        [("Insats", "Förklaring", "Källa")] + [(n, f, "; ".join(k)) for n, f, k in EXPLANATIONS_21],
        (45, 85, 50),
    )
    doc.para("2.2 Insatser riktade till äldre", size=12, bold=True)
    doc.table(
        [("Insats", "Förklaring", "Källa")] + [(n, f, "; ".join(k)) for n, f, k in EXPLANATIONS_22],
        (45, 85, 50),
    )
    path = tmp_path / "forklaringar.pdf"
    doc.output(str(path))
    return path


def test_explanations_rows_equal_the_laid_out_table(explanations_table_across_page_break):
    doc = explanations_from_pdf(explanations_table_across_page_break)
    expected = [
        ExplanationRow(2, "2.1", "Hemtjänst och hemtjänstinsatser", n, f or None, k, 0)
        for n, f, k in EXPLANATIONS_21
    ] + [ExplanationRow(2, "2.2", None, n, f or None, k, 0) for n, f, k in EXPLANATIONS_22]
    got = [r.__class__(**{**r.__dict__, "line": 0}) for r in doc.rows]
    assert got == expected
    assert doc.problems == ()


def test_explanations_table_really_crosses_a_page_break(explanations_table_across_page_break):
    pages = {
        r.namn: r.line for r in explanations_from_pdf(explanations_table_across_page_break).rows
    }
    assert pages["Dagverksamhet"] == 1
    assert pages["Ledsagning för äldre personer"] >= 2
    lines = read_lines(explanations_table_across_page_break)
    headers = [ln.page for ln in lines if ln.text == "Förklaring"]
    assert len(headers) >= 3, "the header is printed again on the next page"


def test_explanations_headings_with_note(explanations_table_across_page_break):
    doc = explanations_from_pdf(explanations_table_across_page_break)
    assert [
        (h.omrade, h.omrade_namn, h.kategori, h.kategori_namn, h.rubrik, h.notering)
        for h in doc.headings
    ] == [
        (
            2,
            "Verksamhetsområde äldre",
            None,
            None,
            None,
            "Notera att stöd som ges specifikt till personer med funktionsnedsättning listas "
            "under dessa verksamhetsområden.\n\nVid behov, samordna därför gärna era svar.",
        ),
        (2, "Verksamhetsområde äldre", "2.1", "Boendeformer / insatser i boendet", None, None),
        (
            2,
            "Verksamhetsområde äldre",
            "2.1",
            "Boendeformer / insatser i boendet",
            "Hemtjänst och hemtjänstinsatser",
            None,
        ),
        (2, "Verksamhetsområde äldre", "2.2", "Insatser riktade till äldre", None, None),
    ]


def test_running_header_and_page_numbers_are_dropped(explanations_table_across_page_break):
    texts = [ln.text for ln in read_lines(explanations_table_across_page_break)]
    assert RUNNING_TITLE not in texts
    assert not any(t.isdigit() for t in texts)


# --- the results table (seed 001) --------------------------------------------------------

HEADER_5 = (
    "Insats",
    "Antal kommuner där insats ges (andel av svarande kommuner i parentes)1",
    "Antal kommuner där insats ges i digital form (andel av svarande kommuner i parentes)2",
    "Antal kommuner där insats ges i enskild regi (andel av svarande kommuner i parentes)3",
    "Antal kommuner där insats ges utan biståndsbeslut (andel av svarande kommuner i parentes)4",
)
RESULTS = [  # (namn as printed, figures as printed)
    ("Dagverksamhet", ("156 (65%)", "13 (9%)", "24 (16%)", "35 (24%)")),
    (
        "Dagverksamhet anpassad för yngre personer med demenssjukdom",
        ("61 (26%)", "2 (4%)", "13 (23%)", "4 (7%)"),
    ),
    ("Hemtjänst", ("245 (100%)", "96 (40%)", "115 (49%)", "11 (5%)")),
    ("Trygghetslarm, digitalt", ("240 (98%)", "-", "0 (0%)", "-")),
    ("Matdistribution", ("200 (82%)", "0 (0%)", "31 (16%)", "120 (60%)")),
    ("Fixarservice, fixartjänst, fixar-Malte", ("169 (70%)", "9 (6%)", "13 (8%)", "156 (96%)")),
    ("Korttidsvistelse på korttidsplats2", ("230 (95%)", "-", "40 (17%)", "2 (1%)")),
] + [
    (f"Insats nummer {i} med ett namn på två rader i tabellen", ("10 (4%)", "-", "1 (0%)", "-"))
    for i in range(1, 15)
]


def _fig(text: str) -> Figure | None:
    if text == "-":
        return None
    antal, andel = text.rstrip("%)").split(" (")
    return Figure(int(antal), int(andel))


@pytest.fixture
def results_table_across_page_break(tmp_path: Path) -> Path:
    doc = _Doc()
    doc.para("1 Om resultattabellerna", size=14, bold=True)
    doc.para("Denna bilaga innehåller tabeller som listar de insatser som identifierats.")
    doc.para("2 Verksamhetsområde äldre", size=14, bold=True)
    doc.para("2.1 Boendeformer / insatser i boendet", size=12, bold=True)
    doc.para("Hemtjänst och hemtjänstinsatser", size=11, bold=True)
    doc.table(
        [HEADER_5] + [(n, *f) for n, f in RESULTS], (50, 32, 32, 32, 34), body_align="BOTTOM"
    )  # figures on the name's last line, as printed
    doc.para(
        "1 Detta antal inkluderar både de kommuner som svarat att de genomför insatsen och "
        "de som svarat att de genomför insatsen i lokal variant.",
        size=7,
    )
    path = tmp_path / "resultattabeller.pdf"
    doc.output(str(path))
    return path


def test_results_rows_equal_the_laid_out_table(results_table_across_page_break):
    doc = tables_from_pdf(results_table_across_page_break)
    expected = [
        TableRow(2, "2.1", "Hemtjänst och hemtjänstinsatser", n.removesuffix("2"), *map(_fig, f), 0)
        for n, f in RESULTS
    ]  # footnote mark 2 removed
    assert [TableRow(**{**r.__dict__, "line": 0}) for r in doc.rows] == expected
    assert doc.problems == ()
    assert doc.rows[-1].line >= 2, "the table crosses a page break"


def test_results_dash_is_none_and_zero_is_zero(results_table_across_page_break):
    row = next(
        r
        for r in tables_from_pdf(results_table_across_page_break).rows
        if r.namn == "Trygghetslarm, digitalt"
    )
    assert row.digitalt is None and row.utan_beslut is None
    assert row.enskild_regi == Figure(0, 0)
    assert row.ges == Figure(240, 98)


# --- the table reader on hand-made lines: rows split by a page break ---------------------


def _line(page, x0, top, text, x1=None) -> PdfLine:
    return PdfLine(
        page=page, x0=x0, x1=x1 or x0 + 5 * len(text), top=top, bottom=top + 10, text=text, size=10
    )


def _header(page, top=50):
    return [
        _line(page, 50, top, "Insats"),
        _line(page, 200, top, "Förklaring"),
        _line(page, 400, top, "Källa"),
    ]


def _is_header(lines, i):
    return lines[i].text == "Insats"


def test_row_split_by_page_break_is_joined_and_repeated_row_dropped():
    lines = [
        *_header(1),
        _line(1, 50, 80, "Familjebehandling"),
        _line(1, 200, 80, "Stöd till familjer med"),
        _line(1, 200, 94, "barn som behöver hjälp i"),
        *_header(2),
        _line(2, 200, 80, "vardagen och i skolan."),
        _line(2, 400, 80, "SBU (2019) Rapport"),
        _line(2, 50, 110, "Kontaktperson"),
        _line(2, 200, 110, "En vuxen att prata med."),
        *_header(3),
        _line(3, 50, 80, "Kontaktperson"),
        _line(3, 200, 80, "En vuxen att prata med."),
        _line(3, 50, 110, "Öppenvård för unga"),
        _line(3, 200, 110, "Behandling i hem-"),
        _line(3, 200, 124, "miljön."),
    ]
    items, problems = read_tables(lines, _is_header, 3)
    assert [r.cells for r in items] == [
        (
            "Familjebehandling",
            "Stöd till familjer med barn som behöver hjälp i vardagen och i skolan.",
            "SBU (2019) Rapport",
        ),
        ("Kontaktperson", "En vuxen att prata med.", ""),
        ("Öppenvård för unga", "Behandling i hemmiljön.", ""),
    ]
    assert problems == []


def test_name_repeated_on_next_page_continues_the_row():
    lines = [
        *_header(1),
        _line(1, 50, 80, "Hemtjänst"),
        _line(1, 200, 80, "Bistånd i form av service"),
        *_header(2),
        _line(2, 50, 80, "Hemtjänst"),
        _line(2, 200, 80, "i den enskildes bostad."),
        _line(2, 400, 80, "Socialstyrelsen (2008)"),
    ]
    items, _ = read_tables(lines, _is_header, 3)
    assert [r.cells for r in items] == [
        ("Hemtjänst", "Bistånd i form av service i den enskildes bostad.", "Socialstyrelsen (2008)")
    ]


def test_a_line_crossing_the_columns_ends_the_table():
    lines = [
        *_header(1),
        _line(1, 50, 80, "Hemtjänst"),
        _line(1, 50, 120, "Insatser riktade till anhöriga", x1=330),
    ]
    items, _ = read_tables(lines, _is_header, 3)
    assert [getattr(i, "cells", None) or i.text for i in items] == [
        ("Hemtjänst", "", ""),
        "Insatser riktade till anhöriga",
    ]


# --- list documents through pdf_to_text and the text parsers ----------------------------


def _parser(module: str):
    """The text parser of a list importer (written alongside; skip until it exists)."""
    try:
        return importlib.import_module(f"generator.importers.{module}").parse_text
    except ImportError:
        pytest.skip(f"generator.importers.{module} is not there yet")


FILLER = (
    "Stöd och rådgivning i syfte att genom samtal reda ut problem och bearbeta "
    "svårigheter och konflikter i par- och familjerelationer. "
)
ALINGSAS = [  # (group, [(nummer, namn, {label: [paragraphs]})])
    (
        "3.1 Rådgivning",
        [
            (
                "3.1.1",
                "Familjerådgivning",
                {
                    "Innehåll": [
                        "Stöd och rådgivning till de som upplever samlevnadsproblem och "
                        "konflikter i sina familjerelationer.",
                        "Stöd ges även under en separationsprocess.",
                    ],
                    "Metod": ["-"],
                    "Målgrupp": [
                        "Vuxna personer med samlevnadsproblem och konflikter i familjerelationer."
                    ],
                    "Villkor": [
                        "Samarbetssamtal inleds efter föräldrarnas gemensamma begäran.",
                        "Barnet ska vara folkbokfört i Alingsås kommun.",
                    ],
                    "Dokumentation": [
                        "Undantag enligt 14 kap. 4 § socialtjänstlagen för dokumentation "
                        "av personliga förhållanden.",
                        "Familjerådgivarna har tystnadsplikt.",
                    ],
                    "Uppföljning": ["Besöksstatistik för verksamhetsuppföljning."],
                },
            ),
            (
                "3.1.2",
                "Budget- och skuldrådgivning",
                {
                    "Innehåll": [
                        FILLER * 9 + "Stöd ges även under en skuldsaneringsprocess.",
                        "Insatsen kan ges individuellt eller i grupp.",
                    ],
                    "Metod": ["-"],
                    "Målgrupp": [
                        "Vuxna personer som behöver rådgivning – eller har problem med skulder."
                    ],
                    "Villkor": ["Folkbokförd i Alingsås kommun."],
                    "Dokumentation": ["Undantag enligt 14 kap. 4 § socialtjänstlagen."],
                    "Uppföljning": ["Besöksstatistik för verksamhetsuppföljning."],
                },
            ),
        ],
    ),
    (
        "3.2 Öppna verksamheter",
        [
            (
                "3.2.1",
                "Träffpunkt för äldre",
                {
                    "Innehåll": [
                        "Öppen verksamhet för social samvaro med aktiviteter varje vecka."
                    ],
                    "Metod": ["Samtal i grupp enligt verksamhetens egen plan."],
                    "Målgrupp": ["Personer över 65 år."],
                    "Villkor": ["Ingen."],
                    "Dokumentation": ["Ingen dokumentation om enskilda."],
                    "Uppföljning": ["Antal besökare per år."],
                },
            ),
        ],
    ),
]


@pytest.fixture
def iub_list_like_alingsas(tmp_path: Path) -> Path:
    doc = _Doc(title="Riktlinjer för insatser utan individuell behovsprövning")
    doc.para("1. Inledning", size=13, bold=True, after=1)
    doc.para("Socialtjänstlagen anger krav på socialtjänsten att arbeta förebyggande.")
    doc.para("3. Förteckning av IUB", size=13, bold=True, after=1)
    doc.para(
        "Förteckningen listar de insatser som socialnämnden erbjuder utan individuell "
        "behovsprövning (IUB)."
    )
    for group, insatser in ALINGSAS:
        nummer, namn = group.split(" ", 1)
        doc.para(f"{nummer}. {namn}", size=12, bold=True, after=1)
        doc.para(f"{namn} syftar till att ge råd och upplysningar till enskilda.")
        for nr, insats, fields in insatser:
            doc.para(f"{nr} {insats}", size=11, bold=True, after=1)
            for label, paragraphs in fields.items():
                doc.para(label, bold=True, after=0.5)
                for paragraph in paragraphs:
                    doc.para(paragraph)
    path = tmp_path / "alingsas.pdf"
    doc.output(str(path))
    return path


def test_alingsas_text_has_paragraphs_and_no_page_furniture(iub_list_like_alingsas):
    text = pdf_to_text(iub_list_like_alingsas)
    lines = text.splitlines()
    assert "Riktlinjer för insatser utan individuell behovsprövning" not in text
    assert "3.1.1 Familjerådgivning  " in lines  # a heading ends its paragraph (style change)
    villkor = lines.index("Villkor  ")
    assert lines[villkor + 1 : villkor + 4] == [  # two conditions: two paragraphs
        "Samarbetssamtal inleds efter föräldrarnas gemensamma begäran.  ",
        "",
        "Barnet ska vara folkbokfört i Alingsås kommun.  ",
    ]
    long = next(i for i, ln in enumerate(lines) if ln.startswith("Stöd och rådgivning i syfte"))
    assert lines[long].endswith(" ") and not lines[long].endswith("  ")  # wrapped, not a break


def test_alingsas_list_parses_to_the_laid_out_records(iub_list_like_alingsas):
    parse_text = _parser("iub_guidelines")
    from generator.text import slugify

    parsed = parse_text(pdf_to_text(iub_list_like_alingsas))
    got = [
        (
            g.namn,
            [
                (
                    i.nummer,
                    i.namn,
                    i.innehall,
                    [m.beskrivning for m in i.metod],
                    i.malgrupp,
                    i.villkor,
                    i.dokumentation,
                    i.uppfoljning,
                    i.id,
                )
                for i in g.insatser
            ],
        )
        for g in parsed.grupper
    ]
    expected = []
    for group, insatser in ALINGSAS:
        rows = []
        for nr, namn, f in insatser:
            metod = [] if f["Metod"] == ["-"] else f["Metod"]
            rows.append(
                (
                    nr,
                    namn,
                    "\n\n".join(p.strip() for p in f["Innehåll"]),
                    metod,
                    f["Målgrupp"][0],
                    tuple(f["Villkor"]),
                    "\n\n".join(f["Dokumentation"]),
                    f["Uppföljning"][0],
                    slugify(namn),
                )
            )
        expected.append((group, rows))
    assert got == expected
    assert any(i.nummer == "3.1.2" for g in parsed.grupper for i in g.insatser)


STOCKHOLM = [  # (group, [(namn, innehåll, målgrupp)])
    (
        "Del 1",
        [
            (
                "Alla barn i centrum (ABC)",
                "Föräldrakurs som syftar till att stärka relationen mellan barn och föräldrar "
                "genom "
                "insikter och konkreta tips som underlättar i vardagen. Kursen består av fyra "
                "gruppträffar à 2,5 timmar per tillfälle.",
                "Vänder sig till föräldrar med barn i åldern 0–18 år.",
            ),
            (
                "Vägledande och rådgivande anhörigsamtal",
                "Vägledande samtal om anhörigas och närståendes rättigheter till insatser.",
                "Anhöriga till personer som är äldre.",
            ),
        ],
    ),
    (
        "Del 2",
        [
            (
                "Stödsamtal till anhöriga",
                "Enskilda stödsamtal till anhöriga för möjlighet att prata om vad som är viktigt i "
                "rollen som anhörig. " * 40 + "Antal samtal kan variera utifrån behov.",
                "Anhöriga som behöver stöd.",
            ),
        ],
    ),
]


@pytest.fixture
def open_insatser_list_like_stockholm(tmp_path: Path) -> Path:
    doc = _Doc(
        title="Insatser som Stockholms stads socialtjänst ger utan individuell behovsprövning"
    )
    doc.para("Inledning", size=13, bold=True)
    doc.para(
        "Denna bilaga beskriver de så kallade öppna insatserna inom Stockholms stads socialtjänst."
    )
    for group, insatser in STOCKHOLM:
        doc.para(group, size=13, bold=True)
        for namn, innehall, malgrupp in insatser:
            doc.para(namn, size=11, bold=True)
            for label, text in (("Innehåll", innehall), ("Målgrupp", malgrupp)):
                doc.set_font("dv", "B", 10)
                doc.write(5, f"{label}: ")
                doc.set_font("dv", "", 10)
                doc.write(5, text)
                doc.ln(5)
                doc.ln(3)
    path = tmp_path / "stockholm.pdf"
    doc.output(str(path))
    return path


def test_stockholm_list_parses_to_the_laid_out_records(open_insatser_list_like_stockholm):
    parse_text = _parser("open_insatser")
    text = pdf_to_text(open_insatser_list_like_stockholm)
    assert "Innehåll: Föräldrakurs som syftar" in text  # bold label and text on one line
    parsed = parse_text(text)
    got = [(g.namn, [(i.namn, i.innehall, i.malgrupp) for i in g.insatser]) for g in parsed.grupper]
    assert got == [(group, [tuple(x) for x in insatser]) for group, insatser in STOCKHOLM]
    assert parsed.inledning.startswith("Denna bilaga beskriver")
    assert {ln.page for ln in read_lines(open_insatser_list_like_stockholm)} == {1, 2}


@pytest.fixture
def results_table_with_unreadable_figure(tmp_path: Path) -> Path:
    doc = _Doc()
    doc.para("3 Verksamhetsområde funktionshinder", size=14, bold=True)
    doc.para("3.1 Boende", size=12, bold=True)
    doc.table(
        [
            HEADER_5,
            ("Gruppbostad", "12 st", "-", "1 (1%)", "-"),
            ("Servicebostad", "150 (62%)", "-", "30 (20%)", "-"),
        ],
        (50, 32, 32, 32, 34),
        body_align="BOTTOM",
    )
    path = tmp_path / "trasig.pdf"
    doc.output(str(path))
    return path


def test_a_figure_that_is_not_n_p_is_reported_never_guessed(results_table_with_unreadable_figure):
    doc = tables_from_pdf(results_table_with_unreadable_figure)
    assert [r.namn for r in doc.rows] == ["Servicebostad"]
    assert len(doc.problems) == 1
    assert doc.problems[0].place == "sida 1"
    assert "Gruppbostad" in doc.problems[0].message and "12 st" in doc.problems[0].message


# --- the same document through the text path and the PDF path ---------------------------
#
# The .txt sources are a PDF-to-text extraction: one cell after the other, a blank line
# between cells, every printed line ending in a space except a split word's hyphen. The
# same tables written in that shape – wrapped at other places than fpdf2 wraps them, with
# words split at line ends – must give the records the PDF gives.


def _wrapped(text: str, width: int, split_words: bool = True) -> list[str]:
    """Lines as the extraction prints them; a long lowercase word at a line start is
    split with a hyphen at the end of the line before ("kafé-" + "verksamhet") – the
    tables' names are never hyphenated so (a hyphen there belongs to the name)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += word + " "
        elif split_words and lines and len(word) >= 10 and word.isalpha() and word.islower():
            lines[-1] += word[:4] + "-"
            lines.append(word[4:] + " ")
        else:
            lines.append(word + " ")
    return lines


def _cell(text: str, width: int) -> str:
    return "\n".join(_wrapped(text, width)) + "\n\n"


def _explanations_as_text() -> str:
    out = [
        " Kartläggning av insatser i socialtjänst \n\n",
        "1 Bakgrund till listan över \ninsatser \n\n",
        _cell(
            "Denna bilaga ger förklaringar till de insatser som identifierats kopplat till "
            "enkäten.",
            60,
        ),
        " 2 Verksamhetsområde äldre \n\n",
        _cell(
            "Notera att stöd som ges specifikt till personer med funktionsnedsättning listas "
            "under dessa verksamhetsområden. Vid behov, samordna därför gärna era svar.",
            60,
        ),
        "2.1 Boendeformer / insatser i boendet \n\n",
        "Hemtjänst och hemtjänstinsatser \n\n",
    ]
    for kategori, rows in (("2.1", EXPLANATIONS_21), ("2.2", EXPLANATIONS_22)):
        if kategori == "2.2":
            out.append("2.2 Insatser riktade till äldre \n\n")
        out.append("Insats Förklaring Källa \n\n")
        for namn, forklaring, kallor in rows:
            if not forklaring and not kallor:
                out.append(_cell(namn, 22).rstrip("\n").rstrip() + "   \n\n")  # empty cells
                continue
            out += [_cell(namn, 22), _cell(forklaring, 28), _cell("; ".join(kallor), 26)]
    return "".join(out)


def _results_as_text() -> str:
    out = [
        " Kartläggning av insatser i socialtjänst \n\n",
        "1 Om resultattabellerna \n\n",
        _cell("Denna bilaga innehåller tabeller som listar de insatser som identifierats.", 60),
        "2 Verksamhetsområde äldre \n\n",
        "2.1 Boendeformer / insatser i boendet \n\n",
        "Hemtjänst och hemtjänstinsatser \n\n",
        " ".join(HEADER_5) + " \n\n",
    ]
    for namn, figures in RESULTS:
        lines = _wrapped(namn, 26, split_words=False)
        lines[-1] += " ".join(figures) + " "
        out.append("\n\n".join(lines) + "\n\n")
    out.append("1 Detta antal inkluderar både de kommuner som svarat att de genomför insatsen. \n")
    return "".join(out)


def _structure(doc):
    return [(h.omrade, h.omrade_namn, h.kategori, h.kategori_namn, h.rubrik) for h in doc.headings]


def _without_line(rows):
    return [r.__class__(**{**r.__dict__, "line": 0}) for r in rows]


def test_explanations_text_and_pdf_give_the_same_records(explanations_table_across_page_break):
    from generator.importers.survey_explanations import _norm, parse_text

    text = _explanations_as_text()
    assert len(re.findall(r"[a-zåäö]-\n[a-zåäö]", text)) >= 3  # split words are exercised
    names = {2: {_norm(n) for n, _, _ in EXPLANATIONS_21 + EXPLANATIONS_22}}
    from_text = parse_text(text, names)
    from_pdf = explanations_from_pdf(explanations_table_across_page_break)
    assert _without_line(from_text.rows) == _without_line(from_pdf.rows)
    assert _structure(from_text) == _structure(from_pdf)
    assert from_text.problems == from_pdf.problems == ()


def test_results_text_and_pdf_give_the_same_records(results_table_across_page_break):
    from generator.importers.survey_tables import parse_text

    from_text = parse_text(_results_as_text())
    from_pdf = tables_from_pdf(results_table_across_page_break)
    assert _without_line(from_text.rows) == _without_line(from_pdf.rows)
    assert _structure(from_text) == _structure(from_pdf)


def test_a_table_with_other_columns_is_reported_not_read_into_the_wrong_fields():
    """A results table with a sixth column: every row is a problem, none a TableRow with
    figures in the wrong measures (it used to crash: `line` given twice)."""
    from generator.importers.pdf.survey import tables_from_pdf as from_lines

    header = ["Insats", "Ges", "Digitalt", "Enskild", "Utan", "Extra"]
    lines = [
        _line(1, 50, 20, "2 Verksamhetsområde äldre", x1=300),
        _line(1, 50, 40, "2.1 Boende", x1=200),
    ]
    lines += [_line(1, 50 + 100 * i, 70, t, x1=90 + 100 * i) for i, t in enumerate(header)]
    row = ["Hemtjänst", "1 (1%)", "-", "-", "-", "2 (1%)"]
    lines += [_line(1, 50 + 100 * i, 100, t, x1=90 + 100 * i) for i, t in enumerate(row)]
    doc = from_lines(lines, survey_tables.NAME_RULES, "tabeller")
    assert doc.rows == ()
    assert [str(p) for p in doc.problems] == [
        "tabeller: sida 1: tabellhuvud med 6 kolumner i stället för 5: "
        "('Insats', 'Ges', 'Digitalt', 'Enskild', 'Utan', 'Extra')",
        "tabeller: sida 1: raden «Hemtjänst» har 6 kolumner i stället för 5 – importeras inte",
    ]
