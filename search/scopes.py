"""What a search looks in: the pages as they are (the default), their past versions
(`versions=past`, narrowed to one day with `as_of=YYYY-MM-DD`) or the meetings' background
papers (`in=papers`), and the "Search in" facet that switches between them."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from history.versions import parse_day

from . import facets

SCOPE = "versions"
PAST = "past"
AS_OF = "as_of"
IN = "in"
PAPERS = "papers"


@dataclass
class Scope:
    """Which record a search looks in, as the request asks: `past` versions, `papers`, or
    the pages as they are; for past versions, the day they must have been in force on."""

    past: bool = False
    papers: bool = False
    as_of: object = None
    notes: list = field(default_factory=list)

    @property
    def filters(self):
        """The parameters that keep this scope in the page's links and form."""
        if self.papers:
            return {IN: PAPERS}
        if not self.past:
            return {}
        return {SCOPE: PAST, **({AS_OF: self.as_of.isoformat()} if self.as_of else {})}


def read_scope(params):
    """The scope a request asks for. Values it cannot read are left out, with a note: a
    `versions=` other than `past`, an `in=` other than `papers`, an `as_of` that is not a
    date (an `as_of` date alone asks for past versions)."""
    scope = Scope()
    versions = params.get(SCOPE, "").strip()
    if versions == PAST:
        scope.past = True
    elif versions:
        scope.notes.append(
            _(
                "“%(given)s” is not a choice (only “%(choice)s”), so the current pages were "
                "searched."
            )
            % {"given": f"{SCOPE}={versions[:40]}", "choice": f"{SCOPE}={PAST}"}
        )
    as_of = params.get(AS_OF, "").strip()
    if as_of:
        day = parse_day(as_of)
        if day is None:
            scope.notes.append(
                _(
                    "“%(given)s” is not a date (give one as YYYY-MM-DD, e.g. 2014-06-01), so "
                    "versions in force on any day were searched."
                )
                % {"given": as_of[:40]}
            )
        else:
            scope.past, scope.as_of = True, day
    where = params.get(IN, "").strip()
    if where == PAPERS and not scope.past:
        scope.papers = True
    elif where == PAPERS:
        scope.notes.append(_("Past versions and background papers are searched one at a time."))
    elif where:
        scope.notes.append(
            _("“%(given)s” is not a choice (only “%(choice)s”), so it was left out.")
            % {"given": f"{IN}={where[:40]}", "choice": f"{IN}={PAPERS}"}
        )
    return scope


def scope_facet(query_text, scope, count, papers=None):
    """The "Search in" facet: current pages, past versions or background papers, the one
    searched marked with its count, and the background papers with theirs when they were
    searched too (`papers`: none of the pages had the words)."""
    choices = [
        ("current", _("Current pages"), not (scope.past or scope.papers), {}),
        (PAST, _("Past versions"), scope.past, {SCOPE: PAST}),
        (PAPERS, _("Background papers"), scope.papers, {IN: PAPERS}),
    ]
    return facets.Facet(
        "scope",
        _("Search in"),
        [
            {
                "value": value,
                "label": label,
                "count": count if active else (papers if value == PAPERS else None),
                "active": active,
                "href": facets.link(query_text, filters),
            }
            for value, label, active, filters in choices
        ],
    )
