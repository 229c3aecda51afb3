"""The admin's logout, which only a form post from the site itself performs."""

from django.contrib.auth import views as auth_views
from wagtail.admin.views import account


class AdminLogoutView(account.LogoutView):
    """Wagtail's logout, performed only by a POST that passed the CSRF check.

    Any other method answers as Django's logout does (405, or the allowed methods for OPTIONS)
    and changes nothing: Wagtail's view would clear the session cookie and say "logged out"
    whatever the method, so a cross-site image could log an editor out.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            return super().dispatch(request, *args, **kwargs)
        return auth_views.LogoutView.dispatch(self, request, *args, **kwargs)
