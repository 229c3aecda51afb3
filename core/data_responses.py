"""Answers in JSON and CSV for people who reuse the site's data.

Every answer carries an `ETag` (a digest of its body, so two servers with the same data give
the same one) and a `Last-Modified` (when the body was built, never earlier than the last
change it shows), and a request with a matching `If-None-Match` or a later
`If-Modified-Since` gets `304 Not Modified` with no body. Lists come a page at a time
(`?page=`, with absolute `next` and `previous` links). Anything not found answers 404 with a
JSON body saying why, never an HTML page.
"""

import csv
import dataclasses
import hashlib
import io
import json
import math

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

JSON = "application/json"
CSV = "text/csv; charset=utf-8"


class NotFound(Exception):
    """What was asked for is not there; the message says why, for the person asking."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def json_error(message, status=404):
    return JsonResponse(
        {"error": {"status": status, "message": message}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


@dataclasses.dataclass(frozen=True)
class Representation:
    """A body ready to send, with the validators conditional requests are checked against."""

    body: bytes
    content_type: str
    etag: str
    last_modified: float

    @classmethod
    def of(cls, body, content_type, built_at):
        """`body` (bytes) built from data read no earlier than `built_at` (a timestamp)."""
        digest = hashlib.sha256(body).hexdigest()[:32]
        return cls(body, content_type, quote_etag(digest), built_at)


def json_body(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


def csv_body(columns, rows):
    """A spreadsheet's file: a header of `columns`, then `rows` (lists of values), UTF-8 with
    a byte order mark so that spreadsheet programs read names in any script. A value that a
    spreadsheet would take for a formula is kept as text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([[as_cell(value) for value in row] for row in rows])
    return ("\ufeff" + out.getvalue()).encode()


def as_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def respond(request, representation, headers=None):
    """`representation`, or 304 when the request already has it."""
    last_modified = int(representation.last_modified)
    response = get_conditional_response(
        request, etag=representation.etag, last_modified=last_modified
    )
    if response is None:
        response = HttpResponse(representation.body, content_type=representation.content_type)
    response["ETag"] = representation.etag
    response["Last-Modified"] = http_date(last_modified)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def paginate(request, items, per_page):
    """(this page's items, {count, page, pages, next, previous}) for `?page=` of `items` (a
    list or a query, in a stable order); `NotFound` for a page that is not there."""
    count = len(items) if isinstance(items, list) else items.count()
    pages = max(1, math.ceil(count / per_page))
    asked = request.GET.get("page", "1")
    if not asked.isascii() or not asked.isdigit():
        raise NotFound(f"“{asked}” is not a page number: give ?page=1 to ?page={pages}.")
    number = int(asked)
    if not 1 <= number <= pages:
        raise NotFound(f"There is no page {number}: this list has {pages} page(s).")

    def link(n):
        if not 1 <= n <= pages:
            return None
        query = request.GET.copy()
        query["page"] = str(n)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    start = (number - 1) * per_page
    return items[start : start + per_page], {
        "count": count,
        "page_number": number,
        "pages": pages,
        "next": link(number + 1),
        "previous": link(number - 1),
    }
