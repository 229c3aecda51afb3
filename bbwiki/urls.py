from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from history import views as history_views
from opendata import views as opendata_views
from opendata.api import api_router
from operations import views as operations_views
from operations.accounts import AdminLogoutView
from operations.page_passwords import authenticate_with_password

urlpatterns = [
    path("healthz", operations_views.healthz, name="healthz"),
    # Before Wagtail's own: only a POST logs out (operations.accounts).
    path("admin/logout/", AdminLogoutView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("changes/upcoming/", include("notice.urls")),
    path("changes/", include("history.urls")),
    path("proposals/", include("moderation.urls")),
    path("data/", include("opendata.urls")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", opendata_views.robots_txt, name="robots_txt"),
    path("favicon.ico", opendata_views.favicon, name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Static files are WhiteNoise's, on the development server too (settings.dev). Of media,
    # images only: documents are served by Wagtail's view, which checks their privacy.
    for folder in settings.PUBLIC_MEDIA_FOLDERS:
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )

# Wagtail serves every page; this must stay last. Its pattern allows no dot, so pages' JSON
# routes (history.json, as-of/<day>.json: history.mixin) are sent to its page view first.
# Pages in English have no language prefix, as before there were translations; pages in the
# other languages start with theirs (/es/…), as does their search page (/es/search/), which
# searches the pages in its language. An unknown prefix is a page nobody wrote: 404.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    # Before Wagtail's own: page passwords are throttled per address (operations.page_passwords).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    re_path(r"^((?:[\w\-]+/)+[^/]+\.json)$", history_views.page_json, name="page_json"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
