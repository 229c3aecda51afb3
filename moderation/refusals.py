"""Why a decision was refused, as something code can act on without reading the sentence.

A `Refusal` is a `PermissionDenied` (so code that only knows Django's exception still stops)
carrying the reason a person reads, in their language, and whether the refusal is a conflict:
the thing decided on changed or was settled since the person read it (HTTP 409), rather than
the person not being allowed to decide at all (HTTP 403). Callers choose the status from
`status`, never from the wording, which is translated.
"""

from django.core.exceptions import PermissionDenied


class Refusal(PermissionDenied):
    """A refused decision: `str(refusal)` is the reason for a person; `status` is 409 for a
    conflict and 403 otherwise."""

    def __init__(self, message, *, conflict=False):
        super().__init__(message)
        self.message = message
        self.conflict = conflict

    def __str__(self):
        return str(self.message)

    @property
    def status(self):
        return 409 if self.conflict else 403


class Conflict(Refusal):
    """Refused because what was decided on changed or was settled since it was read."""

    def __init__(self, message):
        super().__init__(message, conflict=True)
