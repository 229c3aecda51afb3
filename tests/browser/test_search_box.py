"""The header's search box: suggestions as you type, chosen with the keyboard or the mouse, and
a plain search form underneath.

The browser's requests are answered by Django's test client through Playwright's request
interception, inside this test's transaction: no live server, so no flush at the end that
would delete what the migrations created.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITE = "http://testserver"
BOX = "#site-search-query"
OPTIONS = "#site-search-suggestions [role=option]"


class DjangoSite:
    """Answers a browser page's GET requests to SITE with Django's test client (static files
    from the finders), and remembers them; autocomplete answers can be held back."""

    def __init__(self):
        self.client = Client()
        self.connection = connections[DEFAULT_DB_ALIAS]
        self.requests = []
        self.hold = False
        self.held = []

    def __call__(self, route):
        url = urlsplit(route.request.url)
        self.requests.append(url)
        if url.path.startswith(settings.STATIC_URL):
            found = finders.find(url.path.removeprefix(settings.STATIC_URL))
            return route.fulfill(path=found) if found else route.fulfill(status=404)
        if self.hold and url.path == "/search/autocomplete/":
            self.held.append(route)
            return None
        return self.answer(route)

    def answer(self, route):
        # Playwright calls this from its event loop, where Django would open a connection of
        # its own; the test's connection is the one that sees this test's data.
        connections[DEFAULT_DB_ALIAS] = self.connection
        url = urlsplit(route.request.url)
        response = self.client.generic(route.request.method, f"{url.path}?{url.query}")
        return route.fulfill(
            status=response.status_code, headers=dict(response.items()), body=response.content
        )

    def asked(self, path):
        """The query strings of the requests made to `path`, as dicts."""
        return [
            {name: values[0] for name, values in parse_qs(url.query).items()}
            for url in self.requests
            if url.path == path
        ]


@pytest.fixture
def django_site():
    return DjangoSite()


@pytest.fixture
def browse(new_page, django_site, whoosh, site):
    """A browser page on the search site's home page."""
    page = new_page()
    page.route(f"{SITE}/**", django_site)
    page.goto(f"{SITE}/")
    return page


def suggestions(page, query):
    """The titles in the open list of suggestions, once it shows those for `query`.

    Typed one key at a time on a slow machine, the box may ask for "meeting" before "meeting
    in"; the list shows each answer in turn, so the test waits for the last one's titles.
    """
    from playwright.sync_api import expect

    expected = [result["title"] for result in autocomplete(query)]
    options = page.locator(OPTIONS)
    expect(options).to_have_count(len(expected))
    expect(options).to_contain_text(expected)
    return [text.split("\n")[0].strip() for text in options.all_inner_texts()]


def autocomplete(query):
    """What /search/autocomplete/ answers for `query`: [{title, url, kind}]."""
    return Client().get("/search/autocomplete/", {"query": query}).json()["results"]


def test_typing_shows_suggestions_from_the_autocomplete_view(browse, django_site):
    box = browse.locator(BOX)
    box.press_sequentially("meeting in")

    expected = autocomplete("meeting in")
    assert suggestions(browse, "meeting in") == [result["title"] for result in expected]
    assert "Meeting in Geneva" in suggestions(browse, "meeting in")
    assert django_site.asked("/search/autocomplete/")[-1] == {"query": "meeting in"}
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "site-search-suggestions"
    assert browse.locator("#site-search-suggestions").get_attribute("role") == "listbox"
    assert browse.locator(OPTIONS).first.get_attribute("aria-selected") == "false"
    first = expected[0]
    assert browse.get_by_role("option", name=f"{first['title']} {first['kind']}").count() == 1
    assert browse.locator("[role=status]").inner_text() == (
        f"{len(expected)} suggestions; use the arrow keys to choose."
    )


def test_arrow_keys_choose_and_enter_opens_the_page(browse):
    box = browse.locator(BOX)
    box.press_sequentially("meeting in")
    titles = suggestions(browse, "meeting in")
    options = browse.locator(OPTIONS)
    last = len(titles) - 1

    for _ in titles:
        box.press("ArrowDown")
    assert options.nth(last).get_attribute("aria-selected") == "true"
    box.press("ArrowDown")  # past the last: back to the first
    assert options.nth(0).get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    box.press("ArrowUp")  # before the first: the last
    assert options.nth(last).get_attribute("aria-selected") == "true"
    assert options.nth(0).get_attribute("aria-selected") == "false"
    assert box.get_attribute("aria-activedescendant") == options.nth(last).get_attribute("id")

    box.press("Enter")

    browse.wait_for_url(SITE + autocomplete("meeting in")[last]["url"])
    assert browse.locator("h1").inner_text() == titles[last]


def test_clicking_a_suggestion_opens_it_even_when_the_press_is_long(browse):
    browse.locator(BOX).press_sequentially("joi")
    # The page first, then the part of another page titled with the word.
    assert suggestions(browse, "joi") == ["Joining the network", "How to join"]

    # The box loses focus when the button goes down; the list must still be there for the click.
    browse.locator(OPTIONS).first.hover()
    browse.mouse.down()
    browse.wait_for_timeout(400)
    browse.mouse.up()

    browse.wait_for_url(f"{SITE}/procedures/joining/")


def test_escape_closes_the_list_and_keeps_the_text(browse):
    box = browse.locator(BOX)
    box.press_sequentially("meeting in")
    suggestions(browse, "meeting in")

    box.press("Escape")

    assert browse.locator("#site-search-suggestions").is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "meeting in"
    box.press("ArrowDown")  # opens it again
    assert "Meeting in Geneva" in suggestions(browse, "meeting in")


@pytest.mark.parametrize("leave", ["Escape", "click elsewhere"])
def test_an_answer_arriving_after_leaving_does_not_open_the_list(browse, django_site, leave):
    django_site.hold = True
    box = browse.locator(BOX)
    box.press_sequentially("meeting in")
    for _ in range(100):  # the request leaves 120 ms after the last key
        if django_site.held:
            break
        browse.wait_for_timeout(50)
    assert django_site.held

    if leave == "Escape":
        box.press("Escape")
    else:
        browse.locator("main").click()
    browse.wait_for_timeout(300)  # the answer comes late
    for route in django_site.held:
        django_site.answer(route)
    browse.wait_for_timeout(300)

    assert browse.locator("#site-search-suggestions").is_hidden()
    assert box.get_attribute("aria-expanded") == "false"


def test_enter_without_a_choice_submits_the_search_form(browse):
    box = browse.locator(BOX)
    box.press_sequentially("meeting in")
    suggestions(browse, "meeting in")

    box.press("Enter")

    browse.wait_for_url(f"{SITE}/search/?query=meeting+in")
    assert "result" in browse.locator(".search-count").inner_text()
    assert "Meeting in Bali" in browse.locator("main").inner_text()


def test_without_javascript_the_box_is_a_plain_form(browser, django_site, whoosh, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.route(f"{SITE}/**", django_site)
        page.goto(f"{SITE}/")
        page.fill(BOX, "joining")
        page.click(".site-search button[type=submit]")

        page.wait_for_url(f"{SITE}/search/?query=joining")
        assert "Joining the network" in page.locator("main").inner_text()
        assert django_site.asked("/search/autocomplete/") == []
    finally:
        context.close()
