"""The page every page type of the site builds on."""

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page
from wagtail.permissions import policy_registry
from wagtail.search import index

from .api_fields import api_fields_for
from .forms import ChangeSummaryPageForm, change_summary_panel
from .open_data import Records
from .search import PageKind, Part
from .text import linked_pages, plain_text

SECTION = PageKind("section", gettext_noop("Section"))


class BasePage(Page):
    """A page of the site: edited with a change summary, and describing itself to search.

    Every page type's content panels end with the change summary (added here, so page types
    list only their own panels). Search asks the page, never a table of page types:

    - `search_kind`: what a newcomer calls this kind of page (facets, the result's label);
    - `search_date_field`: the date field the page is on record for (an outcome's date, a
      meeting's start), or None; see `search_date()`;
    - `search_groups_descendants`: results under a page of this type are filed under it
      (a meeting and its outcomes), giving search a facet named by the type's kind;
    - `search_parts()`: the page's readable text in parts a result can link to (clauses,
      sessions), with `search_prefetch` the related rows it reads, fetched for many at once;
    - `search_shows_children`: what the page is found by includes its children (a list of
      them by status), so it is indexed again when they change.

    Link previews and the open data export ask it too:

    - `preview_text()`: a sentence or two saying what the page is, for link previews;
    - `popolo_records(pages, request)`: what the live, public `pages` of the type show as
      Popolo records (`core.open_data`); most pages show none.

    Page types index what they show by extending `BasePage.search_fields`, which adds the
    page's kind ("task force", "procedure") to its searchable text and the labels of its
    parts (clause, session and seat titles) to what the search box suggests.
    """

    base_form_class = ChangeSummaryPageForm

    search_kind = SECTION
    # Whether the page says how something is done (a procedure): among pages that name what
    # was asked, a question "how do I …" ranks it higher (`search.ranking.titles_first`).
    search_answers_how = False
    search_date_field = None
    search_groups_descendants = False
    search_prefetch = ()
    # Whether what the page shows, and so what it is found by, includes its live children (a
    # list of task forces by status): it is indexed again as they are published, unpublished,
    # moved, deleted or restricted (`search.signal_handlers`).
    search_shows_children = False
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_kind_words"),
        index.AutocompleteField("search_part_titles"),
    ]

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if change_summary_panel not in cls.content_panels:
            cls.content_panels = [*cls.content_panels, change_summary_panel]

    def permissions_for_user(self, user):
        """What `user` may do with this page in the admin: the tester the page permission
        policy registered for pages makes, if it makes one (`moderation.page_access`), else
        Wagtail's own."""
        tester = getattr(policy_registry.get(self), "permission_tester", None)
        return tester(user, self) if tester else super().permissions_for_user(user)

    @classmethod
    def prefetch_search_parts(cls, pages):
        """Fetch for `pages` (of this type) the rows `search_parts` reads, a fixed number of
        queries however many: by default the related rows `search_prefetch` names."""
        if cls.search_prefetch:
            prefetch_related_objects(pages, *cls.search_prefetch)

    def search_date(self):
        """The date this page is on record for, or None."""
        return getattr(self, self.search_date_field) if self.search_date_field else None

    def search_kind_words(self):
        """What a newcomer calls this kind of page, as words the page is found by."""
        return self.search_kind.label

    def search_part_titles(self):
        """The labels of the page's parts (clauses, sessions, seats), for suggestions."""
        return "\n".join(part.label for part in self.search_parts() if part.label)

    def search_parts(self):
        """[Part, …]: the page's own text first. By default its introduction, if it has one,
        else its search description."""
        intro = getattr(self, "intro", "")
        return [Part("", "", plain_text(intro or self.search_description), linked_pages(intro))]

    def preview_text(self):
        """What a link preview says of the page: its search description if an editor wrote
        one, else its own opening text (by default its introduction)."""
        return self.search_description or plain_text(getattr(self, "intro", ""))

    @classmethod
    def popolo_records(cls, pages, request):
        return Records()


def grouped_by_choice(items, field_name, choices):
    """[(label, [item, …]), …]: `items` grouped by their `field_name`, in the order of
    `choices` ((value, label) pairs), keeping each group's order; empty groups left out."""
    grouped = {}
    for item in items:
        grouped.setdefault(getattr(item, field_name), []).append(item)
    return [(label, grouped[value]) for value, label in choices if value in grouped]


class TextRow(Orderable):
    """One line of text in a page's ordered list of them (the objectives of the network, of
    a meeting): the subclass gives the page it belongs to and its name."""

    text = models.TextField(verbose_name=_("text"))

    panels = [FieldPanel("text")]
    api_fields = api_fields_for("text")

    def __str__(self):
        return self.text

    class Meta(Orderable.Meta):
        abstract = True
