"""Joint statements: pages whose text goes through the quorum workflow, and that people sign.

A statement lives under the meeting that made it (as one of its outcomes) or under the
statements index (statements made between meetings). Its routes:

    sign/                     sign              the signing form posts here
    signed/                   signed            "check your email", after signing
    signatories/              signatories       every public signatory, filtered and paginated
    signatories/csv/          signatories_csv   the public fields, streamed
    signatories/json/         signatories_json  the same as JSON, streamed
    confirm/?token=…          confirm           the link in the confirmation email
    withdraw/?token=…         withdraw          the link to take a signature back
    reconfirm/?token=…        reconfirm         the link to sign a changed text again

(Tokens go in the query string: Wagtail's page URLs take only letters, digits, - and _.)

plus the public history routes every rule has (`history.mixin`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.models import BasePage
from core.rich_text import DOCUMENT_FEATURES, TEXT_FEATURES
from core.search import PageKind, Part
from core.text import linked_pages, plain_text
from history.diff import Section
from history.mixin import PublicHistoryMixin
from meetings.models import MeetingPage
from pagecache.rules import reads_query

from .. import views
from ..summary import SignatorySummary
from ..versions import TextVersions
from .counts import SignatureCount
from .signatures import Signature

STATEMENT = PageKind("statement", gettext_noop("Joint statement"))
FIRST_SIGNATORIES = 10


class StatementIndexPage(BasePage):
    """The network's joint statements made between meetings, open ones first."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES, verbose_name=_("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["statements.StatementPage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("search_headings"),
    ]

    class Meta:
        verbose_name_plural = _("statement indexes")
        verbose_name = _("statement index")

    def search_headings(self):
        """The heading the page always shows."""
        return "Open for signatures."

    def search_parts(self):
        """The introduction, then the list of the statements open for signatures, by its
        heading. Not their titles: which are open changes with the day, and the titles are
        the statements' own words."""
        return [*super().search_parts(), Part("open-heading", "Open for signatures", "")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        statements = list(
            StatementPage.objects.descendant_of(self.get_parent())
            .live()
            .public()
            .order_by("-opens_on", "title")
        )
        context["open_statements"] = [s for s in statements if s.accepts_signatures]
        context["other_statements"] = [s for s in statements if not s.accepts_signatures]
        return context


class StatementPage(PublicHistoryMixin, BasePage):
    """A joint statement: its text, who it is addressed to, and who signed it."""

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        OPEN = "open", _("Open for signatures")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Signers(models.TextChoices):
        BOTH = "both", _("Organisations and individuals")
        ORGANISATIONS = "organisations", _("Organisations only")
        INDIVIDUALS = "individuals", _("Individuals only")

    addressees = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "The process or meeting it is addressed to, e.g. the Internet Governance Forum."
        ),
        verbose_name=_("addressees"),
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFTING, verbose_name=_("status")
    )
    opens_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("The first day it can be signed (and its date)."),
        verbose_name=_("opens on"),
    )
    closes_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("The last day it can be signed."),
        verbose_name=_("closes on"),
    )
    who_may_sign = models.CharField(
        max_length=20, choices=Signers.choices, default=Signers.BOTH, verbose_name=_("who may sign")
    )
    body = RichTextField(
        features=DOCUMENT_FEATURES, help_text=_("The text people sign."), verbose_name=_("body")
    )

    parent_page_types = ["meetings.MeetingPage", "statements.StatementIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("addressees"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("opens_on"),
                FieldPanel("closes_on"),
                FieldPanel("who_may_sign"),
            ],
            heading=_("Signing"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("addressees"),
        index.SearchField("signatory_names"),
        index.SearchField("search_context"),
        index.FilterField("status"),
        index.FilterField("opens_on"),
    ]

    search_kind = STATEMENT
    search_date_field = "opens_on"

    class Meta:
        verbose_name_plural = _("joint statements")
        verbose_name = _("joint statement")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": "A statement cannot close before it opens."})

    # What the meeting's list of outcomes shows of it.
    def get_kind_display(self):
        return STATEMENT.label

    @property
    def date(self):
        return self.opens_on

    @property
    def accepts_signatures(self):
        return self.signing_refusal() is None

    def signing_refusal(self, today=None):
        """Why the statement cannot be signed today, in words for the visitor; None if it can."""
        today = today or timezone.localdate()
        if self.status == self.Status.DRAFTING:
            return gettext("This statement is still being drafted: it cannot be signed yet.")
        if self.status == self.Status.WITHDRAWN:
            return gettext("This statement was withdrawn: it can no longer be signed.")
        if self.status == self.Status.CLOSED or (self.closes_on and today > self.closes_on):
            return gettext("This statement is closed: it no longer takes signatures.")
        if self.opens_on and today < self.opens_on:
            return gettext("This statement opens for signatures on %(day)s.") % {
                "day": format_date(self.opens_on, "j F Y")
            }
        return None

    @property
    def signer_kinds(self):
        """The kinds of signatory (Signature.Kind values) this statement takes."""
        return {
            self.Signers.BOTH: [Signature.Kind.ORGANISATION, Signature.Kind.INDIVIDUAL],
            self.Signers.ORGANISATIONS: [Signature.Kind.ORGANISATION],
            self.Signers.INDIVIDUALS: [Signature.Kind.INDIVIDUAL],
        }[self.who_may_sign]

    def public_signatures(self):
        return Signature.objects.filter(statement=self).public()

    def search_context(self):
        """The meeting that made it, as its outcomes say theirs: a statement under a meeting is
        one of that meeting's outcomes ("what did Bali decide ..." asks for it)."""
        parent = self.get_parent() if self.pk else None
        if parent is None or parent.specific_class is not MeetingPage:
            return ""
        return f"An outcome of {parent.title}."

    def signatory_names(self):
        """Every public signatory's name, for search: organisations, and individuals."""
        if not self.pk:
            return ""
        rows = self.public_signatures().values_list("organisation_name", "name", "kind")
        return " ".join(
            org if kind == Signature.Kind.ORGANISATION else name for org, name, kind in rows
        )

    def history_sections(self):
        dates = " to ".join(
            f"{day:%-d %B %Y}" for day in (self.opens_on, self.closes_on) if day is not None
        )
        return [
            Section("title", "", "Title", self.title),
            Section("addressees", "", "Addressed to", self.addressees),
            Section("status", "", "Status", f"{self.get_status_display()} {dates}".strip()),
            Section("signers", "", "Who may sign", self.get_who_may_sign_display()),
            Section("text", "", "Text", plain_text(self.body)),
        ]

    def search_parts(self):
        text = " ".join(filter(None, [self.addressees, plain_text(self.body)]))
        found = [Part("", "", text, linked_pages(self.body))]
        organisations = self.public_signatures().filter(kind=Signature.Kind.ORGANISATION)
        names = ", ".join(organisations.values_list("organisation_name", flat=True))
        if names:
            found.append(Part("signatories", "Signatories", f"Signed by {names}."))
        return found

    def text_versions(self):
        return TextVersions(self.pk, history=self.history())

    def summary(self, text_versions=None):
        """The public signatures counted (`SignatorySummary`), from the counts kept for it."""
        return SignatorySummary(SignatureCount.rows(self), text_versions or self.text_versions())

    def first_signatories(self, kind, count=FIRST_SIGNATORIES):
        return list(self.public_signatures().filter(kind=kind).listed()[:count])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk and self.live and self.recorded_names is None:
            context.update(views.statement_context(self, request))
        return context

    @path("sign/", name="sign")
    def sign(self, request):
        return views.sign(self, request)

    @path("signed/", name="signed")
    def signed(self, request):
        return views.signed(self, request)

    @path("signatories/", name="signatories")
    @reads_query("region", "country", "page")
    def signatories(self, request):
        return views.signatories(self, request)

    @path("signatories/csv/", name="signatories_csv")
    def signatories_csv(self, request):
        return views.download(self, request, "csv")

    @path("signatories/json/", name="signatories_json")
    def signatories_json(self, request):
        return views.download(self, request, "json")

    @path("confirm/", name="confirm")
    def confirm(self, request):
        return views.confirm(self, request)

    @path("withdraw/", name="withdraw")
    def withdraw(self, request):
        return views.withdraw(self, request)

    @path("reconfirm/", name="reconfirm")
    def reconfirm(self, request):
        return views.reconfirm(self, request)
