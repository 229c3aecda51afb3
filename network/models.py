"""Who the network is: member organisations, people, the steering committee and task forces."""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from moderation.forms import ChangeSummaryPageForm, change_summary_panel
from procedures.diff import Section, plain_text
from procedures.history import PublicHistoryMixin

from .forms import MemberFilterForm, SteeringCommitteePageForm

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
EXAMPLE_HELP = "Invented for the demo site; shown everywhere with an “example” badge."


class Region(models.TextChoices):
    AFRICA = "africa", "Africa"
    ARAB_STATES = "arab_states", "Arab States"
    ASIA_PACIFIC = "asia_pacific", "Asia and the Pacific"
    LATIN_AMERICA = "latin_america", "Latin America and the Caribbean"
    EUROPE = "europe", "Europe"
    NORTH_AMERICA = "north_america", "North America"


# Global South participation is counted by region, the way the network reports it.
GLOBAL_SOUTH_REGIONS = frozenset(
    {Region.AFRICA, Region.ARAB_STATES, Region.ASIA_PACIFIC, Region.LATIN_AMERICA}
)


class OrganisationQuerySet(models.QuerySet):
    def members(self):
        return self.filter(membership_status=Organisation.MembershipStatus.MEMBER)


class Organisation(index.Indexed, models.Model):
    """A civil society organisation in (or applying to) the network."""

    class MembershipStatus(models.TextChoices):
        APPLIED = "applied", "Applied"
        MEMBER = "member", "Member"
        SUSPENDED = "suspended", "Suspended"
        FORMER = "former", "Former member"

    name = models.CharField(max_length=255, unique=True)
    country = models.CharField(max_length=100)
    region = models.CharField(max_length=20, choices=Region.choices)
    website = models.URLField(blank=True)
    member_since = models.DateField(null=True, blank=True)
    membership_status = models.CharField(
        max_length=20, choices=MembershipStatus.choices, default=MembershipStatus.MEMBER
    )
    is_example = models.BooleanField("example", default=False, help_text=EXAMPLE_HELP)

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("country"), FieldPanel("region")], heading="Where"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("membership_status"), FieldPanel("member_since")], heading="Membership"
        ),
        FieldPanel("is_example"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("country"),
        index.FilterField("region"),
        index.FilterField("membership_status"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_global_south(self):
        return self.region in GLOBAL_SOUTH_REGIONS


class Person(index.Indexed, models.Model):
    """Someone who holds a role in the network: facilitator, seat holder, convenor, member."""

    name = models.CharField(max_length=255)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    country = models.CharField(max_length=100, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_person",
        help_text="Their login on this site, if they have one.",
    )
    is_example = models.BooleanField("example", default=False, help_text=EXAMPLE_HELP)

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("country"),
        FieldPanel("user"),
        FieldPanel("is_example"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("is_example"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.name} (example)" if self.is_example else self.name

    def roles(self):
        """What the record says this person did, on live pages only."""
        return {
            "sessions": self.facilitated_sessions.filter(meeting__live=True)
            .select_related("meeting")
            .order_by("day", "sort_order"),
            "seat_terms": self.seat_terms.filter(page__live=True)
            .select_related("page")
            .order_by("-term_start"),
            "convened_task_forces": self.convened_task_forces.live().order_by("title"),
            "task_forces": self.task_forces.live().order_by("title"),
        }


class MembershipPage(PublicHistoryMixin, Page):
    """How to join, and the member organisations by region and country.

    Also serves a short page per person (`people/<id>/`) with the roles the record gives them,
    which is where names elsewhere on the site link to.
    """

    how_to_join = RichTextField(blank=True, features=TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("how_to_join"), change_summary_panel]
    base_form_class = ChangeSummaryPageForm
    search_fields = [*Page.search_fields, index.SearchField("how_to_join")]

    class Meta:
        verbose_name = "membership page"

    def history_sections(self):
        return [
            Section("title", "", "Title", self.title),
            Section("how-to-join", "", "How to join", plain_text(self.how_to_join)),
        ]

    @classmethod
    def for_request(cls, request):
        """The live membership page of the visitor's site, or None."""
        pages = cls.objects.live().public()
        site = Site.find_for_request(request) if request else None
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages.first()

    def person_url(self, person, request=None):
        return self.get_url(request) + self.reverse_subpage("person", args=(person.pk,))

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
                note = (
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
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.directory(request.GET))
        context["people_page"] = self
        return context

    @path("people/<int:pk>/", name="person")
    def person(self, request, pk):
        person = get_object_or_404(Person.objects.select_related("organisation"), pk=pk)
        return self.render(
            request,
            template="network/person.html",
            context_overrides={"person": person, "roles": person.roles()},
        )


@dataclass
class Seat:
    """One seat on the committee: its term now (None when vacant), later and earlier terms."""

    name: str
    current: "SeatTerm | None" = None
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)


class SteeringCommitteePage(PublicHistoryMixin, Page):
    """What the steering committee does, and who holds which seat on which terms."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    base_form_class = SteeringCommitteePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "seat_terms",
            label="Seat terms",
            help_text=(
                "One entry per term. Keep past terms: they are the seat's history. "
                "A term without a holder records a vacancy."
            ),
        ),
        change_summary_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("seat_terms", [index.SearchField("seat")]),
    ]

    class Meta:
        verbose_name = "steering committee page"

    def history_sections(self):
        sections = [
            Section("title", "", "Title", self.title),
            Section("intro", "", "What the committee does", plain_text(self.intro)),
        ]
        for term in self.seat_terms.all():
            end = term.term_end.isoformat() if term.term_end else "no end set"
            sections.append(
                Section(
                    f"term-{term.pk or term.seat}-{term.term_start}",
                    "",
                    f"{term.seat}: {term.holder_label}",
                    f"{term.get_role_display()}, {term.term_start.isoformat()} to {end}. "
                    f"{term.how_selected}".strip(),
                )
            )
        return sections

    @staticmethod
    def overlapping_terms(terms):
        """[(earlier, later), …] for terms on the same seat that overlap.

        A term runs from its start up to its end date (a successor may start that day);
        a term with no end runs on. Comparing each term with the one starting next on the same
        seat finds every seat with an overlap.
        """
        by_seat = {}
        for term in terms:
            by_seat.setdefault(term.seat.strip().casefold(), []).append(term)
        clashes = []
        for seat_terms in by_seat.values():
            seat_terms.sort(key=lambda term: term.term_start)
            for earlier, later in zip(seat_terms, seat_terms[1:], strict=False):
                if earlier.term_end is None or earlier.term_end > later.term_start:
                    clashes.append((earlier, later))
        return clashes

    def seats(self, today=None):
        """Every seat in the order first entered, each with its terms sorted into now/later/past."""
        today = today or timezone.localdate()
        seats = {}
        for term in self.seat_terms.select_related("holder__organisation"):
            seat = seats.setdefault(term.seat.strip().casefold(), Seat(name=term.seat.strip()))
            if term.term_start > today:
                seat.upcoming.append(term)
            elif term.term_end is not None and term.term_end <= today:
                seat.past.append(term)
            else:
                seat.current = term
        for seat in seats.values():
            seat.upcoming.sort(key=lambda term: term.term_start)
            seat.past.sort(key=lambda term: term.term_start, reverse=True)
        return list(seats.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["seats"] = self.seats()
        context["has_history"] = any(seat.past for seat in context["seats"])
        context["people_page"] = MembershipPage.for_request(request)
        return context


class SeatTerm(Orderable):
    """One term on one seat of the steering committee; a term without a holder is a vacancy."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"

    page = ParentalKey(SteeringCommitteePage, on_delete=models.CASCADE, related_name="seat_terms")
    seat = models.CharField(
        max_length=100,
        help_text="The seat's name, written the same way on every term of the seat, e.g. Africa.",
    )
    holder = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seat_terms",
        help_text="Leave empty while the seat is vacant.",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    term_start = models.DateField()
    term_end = models.DateField(
        null=True,
        blank=True,
        help_text="The day the term ends (a successor may start that day). Empty: no end set.",
    )
    how_selected = models.CharField(
        max_length=255, blank=True, help_text="E.g. elected by the members after an open call."
    )

    panels = [
        FieldPanel("seat"),
        FieldPanel("holder"),
        FieldPanel("role"),
        FieldPanel("term_start"),
        FieldPanel("term_end"),
        FieldPanel("how_selected"),
    ]

    def __str__(self):
        return f"{self.seat}: {self.holder_label}"

    @property
    def holder_label(self):
        return str(self.holder) if self.holder else "no holder (vacant)"

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end <= self.term_start:
            raise ValidationError(
                {"term_end": "A term must end after it starts: choose a later end date."}
            )


class TaskForceIndexPage(Page):
    """The network's task forces, active ones first."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.TaskForcePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), change_summary_panel]
    base_form_class = ChangeSummaryPageForm
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "task force index"

    def task_forces_by_status(self):
        """[(status label, [task force, …]), …]: active, then closed; empty groups left out."""
        task_forces = TaskForcePage.objects.child_of(self).live().public().order_by("title")
        grouped = {}
        for task_force in task_forces:
            grouped.setdefault(task_force.status, []).append(task_force)
        return [
            (label, grouped[value])
            for value, label in TaskForcePage.Status.choices
            if value in grouped
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.task_forces_by_status()
        return context


class TaskForceOutcomeBlock(blocks.StreamBlock):
    outcome = blocks.PageChooserBlock(
        page_type="meetings.OutcomePage", help_text="An outcome recorded under a meeting."
    )
    link = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(max_length=255)),
            ("url", blocks.URLBlock(label="URL")),
        ],
        icon="link",
        help_text="Anything else the task force produced, published elsewhere.",
    )


SET_UP_AT_TYPES = ["meetings.MeetingPage", "meetings.OutcomePage"]


class TaskForcePage(PublicHistoryMixin, Page):
    """A task force: its mandate, who convenes it and takes part, and what it produced."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        CLOSED = "closed", "Closed"

    mandate = RichTextField(features=TEXT_FEATURES)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    set_up_at = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The meeting, or the meeting's outcome, that set the task force up.",
    )
    convenors = ParentalManyToManyField(Person, blank=True, related_name="convened_task_forces")
    members = ParentalManyToManyField(Person, blank=True, related_name="task_forces")
    outcomes = StreamField(TaskForceOutcomeBlock(), blank=True)

    parent_page_types = ["network.TaskForceIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("status"),
        FieldPanel("mandate"),
        PageChooserPanel("set_up_at", SET_UP_AT_TYPES),
        FieldPanel("convenors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("members", widget=forms.CheckboxSelectMultiple),
        FieldPanel("outcomes"),
        change_summary_panel,
    ]
    base_form_class = ChangeSummaryPageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("mandate"),
        index.FilterField("status"),
        index.RelatedFields("convenors", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "task force"

    def history_sections(self):
        def names(people):
            return ", ".join(sorted(str(person) for person in people.all())) or "none"

        outcomes = [
            block.value.title if block.block_type == "outcome" else block.value["title"]
            for block in self.outcomes
            if block.value
        ]
        return [
            Section("title", "", "Title", self.title),
            Section("status", "", "Status", self.get_status_display()),
            Section("mandate", "", "Mandate", plain_text(self.mandate)),
            Section("convenors", "", "Convenors", names(self.convenors)),
            Section("members", "", "Members", names(self.members)),
            Section("set-up-at", "", "Set up at", self.set_up_at.title if self.set_up_at else ""),
            Section("outcomes", "", "Outcomes", "; ".join(outcomes)),
        ]

    def clean(self):
        super().clean()
        if self.set_up_at and self.set_up_at.specific_class._meta.label not in SET_UP_AT_TYPES:
            raise ValidationError({"set_up_at": "Choose a meeting or one of its outcomes."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people_page"] = MembershipPage.for_request(request)
        context["convenor_list"] = list(self.convenors.order_by("name"))
        context["member_list"] = list(self.members.order_by("name"))
        return context
