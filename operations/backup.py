"""Backup archives: the database content, the media files and a manifest, in one .tar.gz.

An archive holds:

    manifest.json   format version, when and from what it was made, objects per model,
                    the sha256 of every other member
    data.json       the database content, as `dumpdata --natural-foreign` writes it
    media/...       every file under MEDIA_ROOT

Content types and permissions are referenced by natural key (migrations create them, with
different ids on each database); every other row keeps its primary key, because page
revisions and StreamField blocks refer to users, pages and documents by id
(see operations/serializers.py).
Derived data (search index, reference index) is left out and rebuilt after a restore.
"""

import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import tempfile
from collections import Counter
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import ProtectedError
from django.utils import timezone

from .backup_scope import (
    EXCLUDED,
    emptiness_problem,
    media_files,
    media_problem,
    restorable_models,
)

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA_PREFIX = "media/"
SERIALIZER = "bbwiki_backup_json"


# Models that moved app since archives of this format were first written: old label -> new.
RENAMED_MODELS = {"moderation.changesummary": "history.changesummary"}

# Archives are readable by their owner only: they hold password hashes and private pages.
ARCHIVE_MODE = 0o600
SHA256 = re.compile(r"[0-9a-f]{64}")


class BackupError(Exception):
    """The archive cannot be made or restored; the message says why, for the operator."""


def _sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def count_objects(records):
    """Objects per model label ("wagtailcore.page": 12) in dumpdata records."""
    return dict(sorted(Counter(record["model"] for record in records).items()))


def create_backup(destination, database=DEFAULT_DB_ALIAS):
    """Write the archive to `destination` (replaced atomically) and return its manifest."""
    destination = Path(destination).resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="bbwiki-backup-") as tmp:
        data_path = Path(tmp) / DATA
        serializers.register_serializer(SERIALIZER, "operations.serializers")
        # One transaction, so the dump is a consistent snapshot while the site keeps running.
        with transaction.atomic(using=database):
            call_command(
                "dumpdata",
                format=SERIALIZER,
                exclude=EXCLUDED,
                natural_foreign=True,
                use_base_manager=True,
                database=database,
                output=str(data_path),
                verbosity=0,
            )
        with open(data_path, encoding="utf-8") as f:
            counts = count_objects(json.load(f))

        members = {DATA: data_path}
        for path in media_files(media_root):
            members[MEDIA_PREFIX + path.relative_to(media_root).as_posix()] = path

        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database": connections[database].vendor,
            "counts": counts,
            "files": {name: _sha256_file(path) for name, path in members.items()},
        }
        partial = destination.with_name(destination.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, ARCHIVE_MODE)
        # A partial file left by an earlier run keeps its mode through O_CREAT: set it again.
        os.fchmod(descriptor, ARCHIVE_MODE)
        with (
            os.fdopen(descriptor, "wb") as file,
            tarfile.open(fileobj=file, mode="w:gz") as archive,
        ):
            encoded = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(encoded)
            info.mtime = int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(encoded))
            for name, path in members.items():
                archive.add(path, arcname=name, recursive=False)
        os.replace(partial, destination)
    return manifest


def _safe_member_name(name):
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name == path.as_posix()


def manifest_problem(manifest):
    """Why `manifest` (as read from JSON) is not one a backup writes, or None.

    A manifest is an object with this format's number, text for when and from what database it
    was made, `counts` of rows per model this site has, and `files`: names with their sha256.
    """
    if not isinstance(manifest, dict):
        return f"the manifest is {type(manifest).__name__}, not an object"
    if manifest.get("format") != FORMAT_VERSION:
        return (
            f"unknown backup format {manifest.get('format')!r} "
            f"(this version reads format {FORMAT_VERSION})"
        )
    for key in ("created_at", "database"):
        if not isinstance(manifest.get(key), str):
            return f"the manifest's {key!r} is missing or not text"
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(name, str) and isinstance(digest, str) and SHA256.fullmatch(digest)
        for name, digest in files.items()
    ):
        return "the manifest's 'files' is not a list of names with their sha256"
    if DATA not in files:
        return f"the manifest lists no {DATA}"
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts.values()
    ):
        return "the manifest's 'counts' is missing or not a number of rows per model"
    known = {model._meta.label_lower for model in restorable_models()}
    unknown = sorted(set(counts) - known - set(RENAMED_MODELS))
    if unknown:
        return f"the manifest counts rows of models this site does not have: {', '.join(unknown)}"
    return None


def read_archive(source, workdir):
    """Check `source` and unpack it into `workdir`; return the manifest.

    Raises BackupError for anything wrong: unreadable or truncated file, missing or malformed
    manifest (`manifest_problem`), unknown format, missing, extra or altered members.
    """
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such file.")
    workdir = Path(workdir)
    try:
        with tarfile.open(source, "r:gz") as archive:
            try:
                manifest_member = archive.getmember(MANIFEST)
            except KeyError:
                raise BackupError(
                    f"{source} is not a bbwiki backup: it has no {MANIFEST}."
                ) from None
            if not manifest_member.isfile():
                raise BackupError(f"{source} is damaged: its {MANIFEST} is not a file.")
            manifest = json.load(archive.extractfile(manifest_member))
            problem = manifest_problem(manifest)
            if problem:
                raise BackupError(f"{source}: {problem}.")
            expected = manifest["files"]
            seen = set()
            for member in archive:
                if member.name == MANIFEST:
                    continue
                if member.name not in expected or not member.isfile():
                    raise BackupError(
                        f"{source} is damaged: {member.name!r} is not listed in the manifest."
                    )
                if not _safe_member_name(member.name):
                    raise BackupError(f"{source} is damaged: unsafe member name {member.name!r}.")
                target = workdir / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with archive.extractfile(member) as src, open(target, "wb") as dst:
                    for chunk in iter(lambda src=src: src.read(1 << 20), b""):
                        digest.update(chunk)
                        dst.write(chunk)
                if digest.hexdigest() != expected[member.name]:
                    raise BackupError(
                        f"{source} is damaged: the checksum of {member.name} does not match "
                        "the manifest."
                    )
                seen.add(member.name)
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise BackupError(f"{source} is damaged or not a backup archive ({error}).") from error
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"{source} is damaged: missing {', '.join(missing[:5])}.")
    return manifest


def _unapplied_migrations(database):
    executor = MigrationExecutor(connections[database])
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def _delete_everything(database):
    """Delete what migrations created in the restored tables, whatever order protection needs."""
    pending = [m for m in restorable_models() if m._base_manager.using(database).exists()]
    while pending:
        blocked = []
        for model in pending:
            try:
                with transaction.atomic(using=database):
                    model._base_manager.using(database).all().delete()
            except ProtectedError:
                blocked.append(model)
        if len(blocked) == len(pending):
            names = ", ".join(m._meta.label for m in blocked)
            raise BackupError(f"Cannot clear the migration-created rows of {names}.")
        pending = blocked


def _rename_moved_models(data_path, manifest):
    """Give the rows of models that have moved app their new label, in the unpacked data and
    in the manifest's counts, so archives written before the move restore as they are."""
    counts = manifest.get("counts") or {}
    if not RENAMED_MODELS.keys() & counts.keys():
        return
    with open(data_path, encoding="utf-8") as f:
        records = json.load(f)
    for record in records:
        record["model"] = RENAMED_MODELS.get(record["model"], record["model"])
    with open(data_path, "w", encoding="utf-8") as f:
        json.dump(records, f)
    manifest["counts"] = {RENAMED_MODELS.get(label, label): n for label, n in counts.items()}


def restore_backup(source, database=DEFAULT_DB_ALIAS, media_root=None):
    """Load the archive at `source` into an empty, migrated database and an empty media
    folder; return its manifest.

    Nothing is changed unless the whole archive checks out and the database and the media
    folder are empty (`emptiness_problem`, `media_problem`); the
    database part happens in one transaction, and media files written before a failure are
    removed again.
    """
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="bbwiki-restore-") as tmp:
        manifest = read_archive(source, tmp)
        if _unapplied_migrations(database):
            raise BackupError(
                "The database has unapplied migrations: run `manage.py migrate` first, then "
                "restore into the empty, migrated database."
            )
        problems = [p for p in (emptiness_problem(database), media_problem(media_root)) if p]
        if problems:
            raise BackupError(
                f"Refusing to restore: {'; '.join(problems)}. Restore only loads into an empty "
                "database and media folder, so that it replaces nothing: create a new database, "
                "run `manage.py migrate`, empty or move the media folder, then restore."
            )
        data_path = Path(tmp) / DATA
        _rename_moved_models(data_path, manifest)
        written = []
        try:
            with transaction.atomic(using=database):
                _delete_everything(database)
                try:
                    call_command("loaddata", str(data_path), database=database, verbosity=0)
                except DeserializationError as error:
                    raise BackupError(
                        f"{source}: its {DATA} cannot be loaded into this site ({error})."
                    ) from error
                restored = {
                    label: apps.get_model(label)._base_manager.using(database).count()
                    for label in manifest["counts"]
                }
                if restored != manifest["counts"]:
                    differ = sorted(
                        label for label in restored if restored[label] != manifest["counts"][label]
                    )
                    raise BackupError(
                        f"The restored counts differ from the manifest for {', '.join(differ)}."
                    )
                for name in manifest["files"]:
                    if not name.startswith(MEDIA_PREFIX):
                        continue
                    target = media_root / name.removeprefix(MEDIA_PREFIX)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(Path(tmp) / name, target)
                    written.append(target)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    return manifest
