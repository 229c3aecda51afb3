"""The Popolo JSON Schemas (draft-03), from ../shared/popolo/ beside the clone (CI has them
there; BBWIKI_SHARED_DIR names another place), with every `$ref` resolved to those files and
never over the network. Formats are checked too (`uri`, `date-time`, `email`)."""

import json

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource

from tests.shared_files import not_found_reason, shared_file

# Each list of a Popolo document, and the schema its records follow.
SCHEMA_OF_LIST = {
    "organizations": "organization",
    "persons": "person",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "motions": "motion",
}


def load_validators():
    """{list name: validator}; fails (never skips) when the schemas cannot be found, so that
    `make test` cannot pass without validating."""
    anchor = shared_file("popolo", "person.json")
    if anchor is None:
        pytest.fail("The Popolo schemas: " + not_found_reason("popolo", "person.json"))
    schemas = [json.loads(path.read_text()) for path in sorted(anchor.parent.glob("*.json"))]
    registry = Registry().with_resources(
        (uri, Resource.from_contents(schema))
        for schema in schemas
        for uri in (schema["id"], schema["id"].rstrip("#"))
    )
    by_id = {schema["id"]: schema for schema in schemas}
    return {
        name: Draft3Validator(
            by_id[f"http://www.popoloproject.com/schemas/{schema}.json#"],
            registry=registry,
            format_checker=Draft3Validator.FORMAT_CHECKER,
        )
        for name, schema in SCHEMA_OF_LIST.items()
    }


def schema_errors(validators, list_name, records):
    """Every schema error in `records` of `list_name`, as readable lines ([] when valid)."""
    return [
        f"{list_name}[{index}] {record.get('id')}: {error.message} at {list(error.absolute_path)}"
        for index, record in enumerate(records)
        for error in validators[list_name].iter_errors(record)
    ]
