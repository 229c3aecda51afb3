from django.core.management.base import BaseCommand

from pastversions.wordings import sync_all


class Command(BaseCommand):
    help = (
        "Bring the searchable wordings of past versions up to date with the public record "
        "(after loading pages in bulk, or once on a site that had a record before). Safe to "
        "run again: pages already up to date are left as they are."
    )

    def handle(self, *args, **options):
        pages = sync_all()
        self.stdout.write(f"Past versions of {pages} pages on the record are searchable.")
