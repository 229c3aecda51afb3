from django import template
from django.utils.translation import gettext, ngettext

register = template.Library()


@register.filter
def minutes(value):
    """A duration in minutes as people write it in a programme: 45 min, 1 hour, 1 hour 30 min."""
    if not value:
        return ""
    hours, mins = divmod(int(value), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours})
    if mins:
        parts.append(gettext("%(count)s min") % {"count": mins})
    return " ".join(parts)


@register.filter
def iso_duration(value):
    """The machine-readable form for <time datetime>: PT45M, PT1H30M."""
    if not value:
        return ""
    hours, mins = divmod(int(value), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "")
