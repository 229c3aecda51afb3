"""Bugs of the public record, each fixed with the test that found it."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from history.feeds import PageHistoryFeed, RecentChangesFeed
from tests.factories import ProcedurePageFactory, clause_data

pytestmark = pytest.mark.django_db


def published(page, text, anchor="rights"):
    page.body = [clause_data("Rights", text, anchor)]
    revision = page.save_revision()
    revision.publish()
    return revision


def test_a_diff_shows_entities_once_and_keeps_paragraphs_apart(client, wiki):
    page = ProcedurePageFactory(parent=wiki, slug="rights", live=False, body=[])
    old = published(page, "<p>Rights &amp; duties</p><p>apply</p>")
    new = published(page, "<p>Rights &amp; duties</p><p>apply</p><p>to all</p>")

    response = client.get(f"{page.url}history/{old.pk}/{new.pk}/")

    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").select_one("#rights")
    # What a reader sees, without the screen-reader labels: one "&", words not run together.
    for label in section.select(".visually-hidden"):
        label.decompose()
    text = " ".join(section.get_text(" ").split())
    assert "Rights & duties apply to all" in text
    assert "&amp;" not in text and "dutiesapply" not in text


@pytest.mark.parametrize("feed_class", [RecentChangesFeed, PageHistoryFeed])
def test_a_feed_object_keeps_nothing_of_the_requests_it_serves(wiki, feed_class, settings):
    settings.ALLOWED_HOSTS = ["one.example"]
    page = ProcedurePageFactory(parent=wiki, slug="fees", live=False, body=[])
    published(page, "<p>There is no fee.</p>")
    feed = feed_class()
    before = dict(vars(feed))
    kwargs = {"page": page} if feed_class is PageHistoryFeed else {}

    for path in ("/one/feed/", "/two/feed/"):
        response = feed(RequestFactory().get(path, HTTP_HOST="one.example"), **kwargs)
        assert response.status_code == 200
        # Each request's feed names its own address, whatever the one before asked.
        assert f"{settings.WAGTAILADMIN_BASE_URL}{path}" in response.content.decode()

    assert vars(feed) == before
