from django.conf import settings
from django.http import JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .health import run_checks


def may_see_details(request):
    """Superusers, and callers with `Authorization: Bearer <BBWIKI_HEALTH_TOKEN>` when that is
    set, see what failed and where; everyone else only what is wrong."""
    token = settings.HEALTH_TOKEN
    given = request.headers.get("Authorization", "")
    if token and constant_time_compare(given, f"Bearer {token}"):
        return True
    return request.user.is_active and request.user.is_superuser


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers and the search index is readable and holds every change
    recorded so far, else 503 with what is wrong (the detail only for `may_see_details`)."""
    healthy, checks = run_checks(detailed=may_see_details(request))
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
