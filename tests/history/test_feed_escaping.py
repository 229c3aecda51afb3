"""The Atom feeds carry change summaries and people's names as text: a summary or a name
that looks like markup reaches feed readers as those characters, never as HTML."""

import xml.etree.ElementTree as ET

import pytest

from history.models import ChangeSummary
from history.record import attributed
from tests.html import parse

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = "<script>alert('summary')</script>"
IMAGE = '<img src="x" onerror="alert(\'name\')">'


@pytest.fixture
def hostile_version(procedure):
    """A published version whose change summary and proposer's name are markup."""
    procedure.title = "Joining, amended"
    revision = procedure.save_revision()
    ChangeSummary.objects.create(revision=revision, text=f"Tidy up {SCRIPT} and {IMAGE}")
    with attributed(proposed_by=IMAGE, approved_by=(SCRIPT,)):
        revision.publish()
    return revision


def summaries(client, url):
    """The text of each entry's <summary type="html">, as a feed reader reads it: HTML."""
    response = client.get(url)
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed, built in this test
    found = []
    for entry in feed.findall(f"{ATOM}entry"):
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        found.append(summary.text)
    return found


@pytest.mark.parametrize("feed", ["page", "site"])
def test_summaries_and_names_reach_feed_readers_as_text(client, procedure, hostile_version, feed):
    url = f"{procedure.url}history/feed/" if feed == "page" else "/changes/feed/"
    html = next(s for s in summaries(client, url) if "Tidy up" in s)
    as_read = parse(html)
    assert as_read.find("script") is None
    assert as_read.find("img") is None
    assert SCRIPT in as_read.get_text()
    assert IMAGE in as_read.get_text()
