from django import template

register = template.Library()


@register.filter
def minutes(value):
    """A duration in minutes as people write it in a programme: 45 min, 1 hour, 1 hour 30 min."""
    if not value:
        return ""
    hours, mins = divmod(int(value), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours > 1 else ""))
    if mins:
        parts.append(f"{mins} min")
    return " ".join(parts)


@register.filter
def iso_duration(value):
    """The machine-readable form for <time datetime>: PT45M, PT1H30M."""
    if not value:
        return ""
    hours, mins = divmod(int(value), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "")
