"""A search index that breaks on disk never loses a published page quietly: /healthz answers
503 and says what is wrong (the detail only to administrators), the admin dashboard warns
superusers, the changes are written in once the index can take them, and a deleted index is
reported, not recreated empty, until `update_index` rebuilds it.

The index is broken for real (`tests.broken_disk`), with file permissions enforced as for a
web server that does not run as root; pages are published as the admin publishes them.
"""

import re
import shutil

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from tests import broken_disk
from tests.factories import ProcedurePageFactory

pytestmark = pytest.mark.django_db

PAGE_INDEX = "wagtailcore_page"
TOKEN = "monitoring-token-for-tests"


def publish(wiki, title):
    page = ProcedurePageFactory(parent=wiki, title=title, live=False)
    page.save_revision().publish()
    return page


def found(query):
    return sorted(page.title for page in Page.objects.live().search(query))


def health(**headers):
    response = Client().get("/healthz", headers=headers)
    return response.status_code, response.json(), response.content.decode()


@pytest.fixture
def built(whoosh, wiki):
    """An index built by `update_index` from a site with one published procedure."""
    publish(wiki, "Making joint statements")
    call_command("update_index", verbosity=0)
    assert health()[0] == 200
    yield whoosh
    if whoosh.is_dir():
        broken_disk.make_usable(whoosh)


def test_a_deleted_index_is_reported_not_recreated_empty_until_update_index(built, wiki):
    shutil.rmtree(built)

    publish(wiki, "Quokka procedure")

    assert not (built / PAGE_INDEX / "CURRENT").exists()
    status, body, text = health()
    assert status == 503
    assert body == {
        "status": "unavailable",
        "checks": {"database": "ok", "search": "search index missing: it must be rebuilt"},
    }
    assert str(built) not in text
    search = Client().get("/search/", {"query": "statements"})
    assert search.status_code == 503
    assert b"Search is not available right now" in search.content

    call_command("update_index", verbosity=0)

    assert health()[0] == 200
    assert found("statements") == ["Making joint statements"]
    assert found("quokka") == ["Quokka procedure"]


@pytest.mark.parametrize(
    "break_index",
    [
        pytest.param(broken_disk.make_read_only, id="index read-only"),
        pytest.param(
            lambda path: broken_disk.make_unreadable(path / PAGE_INDEX / "journal"),
            id="journal unreadable",
        ),
    ],
)
def test_pages_published_while_the_index_cannot_be_written_are_reported_then_written_in(
    built, wiki, break_index
):
    break_index(built)
    titles = ["Quokka procedure", "Wombat procedure", "Numbat procedure"]

    with broken_disk.permissions_enforced():
        for title in titles:
            publish(wiki, title)
        status, body, text = health()
        # Searches go on with what the index holds.
        assert found("statements") == ["Making joint statements"]

    assert status == 503
    assert body["status"] == "unavailable"
    assert re.fullmatch(
        r"\d+ changes not yet written to the search index", body["checks"]["search"]
    )
    assert str(built) not in text
    assert "Error" not in text

    broken_disk.make_usable(built)
    # The next health check (or change, or rebuild) writes them in.
    assert health()[0] == 200
    for title in titles:
        assert found(title.split()[0]) == [title]


def test_the_detail_is_for_superusers_and_the_monitoring_token_only(
    built, wiki, settings, superuser
):
    settings.HEALTH_TOKEN = TOKEN
    broken_disk.make_read_only(built)
    with broken_disk.permissions_enforced():
        publish(wiki, "Quokka procedure")

        anonymous = health()
        wrong_token = health(authorization="Bearer not-the-token")
        with_token = health(authorization=f"Bearer {TOKEN}")
        admin = Client()
        admin.force_login(superuser)
        as_superuser = admin.get("/healthz").json()

    for status, _body, text in (anonymous, wrong_token):
        assert status == 503
        assert str(built) not in text
        assert "PermissionError" not in text
    detail = with_token[1]["checks"]["search"]
    assert with_token[0] == 503
    assert f"{PAGE_INDEX}: {built / PAGE_INDEX}: PermissionError" in detail
    assert as_superuser["checks"]["search"] == detail


def test_the_dashboard_warns_superusers_only_while_changes_wait(built, wiki, superuser, member):
    broken_disk.make_read_only(built)
    admin, editor = Client(), Client()
    admin.force_login(superuser)
    editor.force_login(member)

    with broken_disk.permissions_enforced():
        publish(wiki, "Quokka procedure")
        dashboard = admin.get("/admin/").content.decode()
        members_dashboard = editor.get("/admin/").content.decode()

    assert "Search needs attention" in dashboard
    assert re.search(r"\d+ changes not yet written to the search index", dashboard)
    assert "PermissionError" in dashboard
    assert "Search needs attention" not in members_dashboard

    broken_disk.make_usable(built)
    assert "Search needs attention" not in admin.get("/admin/").content.decode()
    assert found("quokka") == ["Quokka procedure"]
