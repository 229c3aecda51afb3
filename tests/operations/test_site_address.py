"""The site's own address (BBWIKI_BASE_URL): the demo logins, feeds and the sitemap use it, and
`migrate` gives the default Site its host and port, so page URLs agree with it."""

import re
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from tests.factories import ProcedurePageFactory

ADDRESS = "http://127.0.0.1:8741"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def default_site():
    site = Site.objects.get(is_default_site=True)
    return site.hostname, site.port


@pytest.fixture
def address(settings, home):
    """The site served on port 8741, after the migrate `make setup` runs first."""
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    call_command("migrate", verbosity=0)
    return ADDRESS


def test_migrate_gives_the_default_site_the_address_host_and_port(address, home):
    assert default_site() == ("127.0.0.1", 8741)
    home.refresh_from_db()
    assert home.full_url == f"{ADDRESS}/"


def test_an_https_address_without_a_port_is_port_443(settings, home):
    settings.WAGTAILADMIN_BASE_URL = "https://bestbits.example"
    call_command("migrate", verbosity=0)
    assert default_site() == ("bestbits.example", 443)
    home.refresh_from_db()
    assert home.full_url == "https://bestbits.example/"


def test_a_site_an_administrator_put_at_the_address_is_left_alone(settings, home):
    Site.objects.create(hostname="127.0.0.1", port=8741, root_page=home)
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    call_command("migrate", verbosity=0)
    assert default_site() == ("localhost", 80)


@pytest.mark.django_db
def test_load_demo_prints_the_logins_at_the_address(settings):
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert f"Demo logins for {ADDRESS}/admin/ (development only):" in out.getvalue()
    assert "8000" not in out.getvalue()


def test_feeds_link_to_the_address_whichever_host_was_asked(address, client, wiki):
    procedure = ProcedurePageFactory(parent=wiki, title="Joining the network")
    procedure.save_revision().publish()
    for url in ("/changes/feed/", f"{procedure.url}history/feed/"):
        response = client.get(url, HTTP_HOST="localhost")
        assert response.status_code == 200
        feed = ET.fromstring(response.content)  # noqa: S314 - our own feed, built in this test
        links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
        ids = [element.text for element in feed.iter(f"{ATOM}id")]
        assert len(links) >= 3, url  # the feed, itself, and at least one entry
        for absolute in links + ids:
            assert absolute.startswith(f"{ADDRESS}/"), (url, absolute)


def test_the_sitemap_lists_live_pages_at_the_address(address, client, wiki):
    ProcedurePageFactory(parent=wiki, slug="joining-the-network")
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    sitemap = ET.fromstring(response.content)  # noqa: S314 - our own sitemap, built in this test
    locations = {loc.text for loc in sitemap.iter(f"{SITEMAP}loc")}
    assert {
        f"{ADDRESS}/",
        f"{ADDRESS}/procedures/",
        f"{ADDRESS}/procedures/joining-the-network/",
    } <= locations
    assert all(re.match(rf"{re.escape(ADDRESS)}/", location) for location in locations)
