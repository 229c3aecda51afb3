"""Fixtures for the whole suite: a site's home page, the procedure wiki, search backends and a
small site to search.

Imports live inside the fixtures: the search backend's conformance run collects this file
under settings that install neither Wagtail nor the site's apps.
"""

import pytest

WHOOSH = "search.backends.whoosh"
DATABASE = "search.backends.database"


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site, loaded once for a module and rolled back after its last test.

    For modules whose every test reads the demo: each test asks for `db` beside it and runs in
    a savepoint of the module's transaction, so what it changes is undone. A test in the same
    module that does not ask for it still sees the demo while it is loaded.
    """
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def home(db):
    """A home page that is the default site's root, as on a real install."""
    from wagtail.models import Page, Site

    from tests.factories import HomePageFactory

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="best-bits")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def wiki(home):
    from tests.factories import ProcedureIndexPageFactory

    return ProcedureIndexPageFactory(parent=home, slug="procedures")


@pytest.fixture
def procedure(wiki):
    """A live procedure whose first clause reads "The original text."."""
    from tests.factories import ProcedurePageFactory, clause_data

    page = ProcedurePageFactory(
        parent=wiki,
        title="Joining the network",
        slug="joining-the-network",
        body=[clause_data("Who can join", "<p>The original text.</p>", anchor="who-can-join")],
    )
    page.save_revision().publish()
    return page


def _user(django_user_model, username, group=None, **extra):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", first_name=username.title(), **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def member(django_user_model):
    from moderation.constants import MEMBERS_GROUP

    return _user(django_user_model, "member", MEMBERS_GROUP)


@pytest.fixture
def other_member(django_user_model):
    from moderation.constants import MEMBERS_GROUP

    return _user(django_user_model, "othermember", MEMBERS_GROUP)


@pytest.fixture
def committee(django_user_model):
    """Three steering committee members."""
    from moderation.constants import STEERING_COMMITTEE_GROUP

    return [_user(django_user_model, f"sc{n}", STEERING_COMMITTEE_GROUP) for n in (1, 2, 3)]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


def _use_backend(settings, backend):
    """Search with `backend` (a WAGTAILSEARCH_BACKENDS entry), built from the test's pages,
    with the spelling vocabulary's cached copy dropped."""
    from django.core.cache import cache
    from django.core.management import call_command

    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    cache.clear()
    call_command("update_index", verbosity=0)


@pytest.fixture
def whoosh(settings, tmp_path):
    """The Whoosh backend on this test's own index; returns the index directory.

    Wagtail's signal handlers look the backend up from settings on every save, and
    modelsearch builds a new backend object on each lookup, so nothing else needs resetting.
    """
    path = tmp_path / "search-index"
    _use_backend(settings, {"BACKEND": WHOOSH, "PATH": str(path), "LOCK_TIMEOUT": 5})
    yield path
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(params=["whoosh", "database"])
def any_backend(request, settings, tmp_path):
    """Each test using this runs on the Whoosh and on the database backend."""
    if request.param == "whoosh":
        backend = {"BACKEND": WHOOSH, "PATH": str(tmp_path / "index"), "LOCK_TIMEOUT": 5}
    else:
        backend = {"BACKEND": DATABASE, "SEARCH_CONFIG": "english"}
    _use_backend(settings, backend)
    yield request.param
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def site(home):
    """Sections with a few pages each, to search; pages are indexed as they are created."""
    import datetime

    from django.core.management import call_command

    from tests.factories import (
        MeetingIndexPageFactory,
        MeetingPageFactory,
        MembershipPageFactory,
        OutcomePageFactory,
        PersonFactory,
        ProcedureIndexPageFactory,
        ProcedurePageFactory,
        SessionFactory,
        SteeringCommitteePageFactory,
        agenda_item,
        clause_data,
    )

    wiki = ProcedureIndexPageFactory(parent=home, slug="procedures")
    joining = ProcedurePageFactory(
        parent=wiki,
        slug="joining",
        title="Joining the network",
        summary="Who can join and how to apply.",
        in_force=True,
        body=[
            clause_data("Who can join", "<p>Organisations that endorse the objectives.</p>"),
            clause_data(
                "Applying",
                "<p>Write to the committee.</p>",
                subclauses=[
                    ("Decision", "", "<p>The committee decides within thirty days.</p>"),
                    ("Appeal", "", "<p>A refused applicant may ask for a hearing.</p>"),
                ],
            ),
        ],
    )
    committee = ProcedurePageFactory(
        parent=wiki,
        slug="committee",
        title="The steering committee",
        summary="How the committee approves changes.",
        body=[clause_data("Approving changes", "<p>Two members approve each change.</p>")],
    )
    meetings = MeetingIndexPageFactory(parent=home, slug="meetings")
    meeting = MeetingPageFactory(
        parent=meetings,
        slug="bali",
        title="Meeting in Bali",
        start_date=datetime.date(2013, 10, 19),
        end_date=datetime.date(2013, 10, 20),
    )
    facilitator = PersonFactory(name="Ottoline Quarrington")
    session = SessionFactory(
        meeting=meeting,
        title="State surveillance and human rights",
        agenda=[agenda_item("Working groups on blanket surveillance", 45)],
        facilitators=[facilitator],
    )
    outcome = OutcomePageFactory(
        parent=meeting,
        slug="message",
        title="Message from Bali",
        date=datetime.date(2013, 10, 20),
        body="<p>Principles for the summit, against mass surveillance.</p>",
    )
    later = MeetingPageFactory(
        parent=meetings,
        slug="geneva",
        title="Meeting in Geneva",
        start_date=datetime.date(2015, 3, 1),
        end_date=datetime.date(2015, 3, 2),
        context="<p>Surveillance reform was reviewed.</p>",
    )
    membership = MembershipPageFactory(parent=home, slug="membership")
    steering = SteeringCommitteePageFactory(parent=home, slug="steering-committee")
    # Sessions are saved after their meeting, not published with it as editors do: index the
    # meeting again with them, and have the spelling vocabulary read it again.
    call_command("update_index", verbosity=0)
    call_command("rebuild_vocabulary", verbosity=0)
    return {
        "home": home,
        "wiki": wiki,
        "joining": joining,
        "committee": committee,
        "meetings": meetings,
        "meeting": meeting,
        "session": session,
        "outcome": outcome,
        "later": later,
        "membership": membership,
        "steering": steering,
    }


@pytest.fixture
def behind_one_proxy(settings):
    """The site behind one reverse proxy, as `BBWIKI_PROXY_COUNT=1` sets it up."""
    from bbwiki.settings.base import client_address_settings

    for name, value in client_address_settings(1).items():
        setattr(settings, name, value)
