from django import template
from wagtail.models import Site

register = template.Library()


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
