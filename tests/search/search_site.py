"""Fixtures for the search page's tests: a small site indexed in this test's own index.

Import the fixtures you use into the test module (pytest finds them there).
"""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

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

__all__ = ["any_backend", "fresh_vocabulary", "site", "whoosh"]

WHOOSH = "search.backends.whoosh"
DATABASE = "wagtail.search.backends.database"


@pytest.fixture(autouse=True)
def fresh_vocabulary():
    """The spelling vocabulary is cached by the state of the pages; tests start without it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(params=["whoosh", "database"])
def any_backend(request, settings, tmp_path):
    """Each test using this runs on the Whoosh and on the database backend."""
    if request.param == "whoosh":
        backend = {"BACKEND": WHOOSH, "PATH": str(tmp_path / "index"), "LOCK_TIMEOUT": 5}
    else:
        backend = {"BACKEND": DATABASE}
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    call_command("update_index", verbosity=0)
    return request.param


@pytest.fixture
def whoosh(settings, tmp_path):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": WHOOSH, "PATH": str(tmp_path / "index"), "LOCK_TIMEOUT": 5}
    }
    call_command("update_index", verbosity=0)
    return "whoosh"


@pytest.fixture
def site(home):
    """Sections with a few pages each; pages are indexed as they are created."""
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
    # Sessions are saved after their meeting: index the meeting again with them.
    reindex()
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


def reindex():
    call_command("update_index", verbosity=0)


def get(client=None, **params):
    return (client or Client()).get("/search/", params)
