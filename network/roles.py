"""What a person did, as the page types that record it describe it (see `Person.roles`)."""

import dataclasses
import datetime


@dataclasses.dataclass(frozen=True)
class RoleEntry:
    """One role on record: `label` links to `page` (at `anchor`), with what and when."""

    page: object
    label: str
    anchor: str = ""
    detail: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None


@dataclasses.dataclass(frozen=True)
class RoleGroup:
    heading: str
    entries: list
