from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write one archive (.tar.gz) with the database content, the media files and a manifest "
        "of counts and checksums. Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the archive (.tar.gz)")
        parser.add_argument("--database", default="default")

    def handle(self, *args, file, database, **options):
        try:
            manifest = create_backup(file, database=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {file}: {sum(counts.values())} objects in {len(counts)} models "
                f"({counts.get('wagtailcore.page', 0)} pages, "
                f"{counts.get('wagtailcore.revision', 0)} revisions), {media} media files."
            )
        )
