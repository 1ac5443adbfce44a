"""`make serve` (mkdocs serve --dirty) with broken content: it keeps serving the last good
pages – no request hangs – shows the problems in the terminal and on the page, and
recovers on the next good save (issue 10)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from sample_tree import make_tree

from generator.mkdocs_plugin.serve_problems import with_banner

PAGE = "insatser/kontaktperson/"
BANNER = 'id="ih-innehallsproblem"'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    """The page, or "" while the server is not up. A hanging request fails the test."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_for(url: str, condition, what: str, timeout: float = 180) -> str:
    deadline = time.monotonic() + timeout
    while True:
        started = time.monotonic()
        text = get(url)
        assert time.monotonic() - started < 20, "the request hung"
        if condition(text):
            return text
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def test_broken_content_keeps_the_last_good_pages_until_it_is_fixed(tmp_path):
    root = make_tree(tmp_path / "repo")
    (root / "build/docs").mkdir(parents=True)
    yml = root / "content/insatser/kontaktperson.yml"
    good = yml.read_text(encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dirty",
            "--no-strict",
            "-a",
            f"127.0.0.1:{port}",
        ],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        first = wait_for(url, lambda t: "Kontaktperson" in t, "the first build")
        assert BANNER not in first
        yml.write_text("namn: [\n", encoding="utf-8")  # a broken save
        broken = wait_for(url, lambda t: BANNER in t, "the problem notice")
        assert "169 (70 %)" in broken  # the last good page, still served
        assert "content/insatser/kontaktperson.yml:2:1: YAML-syntaxfel" in broken
        terminal = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert "content/insatser/kontaktperson.yml:2:1: YAML-syntaxfel" in terminal
        assert "sidorna visar det senaste fungerande innehållet" in terminal
        yml.write_text(good.replace("169", "168").replace("70}", "69}", 1), encoding="utf-8")
        fixed = wait_for(url, lambda t: "168 (69 %)" in t, "the fixed page")
        assert BANNER not in fixed
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def test_the_notice_escapes_the_problems_and_goes_right_after_body():
    page = b'<html><body class="x"><p>Sida</p></body></html>'
    out = with_banner(page, ["a.yml:1:1: <script>alert(1)</script>"]).decode()
    assert out.startswith('<html><body class="x"><div role="alert"')
    assert "&lt;script&gt;" in out and "<script>" not in out
    assert with_banner(page, []) == page
