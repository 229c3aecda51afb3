"""The links emailed to signatories: signed, expiring tokens (django.core.signing).

A token names one signature on one statement, and what it may do (confirm, withdraw,
reconfirm); each action has its own salt, so a withdrawal link cannot confirm. `read` refuses
a token that was tampered with, has expired, or names another statement, with the reason.
"""

import datetime

from django.core import signing
from django.utils.translation import gettext

from .models.signatures import UNCONFIRMED_DAYS

CONFIRM = "confirm"
WITHDRAW = "withdraw"
RECONFIRM = "reconfirm"
MAX_AGE = {
    # Past this, the unconfirmed signature itself has been deleted.
    CONFIRM: datetime.timedelta(days=UNCONFIRMED_DAYS),
    WITHDRAW: datetime.timedelta(days=3 * 365),
    RECONFIRM: datetime.timedelta(days=90),
}


class TokenRefused(Exception):
    """A link that cannot be used: `message` says why, `status` is the HTTP status to answer."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def make(action, signature, revision_id=None):
    payload = {"s": signature.pk, "p": signature.statement_id}
    if revision_id is not None:
        payload["r"] = revision_id
    return signing.dumps(payload, salt=f"statements.{action}")


def _expired_message(action, days):
    if action == CONFIRM:
        text = gettext(
            "This link has expired: links to confirm a signature work for %(days)s days."
        )
    elif action == WITHDRAW:
        text = gettext(
            "This link has expired: links to withdraw a signature work for %(days)s days."
        )
    else:
        text = gettext(
            "This link has expired: links to reconfirm a signature work for %(days)s days."
        )
    return text % {"days": days}


def read(action, token, statement_id):
    """(signature id, revision id or None) from a valid token for `action` on this statement."""
    try:
        payload = signing.loads(token, salt=f"statements.{action}", max_age=MAX_AGE[action])
    except signing.SignatureExpired as expired:
        raise TokenRefused(
            _expired_message(action, MAX_AGE[action].days),
            status=410,
        ) from expired
    except signing.BadSignature as bad:
        raise TokenRefused(
            gettext("This link is not valid. Check that you copied the whole link from the email.")
        ) from bad
    if not isinstance(payload, dict) or payload.get("p") != statement_id:
        raise TokenRefused(
            gettext("This link belongs to another statement. Open it from the email as it is.")
        )
    return payload.get("s"), payload.get("r")
