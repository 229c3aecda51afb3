"""For the open web: robots.txt, the sitemap, the favicon, link previews on every page, and
the /data/ page that explains every address."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders

from opendata.models import OpenDataSettings
from tests.html import parse, text

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_robots_txt_keeps_search_and_admin_out_and_points_to_the_sitemap(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://bestbits.example"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /search/", "Disallow: /admin/"} <= set(lines)
    assert "Sitemap: https://bestbits.example/sitemap.xml" in lines


def test_the_sitemap_lists_live_public_pages_with_their_last_version(client, network):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {
        url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod")
        for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")  # noqa: S314 - ours
    }
    joining = network["joining"]
    # The last published version's date, not the later draft's.
    joining.last_published_at = datetime.datetime(2015, 3, 1, 12, tzinfo=datetime.UTC)
    joining.save(update_fields=["last_published_at"])
    assert joining.get_latest_revision().created_at.year > 2015
    response = client.get("/sitemap.xml")
    urls = {
        url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod")
        for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")  # noqa: S314 - ours
    }
    assert urls[f"http://localhost{joining.url}"].text == "2015-03-01"
    assert "http://localhost/meetings/bali/" in urls
    for page in (network["private_rule"], network["unpublished_rule"], network["draft_rule"]):
        assert f"http://localhost{page.url}" not in urls


def test_the_favicon_is_served_and_linked(client, network):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    icons = [link["href"] for link in parse(client.get("/")).select('link[rel="icon"]')]
    assert icons == ["/static/favicon.svg", "/static/favicon.ico"]
    for href in icons:
        assert finders.find(href.removeprefix("/static/")), href


def preview(response):
    """{property: content} of a page's link preview meta tags, and its description."""
    soup = parse(response)
    tags = soup.select('meta[property^="og:"], meta[name^="twitter:"], meta[name="description"]')
    return {tag.get("property") or tag.get("name"): tag["content"] for tag in tags}


def test_every_page_has_a_link_preview(client, network):
    joining = network["joining"]
    joining.search_description = ""
    meta = preview(client.get(joining.url))
    assert meta["og:title"] == meta["twitter:title"] == "Joining the network"
    assert meta["og:site_name"] == "Best Bits"
    assert meta["og:description"] == meta["twitter:description"] == joining.summary
    assert meta["description"] == joining.summary
    assert meta["og:url"] == f"http://localhost{joining.url}"
    assert meta["twitter:card"] == "summary"
    assert meta["og:type"] == "website"
    # A meeting's preview is its context; an editor's search description comes first.
    assert preview(client.get("/meetings/bali/"))["og:description"] == "Why we met."
    meeting = network["meeting"]
    meeting.search_description = "The 2013 meeting."
    meeting.save_revision().publish()
    assert preview(client.get("/meetings/bali/"))["og:description"] == "The 2013 meeting."


def test_pages_that_are_not_wagtail_pages_have_a_preview_too(client, network):
    history = preview(client.get(network["joining"].url + "history/"))
    assert history["og:title"] == "History of Joining the network"
    search = preview(client.get("/search/"))
    assert search["og:title"] == "Search"
    assert search["og:description"].startswith("Best Bits is a global network")
    data = preview(client.get("/data/"))
    assert data["og:title"] == "Open data"
    assert "Popolo" in data["og:description"]
    missing = preview(client.get("/no-such-page/"))
    assert missing["og:title"] == "Page not found"


def test_titles_are_escaped_once_in_previews(client, network):
    joining = network["joining"]
    joining.title = 'Joining & "leaving"'
    joining.save_revision().publish()
    soup = parse(client.get(joining.url))
    assert soup.select_one('meta[property="og:title"]')["content"] == 'Joining & "leaving"'
    assert text(soup.title) == 'Joining & "leaving" · Best Bits'


def test_the_data_page_explains_every_address_with_curl(client, network):
    soup = parse(client.get("/data/"))
    commands = [text(code) for code in soup.select("code") if text(code).startswith("curl")]
    urls = {word for command in commands for word in command.split() if "://" in word}
    for url in [
        "http://testserver/data/popolo.json",
        "http://testserver/data/people.json",
        "http://testserver/data/organizations.json",
        "http://testserver/data/posts.json",
        "http://testserver/data/memberships.json",
        "http://testserver/data/events.json",
        "http://testserver/data/motions.json",
        "http://testserver/data/memberships.csv",
        "http://testserver/data/procedures.json",
        f"http://testserver{network['joining'].url}history.json",
        f"http://testserver{network['joining'].url}as-of/2015-01-01.json",
        "http://testserver/api/v2/pages/",
    ]:
        assert url in urls, url
    # Every address it gives answers.
    for url in urls:
        if "<" not in url:
            address = url.removeprefix("http://testserver").strip("'").split("?")[0]
            assert client.get(address).status_code == 200, address


def test_the_data_page_gives_the_licence_an_administrator_chose(client, network):
    assert "has not chosen a licence" in text(parse(client.get("/data/")).main)
    response = client.get("/data/popolo.json")
    assert response.json()["meta"]["licence"] is None
    assert "Link" not in response

    licence = OpenDataSettings.for_site(network["joining"].get_site())
    licence.licence_name = "CC BY 4.0"
    licence.licence_url = "https://creativecommons.org/licenses/by/4.0/"
    licence.save()
    link = parse(client.get("/data/")).select_one('a[rel="license"]')
    assert link["href"] == "https://creativecommons.org/licenses/by/4.0/"
    assert text(link) == "CC BY 4.0"
    response = client.get("/data/popolo.json")
    assert response.json()["meta"]["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def test_a_licence_named_without_an_address(client, network):
    licence = OpenDataSettings.for_site(network["joining"].get_site())
    licence.licence_name = "Public domain"
    licence.save()
    response = client.get("/data/popolo.json")
    assert response.json()["meta"]["licence"] == {"name": "Public domain", "url": None}
    assert "Link" not in response
    assert "Public domain" in text(parse(client.get("/data/")).main)
