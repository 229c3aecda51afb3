"""The public signatures of each statement, counted as they change.

A statement page shows its signatures counted by region and kind, and by the version of the
text they were signed on; its list filters by region and country. Counting 100,000 rows on
every request is too slow, so each statement keeps its counts here, one row per region,
country, kind and revision signed, changed in the same transaction as the signature whose
becoming public (or ceasing to be) they record (`Signature.confirm`, `withdraw`, `reconfirm`,
`record_review`). `rebuild` counts a statement again from its signatures, for signatures
stored in bulk (the demo, the bench).
"""

from django.db import models, transaction
from django.db.models import F

NO_REVISION = 0


class SignatureCount(models.Model):
    statement = models.ForeignKey(
        "statements.StatementPage", on_delete=models.CASCADE, related_name="signature_counts"
    )
    region = models.CharField(max_length=20)
    country = models.CharField(max_length=2)
    kind = models.CharField(max_length=20)
    # The revision signed (NO_REVISION when it is gone); not a foreign key, so that deleting
    # old revisions never touches the counts.
    revision_id = models.PositiveBigIntegerField(default=NO_REVISION)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "region", "country", "kind", "revision_id"],
                name="statements_one_count_per_group",
            )
        ]

    def __str__(self):
        return f"{self.n} ({self.region}, {self.country}, {self.kind}, {self.revision_id})"

    @classmethod
    def change(cls, signature, delta, revision_id=None):
        """Add `delta` to the count `signature` falls in (on `revision_id` if given)."""
        key = {
            "statement_id": signature.statement_id,
            "region": signature.region,
            "country": signature.country,
            "kind": signature.kind,
            "revision_id": (signature.revision_id if revision_id is None else revision_id)
            or NO_REVISION,
        }
        # Make sure the row exists, then count in the database: safe when two people confirm
        # at the same moment.
        cls.objects.bulk_create([cls(**key)], ignore_conflicts=True)
        cls.objects.filter(**key).update(n=F("n") + delta)

    @classmethod
    def rows(cls, statement):
        """[{region, country, kind, revision_id, n}, …] of the statement's non-zero counts."""
        return list(
            cls.objects.filter(statement=statement, n__gt=0).values(
                "region", "country", "kind", "revision_id", "n"
            )
        )

    @classmethod
    def rebuild(cls, statement):
        """Count the statement's public signatures again, from scratch."""
        from .signatures import Signature

        with transaction.atomic():
            cls.objects.filter(statement=statement).delete()
            cls.objects.bulk_create(
                cls(statement=statement, **{**row, "revision_id": row["revision_id"] or 0})
                for row in Signature.objects.filter(statement=statement).counts()
            )
