"""Browser suite fixtures: the built site served on localhost and Debian's Chromium driven
by Playwright (its bundled driver; the browser is /usr/bin/chromium, never downloaded)."""

from __future__ import annotations

import functools
import shutil
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: site_build

from site_build import built_site, in_ci
from site_catalog import SiteCatalog, load_catalog

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parent / "output"  # git-ignored: screenshots, reports


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: runs the built site in a real browser")


def _unavailable(reason: str) -> None:
    # On CI a missing browser is a failure: the suite must not pass by running nothing.
    if in_ci():
        pytest.fail(f"{reason} (CI: run tests/browser/setup.sh)")
    pytest.skip(f"{reason} – run tests/browser/setup.sh")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_root() -> Path:
    return built_site()


@pytest.fixture(scope="session")
def catalog(site_root: Path) -> SiteCatalog:
    return load_catalog(site_root)


@pytest.fixture(scope="session")
def base_url(site_root: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site_root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package playwright is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_context(browser, base_url: str, **options: object):
    """A browser context that reaches only the local server: the site must not depend on
    anything outside it (fonts, scripts), and the machine has no internet anyway."""
    context = browser.new_context(base_url=base_url, **options)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(base_url) or route.request.url.startswith("data:")
            else route.abort()
        ),
    )
    return context


DESKTOP = {"width": 1280, "height": 900}


def _page(browser, base_url: str, **options) -> Iterator[object]:
    """A page in a fresh context (its own cookies, storage, colour scheme), closed after."""
    context = new_context(browser, base_url, **options)
    yield context.new_page()
    context.close()


@pytest.fixture()
def desktop_page(browser, base_url: str) -> Iterator[object]:
    yield from _page(browser, base_url, viewport=DESKTOP)


@pytest.fixture()
def dark_page(browser, base_url: str) -> Iterator[object]:
    """A reader whose system is set to dark: Material shows its slate scheme."""
    yield from _page(browser, base_url, viewport=DESKTOP, color_scheme="dark")


@pytest.fixture()
def mobile_page(browser, base_url: str) -> Iterator[object]:
    yield from _page(
        browser,
        base_url,
        viewport={"width": 360, "height": 740},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )


@pytest.fixture()
def no_js_page(browser, base_url: str) -> Iterator[object]:
    yield from _page(browser, base_url, viewport=DESKTOP, java_script_enabled=False)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="session")
def screenshots_dir(output_dir: Path) -> Path:
    folder = output_dir / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return folder
