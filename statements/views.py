"""The statement's routes, kept thin: the models and `sign_on` do the work."""

from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from . import downloads, sign_on, throttle, tokens
from .forms import SignatoryFilterForm, SignatureForm
from .models.signatures import Signature
from .tokens import TokenRefused

PER_PAGE = 50


def with_versions(signatures, text_versions):
    """Give each signature its `text_version` number, for "signed version 2"."""
    for signature in signatures:
        signature.text_version = text_versions.number(signature.revision_id)
        signature.on_current_text = text_versions.is_current(signature.revision_id)
    return signatures


def statement_context(page, request, form=None):
    versions = page.text_versions()
    return {
        "text_versions": versions,
        "summary": page.summary(versions),
        "first_organisations": with_versions(
            page.first_signatories(Signature.Kind.ORGANISATION), versions
        ),
        "first_individuals": with_versions(
            page.first_signatories(Signature.Kind.INDIVIDUAL), versions
        ),
        "refusal": page.signing_refusal(),
        "form": form or SignatureForm(statement=page),
    }


def render_page(page, request, status, **context):
    full = page.get_context(request)
    full.update(context)
    return TemplateResponse(request, page.get_template(request), full, status=status)


def sign(page, request):
    if request.method != "POST":
        return redirect(page.get_url(request) + "#sign")
    refusal = page.signing_refusal()
    if refusal:
        return render_page(page, request, 403, refusal=refusal)
    if not throttle.allow_signing(request):
        return render_page(
            page,
            request,
            429,
            form_error=gettext(
                "Too many signatures have been sent from your address in the last hour. "
                "Please try again later."
            ),
        )
    form = SignatureForm(request.POST, statement=page)
    if form.is_robot:
        return render_page(
            page,
            request,
            400,
            form_error=gettext(
                "The form could not be accepted: leave the field “Leave this empty” empty."
            ),
        )
    if not form.is_valid():
        return render_page(page, request, 400, form=form)
    sign_on.sign(page, form)
    return redirect(page.subpage_url("signed", request=request))


def signed(page, request):
    return TemplateResponse(request, "statements/signed.html", {"page": page})


def token_page(page, request, action, act):
    """GET shows what the link will do, with a button; POST does it (`act`), so a mail
    scanner that opens links changes nothing."""
    token = request.GET.get("token", "")
    try:
        signature, _ = sign_on.signature_for(page, action, token)
        done = request.method == "POST" and act(signature) is not False
    except TokenRefused as refused:
        return TemplateResponse(
            request,
            "statements/link_refused.html",
            {"page": page, "message": refused.message},
            status=refused.status,
        )
    versions = page.text_versions()
    with_versions([signature], versions)
    context = {
        "page": page,
        "signature": signature,
        "action": action,
        "done": done,
        "text_versions": versions,
    }
    if action == tokens.RECONFIRM and signature.text_version:
        older = versions.first_version(signature.text_version)
        newer = versions.latest_version()
        if older and newer and older.number < newer.number:
            context["diff"] = (older.revision_id, newer.revision_id)
    return TemplateResponse(request, "statements/link.html", context)


def confirm(page, request):
    return token_page(page, request, tokens.CONFIRM, lambda s: sign_on.confirm(page, s))


def withdraw(page, request):
    return token_page(page, request, tokens.WITHDRAW, lambda s: s.withdraw())


def reconfirm(page, request):
    return token_page(page, request, tokens.RECONFIRM, lambda s: sign_on.reconfirm(page, s))


def signatories(page, request):
    """Every public signatory, organisations then individuals, filtered by region and country,
    fifty to a page."""
    versions = page.text_versions()
    summary = page.summary(versions)
    form = SignatoryFilterForm(request.GET or None, countries=summary.countries())
    listed = page.public_signatures()
    note = ""
    region = country = ""
    if form.is_bound:
        if form.is_valid():
            region, country = form.cleaned_data["region"], form.cleaned_data["country"]
        else:
            note = gettext(
                "No signatory is on record for that region or country, so all are shown."
            )
    if region:
        listed = listed.filter(region=region)
    if country:
        listed = listed.filter(country=country)
    paginator = Paginator(listed.listed(), PER_PAGE)
    # The count is known from the summary's one query; the paginator need not count again.
    paginator.count = summary.count(region=region, country=country)
    signatures = paginator.get_page(request.GET.get("page"))
    with_versions(signatures.object_list, versions)
    return TemplateResponse(
        request,
        "statements/signatories.html",
        {
            "page": page,
            "summary": summary,
            "filter_form": form,
            "filter_note": note,
            "signatures": signatures,
            "text_versions": versions,
        },
    )


def download(page, request, fmt):
    return downloads.response(page, page.text_versions(), fmt)
