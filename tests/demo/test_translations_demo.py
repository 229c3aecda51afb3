"""The demo's translations: the home page in every language, the objectives and two procedures
in Spanish and French, approved through the workflow, one behind its source."""

import pytest

from history.versions import PageHistory
from tests.html import parse, text
from translations.models import TranslationRecord


@pytest.fixture
def demo(demo_content, db):
    """The demo, loaded once for this module (`demo_content`); each test in a savepoint."""


def test_the_demo_reads_in_every_language_with_one_translation_behind(demo, client):
    for prefix, direction in (("es", "ltr"), ("fr", "ltr"), ("pt", "ltr"), ("ar", "rtl")):
        html = parse(client.get(f"/{prefix}/")).html
        assert (html["lang"], html["dir"]) == (prefix, direction)
    assert "Traducción de ejemplo no oficial" in text(parse(client.get("/es/")))

    for address in (
        "/es/objectives/",
        "/fr/objectives/",
        "/es/procedures/task-forces/",
        "/fr/procedures/task-forces/",
        "/es/procedures/joining-the-network/",
    ):
        page = parse(client.get(address))
        assert page.select_one(".staleness") is None, address
        assert page.select_one("nav.languages a[hreflang=en-gb]") is not None, address

    behind = parse(client.get("/fr/procedures/joining-the-network/")).select_one(".staleness")
    assert "version 2" in text(behind) and "version 3" in text(behind)
    diff = client.get(behind.select_one("a")["href"])
    assert diff.status_code == 200
    assert "networks of them" in diff.content.decode()


def test_every_demo_translation_was_approved_by_the_committee(demo):
    records = TranslationRecord.objects.select_related("translation")
    assert records.count() == 12
    for record in records:
        versions = PageHistory(record.translation_id).versions
        assert versions, record.translation
        assert all(version.approved_by for version in versions), record.translation
