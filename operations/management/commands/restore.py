from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Load an archive written by `manage.py backup` into an empty, migrated database, then "
        "rebuild the search and reference indexes and the spelling vocabulary. Refuses a "
        "non-empty database or a damaged archive and then changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive written by `manage.py backup`")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--skip-index", action="store_true", help="do not rebuild the search index"
        )

    def handle(self, *args, file, database, skip_index, **options):
        try:
            manifest = restore_backup(file, database=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        self.stdout.write(
            f"Restored {sum(counts.values())} objects from {file} "
            f"(made {manifest['created_at']} on {manifest['database']})."
        )
        call_command("rebuild_references_index", verbosity=0)
        call_command("rebuild_vocabulary", verbosity=0)
        if not skip_index:
            call_command("update_index", verbosity=0)
            self.stdout.write("Rebuilt the search index.")
        self.stdout.write(self.style.SUCCESS("Restore complete."))
