"""The public signatory list as CSV and JSON, streamed row by row (memory stays flat however
many signatures there are).

Only public fields are written, never an email address; every row carries the signature's
stable id, the same in both formats and in every download.
"""

import csv
import json

from django.http import StreamingHttpResponse

from .countries import country_name, is_global_south
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
    """One dict per public signature, organisations first, in the order they signed."""
    rows = statement.public_signatures().listed().values_list(*FIELDS).iterator(CHUNK)
    for pk, kind, org, name, role, country, region, website, comment, at, revision_id in rows:
        is_organisation = kind == Signature.Kind.ORGANISATION
        yield {
            "id": pk,
            "kind": kind,
            "organisation": org if is_organisation else "",
            "name": name,
            "role": role if is_organisation else "",
            "affiliation": "" if is_organisation else org,
            "country": country,
            "country_name": country_name(country),
            "region": region,
            "global_south": is_global_south(region),
            "website": website if is_organisation else "",
            "comment": comment,
            "signed_on": at.date().isoformat(),
            "text_version": text_versions.number(revision_id),
            "signed_current_text": text_versions.is_current(revision_id),
        }


class _Line:
    """A file-like object whose write() hands back the line, for csv.writer to stream."""

    def write(self, value):
        return value


def csv_lines(statement, text_versions):
    writer = csv.DictWriter(_Line(), fieldnames=COLUMNS)
    yield writer.writeheader()
    for record in records(statement, text_versions):
        yield writer.writerow(record)


def json_chunks(statement, text_versions):
    header = {
        "statement": statement.title,
        "url": statement.full_url,
        "current_text_version": text_versions.current,
    }
    yield json.dumps(header)[:-1] + ', "signatories": ['
    separator = "\n"
    for record in records(statement, text_versions):
        yield separator + json.dumps(record)
        separator = ",\n"
    yield "\n]}\n"


def response(statement, text_versions, fmt):
    if fmt == "csv":
        stream, content_type = csv_lines(statement, text_versions), "text/csv; charset=utf-8"
    else:
        stream, content_type = json_chunks(statement, text_versions), "application/json"
    reply = StreamingHttpResponse(stream, content_type=content_type)
    reply["Content-Disposition"] = f'attachment; filename="{statement.slug}-signatories.{fmt}"'
    return reply
