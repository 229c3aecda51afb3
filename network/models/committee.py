"""The steering committee: its seats, and who holds each seat on which terms."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.api_fields import PERSON_FIELDS, RecordField, api_fields_for
from core.charts import Lane, Span, timeline
from core.models import BasePage
from core.open_data import NETWORK_ID, Records, page_source, popolo_date, popolo_id
from core.rich_text import TEXT_FEATURES
from core.search import PageKind, Part
from core.text import linked_pages, plain_text
from history.diff import Section
from history.mixin import PublicHistoryMixin

from ..forms import SteeringCommitteePageForm
from ..roles import RoleEntry, RoleGroup
from .records import Person


@dataclass
class Seat:
    """One seat on the committee: its term now (None when vacant), later and earlier terms."""

    name: str
    current: "SeatTerm | None" = None
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)

    @property
    def anchor(self):
        """The seat's #fragment on the committee page, from its name."""
        return seat_anchor(self.name)


def seat_anchor(name):
    return f"seat-{slugify(name.strip())}"


class SteeringCommitteePage(PublicHistoryMixin, BasePage):
    """What the steering committee does, and who holds which seat on which terms."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES, verbose_name=_("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    base_form_class = SteeringCommitteePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "seat_terms",
            label=_("Seat terms"),
            help_text=(
                _(
                    "One entry per term. Keep past terms: they are the seat's history. "
                    "A term without a holder records a vacancy."
                )
            ),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("seat_terms", [index.SearchField("search_text")]),
    ]
    api_fields = api_fields_for("intro", "seat_terms")
    search_kind = PageKind("steering-committee", gettext_noop("Steering committee"))
    search_prefetch = ("seat_terms__holder",)

    class Meta:
        verbose_name_plural = _("steering committee pages")
        verbose_name = _("steering committee page")

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

    def save_revision(self, *args, **kwargs):
        """Each term keeps its holder's name as it is now, in this version."""
        for term in self.seat_terms.all():
            term.holder_name = term.holder.name if term.holder_id and term.holder else ""
        return super().save_revision(*args, **kwargs)

    def people_on_record(self):
        return [term.holder for term in self.seat_terms.all() if term.holder_id and term.holder]

    def search_parts(self):
        """What the committee does, then each seat with its terms, linked by its anchor."""
        seats = {}
        for term in self.seat_terms.all():
            seats.setdefault(term.seat.strip().casefold(), []).append(term)
        return [
            Part("", "", plain_text(self.intro), linked_pages(self.intro)),
            *(
                Part(
                    seat_anchor(terms[0].seat),
                    f"Seat: {terms[0].seat.strip()}",
                    " ".join(term.search_text() for term in terms),
                )
                for terms in seats.values()
            ),
        ]

    @classmethod
    def popolo_records(cls, pages, request):
        """The committee as an organization, each seat as a post, and each term with a holder
        (or a holder's name kept on record) as a membership of the seat."""
        records = Records()
        terms = SeatTerm.objects.select_related("holder").order_by("term_start", "pk")
        for page in pages.order_by("pk").prefetch_related(Prefetch("seat_terms", terms)):
            committee_id = popolo_id("page", page.pk)
            records.organizations.append(
                {
                    "id": committee_id,
                    "name": page.title,
                    "classification": "steering committee",
                    "parent_id": NETWORK_ID,
                    "description": plain_text(page.intro),
                    "sources": [page_source(page, request)],
                }
            )
            seats = {}
            for term in page.seat_terms.all():
                seat = slugify(term.seat, allow_unicode=True) or term.seat.strip().casefold()
                post_id = popolo_id("page", page.pk, "seat", seat)
                seats.setdefault(
                    post_id,
                    {
                        "id": post_id,
                        "label": term.seat.strip(),
                        "role": "Seat on the steering committee",
                        "organization_id": committee_id,
                    },
                )
                if term.holder is not None:
                    records.persons.append(term.holder.popolo(request))
                if term.holder is not None or term.holder_name:
                    records.memberships.append(term.popolo_membership(committee_id, post_id))
            records.posts.extend(seats.values())
        return records

    @classmethod
    def person_roles(cls, person, pages):
        terms = (
            person.seat_terms.filter(page__in=pages).select_related("page").order_by("-term_start")
        )
        return [
            RoleGroup(
                "Steering committee",
                [
                    RoleEntry(
                        term.page,
                        term.seat,
                        detail=term.get_role_display(),
                        start=term.term_start,
                        end=term.term_end,
                    )
                    for term in terms
                ],
            )
        ]

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

    def seat_timeline(self, seats, today=None):
        """The seats over time (core.charts.Timeline): a lane per seat, a bar per term named
        by its holder, vacancies drawn as such."""
        today = today or timezone.localdate()
        lanes = []
        for seat in seats:
            terms = sorted(
                [*seat.past, *([seat.current] if seat.current else []), *seat.upcoming],
                key=lambda term: term.term_start,
            )
            spans = [
                Span(
                    self.name_on_record(term.holder)
                    if term.holder
                    else (term.holder_name or "vacant"),
                    term.term_start,
                    term.term_end,
                    "term" if term.holder or term.holder_name else "vacancy",
                )
                for term in terms
            ]
            lanes.append(Lane(seat.name, spans))
        return timeline(lanes, today)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["seats"] = self.seats(self.shown_on)
        context["has_history"] = any(seat.past for seat in context["seats"])
        context["seat_timeline"] = self.seat_timeline(context["seats"], self.shown_on)
        return context


class SeatTerm(Orderable):
    """One term on one seat of the steering committee; a term without a holder is a vacancy."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        MEMBER = "member", _("Member")

    page = ParentalKey(SteeringCommitteePage, on_delete=models.CASCADE, related_name="seat_terms")
    seat = models.CharField(
        max_length=100,
        help_text=_(
            "The seat's name, written the same way on every term of the seat, e.g. Africa."
        ),
        verbose_name=_("seat"),
    )
    holder = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seat_terms",
        help_text=_("Leave empty while the seat is vacant."),
        verbose_name=_("holder"),
    )
    # The holder's name when this version was saved, so that the record keeps it whatever
    # later happens to the person's record (filled in by the page; not edited).
    holder_name = models.CharField(
        max_length=255, blank=True, editable=False, verbose_name=_("holder name")
    )
    role = models.CharField(
        max_length=20, choices=Role.choices, default=Role.MEMBER, verbose_name=_("role")
    )
    term_start = models.DateField(verbose_name=_("term start"))
    term_end = models.DateField(
        null=True,
        blank=True,
        help_text=_("The day the term ends (a successor may start that day). Empty: no end set."),
        verbose_name=_("term end"),
    )
    how_selected = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("E.g. elected by the members after an open call."),
        verbose_name=_("how selected"),
    )

    panels = [
        FieldPanel("seat"),
        FieldPanel("holder"),
        FieldPanel("role"),
        FieldPanel("term_start"),
        FieldPanel("term_end"),
        FieldPanel("how_selected"),
    ]
    api_fields = api_fields_for(
        "seat",
        "holder_name",
        "role",
        "term_start",
        "term_end",
        "how_selected",
        holder=RecordField(PERSON_FIELDS),
    )

    def __str__(self):
        return f"{self.seat}: {self.holder_label}"

    def popolo_membership(self, committee_id, post_id):
        """This term as a Popolo membership of its seat; a holder whose record was deleted is
        named as the page kept them."""
        holder = (
            {"person_id": self.holder.popolo_id}
            if self.holder is not None
            else {"person": {"name": self.holder_name}}
        )
        return {
            "id": popolo_id("seat-term", self.pk),
            "label": f"{self.seat.strip()} seat",
            "role": self.get_role_display(),
            **holder,
            "organization_id": committee_id,
            "post_id": post_id,
            "start_date": popolo_date(self.term_start),
            "end_date": popolo_date(self.term_end),
        }

    @property
    def holder_label(self):
        if self.holder is not None:
            return str(self.holder)
        if self.holder_name:
            return f"{self.holder_name} (no longer on record)"
        return "no holder (vacant)"

    def search_text(self):
        """The term as the committee page shows it: seat, holder, role, dates, selection."""
        end = f"to {format_date(self.term_end, 'j F Y')}" if self.term_end else "onwards"
        return (
            f"{self.seat.strip()} seat: {self.holder_label}, {self.get_role_display()}, "
            f"term from {format_date(self.term_start, 'j F Y')} {end}. {self.how_selected}"
        ).strip()

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end <= self.term_start:
            raise ValidationError(
                {"term_end": "A term must end after it starts: choose a later end date."}
            )

    class Meta(Orderable.Meta):
        verbose_name = _("seat term")
        verbose_name_plural = _("seat terms")
