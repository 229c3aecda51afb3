"""Signing, confirming, reconfirming and withdrawing: what the signing views ask for.

Each function changes the record in one transaction and says, by raising `TokenRefused`
with a message for the visitor, why it would not; the views only show the outcome.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext

from . import tokens
from .models.signatures import UNCONFIRMED_DAYS, Signature
from .tasks import schedule_purge
from .tokens import TokenRefused


def route_url(statement, name, *args, token=None):
    """The absolute URL of one of the statement's routes, for an email."""
    url = statement.full_url + statement.reverse_subpage(name, args=args)
    return url + "?" + urlencode({"token": token}) if token else url


def sign(statement, form):
    """Store a valid signing form's signature, unconfirmed, and email the link to confirm it.

    An earlier unconfirmed signature from the same address on this statement is replaced.
    """
    with transaction.atomic():
        email = form.cleaned_data["email"]
        Signature.objects.filter(
            statement=statement, email=email, confirmed_at__isnull=True
        ).delete()
        signature = form.save(commit=False)
        signature.revision_id = statement.live_revision_id
        signature.link_member_organisation()
        signature.save()
        schedule_purge(signature)
    send_links(signature, "statements/emails/confirm.txt", gettext("Confirm your signature"))
    return signature


def send_links(signature, template, subject, **context):
    statement = signature.statement
    body = render_to_string(
        template,
        {
            "signature": signature,
            "statement": statement,
            "statement_url": statement.full_url,
            "confirm_url": route_url(
                statement, "confirm", token=tokens.make(tokens.CONFIRM, signature)
            ),
            "withdraw_url": route_url(
                statement, "withdraw", token=tokens.make(tokens.WITHDRAW, signature)
            ),
            "unconfirmed_days": UNCONFIRMED_DAYS,
            **context,
        },
    )
    send_mail(
        f"{subject}: {statement.title}",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [signature.email],
    )


def signature_for(statement, action, token):
    """The signature a valid token of `action` names on `statement`, and the token's revision."""
    signature_id, revision_id = tokens.read(action, token, statement.pk)
    signature = Signature.objects.filter(pk=signature_id, statement=statement).first()
    if signature is None:
        raise TokenRefused(
            gettext(
                "This signature is no longer on record: unconfirmed signatures are deleted "
                "after %(days)s days. You can sign again."
            )
            % {"days": UNCONFIRMED_DAYS},
            status=404,
        )
    if signature.withdrawn_at:
        raise TokenRefused(
            gettext("This signature was withdrawn on %(day)s. You can sign again.")
            % {"day": format_date(signature.withdrawn_at, "j F Y")},
            status=410,
        )
    return signature, revision_id


def confirm(statement, signature):
    """Confirm `signature`; True if this did it, False if it was confirmed already."""
    if signature.confirmed_at:
        return False
    if signature.kind == Signature.Kind.ORGANISATION:
        earlier = statement.public_signatures().filter(
            kind=Signature.Kind.ORGANISATION, organisation_key=signature.organisation_key
        )
        if earlier.exists():
            raise TokenRefused(
                gettext("%(organisation)s has already signed this statement: it is listed once.")
                % {"organisation": signature.organisation_name},
                status=409,
            )
    try:
        with transaction.atomic():
            return signature.confirm()
    except IntegrityError as duplicate:
        raise TokenRefused(
            gettext("This email address has already signed this statement."), status=409
        ) from duplicate


def reconfirm(statement, signature):
    """Put `signature` on the text live now."""
    if not signature.confirmed_at:
        raise TokenRefused(
            gettext("This signature was never confirmed: use the link in the first email."),
            status=409,
        )
    revision = statement.live_revision
    with transaction.atomic():
        signature.reconfirm(revision)


def ask_to_reconfirm(statement, signature, text_versions):
    """Email a signatory of an earlier text the change and a link to sign the new one."""
    signed = text_versions.number(signature.revision_id)
    current = text_versions.current
    older = text_versions.first_version(signed) if signed else None
    newer = text_versions.latest_version()
    diff_url = (
        route_url(statement, "history_diff", older.revision_id, newer.revision_id)
        if older and newer and older.number < newer.number
        else statement.full_url
    )
    send_links(
        signature,
        "statements/emails/reconfirm.txt",
        gettext("The text you signed has changed"),
        signed_version=signed,
        current_version=current,
        diff_url=diff_url,
        reconfirm_url=route_url(
            statement,
            "reconfirm",
            token=tokens.make(tokens.RECONFIRM, signature, statement.live_revision_id),
        ),
    )
