"""Filters and facets: narrowing the results by kind, by meeting and by year.

Facets are counted over up to `ranking.MAX_HITS` matches from what ranking already loaded
(`ranking.RANKED_FIELDS`), plus one query per page type with a date and one per grouping page
type, however many matches there are. A result's date follows one rule (`Row.date`).
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from wagtail.models import Page

from core.keys import keys_in
from core.tree import ancestor_paths

from .descriptions import group_models, kind_of, page_model


@dataclass(frozen=True)
class Group:
    """A page that results under it are filed under (a meeting), as a facet value."""

    pk: int
    path: str
    title: str
    kind: object
    date: object


@dataclass
class Row:
    """What the facets and the result list need to know about one matching page.

    Its date is the page's own date on record, else that of the group it is filed under (an
    outcome without a date takes its meeting's), else none.
    """

    pk: int
    kind: object
    group: Group | None
    own_date: object = None

    @property
    def date(self):
        return self.own_date or (self.group.date if self.group else None)

    @property
    def year(self):
        return self.date.year if self.date else None

    def value(self, name):
        """This row's value for the facet `name`, as a string, or None."""
        if name == "kind":
            return self.kind.slug
        if name == "year":
            return str(self.year) if self.year else None
        if self.group is not None and self.group.kind.slug == name:
            return str(self.group.pk)
        return None


@dataclass
class Facet:
    name: str
    label: str
    values: list  # [{"value", "label", "count", "active", "href"}]
    clear_href: str = field(default="")


def filter_names():
    """The filters the search page reads: kind, one per grouping page type, year."""
    return ["kind", *(kind_of(model).slug for model in group_models()), "year"]


def link(query_text, filters, **changes):
    """The search URL's query string for these filters with `changes` (None removes one)."""
    params = {"query": query_text, **filters, **changes}
    return "?" + urlencode({name: value for name, value in params.items() if value is not None})


def rows(hits):
    """A Row per hit (slim pages), in rank order: one query per page type that has a date
    and one per grouping page type."""
    models = {ct: page_model(ct) for ct in {hit.content_type_id for hit in hits}}
    ids_by_model = {}
    for hit in hits:
        ids_by_model.setdefault(models[hit.content_type_id], []).append(hit.pk)
    own_dates = {}
    for model, ids in ids_by_model.items():
        column = getattr(model, "search_date_field", None)
        if column:
            pages = model.objects.order_by()
            own_dates.update(pages.filter(keys_in(pages, ids)).values_list("pk", column))
    groups = _groups(hits, models)
    # Hits share their ancestors: each parent's nearest group is looked for once.
    nearest = {}

    def group_of(path):
        if path in groups:
            return groups[path]
        parent = path[: -Page.steplen]
        if not parent:
            return None
        if parent not in nearest:
            nearest[parent] = group_of(parent)
        return nearest[parent]

    kinds = {ct: kind_of(model) for ct, model in models.items()}
    return [
        Row(hit.pk, kinds[hit.content_type_id], group_of(hit.path), own_dates.get(hit.pk))
        for hit in hits
    ]


def _groups(hits, models):
    """{path: Group} of the live grouping pages among the hits and their ancestors.

    `models` maps the hits' content type ids to their page types: a hit is looked for as a
    group only if its type is a grouping one, so the query names the hits' few ancestors,
    not every hit.
    """
    grouping = group_models()
    if not grouping:
        return {}
    grouping_types = {
        ct for ct, model in models.items() if model and issubclass(model, tuple(grouping))
    }
    paths = {hit.path for hit in hits if hit.content_type_id in grouping_types}
    for parent in {hit.path[: -Page.steplen] for hit in hits}:
        paths.update(ancestor_paths(parent))
    found = {}
    for model in grouping:
        column = model.search_date_field or "first_published_at"
        for pk, path, title, date in (
            model.objects.filter(path__in=paths)
            .live()
            .values_list("pk", "path", "title", column)
            .iterator()
        ):
            found[path] = Group(pk, path, title, kind_of(model), date)
    return found


def read_filters(params):
    """{name: value} for the filters asked for, each a string; blank ones left out."""
    return {
        name: params.get(name, "").strip()
        for name in filter_names()
        if params.get(name, "").strip()
    }


def apply_filters(rows, filters, query_text=""):
    """(rows kept, facets, notes about filters that were ignored, filters applied)."""
    notes = []
    active = {}
    for name, value in filters.items():
        if any(row.value(name) == value for row in rows):
            active[name] = value
        else:
            notes.append(
                _("No result matches the %(name)s filter “%(value)s”, so it was left out.")
                % {"name": name, "value": value[:40]}
            )

    def kept(row, skip=None):
        return all(row.value(n) == v for n, v in active.items() if n != skip)

    groups = {str(row.group.pk): row.group for row in rows if row.group is not None}
    facets = []
    for name in filter_names():
        # No other filter applied (the usual case): every row counts, none need checking.
        counted = rows if not active.keys() - {name} else (r for r in rows if kept(r, skip=name))
        counts = Counter(row.value(name) for row in counted)
        counts.pop(None, None)
        if name == "kind":
            label = _("Kind")
            kinds = {row.kind.slug: row.kind for row in rows}
            values = sorted(
                ((slug, _(kinds[slug].label), n) for slug, n in counts.items()),
                key=lambda item: (-item[2], item[1]),
            )
        elif name == "year":
            label = _("Year")
            values = sorted(((v, v, n) for v, n in counts.items()), reverse=True)
        else:
            label = next((_(g.kind.label) for g in groups.values() if g.kind.slug == name), name)
            values = sorted(
                ((v, groups[v].title, n) for v, n in counts.items()),
                key=lambda item: (groups[item[0]].date is not None, groups[item[0]].date),
                reverse=True,
            )
        if values:
            choices = [
                {
                    "value": v,
                    "label": lbl,
                    "count": n,
                    "active": active.get(name) == v,
                    "href": link(query_text, active, **{name: v}),
                }
                for v, lbl, n in values
            ]
            clear = link(query_text, active, **{name: None}) if name in active else ""
            facets.append(Facet(name, label, choices, clear))
    return [row for row in rows if kept(row)] if active else rows, facets, notes, active
