"""One joiner for every importer: the cases each importer's docstring promised, in one table.

Each case is lines as printed (a trailing space is part of the line, as the extracted .txt
sources and the PDF reader both give it), the rules of the document kind, and the text a
reader would write down.
"""

from __future__ import annotations

import pytest

from generator.importers.lines import Line, join, join_texts, paragraphs, text_lines
from generator.importers.survey_explanations import RULES as EXPLANATIONS
from generator.importers.survey_tables import NAME_RULES as TABLE_NAMES

PROSE = None  # join()'s default rules

CASES = [
    # (printed lines, rules, joined)
    # a soft hyphen between two lowercase letters: a word split at the line end
    (["kommu-", "ner"], PROSE, "kommuner"),
    (["erbjudande om upp-", "följning"], EXPLANATIONS, "erbjudande om uppföljning"),
    (["funk-", "tionsnedsättning"], PROSE, "funktionsnedsättning"),
    # a capital on either side: the hyphen belongs to the word
    (["fixartjänst, fixar-", "Malte"], PROSE, "fixartjänst, fixar-Malte"),
    (["RSS-", "nätverken"], PROSE, "RSS-nätverken"),
    (["I COPE-", "programmet"], EXPLANATIONS, "I COPE-programmet"),
    # printed with a space after the dash: a suspended compound, the dash stands alone
    (["vård- ", "och omsorg"], PROSE, "vård- och omsorg"),
    (["Bekymringssamtal – ", "orossamtal"], EXPLANATIONS, "Bekymringssamtal – orossamtal"),
    # … also when the space was not printed (PDF lines often drop it)
    (["stöd-", "och hjälpåtgärder"], PROSE, "stöd- och hjälpåtgärder"),
    (["hemtjänst-", "och/eller hemsjukvård"], PROSE, "hemtjänst- och/eller hemsjukvård"),
    (["stöd-", "Och"], PROSE, "stöd- Och"),  # conjunctions are matched case-folded
    (["Bekymringssamtal –", "orossamtal"], PROSE, "Bekymringssamtal – orossamtal"),
    # a dash after a space, a digit or a bracket goes on with the next word
    (["Familjehelger och -", "läger"], TABLE_NAMES, "Familjehelger och -läger"),
    (["Familjehelger och -", "läger"], PROSE, "Familjehelger och -läger"),
    (["barn i åldern 7-", "18 år"], PROSE, "barn i åldern 7-18 år"),
    (["grupper om 25–", "30 föräldrar"], EXPLANATIONS, "grupper om 25–30 föräldrar"),
    (["cognitive therapy (NECT)-", "manualen"], PROSE, "cognitive therapy (NECT)-manualen"),
    # an en dash glued to a word is never a soft hyphen
    (["åldern 14–", "ungdomar"], PROSE, "åldern 14–ungdomar"),
    # a URL broken after a dash stays one URL
    (
        ["https://www.humana.se/individ-och-familj/vara-egna-", "metoder"],
        PROSE,
        "https://www.humana.se/individ-och-familj/vara-egna-metoder",
    ),
    # the survey's own words whose hyphen belongs between lowercase letters
    (
        ["har en kognitiv-", "beteendeterapeutisk grund"],
        EXPLANATIONS,
        "har en kognitiv-beteendeterapeutisk grund",
    ),
    (
        ["har en kognitiv-", "beteendeterapeutisk grund"],
        PROSE,
        "har en kognitivbeteendeterapeutisk grund",
    ),
    (
        ["Tolvstegsbehandling, twelve-", "step facilitation"],
        EXPLANATIONS,
        "Tolvstegsbehandling, twelve-step facilitation",
    ),
    (["enligt Utväg-", "manualen."], EXPLANATIONS, "enligt Utväg-manualen."),
    # a word the survey broke without a hyphen, repaired after joining
    (["funktionsnedsattning.stock ", "holm"], EXPLANATIONS, "funktionsnedsattning.stockholm"),
    # names are kept as printed: a line-end hyphen always stays, conjunctions still part
    (["från social-", "sekreteraren"], TABLE_NAMES, "från social-sekreteraren"),
    (["vård-", "och omsorg"], TABLE_NAMES, "vård- och omsorg"),
    # any other line break is a space; blank lines and surrounding spaces are dropped
    (["Stöd till ", "anhöriga "], PROSE, "Stöd till anhöriga"),
    (["  Stöd till", "", "   anhöriga  "], PROSE, "Stöd till anhöriga"),
    ([], PROSE, ""),
    # the explanations' own lines (seed 000)
    (["från RSS-", "nätverken för"], EXPLANATIONS, "från RSS-nätverken för"),
    (["hur stor andel av de kommu-", "ner som"], EXPLANATIONS, "hur stor andel av de kommuner som"),
    (
        ["med stöd av vård- ", "och omsorgspersonal"],
        EXPLANATIONS,
        "med stöd av vård- och omsorgspersonal",
    ),
    (["består av 25–", "30 föräldrar"], EXPLANATIONS, "består av 25–30 föräldrar"),
    (["Bekymringssamtal – ", "orossamtal,"], EXPLANATIONS, "Bekymringssamtal – orossamtal,"),
    # a bullet starts a new line where the document kind has bullet lists
    (
        ["exempel: ", "• Byta glödlampor ", "• Sätta upp tavelkrokar "],
        EXPLANATIONS,
        "exempel:\n• Byta glödlampor\n• Sätta upp tavelkrokar",
    ),
    (["exempel: ", "• Byta glödlampor "], PROSE, "exempel: • Byta glödlampor"),
]


@pytest.mark.parametrize(
    ("printed", "rules", "joined"), CASES, ids=[" + ".join(c[0])[:40] or "empty" for c in CASES]
)
def test_join(printed: list[str], rules, joined: str) -> None:
    got = join_texts(printed) if rules is None else join_texts(printed, rules)
    assert got == joined


def test_a_line_keeps_its_place_and_its_trailing_space() -> None:
    lines = text_lines("Rubrik\n\nförsta rad \nandra rad  \n   \nnästa stycke\n")
    assert lines[2] == Line("första rad", "första rad ", 3)
    assert lines[2].open_end and not Line.of("kommu-", 1).open_end
    assert [[ln.number for ln in p] for p in paragraphs(lines)] == [[1], [3, 4], [6]]
    assert [join(p) for p in paragraphs(lines)] == [
        "Rubrik",
        "första rad andra rad",
        "nästa stycke",
    ]
