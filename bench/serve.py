"""Serve a built site on localhost with gzip, as a web host would (for Lighthouse)."""

from __future__ import annotations

import functools
import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _GzipHandler(BaseHTTPRequestHandler):
    def __init__(self, *args, site: Path, cache: dict[Path, bytes], **kwargs) -> None:
        self.site, self.cache = site, cache
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path).lstrip("/")
        target = (self.site / path).resolve()
        if not target.is_relative_to(self.site):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def do_GET(self) -> None:
        target = self._file()
        if target is None:
            self.send_error(404)
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        gz = "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSED)
        if gz:
            if target not in self.cache:
                self.cache[target] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self.cache[target]
        self.send_response(200)
        self.send_header(
            "Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else "")
        )
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if gz:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_gzip(site: Path) -> Iterator[str]:
    """The site at http://127.0.0.1:PORT, gzip-compressed text; the base URL while open."""
    handler = functools.partial(_GzipHandler, site=site.resolve(), cache={})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
