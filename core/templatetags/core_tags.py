"""Template tags every app's templates use: the site's sections, people's names."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from core.site_address import absolute_url
from core.visibility import may_view, restricted_paths

register = template.Library()

# What the network is, in a sentence: the site's footer, and link previews of pages that say
# nothing of their own.
SITE_DESCRIPTION = _(
    "Best Bits is a global network of civil-society groups working on Internet governance "
    "and human rights."
)


@register.simple_tag
def site_identity():
    """{name, description} of the site, for its header, footer and link previews."""
    return {"name": settings.WAGTAIL_SITE_NAME, "description": SITE_DESCRIPTION}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address of what is shown, on the site's own address, without the query."""
    request = context.get("request")
    return absolute_url(request.path) if request else absolute_url("/")


EXAMPLE_BADGE = mark_safe(  # noqa: S308 - fixed markup, no user input
    '<span class="badge badge--example" title="Invented for the demo">example</span>'
)


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The live top-level sections of the current site in the current language, each marked if
    the visitor is in it.

    Returns [(section, aria_current, language), …] where aria_current is "page", "true" or "",
    and language is None, or the code of the language the section is shown in when it has no
    live translation into the current language (its source, never a broken link).
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    current = context.get("page")
    # The view restrictions are read once and applied here: `.public()` builds a page per
    # restriction and a filter per restricted page, on every page of the site.
    hidden = restricted_paths()

    def public(pages):
        return [page for page in pages if not any(page.path.startswith(p) for p in hidden)]

    sections = [
        (section, None)
        for section in public(
            site.root_page.get_children().live().in_menu().select_related("locale")
        )
    ]
    language = translation.get_language()
    if language != settings.LANGUAGE_CODE and sections:
        translated = {
            page.translation_key: page
            for page in public(
                Page.objects.filter(
                    translation_key__in=[section.translation_key for section, _ in sections],
                    locale__language_code=language,
                ).live()
            )
        }
        sections = [
            (translated[section.translation_key], None)
            if section.translation_key in translated
            else (section, section.locale.language_code)
            for section, _ in sections
        ]
    marked = []
    for section, shown_in in sections:
        state = ""
        if current is not None and getattr(current, "path", None):
            if current.pk == section.pk:
                state = "page"
            elif current.path.startswith(section.path):
                state = "true"
        marked.append((section, state, shown_in))
    return marked


@register.simple_tag(takes_context=True)
def person_link(context, person):
    """A person's name linked to their page, with an example badge for invented people.

    The person says where their page is (`person.get_url(request)`); without one, the name
    is shown unlinked. In an earlier version of a page (`recorded_names` in the context, from
    the public record) the name is the one the person had when that version was published.
    """
    badge = EXAMPLE_BADGE if person.is_example else ""
    name = (context.get("recorded_names") or {}).get(str(person.pk), person.name)
    url = person.get_url(context.get("request"))
    if not url:
        return format_html("{}{}", name, badge)
    return format_html('<a href="{}">{}</a>{}', url, name, badge)


@register.filter
def visible_to(page, request):
    """Whether the visitor making `request` may view `page` (`core.visibility.may_view`): a
    template asks before it names or links to another page,
    `{% if page.set_up_at|visible_to:request %}`."""
    return may_view(page, request)


@register.simple_tag
def example_badge(thing):
    """The example badge for an invented organisation or person, or nothing."""
    return EXAMPLE_BADGE if getattr(thing, "is_example", False) else ""


@register.simple_tag(takes_context=True)
def propose_change_url(context, page):
    """The editor of `page` for a signed-in member who may propose a change to it, or ""."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not getattr(page, "pk", None):
        return ""
    if not page.permissions_for_user(user).can_edit():
        return ""
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


class CaptureNode(template.Node):
    # Blocks inside are found and overridden by templates that extend this one.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308 - rendered by the template engine, escaped as it rendered
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: render the enclosed template once into the
    variable `name` (already escaped, trimmed), to use in several places, as the page's title
    is in <title> and in its link preview."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
