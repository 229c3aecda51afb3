"""`manage.py backup` and `restore`: a round trip loses nothing, from SQLite to SQLite and to
PostgreSQL, and a damaged archive or a non-empty database is refused with nothing changed.

The round trips run manage.py in separate processes on databases of their own, as an operator
would; they use the demo content because it has every kind of page, revisions, workflow states,
users and groups, plus one uploaded document.
"""

import hashlib
import io
import json
import shutil
import tarfile
import uuid
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document
from wagtail.models import Page, PageLogEntry, Revision

from operations import serializers as backup_serializers
from operations.backup import MANIFEST
from operations.backup_scope import MIGRATION_ROWS, emptiness_problem, restorable_models
from tests.factories import OrganisationFactory

from .conftest import PG_SERVER, manage, pg_unreachable_reason

# Prints, for every model a backup carries, its row count and a digest of its rows
# serialised in primary-key order, plus the digest of every media file. JSON inside fields
# (revisions, StreamFields) is put in canonical form: PostgreSQL's jsonb reorders keys.
SNAPSHOT = """
import hashlib, json
from pathlib import Path
from django.conf import settings
from django.core import serializers
from operations.backup_scope import restorable_models

def canonical(value):
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return canonical(json.loads(value))
        except ValueError:
            return value
    return value

serializers.register_serializer("snap", "operations.serializers")
models = {}
for model in restorable_models():
    rows = model._base_manager.order_by("pk")
    data = canonical(json.loads(serializers.serialize("snap", rows, use_natural_foreign_keys=True)))
    text = json.dumps(data, sort_keys=True)
    models[model._meta.label_lower] = [rows.count(), hashlib.sha256(text.encode()).hexdigest()]
media = {
    str(p.relative_to(settings.MEDIA_ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
    for p in sorted(Path(settings.MEDIA_ROOT).rglob("*")) if p.is_file()
}
print(json.dumps({"models": models, "media": media}))
"""

ADD_DOCUMENT = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
document = get_document_model()(title="Minutes of the Bali meeting")
document.file.save("bali-minutes.txt", ContentFile(b"Minutes: the objectives were agreed."))
"""


def ok(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def shell(code, env):
    """Run Python `code` in `manage.py shell` with `env`; the finished process, checked."""
    return ok(manage("shell", "-v0", "-c", code, env=env))


def snapshot(env):
    return json.loads(shell(SNAPSHOT, env).stdout)


@pytest.fixture(scope="session")
def demo_backup(tmp_path_factory):
    """The demo site on SQLite, backed up; and an empty migrated SQLite copy made beforehand.

    Made once per run: pytest-django runs this module's tests that need a database apart from
    those that do not, and a module's fixture would be made again for each group (four
    minutes on a loaded machine)."""
    tmp = tmp_path_factory.mktemp("backup")
    source = {"BBWIKI_VAR_DIR": str(tmp / "source")}
    ok(manage("migrate", "--noinput", "-v0", env=source))
    empty_sqlite = tmp / "empty.sqlite3"
    shutil.copy(tmp / "source" / "bbwiki.sqlite3", empty_sqlite)
    ok(manage("load_demo", env=source))
    shell(ADD_DOCUMENT, source)
    archive = tmp / "bbwiki.tar.gz"
    result = ok(manage("backup", str(archive), env=source))
    assert "pages" in result.stdout
    return {"archive": archive, "source": snapshot(source), "empty": empty_sqlite, "tmp": tmp}


def assert_same_content(restored, source):
    differ = sorted(
        label
        for label in source["models"]
        if restored["models"].get(label) != source["models"][label]
    )
    assert differ == []
    assert restored["media"] == source["media"]


@pytest.mark.database_independent
def test_the_archive_holds_data_media_and_a_manifest_with_counts_and_checksums(demo_backup):
    with tarfile.open(demo_backup["archive"]) as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile(MANIFEST))
    assert names[0] == MANIFEST
    assert set(names) == {MANIFEST, *manifest["files"]}
    assert "data.json" in names
    assert any(name.startswith("media/documents/bali-minutes") for name in names)
    assert manifest["format"] == 1
    assert manifest["wagtail"].startswith("8.")
    counts = manifest["counts"]
    source = demo_backup["source"]["models"]
    for label in (
        "wagtailcore.page",
        "wagtailcore.revision",
        "wagtailcore.workflowstate",
        "wagtailcore.taskstate",
        "wagtailcore.pagelogentry",
        "auth.user",
        "auth.group",
        "wagtailcore.grouppagepermission",
        "network.person",
        "papers.paper",
    ):
        assert counts[label] == source[label][0] > 0, label
    assert all(len(digest) == 64 for digest in manifest["files"].values())


@pytest.mark.database_independent
def test_sqlite_round_trip_loses_nothing(demo_backup):
    target = {"BBWIKI_VAR_DIR": str(demo_backup["tmp"] / "target")}
    (demo_backup["tmp"] / "target").mkdir()
    shutil.copy(demo_backup["empty"], demo_backup["tmp"] / "target" / "bbwiki.sqlite3")

    result = ok(manage("restore", str(demo_backup["archive"]), env=target))
    assert "Restore complete" in result.stdout
    assert_same_content(snapshot(target), demo_backup["source"])

    # The search index was rebuilt: the meeting is found by a word in its agenda.
    found = shell(
        "from wagtail.models import Page; "
        "print([p.title for p in Page.objects.live().search('surveillance')])",
        target,
    )
    assert "Best Bits 2013 meeting in Bali" in found.stdout


@pytest.mark.database_independent
def test_restoring_twice_is_refused_and_changes_nothing(demo_backup):
    target = {"BBWIKI_VAR_DIR": str(demo_backup["tmp"] / "twice")}
    (demo_backup["tmp"] / "twice").mkdir()
    shutil.copy(demo_backup["empty"], demo_backup["tmp"] / "twice" / "bbwiki.sqlite3")
    ok(manage("restore", "--skip-index", str(demo_backup["archive"]), env=target))
    before = snapshot(target)

    result = manage("restore", str(demo_backup["archive"]), env=target)
    assert result.returncode != 0
    assert "Refusing to restore: the database is not empty" in result.stderr
    assert snapshot(target) == before


@pytest.fixture
def postgres_database():
    reason = pg_unreachable_reason()
    if reason:
        pytest.skip(f"{reason}: skipping the restore into PostgreSQL")
    import psycopg

    name = f"bbwiki_restore_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG_SERVER}/{name}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.database_independent
def test_sqlite_to_postgresql_round_trip_loses_nothing(demo_backup, postgres_database, tmp_path):
    target = {
        "DATABASE_URL": postgres_database,
        "BBWIKI_SEARCH_BACKEND": "database",
        "BBWIKI_VAR_DIR": str(tmp_path / "var"),
    }
    ok(manage("migrate", "--noinput", "-v0", env=target))
    result = ok(manage("restore", str(demo_backup["archive"]), env=target))
    assert "made" in result.stdout and "on sqlite" in result.stdout
    assert_same_content(snapshot(target), demo_backup["source"])

    # New rows get fresh ids after the restored ones: the sequences were reset.
    created = shell(
        "from django.contrib.auth.models import Group; "
        "print(Group.objects.create(name='After the restore').pk)",
        target,
    )
    assert int(created.stdout) > demo_backup["source"]["models"]["auth.group"][0]


def as_written_before_change_summaries_moved(members):
    """The archive as a backup made when change summaries were moderation's wrote it."""
    data = members["data.json"].replace(
        b'"model": "history.changesummary"', b'"model": "moderation.changesummary"'
    )
    manifest = json.loads(members[MANIFEST])
    manifest["counts"]["moderation.changesummary"] = manifest["counts"].pop("history.changesummary")
    manifest["files"]["data.json"] = hashlib.sha256(data).hexdigest()
    members["data.json"], members[MANIFEST] = data, json.dumps(manifest).encode()


@pytest.mark.database_independent
def test_an_archive_from_before_a_model_moved_app_restores(demo_backup, tmp_path):
    archive = damaged(tmp_path, demo_backup["archive"], as_written_before_change_summaries_moved)
    target = {"BBWIKI_VAR_DIR": str(tmp_path / "old")}
    (tmp_path / "old").mkdir()
    shutil.copy(demo_backup["empty"], tmp_path / "old" / "bbwiki.sqlite3")

    ok(manage("restore", "--skip-index", str(archive), env=target))

    assert_same_content(snapshot(target), demo_backup["source"])


# In-process refusals: the archive is checked before anything is touched.


def damaged(tmp_path, archive, change):
    """A copy of `archive` with `change(members)` applied to its {name: bytes}."""
    with tarfile.open(archive) as source:
        members = {m.name: source.extractfile(m).read() for m in source if m.isfile()}
    change(members)
    target = tmp_path / "damaged.tar.gz"
    with tarfile.open(target, "w:gz") as out:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    return target


def tamper_data(members):
    members["data.json"] = members["data.json"].replace(b"Joining the network", b"Leaving")


def drop_manifest(members):
    del members[MANIFEST]


def add_member(members):
    members["media/extra.txt"] = b"not in the manifest"


def drop_media(members):
    for name in [n for n in members if n.startswith("media/")]:
        del members[name]


@pytest.mark.database_independent
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (tamper_data, "is damaged: the checksum of data.json does not match the manifest"),
        (drop_manifest, "is not a bbwiki backup: it has no manifest.json"),
        (add_member, "is damaged: 'media/extra.txt' is not listed in the manifest"),
        (drop_media, "is damaged: missing media/documents/bali-minutes"),
    ],
)
def test_a_damaged_archive_is_refused_with_a_clear_message(
    demo_backup, tmp_path, db, change, message
):
    pages_before = Page.objects.count()
    archive = damaged(tmp_path, demo_backup["archive"], change)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(archive))
    assert Page.objects.count() == pages_before
    assert not get_user_model().objects.exists()


@pytest.mark.database_independent
def test_a_truncated_archive_is_refused(demo_backup, tmp_path, db):
    truncated = tmp_path / "truncated.tar.gz"
    data = demo_backup["archive"].read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(CommandError, match="is damaged or not a backup archive"):
        call_command("restore", str(truncated))


def test_a_file_that_is_not_an_archive_is_refused(tmp_path, db):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    with pytest.raises(CommandError, match="is damaged or not a backup archive"):
        call_command("restore", str(notes))
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))


@pytest.fixture
def archive(db, tmp_path, settings):
    """A backup of the suite's database as a test finds it, made in this process: for the
    refusals that read the database restored into, on SQLite and on PostgreSQL alike."""
    settings.MEDIA_ROOT = tmp_path / "archived-media"
    path = tmp_path / "site.tar.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    return path


def test_a_database_with_content_is_refused_and_keeps_its_content(archive, home):
    get_user_model().objects.create_user("someone")
    pages_before = list(Page.objects.values_list("pk", "title"))
    with pytest.raises(CommandError, match=r"the database is not empty \(1 users, 1 pages, "):
        call_command("restore", str(archive))
    assert list(Page.objects.values_list("pk", "title")) == pages_before
    assert get_user_model().objects.get().username == "someone"


def edit_manifest(edit):
    """A change (for `damaged`) that replaces the manifest with `edit(manifest)`."""

    def change(members):
        members[MANIFEST] = json.dumps(edit(json.loads(members[MANIFEST]))).encode()

    return change


def without(key):
    def edit(manifest):
        del manifest[key]
        return manifest

    return edit


def with_value(key, value):
    def edit(manifest):
        manifest[key] = value
        return manifest

    return edit


def counting_an_unknown_model(manifest):
    manifest["counts"]["nowhere.gadget"] = 3
    return manifest


@pytest.mark.database_independent
@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda manifest: [manifest], "the manifest is list, not an object"),
        (lambda manifest: None, "the manifest is NoneType, not an object"),
        (lambda manifest: "format 1", "the manifest is str, not an object"),
        (with_value("format", [1]), r"unknown backup format \[1\]"),
        (with_value("files", "data.json"), "the manifest's 'files' is not a list of names"),
        (with_value("files", {"data.json": 7}), "the manifest's 'files' is not a list of names"),
        (with_value("files", None), "the manifest's 'files' is not a list of names"),
        (without("counts"), "the manifest's 'counts' is missing or not a number of rows"),
        (with_value("counts", ["auth.user"]), "the manifest's 'counts' is missing or not"),
        (with_value("counts", {"auth.user": "2"}), "the manifest's 'counts' is missing or not"),
        (counting_an_unknown_model, "rows of models this site does not have: nowhere.gadget"),
        (without("created_at"), "the manifest's 'created_at' is missing or not text"),
    ],
)
def test_a_malformed_manifest_is_refused_with_a_clear_message(
    demo_backup, tmp_path, db, edit, message
):
    pages_before = Page.objects.count()
    archive = damaged(tmp_path, demo_backup["archive"], edit_manifest(edit))
    with pytest.raises(CommandError, match=message):
        call_command("restore", "--skip-index", str(archive))
    assert Page.objects.count() == pages_before
    assert not get_user_model().objects.exists()


def test_a_freshly_migrated_database_counts_as_empty(db):
    assert emptiness_problem() is None
    created = {
        model._meta.label_lower: model._base_manager.count()
        for model in restorable_models()
        if not issubclass(model, (get_user_model(), Page, Revision, Document))
    }
    # What migrations create is what restore may replace: a new data migration adds its rows.
    assert {label: n for label, n in created.items() if n} == MIGRATION_ROWS


def test_a_database_with_content_but_no_users_or_pages_is_refused_and_keeps_it(
    archive, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    organisation = OrganisationFactory(name="Example Rights Network")
    with pytest.raises(
        CommandError, match=r"Refusing to restore: the database is not empty \(1 network\."
    ):
        call_command("restore", str(archive))
    assert list(type(organisation).objects.values_list("name", flat=True)) == [
        "Example Rights Network"
    ]
    assert not get_user_model().objects.exists()


def test_a_database_with_more_groups_than_migrations_create_is_refused(archive):
    from django.contrib.auth.models import Group

    Group.objects.create(name="Translators")
    with pytest.raises(CommandError, match=r"3 auth\.group \(migrations create 2\)"):
        call_command("restore", str(archive))
    assert Group.objects.filter(name="Translators").exists()


def test_a_media_folder_with_files_is_refused_and_keeps_them(archive, settings, tmp_path):
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "bali-minutes.txt").write_text("Our own minutes, not the archive's.")
    settings.MEDIA_ROOT = media

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive))

    message = str(refused.value)
    assert f"the media folder {media} is not empty (1 files: documents/bali-minutes.txt)" in message
    assert (media / "documents" / "bali-minutes.txt").read_text() == (
        "Our own minutes, not the archive's."
    )
    assert not get_user_model().objects.exists()


def test_archives_are_readable_by_their_owner_only(archive, home, tmp_path):
    assert archive.stat().st_mode & 0o777 == 0o600

    # Even over a world-readable partial file left by an interrupted run.
    leftover = tmp_path / "site.tar.gz.partial"
    leftover.write_bytes(b"")
    leftover.chmod(0o644)
    call_command("backup", str(tmp_path / "site.tar.gz"), stdout=io.StringIO())
    assert (tmp_path / "site.tar.gz").stat().st_mode & 0o777 == 0o600


def test_backup_reports_what_it_wrote(home, tmp_path):
    out = io.StringIO()
    call_command("backup", str(tmp_path / "site.tar.gz"), stdout=out)
    with tarfile.open(tmp_path / "site.tar.gz") as archive:
        manifest = json.load(archive.extractfile(MANIFEST))
    assert manifest["counts"]["wagtailcore.page"] == Page.objects.count()
    assert f"({Page.objects.count()} pages, 0 revisions)" in out.getvalue()
    assert not (tmp_path / "site.tar.gz.partial").exists()


def test_times_are_kept_to_the_microsecond(home):
    # Django's JSON encoder cuts times to milliseconds: a log entry written at .000123 came
    # back at .000 and the round trip above failed about once in twenty runs.
    when = datetime(2013, 10, 20, 9, 30, 0, 123, tzinfo=UTC)
    entry = PageLogEntry.objects.log_action(home, "wagtail.edit", timestamp=when)
    text = backup_serializers.Serializer().serialize([entry])
    assert "2013-10-20T09:30:00.000123Z" in text
    (restored,) = backup_serializers.Deserializer(text)
    assert restored.object.timestamp == when
