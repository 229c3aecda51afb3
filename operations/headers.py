"""Security headers: Content-Security-Policy (django-csp, widened in Wagtail's admin) and
Permissions-Policy. Referrer-Policy comes from Django's SecurityMiddleware."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY everywhere; under the admin's URL, with the sources of
    settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE added (Wagtail's inline scripts)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(reverse("wagtailadmin_home")):
            update = dict(settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE)
            for directive, sources in (parts.update or {}).items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    """Send settings.PERMISSIONS_POLICY (a list of `feature=(allowlist)`) on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
