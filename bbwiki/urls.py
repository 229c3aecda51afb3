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

urlpatterns = [
    path("healthz", operations_views.healthz, name="healthz"),
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
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every page; this must stay last. Its pattern allows no dot, so pages' JSON
# routes (history.json, as-of/<day>.json: history.mixin) are sent to its page view first.
# Pages in English have no language prefix, as before there were translations; pages in the
# other languages start with theirs (/es/…), as does their search page (/es/search/), which
# searches the pages in its language. An unknown prefix is a page nobody wrote: 404.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    re_path(r"^((?:[\w\-]+/)+[^/]+\.json)$", history_views.page_json, name="page_json"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
