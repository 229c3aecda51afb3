"""Signatures on statements: who signed, on which version of the text, and what became of it.

A signature is public (counted, listed, downloaded) once its signer confirmed it through the
link emailed to them, until they withdraw it or the committee hides it. Every change of that
kind goes through a method here, which sends `signals.signatures_changed` once the transaction
commits.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from network.models import Organisation, Region

from ..countries import country_name, is_global_south, local_country_name
from ..signals import signatures_changed
from .counts import SignatureCount

# A signature is public when it was confirmed, not withdrawn, and not hidden by the committee.
PUBLIC = Q(confirmed_at__isnull=False, withdrawn_at__isnull=True) & ~Q(review="hidden")
# Unconfirmed signatures (and their email addresses) are kept this many days, then deleted.
UNCONFIRMED_DAYS = 30


def organisation_key(name):
    """An organisation's name as compared for "already signed": case and spacing ignored."""
    return " ".join(name.split()).casefold()


class SignatureQuerySet(models.QuerySet):
    def public(self):
        return self.filter(PUBLIC)

    def listed(self):
        """Organisations first, then individuals, each in the order they confirmed."""
        return self.order_by("-kind", "confirmed_at", "pk")

    def unconfirmed_expired(self, now=None):
        cutoff = (now or timezone.now()) - timezone.timedelta(days=UNCONFIRMED_DAYS)
        return self.filter(confirmed_at__isnull=True, signed_at__lt=cutoff)

    def counts(self):
        """[{region, country, kind, revision_id, n}, …]: the public signatures counted in one
        query, by everything the statement page and the list's filters are broken down by (read
        from `SignatureCount`, which keeps these counts; this counts them again)."""
        return list(
            self.public()
            .values("region", "country", "kind", "revision_id")
            .annotate(n=Count("pk"))
            .order_by()
        )


class Signature(models.Model):
    """One organisation's or one person's signature on a statement."""

    # Signatures are not content other objects are used in: Wagtail's reference index (the
    # "Usage" of an organisation or a page) would grow by a row on every signing.
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        # Listed organisations first: "organisation" sorts after "individual", so lists order
        # by -kind.
        ORGANISATION = "organisation", _("An organisation")
        INDIVIDUAL = "individual", _("An individual")

    class Review(models.TextChoices):
        NEW = "new", _("New: not reviewed yet")
        APPROVED = "approved", _("Approved")
        HIDDEN = "hidden", _("Hidden")

    statement = models.ForeignKey(
        "statements.StatementPage",
        on_delete=models.CASCADE,
        related_name="signatures",
        verbose_name=_("statement"),
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    name = models.CharField(
        max_length=200,
        help_text=_("The person signing (for an organisation: who signs for it)."),
        verbose_name=_("name"),
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_(
            "The organisation that signs; for an individual, their affiliation, given "
            "for identification only."
        ),
    )
    organisation_key = models.CharField(
        max_length=200, blank=True, editable=False, verbose_name=_("organisation key")
    )
    role = models.CharField(
        max_length=200, blank=True, help_text=_("The signer's role in it."), verbose_name=_("role")
    )
    country = models.CharField(
        max_length=2, help_text=_("ISO 3166 code."), verbose_name=_("country")
    )
    region = models.CharField(max_length=20, choices=Region.choices, verbose_name=_("region"))
    website = models.URLField(max_length=200, blank=True, verbose_name=_("website"))
    email = models.EmailField(
        max_length=254, help_text=_("Never shown or downloaded publicly."), verbose_name=_("email")
    )
    comment = models.TextField(max_length=1000, blank=True, verbose_name=_("comment"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The revision of the statement that was live when it was signed."),
        verbose_name=_("revision"),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statement_signatures",
        help_text=_("The member organisation of the same name, if there is one."),
        verbose_name=_("organisation"),
    )
    signed_at = models.DateTimeField(default=timezone.now, verbose_name=_("signed at"))
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("confirmed at"))
    withdrawn_at = models.DateTimeField(null=True, blank=True, verbose_name=_("withdrawn at"))
    # The revision whose new text this signer was last asked to reconfirm.
    asked_to_reconfirm = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("asked to reconfirm"),
    )
    review = models.CharField(
        max_length=10, choices=Review.choices, default=Review.NEW, verbose_name=_("review")
    )
    hidden_reason = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("Why it is hidden (spam, impersonation …): required to hide it; never public."),
        verbose_name=_("hidden reason"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("reviewed at"))
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Invented for the demo site.")
    )

    objects = SignatureQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel(name, read_only=True)
                for name in (
                    "kind",
                    "organisation_name",
                    "name",
                    "role",
                    "email",
                    "country",
                    "region",
                    "website",
                    "comment",
                    "confirmed_at",
                    "organisation",
                )
            ],
            heading=_("The signature, as the signer gave it"),
        ),
        MultiFieldPanel(
            [FieldPanel("review"), FieldPanel("hidden_reason")], heading=_("The committee's review")
        ),
    ]

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-confirmed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "email"],
                condition=Q(confirmed_at__isnull=False, withdrawn_at__isnull=True),
                name="statements_one_signature_per_email",
                violation_error_message="This email address has already signed this statement.",
            ),
        ]
        indexes = [
            models.Index(
                fields=["statement", "-kind", "confirmed_at", "id"],
                condition=PUBLIC,
                name="statements_signature_listed",
            ),
            models.Index(
                fields=["statement", "region", "-kind", "confirmed_at", "id"],
                condition=PUBLIC,
                name="statements_signature_region",
            ),
            models.Index(
                fields=["statement", "country", "-kind", "confirmed_at", "id"],
                condition=PUBLIC,
                name="statements_signature_country",
            ),
            models.Index(
                fields=["statement", "organisation_key"], name="statements_signature_orgs"
            ),
            models.Index(fields=["statement", "email"], name="statements_signature_email"),
            models.Index(
                fields=["signed_at"],
                condition=Q(confirmed_at__isnull=True),
                name="statements_signature_pending",
            ),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.organisation_key = (
            organisation_key(self.organisation_name) if self.kind == self.Kind.ORGANISATION else ""
        )
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.review == self.Review.HIDDEN and not self.hidden_reason.strip():
            raise ValidationError(
                {"hidden_reason": "Say why this signature is hidden (spam, impersonation …)."}
            )

    @property
    def display_name(self):
        """How the signatory is listed: the organisation, or the person."""
        if self.kind == self.Kind.ORGANISATION:
            return self.organisation_name
        return self.name

    @property
    def country_name(self):
        return country_name(self.country)

    @property
    def local_country_name(self):
        return local_country_name(self.country)

    @property
    def is_global_south(self):
        return is_global_south(self.region)

    @property
    def is_public(self):
        return bool(
            self.confirmed_at and not self.withdrawn_at and self.review != self.Review.HIDDEN
        )

    @property
    def status(self):
        """Where the signature stands, in words."""
        if self.withdrawn_at:
            return "Withdrawn"
        if not self.confirmed_at:
            return "Not confirmed"
        if self.review == self.Review.HIDDEN:
            return "Hidden"
        return "Confirmed"

    def link_member_organisation(self):
        """Link a signing organisation to the member organisation of exactly its name."""
        if self.kind == self.Kind.ORGANISATION:
            self.organisation = (
                Organisation.objects.members().filter(name=self.organisation_name).first()
            )

    def changed(self):
        """Tell listeners, once committed, that what the statement shows has changed."""
        statement_id = self.statement_id
        transaction.on_commit(
            lambda: signatures_changed.send(sender=Signature, statement_id=statement_id)
        )

    def confirm(self, now=None):
        """Confirm an unconfirmed signature; returns False (and changes nothing) if it was
        confirmed or withdrawn already."""
        now = now or timezone.now()
        pending = Signature.objects.filter(
            pk=self.pk, confirmed_at__isnull=True, withdrawn_at__isnull=True
        )
        # One update that only an unconfirmed signature matches: two clicks count once.
        if not pending.update(confirmed_at=now):
            return False
        self.confirmed_at = now
        if self.is_public:
            SignatureCount.change(self, +1)
        self.changed()
        return True

    def reconfirm(self, revision):
        """Move a confirmed signature onto `revision` (the current text)."""
        if self.is_public:
            SignatureCount.change(self, -1)
            SignatureCount.change(self, +1, revision_id=revision.pk)
        self.revision = revision
        self.save(update_fields=["revision"])
        self.changed()

    def withdraw(self, now=None):
        """Take the signature back; returns False if it was withdrawn already."""
        now = now or timezone.now()
        standing = Signature.objects.filter(pk=self.pk, withdrawn_at__isnull=True)
        was_public = standing.filter(PUBLIC).exists()
        if not standing.update(withdrawn_at=now):
            return False
        self.withdrawn_at = now
        if was_public:
            SignatureCount.change(self, -1)
        self.changed()
        return True

    def record_review(self, user, was_public, now=None):
        """Save the committee's review (the admin form sets `review` and `hidden_reason`);
        `was_public` says whether the signature was public before it."""
        self.reviewed_by = user
        self.reviewed_at = now or timezone.now()
        if self.review != self.Review.HIDDEN:
            self.hidden_reason = ""
        self.save()
        if self.is_public != was_public:
            SignatureCount.change(self, +1 if self.is_public else -1)
        self.changed()
