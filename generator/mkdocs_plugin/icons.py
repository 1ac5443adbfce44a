"""Icon shortcodes for pymdownx.emoji: Material for MkDocs' bundled icons only.

Material's own index (material.extensions.emoji.twemoji) also holds the Twemoji emoji,
whose images pymdownx would link from a CDN; the site loads nothing from other sites, so
only the icons shipped inside the theme (inlined as SVG) are offered (`:material-home:`).
Generated text escapes anything shaped like a shortcode (site/escape.py), so only the
generator's own templates can place an icon.
"""

from __future__ import annotations

import functools
from typing import Any

from material.extensions.emoji import twemoji


@functools.cache
def _icons(paths: tuple[str, ...]) -> dict[str, Any]:
    index = twemoji({"custom_icons": list(paths)}, None)
    icons = {name: entry for name, entry in index["emoji"].items() if "path" in entry}
    # The index's name is the class of the icon's <span>: Material styles `.twemoji`.
    return {"name": "twemoji", "emoji": icons, "aliases": {}}


def bundled_icons(options: dict[str, Any], md: Any) -> dict[str, Any]:
    """pymdownx.emoji `emoji_index`: the theme's icons, no emoji images."""
    return _icons(tuple(options.get("custom_icons", [])))
