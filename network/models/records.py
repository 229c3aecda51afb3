"""The network's records: regions, organisations and the people who hold roles."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import get_page_models
from wagtail.search import index

from core.open_data import NETWORK_ID, popolo_date, popolo_id

from ..forms import OrganisationForm

EXAMPLE_HELP = _("Invented for the demo site; shown everywhere with an “example” badge.")
# Where a request keeps the membership page once looked up, for every name on the page.
PEOPLE_PAGE_ATTRIBUTE = "_bbwiki_people_page"


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    ARAB_STATES = "arab_states", _("Arab States")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    LATIN_AMERICA = "latin_america", _("Latin America and the Caribbean")
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north_america", _("North America")


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
        APPLIED = "applied", _("Applied")
        MEMBER = "member", _("Member")
        SUSPENDED = "suspended", _("Suspended")
        FORMER = "former", _("Former member")

    name = models.CharField(max_length=255, unique=True, verbose_name=_("name"))
    country = models.CharField(max_length=100, verbose_name=_("country"))
    region = models.CharField(max_length=20, choices=Region.choices, verbose_name=_("region"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    member_since = models.DateField(null=True, blank=True, verbose_name=_("member since"))
    membership_status = models.CharField(
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.MEMBER,
        verbose_name=_("membership status"),
    )
    is_example = models.BooleanField(_("example"), default=False, help_text=EXAMPLE_HELP)

    objects = OrganisationQuerySet.as_manager()
    base_form_class = OrganisationForm

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("country"), FieldPanel("region")], heading=_("Where")),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("membership_status"), FieldPanel("member_since")], heading=_("Membership")
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
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_global_south(self):
        return self.region in GLOBAL_SOUTH_REGIONS

    @property
    def popolo_id(self):
        return popolo_id("organisation", self.pk)

    def popolo(self):
        """The organisation as a Popolo organization: what the membership page shows of it."""
        return {
            "id": self.popolo_id,
            "name": self.name,
            "classification": "civil society organisation",
            "area": {
                "name": self.country,
                "classification": "country",
                "parent": {
                    "id": popolo_id("region", self.region),
                    "name": self.get_region_display(),
                    "classification": "region",
                    "global_south": self.is_global_south,
                },
            },
            "links": [{"url": self.website, "note": "website"}] if self.website else [],
            "example": self.is_example,
        }

    def popolo_membership(self):
        """The organisation's membership of the network, from the day it joined."""
        return {
            "id": popolo_id("organisation", self.pk, "membership"),
            "label": "Member organisation of the network",
            "role": "member",
            "member": {"@type": "Organization", "id": self.popolo_id},
            "organization_id": NETWORK_ID,
            "start_date": popolo_date(self.member_since),
        }

    def live_pages_showing(self):
        """The live pages that show this organisation: the membership page while it is a
        member, and the meetings it took part in."""
        from wagtail.models import Page

        from .membership import MembershipPage

        pages = list(self.meetings.live()) if self.pk else []
        if self.pk and self._stored_status() == self.MembershipStatus.MEMBER:
            pages += list(MembershipPage.objects.live())
        return pages or list(Page.objects.none())

    def _stored_status(self):
        return (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list("membership_status", flat=True)
            .first()
        )


class Person(index.Indexed, models.Model):
    """Someone who holds a role in the network: facilitator, seat holder, convenor, member."""

    name = models.CharField(max_length=255, verbose_name=_("name"))
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("organisation"),
    )
    country = models.CharField(max_length=100, blank=True, verbose_name=_("country"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_person",
        help_text=_("Their login on this site, if they have one."),
        verbose_name=_("user"),
    )
    is_example = models.BooleanField(_("example"), default=False, help_text=EXAMPLE_HELP)

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
        verbose_name = _("person")
        ordering = ["name"]
        verbose_name_plural = _("people")

    def __str__(self):
        return f"{self.name} (example)" if self.is_example else self.name

    @property
    def popolo_id(self):
        return popolo_id("person", self.pk)

    def popolo(self, request):
        """The person as a Popolo person: their name, the example mark, and their page. Never
        their login or an email address."""
        url = self.get_url(request)
        return {
            "id": self.popolo_id,
            "name": self.name,
            "links": [{"url": request.build_absolute_uri(url), "note": "roles on record"}]
            if url
            else [],
            "example": self.is_example,
        }

    def popolo_reference(self, role):
        """The person where an event names them (an attendee), in the role they had."""
        return {"id": self.popolo_id, "name": self.name, "role": role}

    def get_url(self, request=None):
        """This person's page on the visitor's site, or "" where the site has none.

        The membership page serves people's pages; it is looked up once per request.
        """
        if request is not None and hasattr(request, PEOPLE_PAGE_ATTRIBUTE):
            people_page = getattr(request, PEOPLE_PAGE_ATTRIBUTE)
        else:
            people_page = apps.get_model("network", "MembershipPage").for_request(request)
            if request is not None:
                setattr(request, PEOPLE_PAGE_ATTRIBUTE, people_page)
        return people_page.person_url(self, request) if people_page else ""

    def live_pages_showing(self):
        """The live pages that name this person (roles and meetings taken part in)."""
        from wagtail.models import Page

        if not self.pk:
            return []
        pages = Page.objects.live()
        return [entry.page for group in self.roles(pages) for entry in group.entries]

    def roles(self, pages):
        """[RoleGroup, …]: what the record says this person did, on the `pages` given (a page
        queryset: those the visitor may see).

        Each page type that records people's roles says so itself, with a `person_roles(person,
        pages)` class method, so this model knows no other app's relations.
        """
        groups = []
        for model in get_page_models():
            person_roles = getattr(model, "person_roles", None)
            if person_roles is not None:
                groups.extend(group for group in person_roles(self, pages) if group.entries)
        return groups
