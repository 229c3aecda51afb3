from django.core.management.base import BaseCommand

from papers.models import Paper
from papers.services import extract_text, needs_reading


class Command(BaseCommand):
    help = (
        "Read the text of every document whose file has not been read yet (documents "
        "uploaded before documents carried their text, or whose job was lost), here and now."
    )

    def handle(self, *args, **options):
        states = {}
        for paper in Paper.objects.order_by("pk").iterator():
            if needs_reading(paper):
                state = extract_text(paper.pk)
                states[state] = states.get(state, 0) + 1
        read = ", ".join(f"{count} {state}" for state, count in states.items()) or "none"
        self.stdout.write(f"Documents read: {read}.")
