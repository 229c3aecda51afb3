from django import template

from ..models import Notice
from ..periods import describe

register = template.Library()


@register.inclusion_tag("notice/includes/banner.html")
def upcoming_change_banner(page):
    """The notice of an approved change to `page` waiting to take effect, if there is one."""
    notice = (
        Notice.objects.filter(page_id=getattr(page, "pk", None), status=Notice.Status.WAITING)
        .order_by("takes_effect_at")
        .first()
        if getattr(page, "pk", None)
        else None
    )
    return {"notice": notice, "rule": describe(notice.takes_effect_at) if notice else ""}
