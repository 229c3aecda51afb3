"""What a page tells the open data export about itself, as Popolo records.

Popolo (popoloproject.com, spec 1.0) describes people, organisations, posts, memberships and
events. A page type whose pages show any of them says so with a class method,
`popolo_records(pages, request)` (`core.models.BasePage`), returning the `Records` its live,
public `pages` show; the export (`opendata`) gathers them from every page type.

Identifiers are URIs of one fixed scheme, `bestbits:`, made from database ids so that they
survive renames and moves (`opendata` documents them on /data/):

    bestbits:network                         the network itself
    bestbits:organisation/<id>               an organisation on record
    bestbits:organisation/<id>/membership    its membership of the network
    bestbits:person/<id>                     a person on record
    bestbits:page/<id>                       a page that is an organisation or an event:
                                             the steering committee, a task force, a meeting
    bestbits:page/<id>/seat/<seat>           a seat on the committee, by its name
    bestbits:page/<id>/<role>/<person id>    a convenor or member of a task force
    bestbits:seat-term/<id>                  one term on a seat
    bestbits:session/<id>                    a session of a meeting
    bestbits:page/<id>/version/<revision>    a published version, approved as a motion
"""

import dataclasses
from urllib.parse import quote

ID_SCHEME = "bestbits"


def popolo_id(*parts):
    """The identifier made of `parts` under the scheme, each part escaped for a URI."""
    return f"{ID_SCHEME}:" + "/".join(quote(str(part), safe="") for part in parts)


NETWORK_ID = popolo_id("network")


def popolo_date(value):
    """A date (or datetime) as Popolo writes it, ISO 8601; None stays None."""
    return value.isoformat() if value else None


def page_source(page, request, anchor=""):
    """A Popolo link to where `page` shows a record (at `#anchor`), on the site's address."""
    return {"url": page.get_full_url(request) + (f"#{anchor}" if anchor else "")}


@dataclasses.dataclass
class Records:
    """Popolo records, each a dict as the Popolo JSON Schemas describe it. A person or an
    organisation may be listed by several pages: the export keeps each identifier once."""

    organizations: list = dataclasses.field(default_factory=list)
    persons: list = dataclasses.field(default_factory=list)
    posts: list = dataclasses.field(default_factory=list)
    memberships: list = dataclasses.field(default_factory=list)
    events: list = dataclasses.field(default_factory=list)

    def extend(self, other):
        for field in dataclasses.fields(self):
            getattr(self, field.name).extend(getattr(other, field.name))
