from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

EXAMPLE_BADGE = mark_safe(  # noqa: S308 - fixed markup, no user input
    '<span class="badge badge--example" title="Invented for the demo">example</span>'
)


@register.simple_tag(takes_context=True)
def person_link(context, person):
    """A person's name linked to their page on the membership page, with an example badge."""
    people_page = context.get("people_page")
    badge = EXAMPLE_BADGE if person.is_example else ""
    if people_page is None:
        return format_html("{}{}", person.name, badge)
    url = people_page.person_url(person, context.get("request"))
    return format_html('<a href="{}">{}</a>{}', url, person.name, badge)


@register.simple_tag
def example_badge(thing):
    """The example badge for an invented organisation or person, or nothing."""
    return EXAMPLE_BADGE if getattr(thing, "is_example", False) else ""
