"""The Popolo records as spreadsheet tables: one row per record, one column per field, made
from the same records as the JSON (`popolo.py`), nested fields flattened by their path."""

# {address name: [(column, path in the record), …]}; a path's steps are keys or list indexes.
TABLES = {
    "organizations": [
        ("id", "id"),
        ("name", "name"),
        ("classification", "classification"),
        ("parent_id", "parent_id"),
        ("country", "area.name"),
        ("region", "area.parent.name"),
        ("global_south", "area.parent.global_south"),
        ("website", "links.0.url"),
        ("example", "example"),
    ],
    "people": [
        ("id", "id"),
        ("name", "name"),
        ("page", "links.0.url"),
        ("example", "example"),
    ],
    "posts": [
        ("id", "id"),
        ("label", "label"),
        ("role", "role"),
        ("organization_id", "organization_id"),
    ],
    "memberships": [
        ("id", "id"),
        ("label", "label"),
        ("role", "role"),
        ("person_id", "person_id"),
        ("person_name", "person.name"),
        ("member_organization_id", "member.id"),
        ("organization_id", "organization_id"),
        ("post_id", "post_id"),
        ("start_date", "start_date"),
        ("end_date", "end_date"),
    ],
}


def value_at(record, path):
    """The value at `path` ("area.parent.name", "links.0.url") in `record`, or None."""
    value = record
    for step in path.split("."):
        if isinstance(value, dict):
            value = value.get(step)
        elif isinstance(value, list) and int(step) < len(value):
            value = value[int(step)]
        else:
            return None
    return value


def table(name, records):
    """(columns, rows) of the table `name` for `records`."""
    columns = TABLES[name]
    return (
        [column for column, _ in columns],
        [[value_at(record, path) for _, path in columns] for record in records],
    )
