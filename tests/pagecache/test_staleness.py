"""Never stale: every change readers see, made through the admin's own views (or the public
form), leaves every cached page as rendering it now would give.

Each test stores the pages the change shows on (the page, its index, the home page's recent
changes, navigation, history, feeds, /changes/, the sitemap), makes the change as the person
would, then compares what the cache serves a visitor with a fresh render, URL by URL.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from history.models import ChangeSummary
from notice.models import Notice, Objection
from tests.factories import OrganisationFactory
from tests.moderation.helpers import submit, workflow_action
from tests.pagecache.helpers import assert_as_rendered_now, cache_state, uncached, warm

pytestmark = pytest.mark.django_db

SITE_WIDE = ["/", "/procedures/", "/meetings/", "/changes/", "/changes/feed/", "/sitemap.xml"]
JOINING = "/procedures/joining/"
JOINING_PAGES = [JOINING, f"{JOINING}history/", f"{JOINING}history/feed/"]


def publish(page, summary="Published."):
    revision = page.save_revision()
    ChangeSummary.objects.create(revision=revision, text=summary)
    revision.publish()


@pytest.fixture
def public(site, page_cache):
    """The small site, every page on the record, and an admin's browser."""
    for name in ("joining", "committee", "meeting", "outcome", "membership"):
        publish(site[name])
    return site


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


def test_a_change_the_committee_approves(public, client, member, committee):
    urls = [*SITE_WIDE, *JOINING_PAGES]
    warm(urls)

    client.force_login(member)
    submit(client, public["joining"], "Any organisation may join.")
    for approver in committee[:2]:
        client.force_login(approver)
        workflow_action(client, public["joining"], "approve")

    assert "Any organisation may join." in Client().get(JOINING).content.decode()
    assert_as_rendered_now(urls)


def test_a_page_an_administrator_withdraws(public, admin):
    urls = [*SITE_WIDE, *JOINING_PAGES]
    warm(urls)

    admin.post(
        reverse("moderation_propose_withdrawal", args=[public["joining"].pk]),
        {"action": "unpublish", "reason": "Superseded.", "now": "on"},
    )

    assert Client().get(JOINING).status_code == 404
    assert_as_rendered_now(urls)


def test_a_page_moved_to_another_meeting(public, admin):
    outcome, later = public["outcome"], public["later"]
    urls = [*SITE_WIDE, "/meetings/bali/", "/meetings/geneva/", "/meetings/bali/message/"]
    warm(urls)

    admin.post(reverse("wagtailadmin_pages:move_confirm", args=[outcome.pk, later.pk]))

    assert Client().get("/meetings/geneva/message/").status_code == 200
    assert_as_rendered_now(urls)


def test_a_view_restriction_added(public, admin):
    urls = [*SITE_WIDE, *JOINING_PAGES]
    warm(urls)

    response = admin.post(
        reverse("wagtailadmin_pages:set_privacy", args=[public["joining"].pk]),
        {"restriction_type": PageViewRestriction.LOGIN, "password": "", "groups": []},
    )

    assert response.status_code == 200
    assert Client().get(JOINING).status_code == 302
    assert "Joining the network" not in uncached("/sitemap.xml").content.decode()
    assert_as_rendered_now(urls)


def test_an_organisation_record_edited(public, admin):
    organisation = OrganisationFactory(name="Example Rights Watch", country="Kenya")
    urls = [*SITE_WIDE, "/membership/", "/membership/?region=africa"]
    warm(urls)

    response = admin.post(
        reverse("wagtailsnippets_network_organisation:edit", args=[organisation.pk]),
        {
            "name": "Example Digital Rights Watch",
            "country": "Kenya",
            "region": "africa",
            "website": "",
            "membership_status": organisation.membership_status,
            "member_since": "",
        },
    )

    assert response.status_code == 302
    assert "Example Digital Rights Watch" in Client().get("/membership/").content.decode()
    assert_as_rendered_now(urls)


def test_a_person_record_edited(public, admin):
    facilitator = public["session"].facilitators.get()
    person_page = f"/membership/people/{facilitator.pk}/"
    urls = [*SITE_WIDE, "/meetings/bali/", person_page]
    warm(urls)

    response = admin.post(
        reverse("wagtailsnippets_network_person:edit", args=[facilitator.pk]),
        {"name": "Ottoline Q. Renamed", "country": ""},
    )

    assert response.status_code == 302
    assert "Ottoline Q. Renamed" in Client().get("/meetings/bali/").content.decode()
    assert_as_rendered_now(urls)


def test_a_seat_term_edited(public, admin):
    # Someone with a role on record already: a person's page answers only for them.
    holder = public["session"].facilitators.get()
    steering = public["steering"]
    urls = [*SITE_WIDE, "/steering-committee/", f"/membership/people/{holder.pk}/"]
    warm(urls)

    term = {
        "seat": "Africa",
        "holder": str(holder.pk),
        "role": "chair",
        "term_start": "2014-01-01",
        "term_end": "",
        "how_selected": "Elected by the members.",
    }
    response = admin.post(
        reverse("wagtailadmin_pages:edit", args=[steering.pk]),
        nested_form_data(
            {
                "title": steering.title,
                "slug": steering.slug,
                "intro": rich_text("What the committee does."),
                "seat_terms": inline_formset([term]),
                "change_summary": "A facilitator chairs the committee.",
                "action-publish": "action-publish",
            }
        ),
    )

    assert response.status_code == 302
    assert holder.name in Client().get("/steering-committee/").content.decode()
    assert_as_rendered_now(urls)


def test_editors_picks_change_the_search_page_which_is_never_stored(public, admin):
    url = "/search/?query=quorum"
    before = Client().get(url)

    admin.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "quorum",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": public["committee"].pk,
            "editors_picks-0-description": "How the committee decides.",
        },
    )

    after = Client().get(url)
    assert cache_state(before) == cache_state(after) == ""
    assert "How the committee decides." in after.content.decode()
    assert_as_rendered_now([url])


@pytest.fixture
def announced(public, client, member, committee):
    """A change to "Joining the network" approved and waiting out a week's notice."""
    task = public["joining"].get_workflow().tasks.get().specific
    task.notice_days, task.objection_threshold = 7, 5
    task.save()
    client.force_login(member)
    submit(client, public["joining"], "The announced text.")
    for approver in committee[:2]:
        client.force_login(approver)
        workflow_action(client, public["joining"], "approve")
    return Notice.objects.get()


def test_an_objection_made_and_withdrawn_on_the_public_form(announced, client, other_member):
    change = f"/changes/upcoming/{announced.pk}/"
    urls = [*SITE_WIDE, JOINING, change, "/changes/upcoming/", "/changes/upcoming/feed/"]
    warm(urls)

    client.force_login(other_member)
    client.post(f"{change}object/", {"reason": "It leaves out networks of networks."})
    assert "It leaves out networks of networks." in Client().get(change).content.decode()
    assert_as_rendered_now(urls)

    warm(urls)
    client.post(f"{change}withdraw-objection/")
    assert Objection.objects.get().withdrawn_at is not None
    assert_as_rendered_now(urls)


def test_a_page_published_by_code_with_no_request(public):
    """The worker and management commands publish outside any request."""
    urls = [*SITE_WIDE, *JOINING_PAGES]
    warm(urls)

    page = Page.objects.get(pk=public["joining"].pk).specific
    page.summary = "Changed by the worker."
    page.last_published_at = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    publish(page, "The change takes effect.")

    assert_as_rendered_now(urls)


def test_a_signature_confirmed_then_withdrawn(page_cache, home, django_capture_on_commit_callbacks):
    from tests.factories import StatementIndexPageFactory, StatementPageFactory
    from tests.statements.conftest import individual, links, path_of, sign_and_confirm

    index = StatementIndexPageFactory(parent=home, slug="statements")
    statement = StatementPageFactory(
        parent=index, title="On surveillance", slug="surveillance", body="<p>No.</p>"
    )
    statement.save_revision().publish()
    statement.refresh_from_db()
    lists = [
        f"{statement.url}signatories/",
        f"{statement.url}signatories/?region=africa",
        "/statements/",
    ]
    warm(lists)

    # What signing changes is announced once committed (`signatures_changed`).
    with django_capture_on_commit_callbacks(execute=True):
        sign_and_confirm(Client(), statement, individual(name="Amina Odhiambo"))
    assert "Amina Odhiambo" in Client().get(lists[0]).content.decode()
    assert_as_rendered_now(lists)

    with django_capture_on_commit_callbacks(execute=True):
        Client().post(path_of(links()["withdraw"]))
    assert "Amina Odhiambo" not in Client().get(lists[0]).content.decode()
    assert_as_rendered_now(lists)


def test_a_signature_the_committee_hides(
    page_cache, home, committee, django_capture_on_commit_callbacks
):
    from tests.factories import SignatureFactory, StatementIndexPageFactory, StatementPageFactory

    index = StatementIndexPageFactory(parent=home, slug="statements")
    statement = StatementPageFactory(
        parent=index, title="On surveillance", slug="surveillance", body="<p>No.</p>"
    )
    statement.save_revision().publish()
    statement.refresh_from_db()
    spam = SignatureFactory(statement=statement, name="Buy Pills Now")
    # The statement's own page carries the form to sign (a CSRF token): never stored.
    lists = [f"{statement.url}signatories/", "/statements/"]
    warm(lists)
    assert "Buy Pills Now" in Client().get(lists[0]).content.decode()

    reviewer = Client()
    reviewer.force_login(committee[0])
    # What reviewing changes is announced once committed (`signatures_changed`).
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(
            reverse("wagtailsnippets_statements_signature:edit", args=[spam.pk]),
            {"review": "hidden", "hidden_reason": "Spam"},
        )

    assert "Buy Pills Now" not in Client().get(lists[0]).content.decode()
    assert_as_rendered_now(lists)


def test_a_translation_the_committee_approves(public, client, member, committee):
    from wagtail.models import Locale

    from tests.moderation.helpers import submit

    spanish = Locale.objects.get(language_code="es")
    for name in ("home", "wiki"):
        public[name].copy_for_translation(spanish).save_revision().publish()
    urls = [*SITE_WIDE, JOINING, "/es/", "/es/procedures/"]
    warm(urls)

    client.force_login(member)
    client.post(
        reverse("simple_translation:submit_page_translation", args=[public["joining"].pk]),
        {"locales": [spanish.pk]},
    )
    draft = public["joining"].get_translation(spanish).specific
    submit(client, draft, "Cualquier organisación puede unirse.", summary="Traducción.")
    for approver in committee[:2]:
        client.force_login(approver)
        workflow_action(client, draft, "approve")

    assert "Cualquier organisación" in Client().get("/es/procedures/joining/").content.decode()
    assert_as_rendered_now([*urls, "/es/procedures/joining/"])
