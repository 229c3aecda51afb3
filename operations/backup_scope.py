"""What a backup carries, and whether a database and a media folder are empty enough to restore
one into (restore replaces nothing, so it loads only into a freshly migrated database)."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS

# Rebuilt or recreated rather than restored: content types and permissions come from
# migrations, sessions and login attempts are transient, the indexes are derived.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "wagtailsearch",
    # Past versions' entries in the database backend on SQLite (a table only SQLite has): the
    # restore's `update_index` writes them again.
    "pastversions.wordingsearchentry",
    # The spelling vocabulary: rebuilt from the pages by `restore`.
    "search.pagewords",
    "search.vocabularychange",
    "search.vocabularystate",
    "search.vocabularyword",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
    # The Whoosh index's markers and changes waiting for it: about the old machine's disk.
    "whoosh_backend",
]

# Rows that `migrate` creates in an empty database (data migrations: the default site, root
# collection, groups and their permissions, the moderation workflow): the restore replaces
# them with the archive's. More rows than these mean someone has used the database.
# tests/operations/test_backup.py checks this against a freshly migrated database.
MIGRATION_ROWS = {
    "auth.group": 2,
    "moderation.quorumapprovaltask": 1,
    "wagtailcore.collection": 1,
    "wagtailcore.groupcollectionpermission": 12,
    "wagtailcore.grouppagepermission": 4,
    # One locale for each content language (translations.0001_translation_locales).
    "wagtailcore.locale": len(settings.WAGTAIL_CONTENT_LANGUAGES),
    "wagtailcore.site": 1,
    "wagtailcore.task": 1,
    "wagtailcore.workflow": 1,
    "wagtailcore.workflowpage": 1,
    "wagtailcore.workflowtask": 1,
}


def media_files(media_root):
    root = Path(media_root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def emptiness_problem(database=DEFAULT_DB_ALIAS):
    """Why the database does not count as empty, or None.

    Empty means freshly migrated: no users, no pages beyond what migrations create (Wagtail's
    root page and its welcome page), and no rows of any model a backup carries beyond those
    migrations create (`MIGRATION_ROWS`). The reason names what is there.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents import get_document_model
    from wagtail.models import Page, Revision

    plain_page = ContentType.objects.db_manager(database).get_for_model(Page)
    user_model, document_model = get_user_model(), get_document_model()
    counts = {
        "users": user_model._base_manager.using(database).count(),
        "pages": Page._base_manager.using(database)
        .filter(depth__gt=1)
        .exclude(depth=2, content_type=plain_page)
        .count(),
        "revisions": Revision._base_manager.using(database).count(),
        "documents": document_model._base_manager.using(database).count(),
    }
    found = [f"{n} {name}" for name, n in counts.items() if n]
    for model in restorable_models():
        if issubclass(model, (user_model, Page, Revision, document_model)):
            continue  # counted above (page types are pages)
        label = model._meta.label_lower
        rows = model._base_manager.using(database).count()
        created = MIGRATION_ROWS.get(label, 0)
        if rows > created:
            found.append(f"{rows} {label}" + (f" (migrations create {created})" if created else ""))
    if found:
        return f"the database is not empty ({', '.join(found)})"
    return None


def media_problem(media_root):
    """Why the media folder does not count as empty (it holds a file), or None."""
    files = media_files(media_root)
    if not files:
        return None
    shown = ", ".join(path.relative_to(media_root).as_posix() for path in files[:3])
    more = f" and {len(files) - 3} more" if len(files) > 3 else ""
    return f"the media folder {media_root} is not empty ({len(files)} files: {shown}{more})"


def _is_excluded(model):
    meta = model._meta
    return meta.app_label in EXCLUDED or meta.label_lower in EXCLUDED


def restorable_models():
    """The models whose rows a backup carries (concrete, managed, not excluded)."""
    return [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and not _is_excluded(model)
    ]
