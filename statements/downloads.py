"""The public signatory list as CSV and JSON, streamed row by row (memory stays flat however
many signatures there are).

Only public fields are written, never an email address; every row carries the signature's
stable id, the same in both formats and in every download.
"""

import csv
import json

from django.http import StreamingHttpResponse

from .countries import country_choices, is_global_south
from .models.signatures import Signature

COLUMNS = [
    "id",
    "kind",
    "organisation",
    "name",
    "role",
    "affiliation",
    "country",
    "country_name",
    "region",
    "global_south",
    "website",
    "comment",
    "signed_on",
    "text_version",
    "signed_current_text",
]
FIELDS = [
    "pk",
    "kind",
    "organisation_name",
    "name",
    "role",
    "country",
    "region",
    "website",
    "comment",
    "confirmed_at",
    "revision_id",
]
CHUNK = 2000


def records(statement, text_versions):
    """One tuple of COLUMNS per public signature, organisations first, in the order they
    signed."""
    names = dict(country_choices())
    numbers = {}
    rows = statement.public_signatures().listed().values_list(*FIELDS).iterator(CHUNK)
    for pk, kind, org, name, role, country, region, website, comment, at, revision_id in rows:
        if revision_id not in numbers:
            numbers[revision_id] = (
                text_versions.number(revision_id),
                text_versions.is_current(revision_id),
            )
        is_organisation = kind == Signature.Kind.ORGANISATION
        yield (
            pk,
            kind,
            org if is_organisation else "",
            name,
            role if is_organisation else "",
            "" if is_organisation else org,
            country,
            names.get(country, ""),
            region,
            is_global_south(region),
            website if is_organisation else "",
            comment,
            at.date().isoformat(),
            *numbers[revision_id],
        )


def batched(lines):
    """Lines joined in chunks of CHUNK: fewer, larger writes to the client."""
    chunk = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == CHUNK:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


class _Line:
    """A file-like object whose write() hands back the line, for csv.writer to stream."""

    def write(self, value):
        return value


def csv_lines(statement, text_versions):
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    yield from batched(writer.writerow(record) for record in records(statement, text_versions))


def json_chunks(statement, text_versions):
    header = {
        "statement": statement.title,
        "url": statement.full_url,
        "current_text_version": text_versions.current,
    }
    yield json.dumps(header)[:-1] + ', "signatories": [\n'
    lines = (
        json.dumps(dict(zip(COLUMNS, record, strict=True)))
        for record in records(statement, text_versions)
    )
    yield from batched(_separated(lines))
    yield "\n]}\n"


def _separated(lines):
    separator = ""
    for line in lines:
        yield separator + line
        separator = ",\n"


def response(statement, text_versions, fmt):
    if fmt == "csv":
        stream, content_type = csv_lines(statement, text_versions), "text/csv; charset=utf-8"
    else:
        stream, content_type = json_chunks(statement, text_versions), "application/json"
    reply = StreamingHttpResponse(stream, content_type=content_type)
    reply["Content-Disposition"] = f'attachment; filename="{statement.slug}-signatories.{fmt}"'
    return reply
