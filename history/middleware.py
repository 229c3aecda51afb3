"""Whoever is logged in when something goes on the public record is who did it."""

from .record import attributed, public_name


class RecordAuthorMiddleware:
    """Run each signed-in request inside `attributed(performed_by=<their public name>)`, so an
    administrator's publication, move or withdrawal is on the record with their name (code
    that knows more, such as a quorum's approval, says so itself)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        with attributed(performed_by=public_name(user)):
            return self.get_response(request)
