"""`mkdocs serve` with broken content: the problems at the top of every served page.

The pages stay the last good ones (the plugin writes nothing while content is broken), so
the problems cannot be part of them; the preview server adds them to each HTML page it
sends, as it adds its live-reload script. Nothing of this reaches `mkdocs build`.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

MAX_SHOWN = 30
_BODY = re.compile(rb"<body[^>]*>")
_STYLE = (
    "position:sticky;top:0;z-index:1000;margin:0;padding:.8em 1.2em;"
    "background:#fff3cd;color:#3d2c00;border-bottom:3px solid #b00020;"
    "font:14px/1.4 system-ui,sans-serif;white-space:normal"
)


def banner(problems: list[str]) -> bytes:
    """The notice for the top of a page: how many problems, the first MAX_SHOWN of them."""
    items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems[:MAX_SHOWN])
    more = (
        f"<p>… och {len(problems) - MAX_SHOWN} till (se terminalen).</p>"
        if len(problems) > MAX_SHOWN
        else ""
    )
    text = (
        f'<div role="alert" id="ih-innehallsproblem" style="{_STYLE}">'
        f"<p><strong>{len(problems)} problem i content/</strong> – sidorna visar det "
        f"senaste fungerande innehållet tills filen är rättad:</p><ul>{items}</ul>{more}"
        "</div>"
    )
    return text.encode("utf-8")


def with_banner(page: bytes, problems: list[str]) -> bytes:
    """The page with the notice right after <body>, or unchanged when all is well."""
    if not problems:
        return page
    m = _BODY.search(page)
    at = m.end() if m else 0
    return page[:at] + banner(problems) + page[at:]


def show_on_pages(server: Any, problems: Callable[[], list[str]]) -> None:
    """Make the live-reload server add the notice to every HTML page it serves. It has no
    public hook for that; where its private one is missing, the terminal still says it."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        log.debug("mkdocs serve has no _inject_js_into_html: problems shown in the terminal only")
        return

    def inject_with_problems(content: bytes, epoch: int) -> bytes:
        return inject(with_banner(content, problems()), epoch)

    server._inject_js_into_html = inject_with_problems
