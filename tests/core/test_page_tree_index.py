"""A page's children are found through the (depth, path) index the core app adds to Wagtail's
page table, not by reading its whole subtree; and the migration that adds it goes back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import ProcedurePageFactory

INDEX = "core_page_depth_path"


def page_indexes():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    return {name: spec["columns"] for name, spec in constraints.items() if spec["index"]}


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return " ".join(str(row) for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return " ".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db
def test_the_sites_sections_are_read_through_the_depth_and_path_index(home, wiki):
    for number in range(3):
        ProcedurePageFactory(parent=wiki, slug=f"procedure-{number}")
    assert page_indexes()[INDEX] == ["depth", "path"]
    # What the header's `site_sections` asks for on every page.
    children = home.get_children().live().in_menu()
    assert INDEX in plan(children)
    assert wiki.pk in {page.pk for page in children}


# Migrating needs real transactions; rolled back by serialisation, as every transactional test
# of this suite is (a flush's re-created content types would break the next one's restore).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_adding_the_index_goes_back_and_forth():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("core")
    executor.migrate([("core", None)])
    assert INDEX not in page_indexes()
    executor.loader.build_graph()
    executor.migrate(latest)
    assert INDEX in page_indexes()
