"""On SQLite, the database search backend keeps the wordings' entries in their own full-text
table (`search.backends.sqlite`): today's searches never read them, past versions are found
there, and the entries follow the wordings as they are written, deleted and rebuilt."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.models import IndexEntry

from pastversions.models import Wording, WordingSearchEntry
from tests.html import text
from tests.search.helpers import get, results

from .test_past_versions_search import clauses, joining  # noqa: F401 - the fixture

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="the wordings' own table is SQLite's (FTS5)"
    ),
    pytest.mark.parametrize("any_backend", ["database"], indirect=True),
]

WORDINGS_TABLE = WordingSearchEntry._meta.db_table
SHARED_TABLE = f"{IndexEntry._meta.db_table}_fts"


def shared_matches(words):
    """How many entries of Wagtail's shared FTS5 table, which today's searches read, have
    `words`."""
    with connection.cursor() as cursor:
        sql = f"SELECT count(*) FROM {SHARED_TABLE} WHERE {SHARED_TABLE} MATCH %s"  # noqa: S608
        cursor.execute(sql, [words])
        return cursor.fetchone()[0]


def test_a_search_of_todays_pages_reads_a_table_without_the_wordings(any_backend, joining):  # noqa: F811
    with CaptureQueriesContext(connection) as queries:
        response = get(query="committee decides")

    assert [text(link) for link in results(response)] == ["Joining the network"]
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert f"{SHARED_TABLE} MATCH" in read
    assert WORDINGS_TABLE not in read
    # That table has the page as it reads today and none of its past wordings.
    assert shared_matches('"twenty-one days"') == 1
    assert shared_matches('"thirty days"') == 0
    assert not IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Wording)
    ).exists()


def test_every_wording_has_its_entry_in_the_wordings_table(any_backend, joining):  # noqa: F811
    assert set(WordingSearchEntry.objects.values_list("pk", flat=True)) == set(
        Wording.objects.values_list("pk", flat=True)
    )


def test_past_versions_are_found_in_the_wordings_table(any_backend, joining):  # noqa: F811
    with CaptureQueriesContext(connection) as queries:
        response = get(query='"thirty days"', versions="past")

    [clause] = clauses(response)
    assert text(clause.select_one(".search-hit__title")) == "§2.1 Decision"
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert f"{WORDINGS_TABLE} MATCH" in read
    assert f"{SHARED_TABLE} MATCH" not in read


def test_a_deleted_page_takes_its_wordings_entries_with_it(any_backend, joining):  # noqa: F811
    page, _ = joining
    assert WordingSearchEntry.objects.exists()

    page.delete()

    assert not WordingSearchEntry.objects.exists()


def test_update_index_rebuilds_the_wordings_table(any_backend, joining):  # noqa: F811
    WordingSearchEntry.objects.all().delete()
    WordingSearchEntry.objects.create(wording_id=10**9, title="", body="stale", autocomplete="")
    assert clauses(get(query='"thirty days"', versions="past")) == []

    call_command("update_index", verbosity=0)

    assert set(WordingSearchEntry.objects.values_list("pk", flat=True)) == set(
        Wording.objects.values_list("pk", flat=True)
    )
    assert len(clauses(get(query='"thirty days"', versions="past"))) == 1
