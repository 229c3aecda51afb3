"""Rows by a long list of primary keys, as one filter."""

import json

from django.db import connections
from django.db.models import Q
from django.db.models.expressions import RawSQL


def keys_in(queryset, pks):
    """A filter for the rows of `queryset` whose primary key is one of `pks` (a list).

    On SQLite, integer keys are one JSON parameter read by `json_each` instead of a bound
    parameter each: Django prepares an IN list's parameters one by one in Python, which for
    the hundreds of keys of a search's matches costs about as much as running the query.
    The same rows either way."""
    if connections[queryset.db].vendor == "sqlite" and all(type(pk) is int for pk in pks):
        # A constant query; the keys are its one bound parameter.
        keys = RawSQL("SELECT value FROM json_each(%s)", (json.dumps(pks),))  # noqa: S611
        return Q(pk__in=keys)
    return Q(pk__in=pks)
