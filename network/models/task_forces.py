"""Task forces: what each was set up to do, who convenes it and takes part, what it produced."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.api_fields import PERSON_FIELDS, PublicPageField, RecordField, api_fields_for
from core.models import BasePage, grouped_by_choice
from core.open_data import NETWORK_ID, Records, page_source, popolo_id
from core.rich_text import TEXT_FEATURES
from core.search import PageKind, Part
from core.text import linked_pages, plain_text
from core.visibility import may_view
from history.diff import Section
from history.mixin import PublicHistoryMixin

from ..roles import RoleEntry, RoleGroup
from .records import Person


class TaskForceIndexPage(BasePage):
    """The network's task forces, active ones first."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES, verbose_name=_("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.TaskForcePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("search_headings"),
    ]
    search_shows_children = True
    api_fields = api_fields_for("intro")

    class Meta:
        verbose_name_plural = _("task force indexes")
        verbose_name = _("task force index")

    def task_forces_by_status(self):
        """[(status label, [task force, …]), …]: active, then closed; empty groups left out."""
        task_forces = TaskForcePage.objects.child_of(self).live().public().order_by("title")
        return grouped_by_choice(task_forces, "status", TaskForcePage.Status.choices)

    def _status_groups(self):
        """[(anchor, status label in the site's language, [task force, …]), …], as the page
        shows them."""
        with translation.override(settings.LANGUAGE_CODE):
            return [
                (f"status-{number}", str(status), forces)
                for number, (status, forces) in enumerate(self.task_forces_by_status(), 1)
            ]

    def search_headings(self):
        """The headings of the page's groups ("Active", "Closed"): which task forces are
        active is found here. Not the task forces' titles: those are their own pages' words."""
        return " ".join(f"{status}." for _anchor, status, _forces in self._status_groups())

    def search_parts(self):
        """The introduction, then each group of task forces by its heading, listing them and
        linked to them: a task force that answers as well as the list comes first."""
        return [
            *super().search_parts(),
            *(
                Part(
                    anchor,
                    status,
                    f"{status}: {'; '.join(force.title for force in forces)}",
                    tuple(force.pk for force in forces),
                )
                for anchor, status, forces in self._status_groups()
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.task_forces_by_status()
        return context


class TaskForceOutcomeBlock(blocks.StreamBlock):
    outcome = blocks.PageChooserBlock(
        page_type="meetings.OutcomePage",
        help_text=_("An outcome recorded under a meeting."),
        label=_("Outcome"),
    )
    link = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(max_length=255, label=_("Title"))),
            ("url", blocks.URLBlock(label=_("URL"))),
        ],
        icon="link",
        help_text=_("Anything else the task force produced, published elsewhere."),
        label=_("Link"),
    )


SET_UP_AT_TYPES = ["meetings.MeetingPage", "meetings.OutcomePage"]


class TaskForcePage(PublicHistoryMixin, BasePage):
    """A task force: its mandate, who convenes it and takes part, and what it produced."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    mandate = RichTextField(features=TEXT_FEATURES, verbose_name=_("mandate"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.ACTIVE, verbose_name=_("status")
    )
    set_up_at = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The meeting, or the meeting's outcome, that set the task force up."),
        verbose_name=_("set up at"),
    )
    convenors = ParentalManyToManyField(
        Person, blank=True, related_name="convened_task_forces", verbose_name=_("convenors")
    )
    members = ParentalManyToManyField(
        Person, blank=True, related_name="task_forces", verbose_name=_("members")
    )
    outcomes = StreamField(TaskForceOutcomeBlock(), blank=True, verbose_name=_("outcomes"))

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
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("mandate"),
        index.FilterField("status"),
        index.SearchField("get_status_display"),
        index.SearchField("search_record"),
        index.RelatedFields("convenors", [index.SearchField("name")]),
        index.RelatedFields("members", [index.SearchField("name")]),
    ]
    api_fields = api_fields_for(
        "status",
        "mandate",
        "outcomes",
        set_up_at=PublicPageField(),
        convenors=RecordField(PERSON_FIELDS),
        members=RecordField(PERSON_FIELDS),
    )
    search_kind = PageKind("task-force", gettext_noop("Task force"))
    search_prefetch = ("convenors", "members")

    class Meta:
        verbose_name_plural = _("task forces")
        verbose_name = _("task force")

    def produced(self, request=None):
        """The titles of what the task force produced that the visitor making `request` may
        see (None: anyone): its outcomes they may view, and its links elsewhere."""
        return [
            block.value.title if block.block_type == "outcome" else block.value["title"]
            for block in self.outcomes
            if block.value and (block.block_type != "outcome" or may_view(block.value, request))
        ]

    def set_up_at_title(self, request=None):
        """Where the task force was set up, if the visitor making `request` may view it (None:
        anyone); else ""."""
        return self.set_up_at.title if may_view(self.set_up_at, request) else ""

    def history_sections(self):
        def names(people):
            return ", ".join(sorted(str(person) for person in people.all())) or "none"

        return [
            Section("title", "", "Title", self.title),
            Section("status", "", "Status", self.get_status_display()),
            Section("mandate", "", "Mandate", plain_text(self.mandate)),
            Section("convenors", "", "Convenors", names(self.convenors)),
            Section("members", "", "Members", names(self.members)),
            Section("set-up-at", "", "Set up at", self.set_up_at_title(self.shown_to)),
            Section("outcomes", "", "Outcomes", "; ".join(self.produced(self.shown_to))),
        ]

    def people_on_record(self):
        return [*self.convenors.all(), *self.members.all()]

    def search_record(self):
        """Where the task force was set up and what it produced, as the page names them to
        anyone."""
        set_up_at = self.set_up_at_title()
        set_up_at = f"Set up at {set_up_at}." if set_up_at else ""
        return " ".join(filter(None, [set_up_at, *self.produced()]))

    def search_parts(self):
        """The mandate, then who takes part, each linked by its section's anchor and named by
        its heading, as the page shows them."""

        convenors = [person.name for person in self.convenors.all()]
        members = [person.name for person in self.members.all()]
        # As the section says them: "Convenor" or "Convenors", then "Members" if there are any.
        people = [
            f"{'Convenor' if len(convenors) == 1 else 'Convenors'}: "
            f"{', '.join(convenors) or 'No convenor is on record'}."
        ]
        if members:
            people.append(f"Members: {', '.join(members)}.")
        return [
            Part(
                "mandate-heading", "Mandate", plain_text(self.mandate), linked_pages(self.mandate)
            ),
            Part("people-heading", "Who takes part", " ".join(people)),
        ]

    def preview_text(self):
        return self.search_description or plain_text(self.mandate)

    @classmethod
    def popolo_records(cls, pages, request):
        """Each task force as an organization of the network, its convenors and members as
        memberships."""
        records = Records()
        for page in pages.order_by("pk").prefetch_related("convenors", "members"):
            task_force_id = popolo_id("page", page.pk)
            records.organizations.append(
                {
                    "id": task_force_id,
                    "name": page.title,
                    "classification": "task force",
                    "parent_id": NETWORK_ID,
                    "description": plain_text(page.mandate),
                    "status": page.status,
                    "sources": [page_source(page, request)],
                }
            )
            for role, people in (("convenor", page.convenors), ("member", page.members)):
                for person in sorted(people.all(), key=lambda person: person.pk):
                    records.persons.append(person.popolo(request))
                    records.memberships.append(
                        {
                            "id": popolo_id("page", page.pk, role, person.pk),
                            "role": role,
                            "person_id": person.popolo_id,
                            "organization_id": task_force_id,
                        }
                    )
        return records

    @classmethod
    def person_roles(cls, person, pages):
        def group(heading, task_forces):
            task_forces = task_forces.filter(pk__in=pages.values("pk")).order_by("title")
            return RoleGroup(heading, [RoleEntry(tf, tf.title) for tf in task_forces])

        return [
            group("Task forces convened", person.convened_task_forces.all()),
            group("Task forces taken part in", person.task_forces.all()),
        ]

    def clean(self):
        super().clean()
        if self.set_up_at and self.set_up_at.specific_class._meta.label not in SET_UP_AT_TYPES:
            raise ValidationError({"set_up_at": "Choose a meeting or one of its outcomes."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["convenor_list"] = list(self.convenors.order_by("name"))
        context["member_list"] = list(self.members.order_by("name"))
        return context
