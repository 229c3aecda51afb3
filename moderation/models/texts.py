"""What a revision says, as a digest: an edit of the text and a save that changed nothing a
reader sees (a comment, a re-save) are told apart by it."""

import hashlib
import json

from django.db import models
from django.utils import translation
from wagtail.models import Revision


def text_of(obj):
    """What a reader sees of `obj` (a page or record as a revision holds it): its sections
    for the public history, or, for objects without them, its stored fields.

    Read untranslated: sections name choices in the reader's language (a seat's role), and
    one text must give one digest whatever language the admin of the person saving speaks.
    """
    with translation.override(None):
        sections = getattr(obj, "history_sections", None)
        if sections is not None:
            return [[s.key, s.number, s.heading, s.text] for s in sections()]
        return sorted((k, str(v)) for k, v in obj.serializable_data().items() if k != "comments")


class RevisionText(models.Model):
    """The digest of one revision's text, computed once."""

    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, primary_key=True, related_name="text_digest"
    )
    digest = models.CharField(max_length=64)

    def __str__(self):
        return f"Revision {self.revision_id}: {self.digest[:12]}"

    @staticmethod
    def digest_of(revision):
        text = json.dumps(text_of(revision.as_object()), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()

    @classmethod
    def digests(cls, revisions):
        """{revision id: digest} for `revisions`, in one query for those already digested."""
        found = dict(
            cls.objects.filter(revision__in=revisions).values_list("revision_id", "digest")
        )
        missing = [cls(revision=r, digest=cls.digest_of(r)) for r in revisions if r.pk not in found]
        cls.objects.bulk_create(missing, ignore_conflicts=True)
        found.update((row.revision_id, row.digest) for row in missing)
        return found
