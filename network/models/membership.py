"""The membership page: how to join, the member organisations, and a page per person."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail.search import index

from core.api_fields import api_fields_for
from core.charts import Bar, bar_chart
from core.models import BasePage
from core.open_data import Records
from core.rich_text import TEXT_FEATURES
from core.search import PageKind, Part
from core.text import linked_pages, plain_text
from core.visibility import visible_pages
from history.diff import Section
from history.mixin import PublicHistoryMixin
from pagecache.rules import reads_query

from ..forms import MemberFilterForm
from .records import GLOBAL_SOUTH_REGIONS, Organisation, Person, Region


class MembershipPage(PublicHistoryMixin, BasePage):
    """How to join, and the member organisations by region and country.

    Also serves a short page per person (`people/<id>/`) with the roles the record gives them,
    which is where names elsewhere on the site link to.
    """

    how_to_join = RichTextField(
        blank=True, features=TEXT_FEATURES, verbose_name=gettext_lazy("how to join")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("how_to_join")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("how_to_join"),
        index.SearchField("search_regions"),
        index.SearchField("search_members"),
    ]
    api_fields = api_fields_for("how_to_join")
    search_kind = PageKind("membership", gettext_noop("Membership"))

    class Meta:
        verbose_name_plural = gettext_lazy("membership pages")
        verbose_name = gettext_lazy("membership page")

    def history_sections(self):
        return [
            Section("title", "", "Title", self.title),
            Section("how-to-join", "", "How to join", plain_text(self.how_to_join)),
        ]

    def search_members(self):
        """The member organisations as the page lists them: name, country, region, and
        whether the region is in the Global South."""
        return "Member organisations by region and country.\n" + "\n".join(
            ", ".join(
                filter(
                    None,
                    [
                        organisation.name,
                        organisation.country,
                        organisation.get_region_display(),
                        "Global South" if organisation.is_global_south else "",
                    ],
                )
            )
            for organisation in Organisation.objects.members().order_by("name")
        )

    def search_regions(self):
        """The count of member organisations in each region, as the page's section says them:
        its opening sentence, then its table's caption and the rows of the regions that have
        members."""
        counts = self.region_counts(Organisation.objects.members())
        lines = [
            f"{counts['global_south']} of {counts['total']} member organisations are from the "
            "Global South.",
            "Member organisations per region:",
        ]
        lines += [
            f"{label}{' (Global South)' if south else ''}: {count}."
            for _, label, count, south in counts["regions"]
            if count
        ]
        return "\n".join(lines)

    def search_parts(self):
        """How to join, the members by region, then the member organisations, each linked by
        its section's anchor."""
        parts = [
            Part("regions-heading", "Members by region", self.search_regions()),
            Part("members-heading", "Member organisations", self.search_members()),
        ]
        if not self.how_to_join:
            return parts
        how = Part(
            "join-heading",
            "How to join",
            plain_text(self.how_to_join),
            linked_pages(self.how_to_join),
        )
        return [how, *parts]

    def preview_text(self):
        return self.search_description or plain_text(self.how_to_join)

    @classmethod
    def popolo_records(cls, pages, request):
        """The member organisations the page lists, and their membership of the network."""
        if not pages.exists():
            return Records()
        members = list(Organisation.objects.members().order_by("pk"))
        return Records(
            organizations=[organisation.popolo() for organisation in members],
            memberships=[organisation.popolo_membership() for organisation in members],
        )

    @classmethod
    def for_request(cls, request):
        """The live membership page of the visitor's site, or None."""
        pages = cls.objects.live().public()
        site = Site.find_for_request(request) if request else None
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages.first()

    def person_url(self, person, request=None):
        return self.subpage_url("person", person.pk, request=request)

    def directory(self, params):
        """The member organisations for the visitor's filters, with the form and region counts.

        Filters that match no region or country on record are ignored, with a note saying so.
        """
        members = Organisation.objects.members()
        countries = members.order_by("country").values_list("country", flat=True).distinct()
        form = MemberFilterForm(params or None, regions=Region.choices, countries=countries)
        note = ""
        listed = members
        if form.is_bound:
            if form.is_valid():
                if form.cleaned_data["region"]:
                    listed = listed.filter(region=form.cleaned_data["region"])
                if form.cleaned_data["country"]:
                    listed = listed.filter(country=form.cleaned_data["country"])
            else:
                note = _(
                    "There is no member organisation on record for that region or country, "
                    "so all of them are shown."
                )
        return {
            "filter_form": form,
            "filter_note": note,
            "members": listed.order_by("name"),
            "region_counts": self.region_counts(members),
        }

    @staticmethod
    def region_counts(members):
        """Member counts for every region (value, label, count, Global South?) and in total."""
        counts = dict(members.values_list("region").annotate(n=Count("pk")).order_by())
        rows = [
            (value, label, counts.get(value, 0), value in GLOBAL_SOUTH_REGIONS)
            for value, label in Region.choices
        ]
        return {
            "regions": rows,
            "total": sum(counts.values()),
            "global_south": sum(n for _, _, n, south in rows if south),
            "chart": bar_chart([Bar(label, n, south) for _, label, n, south in rows]),
        }

    @path("")
    @reads_query("region", "country")
    def index_route(self, request, *args, **kwargs):
        """The page itself, filtered by the visitor's region and country."""
        return super().index_route(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.directory(request.GET))
        return context

    @path("people/<int:pk>/", name="person")
    def person(self, request, pk):
        """A person's roles on the pages the visitor may view; a person with none there is not
        found, exactly as a number nobody has."""
        person = Person.objects.select_related("organisation").filter(pk=pk).first()
        roles = person.roles(visible_pages(request.user)) if person else []
        if not roles:
            return self.not_found(request, "No one with that number is on record here.")
        return self.render(
            request,
            template="network/person.html",
            context_overrides={"person": person, "roles": roles},
        )
