"""The counts a statement keeps of its public signatures always equal a count made afresh,
whatever happens to the signatures: confirming (twice), withdrawing, hiding, showing again,
reconfirming on a new text, purging."""

import datetime

import pytest

from statements.models import Signature, SignatureCount, StatementPage
from statements.tasks import purge_unconfirmed
from tests.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def kept(statement):
    return sorted(
        (r["region"], r["country"], r["kind"], r["revision_id"], r["n"])
        for r in (SignatureCount.rows(statement))
    )


def recounted(statement):
    return sorted(
        (r["region"], r["country"], r["kind"], r["revision_id"], r["n"])
        for r in Signature.objects.filter(statement=statement).counts()
    )


def test_the_kept_counts_follow_every_change(statement, committee):
    old = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=40)
    pending = [SignatureFactory(statement=statement, confirmed_at=None) for _ in range(4)]
    SignatureFactory(statement=statement, confirmed_at=None, signed_at=old)
    SignatureFactory(
        statement=statement, for_organisation=True, country="BR", region="latin_america"
    )

    assert pending[0].confirm() is True
    assert Signature.objects.get(pk=pending[0].pk).confirm() is False  # a second click
    pending[1].confirm()
    pending[2].confirm()
    pending[1].withdraw()
    assert pending[1].withdraw() is False
    pending[2].review, pending[2].hidden_reason = "hidden", "Spam"
    pending[2].record_review(committee[0], was_public=True)
    assert recounted(statement) == kept(statement)
    pending[2].review = "approved"
    pending[2].record_review(committee[0], was_public=False)
    statement = StatementPage.objects.get(pk=statement.pk)
    statement.body = "<p>A new text.</p>"
    revision = statement.save_revision()
    revision.publish()
    pending[0].reconfirm(revision)
    purge_unconfirmed.call()

    assert recounted(statement) == kept(statement)
    assert sum(row[-1] for row in kept(statement)) == 3


def test_rebuilding_counts_again_from_the_signatures(statement):
    Signature.objects.bulk_create(
        Signature(
            statement=statement,
            kind="individual",
            name=f"S{n}",
            country="FR",
            region="europe",
            email=f"s{n}@example.org",
            revision_id=statement.live_revision_id,
            confirmed_at=datetime.datetime.now(datetime.UTC),
        )
        for n in range(5)
    )
    assert kept(statement) == []

    SignatureCount.rebuild(statement)

    assert (
        kept(statement)
        == recounted(statement)
        == [("europe", "FR", "individual", statement.live_revision_id, 5)]
    )
