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
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.url_routing import RouteResult

from pagecache.rules import reads_query

from .diff import Section, diff_sections
from .feeds import PageHistoryFeed
from .versions import PageHistory, parse_day


class PublicHistoryMixin(RoutablePageMixin):
    """Gives a page its public history. Pages describe their content for diffs in
    `history_sections()`."""

    has_public_history = True
    history_per_page = 20
    # {person id (str): name} as a version being shown recorded them; None on the live page.
    recorded_names = None

    def history_sections(self):
        return [Section("title", "", "Title", self.title)]

    def history(self):
        return PageHistory(self.pk)

    def route(self, request, path_components):
        """A page taken off the site keeps its public history: its history routes still
        answer (everything else of it is gone, as for any page that is not live)."""
        if not self.live and path_components and path_components[0] in {"history", "as-of"}:
            try:
                view, args, kwargs = self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                pass
            else:
                if self.history().versions:
                    return RouteResult(self, args=(view, args, kwargs))
        return super().route(request, path_components)

    def as_published(self, version):
        """This page as `version` read, from the record, naming people as it named them."""
        old_page = self.with_content_json(version.entry.content)
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
                request, f"This page has no published version with the number {revision_id}."
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
        old_page = self.as_published(version)
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
            self.as_published(older).history_sections(),
            self.as_published(newer).history_sections(),
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
            first = history.first
            if first is not None and parsed < timezone.localtime(first.published_at).date():
                message = (
                    f"This page did not exist yet on {parsed:%-d %B %Y}: it was first "
                    f"published on {timezone.localtime(first.published_at):%-d %B %Y}."
                )
            else:
                message = f"This page was not in force on {parsed:%-d %B %Y}."
            return self.not_found(request, message)
        return self.render_version(request, history, version, as_of=parsed)

    @path("history/feed/", name="history_feed")
    def history_feed(self, request):
        return PageHistoryFeed()(request, page=self)
