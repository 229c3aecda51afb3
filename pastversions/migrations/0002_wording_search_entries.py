# The wordings' own full-text table for the database search backend on SQLite
# (search.backends.sqlite). The model is in every database's migration state, so migrations
# are the same everywhere; the FTS5 virtual table is created only on SQLite with FTS5, as
# Wagtail creates its own, and the wordings' entries already in Wagtail's shared table are
# moved into it (and back on reversal), so that search needs no `update_index` either way.

from django.db import migrations, models

TABLE = "pastversions_wording_fts"


def _on_sqlite_fts(schema_editor):
    from modelsearch.backends.database.sqlite.utils import fts5_available

    return schema_editor.connection.vendor == "sqlite" and fts5_available()


def _shared_entries(apps):
    """Wagtail's shared index entries of wordings (none when nothing was ever indexed)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    content_type = ContentType.objects.filter(app_label="pastversions", model="wording").first()
    if content_type is None:
        return IndexEntry.objects.none(), None
    return IndexEntry.objects.filter(content_type=content_type), content_type


def create_table(apps, schema_editor):
    if not _on_sqlite_fts(schema_editor):
        return
    schema_editor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(autocomplete, body, title)")
    WordingSearchEntry = apps.get_model("pastversions", "WordingSearchEntry")
    shared, _ = _shared_entries(apps)
    WordingSearchEntry.objects.bulk_create(
        (
            WordingSearchEntry(
                wording_id=int(entry.object_id),
                title=entry.title,
                body=entry.body or "",
                autocomplete=entry.autocomplete or "",
            )
            for entry in shared.iterator()
        ),
        batch_size=500,
    )
    shared.delete()


def drop_table(apps, schema_editor):
    if not _on_sqlite_fts(schema_editor):
        return
    WordingSearchEntry = apps.get_model("pastversions", "WordingSearchEntry")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    _, content_type = _shared_entries(apps)
    if content_type is not None:
        IndexEntry.objects.bulk_create(
            (
                IndexEntry(
                    content_type=content_type,
                    object_id=str(entry.wording_id),
                    title=entry.title,
                    body=entry.body,
                    autocomplete=entry.autocomplete,
                )
                for entry in WordingSearchEntry.objects.iterator()
            ),
            batch_size=500,
        )
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("pastversions", "0001_wordings"),
        ("wagtailsearch", "0006_customise_indexentry"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WordingSearchEntry",
                    fields=[
                        (
                            "wording_id",
                            models.BigIntegerField(
                                db_column="rowid", primary_key=True, serialize=False
                            ),
                        ),
                        ("title", models.TextField()),
                        ("body", models.TextField()),
                        ("autocomplete", models.TextField()),
                    ],
                    options={"db_table": TABLE, "managed": False},
                ),
            ],
        ),
        migrations.RunPython(create_table, drop_table),
    ]
