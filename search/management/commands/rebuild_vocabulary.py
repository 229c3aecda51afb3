from django.core.management.base import BaseCommand

from search import spelling
from search.models import VocabularyState


class Command(BaseCommand):
    help = (
        "Rebuild the search's spelling vocabulary from every live, public page. It keeps itself "
        "up to date as pages change; run this after changes made without Django's signals "
        "(loading pages in bulk, QuerySet.update(), raw SQL); `restore` runs it."
    )

    def handle(self, *args, **options):
        spelling.rebuild()
        if options["verbosity"]:
            languages = VocabularyState.objects.get(pk=spelling.STATE_PK).languages
            for language in sorted(languages):
                vocabulary = spelling.vocabulary(language)
                self.stdout.write(
                    f"Spelling vocabulary rebuilt ({language}): {len(vocabulary.counts)} words "
                    f"from {vocabulary.pages} pages."
                )
