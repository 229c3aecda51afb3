"""Nothing private reaches a visitor through search: results, snippets, counts, suggestions
or autocomplete. Members see the live pages they may view; drafts stay out for everyone."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.factories import ProcedurePageFactory
from tests.search.helpers import get

pytestmark = pytest.mark.django_db


def body(client=None, **params):
    """The results page as text: markup (such as <mark>) taken out, attributes too."""
    return re.sub(r"<[^>]+>", "", get(client, **params).content.decode())


def suggestions(client, query):
    return (client or Client()).get("/search/autocomplete/", {"query": query}).json()["results"]


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client = Client()
    client.force_login(user)
    return user, client


def restricted(site, word, restriction_type, groups=()):
    page = ProcedurePageFactory(
        parent=site["wiki"], title=f"Private {word}", summary=f"The {word} plan."
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="secret"
    )
    restriction.groups.set(groups)
    return page


def test_a_word_only_in_a_draft_is_never_found(any_backend, site, member):
    ProcedurePageFactory(
        parent=site["wiki"], live=False, title="Xylophonic draft", summary="Xylophonic rules."
    )
    _, client = member

    for visitor in (None, client):
        page = body(visitor, query="xylophonic")
        assert "Nothing found" in page
        assert "Xylophonic" not in page.replace("xylophonic</strong>", "")
        assert (
            "xylophonic" not in body(visitor, query="xylophonik").replace("xylophonik", "").lower()
        )
        assert suggestions(visitor, "xyloph") == []


def test_unpublished_changes_stay_out_and_the_live_text_is_shown(any_backend, site):
    page = site["joining"]
    page.summary = "Who can join, said the marzipan draft."
    page.save_revision()

    assert "Nothing found" in body(query="marzipan")
    live = body(query="apply")
    assert "Joining the network" in live
    assert "marzipan" not in live


def test_login_restricted_pages_are_for_logged_in_members_only(any_backend, site, member):
    restricted(site, "quokka", PageViewRestriction.LOGIN)
    _, client = member

    anonymous = body(query="quokka")
    assert "Nothing found" in anonymous and "Private quokka" not in anonymous
    assert "0 result" not in anonymous
    assert suggestions(None, "private quo") == []
    assert "Private quokka" in body(client, query="quokka")
    assert [hit["title"] for hit in suggestions(client, "private quo")] == ["Private quokka"]


def test_group_restricted_pages_need_the_group(any_backend, site, member, django_user_model):
    committee = Group.objects.create(name="Search test committee")
    restricted(site, "wombat", PageViewRestriction.GROUPS, groups=[committee])
    _, outsider = member
    insider_user = django_user_model.objects.create_user("insider", password="x")
    insider_user.groups.add(committee)
    insider = Client()
    insider.force_login(insider_user)

    assert "Private wombat" not in body(query="wombat")
    assert "Private wombat" not in body(outsider, query="wombat")
    assert "Private wombat" in body(insider, query="wombat")


def test_password_protected_pages_stay_out_of_search(any_backend, site, member):
    restricted(site, "numbat", PageViewRestriction.PASSWORD)
    _, client = member

    assert "Private numbat" not in body(query="numbat")
    assert "Private numbat" not in body(client, query="numbat")


def test_pages_below_a_restricted_page_are_hidden_too(any_backend, site):
    PageViewRestriction.objects.create(page=site["meetings"], restriction_type="login")

    page = body(query="surveillance")

    assert "Meeting in Bali" not in page
    assert "Message from Bali" not in page
    assert "Meeting (" not in page


def test_restricted_words_are_never_suggested(any_backend, site):
    restricted(site, "pangolin", PageViewRestriction.LOGIN)

    assert "pangolin" not in body(query="pangolim").replace("pangolim", "")


def test_deleted_and_unpublished_pages_are_not_found(any_backend, site):
    ProcedurePageFactory(parent=site["wiki"], summary="Axolotl procedure.").delete()
    ProcedurePageFactory(parent=site["wiki"], summary="Capybara procedure.").unpublish()

    assert "Nothing found" in body(query="axolotl")
    assert "Nothing found" in body(query="capybara")
