"""Link integrity of the built site: every internal href, src and anchor resolves, every
external URL is a well-formed http(s) address. No browser needed (checker: site_links)."""

from __future__ import annotations

import pytest
from site_build import built_site
from site_links import Link, ParsedSite, broken_links, parse_site, problem


@pytest.fixture(scope="module")
def parsed_site() -> ParsedSite:
    return parse_site(built_site())


def test_site_has_pages_and_links(parsed_site: ParsedSite) -> None:
    assert len(parsed_site.ids) > 1
    assert any(link.attr == "href" for link in parsed_site.links)


def test_every_internal_link_resolves_and_external_url_is_well_formed(
    parsed_site: ParsedSite,
) -> None:
    broken = broken_links(parsed_site)
    print(f"{len(parsed_site.links)} links on {len(parsed_site.ids)} pages checked")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken))[:200])


def test_checker_finds_a_broken_anchor_and_a_bad_scheme(parsed_site: ParsedSite) -> None:
    # Guards the checker itself: a link it should reject must be rejected.
    assert problem(parsed_site, Link("/", "a", "href", "#no-such-anchor-here")) is not None
    assert problem(parsed_site, Link("/", "a", "href", "javascript:alert(1)")) is not None
    assert problem(parsed_site, Link("/", "a", "href", "no/such/page/")) is not None
    assert problem(parsed_site, Link("/", "a", "href", "https://exa mple.org/")) is not None
    assert problem(parsed_site, Link("/", "a", "href", "")) is not None


def test_checker_rejects_a_link_that_climbs_above_the_site(parsed_site: ParsedSite) -> None:
    # A browser at the domain's root clamps "../../../kallor/" on /insatser/x/ to /kallor/;
    # under a path (GitHub Pages) it leaves the site. The Zensical build once had 1,352.
    assert (
        problem(parsed_site, Link("/insatser/kontaktperson/", "a", "href", "../../kallor/")) is None
    )
    assert (
        problem(parsed_site, Link("/insatser/kontaktperson/", "a", "href", "../../../kallor/"))
        is not None
    )
