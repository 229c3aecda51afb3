"""Template tags every app's templates use: the site's sections, people's names."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

register = template.Library()

EXAMPLE_BADGE = mark_safe(  # noqa: S308 - fixed markup, no user input
    '<span class="badge badge--example" title="Invented for the demo">example</span>'
)


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The live top-level sections of the current site, each marked if the visitor is in it.

    Returns [(section, aria_current), …] where aria_current is "page", "true" or "".
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    current = context.get("page")
    sections = site.root_page.get_children().live().public().in_menu()
    marked = []
    for section in sections:
        state = ""
        if current is not None and getattr(current, "path", None):
            if current.pk == section.pk:
                state = "page"
            elif current.path.startswith(section.path):
                state = "true"
        marked.append((section, state))
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
