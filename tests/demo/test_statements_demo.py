"""A site whose demo was loaded before statements existed: the Bali message, an outcome page
there, becomes a statement in place when the demo is loaded again."""

import pytest
from wagtail.models import Page

from demo.statements import MESSAGE_SLUG, convert_outcome, ensure_bali_statement
from meetings.models import OutcomePage
from statements.models import StatementPage
from tests.factories import MeetingIndexPageFactory, MeetingPageFactory, OutcomePageFactory
from tests.html import parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_message(home):
    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home), slug="bali")
    outcome = OutcomePageFactory(
        parent=meeting,
        slug=MESSAGE_SLUG,
        title="Message from Bali",
        kind=OutcomePage.Kind.MESSAGE,
        body="<p>The principles we agreed.</p>",
    )
    outcome.save_revision().publish()
    return meeting, Page.objects.get(pk=outcome.pk)


def test_the_outcome_becomes_a_statement_with_the_same_page_url_and_record(client, old_message):
    meeting, before = old_message

    statement = ensure_bali_statement(meeting)

    assert isinstance(statement, StatementPage)
    assert statement.pk == before.pk and statement.url == before.url
    assert not OutcomePage.objects.filter(pk=before.pk).exists()
    assert Page.objects.get(pk=before.pk).specific_class is StatementPage
    assert statement.live_revision.as_object().body == "<p>The principles we agreed.</p>"
    assert len(statement.history().versions) == 1
    page = parse(client.get(before.url))
    assert "The principles we agreed." in text(page.select_one(".statement__body"))
    assert client.get(before.url + "history/").status_code == 200
    assert before.url in [a["href"] for a in parse(client.get(meeting.url)).select("#outcomes a")]


def test_a_statement_is_left_as_it_is(old_message):
    meeting, before = old_message
    convert_outcome(before.specific)

    again = ensure_bali_statement(meeting)

    assert again.pk == before.pk
    assert again.revisions.count() == 1
