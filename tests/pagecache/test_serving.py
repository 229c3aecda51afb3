"""What the page cache serves and stores: anonymous readers' pages only, with validators.

Signed-in members, other cookies, form posts, previews, query strings a page does not read,
view-restricted pages, the search page and the health check are never served from the cache
nor stored in it.
"""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from pagecache import generation
from tests.html import parse
from tests.pagecache.helpers import cache_state, warm

pytestmark = pytest.mark.django_db

PROCEDURE = "/procedures/joining/"


def test_a_second_reader_gets_the_stored_page_without_a_query(
    site, page_cache, django_assert_num_queries
):
    first = Client().get(PROCEDURE)
    with django_assert_num_queries(0):
        second = Client().get(PROCEDURE)

    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert second.content == first.content
    for header in ("Content-Type", "Content-Security-Policy", "X-Frame-Options", "Vary"):
        assert second[header] == first[header]


def test_pages_and_feeds_carry_validators_and_answer_conditional_requests(site, page_cache):
    site["joining"].save_revision().publish()
    visitor = Client()
    for url in (PROCEDURE, "/changes/feed/", f"{PROCEDURE}history/feed/", "/sitemap.xml"):
        for state in ("miss", "hit"):
            response = visitor.get(url)
            assert cache_state(response) == state
            assert response["Cache-Control"] == "public, max-age=0, must-revalidate", url
            etag = response["ETag"]
            assert response["Last-Modified"]
            not_modified = visitor.get(url, HTTP_IF_NONE_MATCH=etag)
            assert not_modified.status_code == 304, url
            assert not_modified.content == b""
            assert not_modified["ETag"] == etag
            assert visitor.get(url, HTTP_IF_NONE_MATCH='"another"').status_code == 200


def test_if_modified_since_is_answered_304_only_after_a_whole_second(site, page_cache):
    start = datetime.datetime(2030, 1, 1, 12, tzinfo=datetime.UTC)

    def at(seconds):
        return time_machine.travel(start + datetime.timedelta(seconds=seconds), tick=False)

    visitor = Client()

    def status_since(copy):
        return visitor.get(PROCEDURE, HTTP_IF_MODIFIED_SINCE=copy["Last-Modified"]).status_code

    with at(0.5):
        generation.bump()
    with at(5.2):
        copy = visitor.get(PROCEDURE)
    with at(6):
        assert status_since(copy) == 304
    # A change later in the second the copy was rendered in: the copy's date cannot tell.
    with at(5.7):
        generation.bump()
    with at(6):
        assert status_since(copy) == 200
    with at(6.1):
        newer = visitor.get(PROCEDURE)
    with at(7):
        assert status_since(newer) == 304


def test_a_proxy_may_keep_pages_for_the_seconds_configured(site, page_cache, settings):
    settings.PAGE_CACHE_PROXY_SECONDS = 30
    response = Client().get(PROCEDURE)
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=30"


def propose_link(response):
    return parse(response).select_one("p.propose-change a")


def test_a_signed_in_member_never_gets_nor_leaves_a_cached_page(site, page_cache, member):
    warm([PROCEDURE])
    client = Client()
    client.force_login(member)

    for _ in range(2):
        response = client.get(PROCEDURE)
        assert cache_state(response) == ""
        assert propose_link(response)["href"] == reverse(
            "wagtailadmin_pages:edit", args=[site["joining"].pk]
        )

    anonymous = Client().get(PROCEDURE)
    assert cache_state(anonymous) == "hit"
    assert propose_link(anonymous) is None


@pytest.mark.parametrize(
    "cookie", [settings.SESSION_COOKIE_NAME, "messages", settings.LANGUAGE_COOKIE_NAME]
)
def test_requests_with_a_cookie_other_than_csrf_are_not_served_from_the_cache(
    site, page_cache, cookie
):
    warm([PROCEDURE])
    visitor = Client()
    visitor.cookies[cookie] = "something"
    assert cache_state(visitor.get(PROCEDURE)) == ""

    with_csrf = Client()
    with_csrf.cookies[settings.CSRF_COOKIE_NAME] = "a" * 32
    assert cache_state(with_csrf.get(PROCEDURE)) == "hit"


def test_requests_with_credentials_and_form_posts_are_not_served_from_the_cache(site, page_cache):
    warm([PROCEDURE])
    assert cache_state(Client().get(PROCEDURE, HTTP_AUTHORIZATION="Basic eDp5")) == ""
    posted = Client().post(PROCEDURE, {"anything": "1"})
    assert cache_state(posted) == ""


def test_query_strings_are_cached_only_when_the_page_reads_them(site, page_cache):
    visitor = Client()
    for url in (f"{PROCEDURE}?utm_source=mail", "/changes/?page=1&utm_source=mail"):
        assert [cache_state(visitor.get(url)) for _ in range(2)] == ["", ""], url

    for url in ("/changes/?page=1", "/membership/?region=africa", "/membership/?region=europe"):
        assert [cache_state(visitor.get(url)) for _ in range(2)] == ["miss", "hit"], url
    # The same parameters in another order are the same copy.
    visitor.get("/membership/?region=africa&country=KE")
    assert cache_state(visitor.get("/membership/?country=KE&region=africa")) == "hit"


def test_a_preview_is_never_stored(site, page_cache, superuser):
    page = site["joining"]
    editor = Client()
    editor.force_login(superuser)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = {
        "title": "A draft title nobody approved",
        "slug": page.slug,
        "summary": page.summary,
        "topic": page.topic,
        "status": page.status,
        "body-count": "0",
        "change_summary": "",
    }
    assert editor.post(preview_url, data).json()["is_valid"]
    preview = editor.get(preview_url)
    assert "A draft title nobody approved" in preview.content.decode()

    for state in ("miss", "hit"):
        response = Client().get(PROCEDURE)
        assert cache_state(response) == state
        assert "A draft title nobody approved" not in response.content.decode()


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_a_view_restricted_page_is_never_stored(site, page_cache, restriction):
    PageViewRestriction.objects.create(
        page=site["joining"], restriction_type=restriction, password="secret"
    )
    responses = [Client().get(PROCEDURE) for _ in range(2)]
    assert [cache_state(r) for r in responses] == ["", ""]
    assert "Who can join" not in responses[0].content.decode()


def test_the_search_page_and_the_health_check_are_never_stored(site, page_cache):
    for url in ("/search/?query=join", "/healthz"):
        assert [cache_state(Client().get(url)) for _ in range(2)] == ["", ""], url


def test_reading_the_site_starts_no_new_generation(site, page_cache):
    site["joining"].save_revision().publish()
    urls = ["/", "/procedures/", PROCEDURE, f"{PROCEDURE}history/", "/meetings/bali/"]
    urls += ["/membership/", "/changes/", "/changes/feed/", "/sitemap.xml"]
    before = generation.current()

    warm(urls)
    Client().get("/search/?query=surveillance")
    Client().get("/search/autocomplete/?query=surv")

    assert generation.current() == before


def test_a_change_starts_a_generation_at_once_and_again_when_it_commits(
    page_cache, django_capture_on_commit_callbacks
):
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        generation.bump()
        during = generation.current()
    after = generation.current()

    assert len(callbacks) == 1
    assert len({before, during, after}) == 3


def test_with_the_page_cache_off_nothing_is_stored(site, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert [cache_state(Client().get(PROCEDURE)) for _ in range(2)] == ["", ""]


def test_every_worker_of_a_server_shares_the_file_cache(site, tmp_path):
    pages = {"BACKEND": "pagecache.files.PageFileCache", "LOCATION": str(tmp_path / "page-cache")}
    with override_settings(
        PAGE_CACHE_ENABLED=True, CACHES={**settings.CACHES, settings.PAGE_CACHE_ALIAS: pages}
    ):
        first = Client().get(PROCEDURE)
        # Another worker: its own cache object on the same folder.
        other_worker = caches.create_connection(settings.PAGE_CACHE_ALIAS)
        assert other_worker.get(generation.KEY) == generation.current().token
        second = Client().get(PROCEDURE)

    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert any((tmp_path / "page-cache").iterdir())


def test_a_deploy_and_a_template_edited_under_the_development_server_start_a_generation(
    page_cache, settings
):
    from django.apps import apps
    from django.db.models.signals import post_migrate
    from django.utils.autoreload import file_changed

    before = generation.current()
    app = apps.get_app_config("pagecache")
    post_migrate.send(
        sender=app, app_config=app, verbosity=0, interactive=False, using="default", apps=apps
    )
    migrated = generation.current()
    results = file_changed.send(
        sender=None, file_path=settings.BASE_DIR / "templates" / "base.html"
    )
    edited = generation.current()

    assert len({before, migrated, edited}) == 3
    # The development server still reloads for code: no receiver claimed the change.
    assert not any(
        handled for receiver, handled in results if receiver.__module__ == "pagecache.content"
    )


def test_a_miss_takes_no_more_queries_than_a_render_without_the_cache(site, page_cache, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in (PROCEDURE, "/membership/?region=africa", "/changes/", "/sitemap.xml"):
        Client().get(url)  # the site's own caches (site root paths) are filled once
        settings.PAGE_CACHE_ENABLED = False
        with CaptureQueriesContext(connection) as without_cache:
            Client().get(url)
        settings.PAGE_CACHE_ENABLED = True
        generation.bump()
        with CaptureQueriesContext(connection) as miss:
            response = Client().get(url)
        assert cache_state(response) == "miss", url
        assert len(miss) == len(without_cache), url
