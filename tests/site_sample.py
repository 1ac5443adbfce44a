"""A small hand-made Content for the site tests: two områden, a handful of insatser (one
of them full of markup that must show literally), two IUB lists and a skolgång list."""

from __future__ import annotations

import pytest

from generator.model.records import (
    Alder,
    Category,
    Content,
    Exclusion,
    ExplainerSection,
    Figure,
    Insats,
    IubExplainer,
    LegalRef,
    LocalGroup,
    LocalInsats,
    LocalList,
    Membership,
    Method,
    Omrade,
    Statistics,
    Work,
)

EVIL = "<script>alert(1)</script> [länk](javascript:x) {{ 7*7 }} {% if %} {: onclick=alert(1) }"


def fig(antal: int | None, andel: int | None = None) -> Figure | None:
    return None if antal is None else Figure(antal, andel if andel is not None else 0)


def stat(*four: tuple[int, int] | None, namn: str = "") -> Statistics:
    f = [None if x is None else Figure(*x) for x in four]
    return Statistics(f[0], f[1], f[2], f[3], namn_i_tabell=namn)


def mem(
    omrade: str,
    kategori: str,
    ordning: int,
    namn: str,
    statistik: Statistics | None,
    forklaring: str | None = None,
    kallor: tuple[str, ...] = (),
    rubrik: str | None = None,
    alder: Alder | None = None,
) -> Membership:
    return Membership(
        omrade, kategori, rubrik, ordning, namn, forklaring, kallor, statistik, alder=alder
    )


def make_sample_content() -> Content:
    works = (
        Work(
            "socialstyrelsen-2018",
            "Socialstyrelsen (2018). Kontaktperson. https://www.socialstyrelsen.se/kp",
            "Socialstyrelsen",
            "2018",
            "Kontaktperson",
            url="https://www.socialstyrelsen.se/kp",
        ),
        Work(
            "farlig-kalla",
            "Okänd <b>källa</b> [x](javascript:alert(1)) " + EVIL,
            "Okänd <b>",
            None,
            None,
            webbplats="<i>x</i>.se",
        ),
        Work(
            "alingsas-riktlinjer",
            "Alingsås kommun. Riktlinjer för insatser utan individuell behovsprövning",
            "Alingsås kommun",
            "2025",
            "Riktlinjer för insatser utan individuell behovsprövning",
            fil="sources/alingsas-riktlinjer-iub.txt",
        ),
        Work(
            "stockholm-skolgang",
            "Stockholms stad. Förteckning över insatser",
            "Stockholms stad",
            None,
            "Förteckning över insatser",
        ),
        Work(
            "stockholm-iub",
            "Stockholms stad. Öppna insatser",
            "Stockholms stad",
            None,
            "Öppna insatser",
        ),
        Work("evidens-1", "Evidensrapport 2020", "SBU", "2020", "Evidensrapport"),
    )
    omraden = (
        Omrade(
            "aldre",
            2,
            "Äldre",
            "Området omfattar insatser för äldre.\n\n• punkt ett\n• punkt två",
            (
                Category("2.1", "Stöd i hemmet", ("Särskilda former",)),
                Category("2.2", "Boende", ()),
            ),
        ),
        Omrade("barn-och-unga", 3, "Barn och unga", None, (Category("3.1", "Öppenvård", ()),)),
    )
    # Figures fit the survey: at most 245 responding kommuner, each share the count of them
    # (validate refuses anything else).
    insatser = (
        Insats(
            "kontaktperson",
            "Kontaktperson",
            None,
            ("Kontakt-person",),
            (
                mem(
                    "aldre",
                    "2.1",
                    1,
                    "Kontaktperson",
                    stat((169, 70), (3, 1), None, (20, 8)),
                    "En person som ger stöd.",
                    ("socialstyrelsen-2018",),
                ),
                mem(
                    "barn-och-unga",
                    "3.1",
                    2,
                    "Kontaktperson",
                    stat((210, 87), None, (12, 5), (40, 17)),
                    "En vuxen förebild.",
                    ("socialstyrelsen-2018", "farlig-kalla"),
                ),
            ),
        ),
        Insats(
            "hemtjanst",
            "Hemtjänst",
            None,
            (),
            (
                mem(
                    "aldre",
                    "2.1",
                    2,
                    "Hemtjänst",
                    stat((245, 100), (45, 19), (150, 62), None),
                    "Hjälp i hemmet.",
                    (),
                ),
            ),
        ),
        Insats(
            "trygghetslarm",
            "Trygghetslarm",
            None,
            (),
            (
                mem(
                    "aldre",
                    "2.1",
                    3,
                    "Trygghetslarm",
                    stat((235, 97), (100, 41), (30, 12), (200, 82)),
                    rubrik="Särskilda former",
                ),
            ),
        ),
        Insats(
            "sarskilt-boende",
            "Särskilt boende",
            "SÄBO",
            (),
            (mem("aldre", "2.2", 4, "Särskilt boende", None, "Boende med omsorg.", ()),),
        ),
        Insats(
            "aggression-replacement-training",
            "Aggression Replacement Training",
            "ART",
            ("ART-programmet",),
            (
                mem(
                    "barn-och-unga",
                    "3.1",
                    1,
                    "Aggression Replacement Training (ART)",
                    stat((101, 42), (0, 0), (5, 2), (7, 3)),
                    "Program för social färdighet.",
                    ("evidens-1",),
                ),
            ),
        ),
        Insats(
            "evil",
            EVIL,
            "<b>EV</b>",
            ("[alias](javascript:x)",),
            (
                mem(
                    "barn-och-unga",
                    "3.1",
                    3,
                    EVIL,
                    stat((1, 0), None, None, None, namn=EVIL),
                    EVIL + "\n\n# rubrik\n\n1. lista\n\n• " + EVIL,
                    ("farlig-kalla",),
                    alder=Alder(fran=3, till=5, kalla_text=EVIL),
                ),
            ),
        ),
    )
    alingsas = LocalList(
        "alingsas",
        "iub",
        "Alingsås",
        "Riktlinjer för insatser utan individuell behovsprövning",
        "alingsas-riktlinjer",
        "Alingsås riktlinjer.",
        (
            LocalGroup(
                "3-1",
                "3.1 Rådgivning",
                None,
                (
                    LocalInsats(
                        "alingsas-kontaktperson",
                        "3.1.1",
                        "Kontaktperson utan beslut",
                        "Stöd av en kontaktperson.",
                        "Upp till sex månader",
                        (Method("Samtal", "Stödsamtal", "Vuxna", "En gång i veckan"),),
                        "Personer över 18 år",
                        ("Bor i Alingsås", "Över 18 år"),
                        "Anteckning utan namn",
                        "Efter tre månader",
                        ("kontaktperson",),
                    ),
                    LocalInsats(
                        "alingsas-evil",
                        "3.1.2",
                        EVIL,
                        EVIL,
                        None,
                        (),
                        EVIL,
                        (EVIL,),
                        None,
                        None,
                        ("evil",),
                    ),
                ),
            ),
        ),
    )
    stockholm_iub = LocalList(
        "stockholm",
        "iub",
        "Stockholm",
        "Öppna insatser utan individuell behovsprövning",
        "stockholm-iub",
        None,
        (
            LocalGroup(
                "del-1",
                "Del 1",
                "Stadsdelsnämnderna",
                (
                    LocalInsats(
                        "stockholm-kontaktperson",
                        None,
                        "Kontaktperson",
                        "Stöd.",
                        None,
                        (),
                        "Unga",
                        (),
                        None,
                        None,
                        ("kontaktperson",),
                    ),
                    LocalInsats(
                        "stockholm-oppen",
                        None,
                        "Öppen mötesplats",
                        "Mötesplats.",
                        None,
                        (),
                        "Alla",
                        (),
                        None,
                        None,
                        (),
                    ),
                ),
            ),
        ),
    )
    skolgang = LocalList(
        "stockholm-skolgang",
        "skolgang",
        "Stockholm",
        "Insatser som kan stabilisera skolgång",
        "stockholm-skolgang",
        None,
        (
            LocalGroup(
                "socialtjanst",
                "Socialtjänstens öppenvård",
                None,
                (
                    LocalInsats(
                        "skolgang-art",
                        None,
                        "ART",
                        "Träning i sociala färdigheter.",
                        None,
                        (),
                        "Barn 7–18 år",
                        (),
                        None,
                        None,
                        ("aggression-replacement-training",),
                        kallor=("evidens-1",),
                        noter=("Evidens: måttlig.",),
                        alder=Alder(fran=7, till=18, kalla_text="Barn 7–18 år"),
                    ),
                ),
            ),
        ),
    )
    ref = LegalRef("11 kap. 5 §", "alingsas-riktlinjer")
    iub = IubExplainer(
        "Insatser utan individuell behovsprövning (IUB) ges utan ansökan.",
        (
            ExplainerSection(
                "Rätten att ansöka",
                "Du har alltid rätt att ansöka.",
                (LegalRef("11 kap. 1 §", "alingsas-riktlinjer"),),
            ),
            ExplainerSection(
                "Insatser som aldrig får ges utan behovsprövning",
                "Vissa insatser undantas.",
                (ref,),
            ),
        ),
        (
            Exclusion("Särskilda boendeformer för äldre", ("sarskilt-boende",)),
            Exclusion("Kontaktperson för barn", ("kontaktperson",)),
        ),
        ref,
    )
    return Content(insatser, omraden, works, (alingsas, stockholm_iub, skolgang), iub)


@pytest.fixture(scope="session")
def sample_content() -> Content:
    return make_sample_content()
