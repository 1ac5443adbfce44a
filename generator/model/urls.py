"""Is a source's URL a plausible public web address? One Swedish (message, hint) per
reason it is not (issue 10): scheme, length, whitespace, a user name before "@" (the link
leads to the host after it), IP addresses (local and reserved ones above all), names with
no top-level domain, and look-alike international host names.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

from generator.model.fields import MAX_URL  # far above any real address, below browsers'

_SAFE_LETTERS = set("abcdefghijklmnopqrstuvwxyz0123456789-åäöéü")  # Swedish .se names
_LOCAL_SUFFIXES = (
    ".localhost",
    ".local",
    ".internal",
    ".lan",
    ".home.arpa",
    ".test",
    ".example",
    ".invalid",
    ".onion",
)
_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+))*\.?$")

Reason = tuple[str, str]


def url_problem(url: str) -> Reason | None:
    """(message, hint) when `url` is no plausible public http(s) address, else None."""
    if len(url) > MAX_URL:
        return (
            f"webbadressen är för lång ({len(url)} tecken)",
            f"högst {MAX_URL} tecken; länka till sidan utan långa sökparametrar",
        )
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        parts.port  # noqa: B018 – raises ValueError on a port that is no number
    except ValueError:
        return "ogiltig webbadress", _FULL
    scheme = parts.scheme.lower()
    if scheme in ("javascript", "data", "vbscript", "file"):
        return (
            "ogiltig webbadress",
            f"bara http:// eller https:// – {scheme}:-adresser kan köra "
            "kod eller dölja innehåll och tillåts inte",
        )
    if scheme not in ("http", "https") or not parts.netloc or re.search(r"\s", url) or not host:
        return "ogiltig webbadress", _FULL
    if "@" in parts.netloc:
        return (
            "webbadressen har ett användarnamn före @",
            f"adressen leder till {host}, inte till det som står före @; skriv bara "
            "webbplatsens adress",
        )
    return _host_problem(host)


_FULL = "ska vara en fullständig adress som börjar med https:// eller http://"


def _host_problem(host: str) -> Reason | None:
    host = host.rstrip(".")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = None
    if ip is not None or _NUMERIC_HOST.match(host):
        local = ip is not None and not ip.is_global
        return (
            f"webbadressen pekar på {'en lokal eller reserverad' if local else 'en'} "
            f"IP-adress ({host})",
            "länka till webbplatsens namn, t.ex. https://www.socialstyrelsen.se/: en "
            "IP-adress säger inte läsaren vart länken går"
            + (", och en lokal når inte allmänheten" if local else ""),
        )
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES) or "." not in host:
        return (
            f"värdnamnet {host} är inte en offentlig webbplats",
            "skriv webbplatsens fullständiga namn med toppdomän, t.ex. www.kommun.se",
        )
    for label in host.split("."):
        name = _unicode_label(label)
        if name is None:
            return (
                f"värdnamnet {host} har en ogiltig punycode-del ({label})",
                "skriv adressen som webbplatsen själv anger den",
            )
        odd = [c for c in name if c not in _SAFE_LETTERS]
        if odd:
            char = odd[0]
            what = unicodedata.name(char, f"U+{ord(char):04X}")
            return (
                f'värdnamnet {host} innehåller tecknet "{char}" ({what}), som kan '
                "förväxlas med en annan bokstav",
                "internationella namn tillåts bara med a–z, 0–9, bindestreck och å, ä, ö, "
                "é, ü; kontrollera adressen hos webbplatsen själv",
            )
    return None


def _unicode_label(label: str) -> str | None:
    """A host label as readers see it: punycode (xn--) decoded, lower case."""
    label = label.lower()
    if not label.startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return None
