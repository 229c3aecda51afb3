"""Public history routes for a page: its versions, each as it read, diffs and as-of views.

The routes are named, and every link to them is built from the names
(`page.subpage_url("history_version", revision_id)` in Python, `{% routablepageurl page
"history_version" revision_id %}` in templates):

    history/                      history          every published version, newest first
    history/<id>/                 history_version  one version as it read
    history/<older>/<newer>/      history_diff     what changed between two versions
    history/feed/                 history_feed     the versions as an Atom feed
    as-of/?day=YYYY-MM-DD         as_of_form       the history page's date form lands here
    as-of/<YYYY-MM-DD>/           as_of            the version in force that day
    history.json                  history_json     the history page as data (`data.py`)
    as-of/<YYYY-MM-DD>.json       as_of_json       the version in force that day, as data

The two JSON routes end in `.json` with no slash after it; Wagtail's own URL pattern allows
no dot, so `bbwiki/urls.py` sends such addresses to Wagtail's page view itself. They answer
only for pages anyone may read: a view-restricted page's are not found (`wagtail_hooks.py`).
"""

import dataclasses

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.url_routing import RouteResult

from core.data_responses import JSON, NotFound, json_body, json_error, paginate
from pagecache.rules import reads_query

from .cache import cached_response
from .data import history_data, version_content
from .diff import Section, diff_sections
from .feeds import PageHistoryFeed
from .versions import PageHistory, parse_day

JSON_SUFFIX = ".json"
PUBLIC_RECORD_ROUTES = {"history", "as-of"}


class PublicHistoryMixin(RoutablePageMixin):
    """Gives a page its public history. Pages describe their content for diffs in
    `history_sections()`; a section naming another page names it only if whoever the page is
    `shown_to` may view it (`core.visibility.may_view`)."""

    has_public_history = True
    history_per_page = 20
    # {person id (str): name} as a version being shown recorded them; None on the live page.
    recorded_names = None
    # The day a version being shown is read on (the as-of day, or the day it was published),
    # for what a page works out from dates ("seats now"); None on the live page: today.
    shown_on = None
    # The request of the visitor a version is being shown to; None: anyone (the public record
    # as data, feeds, notices), so only pages anyone may view are named.
    shown_to = None

    def history_sections(self):
        return [Section("title", "", "Title", self.title)]

    def data_content(self):
        """The page's content as data, for `as-of/<day>.json`: by default the sections its
        diffs compare."""
        return {
            "title": self.title,
            "sections": [dataclasses.asdict(section) for section in self.history_sections()],
        }

    def history(self):
        return PageHistory(self.pk)

    def route(self, request, path_components):
        """JSON routes are matched without the slash other routes end with. A page taken off
        the site keeps its public history: its history routes still answer (everything else
        of it is gone, as for any page that is not live)."""
        as_json = bool(path_components) and path_components[-1].endswith(JSON_SUFFIX)
        public_record = bool(path_components) and path_components[0] in PUBLIC_RECORD_ROUTES
        if as_json or (public_record and not self.live):
            subpath = "/" + "/".join(path_components) + ("" if as_json else "/")
            try:
                view, args, kwargs = self.resolve_subpage(subpath)
            except Http404:
                pass
            else:
                if self.live or self.history().versions:
                    return RouteResult(self, args=(view, args, kwargs))
        return super().route(request, path_components)

    def as_published(self, version, request=None):
        """This page as `version` read, from the record, naming people as it named them, shown
        to the visitor making `request` (None: anyone)."""
        old_page = self.with_content_json(version.entry.content)
        old_page.shown_to = request
        # The stored copy predates its own publication: say when this version went live.
        old_page.last_published_at = version.published_at
        old_page.recorded_names = version.entry.names
        return old_page

    def name_on_record(self, person):
        """`person`'s name as the version shown recorded it (their name now on the live page)."""
        return (self.recorded_names or {}).get(str(person.pk), person.name)

    def subpage_url(self, name, *args, request=None):
        """The URL of this page's route `name` with `args`."""
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    def not_found(self, request, message):
        return TemplateResponse(
            request, "404.html", {"exception": message, "page": self}, status=404
        )

    def _version_or_404(self, request, history, revision_id):
        version = history.get(revision_id)
        if version is None:
            return None, self.not_found(
                request,
                _("This page has no published version with the number %(number)s.")
                % {"number": revision_id},
            )
        return version, None

    @path("history/", name="history")
    @reads_query("page")
    def history_index(self, request):
        history = self.history()
        paginator = Paginator(history.newest_first(), self.history_per_page)
        page_of_versions = paginator.get_page(request.GET.get("page"))
        return TemplateResponse(
            request,
            "history/history_index.html",
            {"page": self, "history": history, "versions": page_of_versions},
        )

    @path("history/<int:revision_id>/", name="history_version")
    def history_version(self, request, revision_id):
        history = self.history()
        version, refusal = self._version_or_404(request, history, revision_id)
        if refusal:
            return refusal
        return self.render_version(request, history, version)

    def render_version(self, request, history, version, as_of=None):
        old_page = self.as_published(version, request)
        old_page.shown_on = as_of or timezone.localtime(version.published_at).date()
        context = old_page.get_context(request)
        context.update(
            version=version,
            history=history,
            current_page=self,
            as_of=as_of,
            recorded_names=version.entry.names,
        )
        return TemplateResponse(request, old_page.get_template(request), context)

    @path("history/<int:older_id>/<int:newer_id>/", name="history_diff")
    def history_diff(self, request, older_id, newer_id):
        history = self.history()
        older, refusal = self._version_or_404(request, history, older_id)
        if refusal:
            return refusal
        newer, refusal = self._version_or_404(request, history, newer_id)
        if refusal:
            return refusal
        if older.number >= newer.number:
            in_order = sorted([older, newer], key=lambda version: version.number)
            return self.not_found(
                request,
                "To compare two versions, give the older one first: "
                + self.subpage_url(
                    "history_diff", *(v.revision_id for v in in_order), request=request
                ),
            )
        changes = diff_sections(
            self.as_published(older, request).history_sections(),
            self.as_published(newer, request).history_sections(),
        )
        return TemplateResponse(
            request,
            "history/history_diff.html",
            {
                "page": self,
                "older": older,
                "newer": newer,
                "changes": changes,
                "changed": [c for c in changes if c.kind != "unchanged"],
            },
        )

    @path("as-of/", name="as_of_form")
    def as_of_form(self, request):
        """The history page's date form submits here; send it on to the date's address."""
        day = request.GET.get("day", "").strip()
        if parse_day(day) is None:
            return self.not_found(
                request, "Give a date as YYYY-MM-DD to read this page as it was on that day."
            )
        return redirect(self.subpage_url("as_of", day, request=request))

    @path("as-of/<str:day>/", name="as_of")
    def as_of(self, request, day):
        parsed = parse_day(day)
        if parsed is None:
            return self.not_found(
                request, f"“{day}” is not a date. Give one as YYYY-MM-DD, e.g. 2014-03-01."
            )
        history = self.history()
        version = history.in_force_on(parsed)
        if version is None:
            return self.not_found(request, history.not_in_force_reason(parsed))
        return self.render_version(request, history, version, as_of=parsed)

    @path("history.json", name="history_json")
    @method_decorator(require_safe)
    def history_json(self, request):
        def build():
            history = self.history()
            versions, pagination = paginate(request, history.newest_first(), self.history_per_page)
            return json_body(history_data(self, history, versions, pagination, request)), JSON

        return cached_response(request, build)

    @path("as-of/<str:day>.json", name="as_of_json")
    @method_decorator(require_safe)
    def as_of_json(self, request, day):
        parsed = parse_day(day)
        if parsed is None:
            return json_error(f"“{day}” is not a date. Give one as YYYY-MM-DD, e.g. 2014-03-01.")

        def build():
            history = self.history()
            version = history.in_force_on(parsed)
            if version is None:
                raise NotFound(history.not_in_force_reason(parsed))
            return json_body(version_content(self, version, request, day=parsed)), JSON

        return cached_response(request, build)

    @path("history/feed/", name="history_feed")
    def history_feed(self, request):
        return PageHistoryFeed()(request, page=self)
