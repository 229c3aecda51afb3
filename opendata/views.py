"""/data/: the network's record as open data; robots.txt and the favicon. Views stay thin:
the data is built in `popolo.py`, `procedures.py` and `tables.py`, cached and answered by
`history.cache`."""

import functools

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.data_responses import CSV, JSON, csv_body, json_body, json_error, paginate
from core.open_data import ID_SCHEME
from core.site_address import absolute_url
from history.cache import cached, cached_response

from .models import OpenDataSettings
from .popolo import KINDS, popolo_dataset
from .procedures import PROCEDURES_PER_PAGE, procedures_data, public_procedures
from .tables import TABLES, table

RECORDS_PER_PAGE = 100
NOTHING_HERE = "There is no data at this address. Every address the site offers is listed at {}."


def data_view(view):
    """A view of /data/: GET and HEAD, readable from any other site's scripts (CORS), with an
    answer to browsers' preflight requests for conditional GETs."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = require_safe(view)(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Link"
        return response

    return wrapped


def licence_of(request):
    """{name, url} of the licence the data is under, or None while none is chosen."""
    return OpenDataSettings.for_request(request).licence()


def dataset(request):
    return cached(("popolo", request.get_host()), lambda: popolo_dataset(request))


def not_found_message():
    return NOTHING_HERE.format(absolute_url(reverse("data")))


@data_view
def index(request):
    """What every address gives, with a curl command to try it."""
    absolute = request.build_absolute_uri
    example = public_procedures().first()
    return TemplateResponse(
        request,
        "opendata/index.html",
        {
            "licence": licence_of(request),
            "id_scheme": ID_SCHEME,
            "records_per_page": RECORDS_PER_PAGE,
            "procedures_per_page": PROCEDURES_PER_PAGE,
            "popolo_url": absolute(reverse("data_popolo")),
            "list_urls": {kind: absolute(reverse("data_list", args=[kind])) for kind in KINDS},
            "table_urls": {kind: absolute(reverse("data_table", args=[kind])) for kind in TABLES},
            "procedures_url": absolute(reverse("data_procedures")),
            "example": example,
            "history_url": absolute(example.subpage_url("history_json")) if example else "",
            "as_of_url": absolute(example.subpage_url("as_of_json", "2015-01-01"))
            if example
            else "",
            "api_url": absolute(reverse("wagtailapi:pages:listing")),
            "sitemap_url": absolute(reverse("sitemap")),
        },
    )


def answer(request, build, key=()):
    """What `build` makes, cached, with a link to the licence the data is under."""
    licence = licence_of(request)
    headers = {"Link": f'<{licence["url"]}>; rel="license"'} if licence and licence["url"] else {}
    return cached_response(request, build, key, headers)


@data_view
def popolo(request):
    licence = licence_of(request)

    def build():
        document = {
            "meta": {
                "publisher": settings.WAGTAIL_SITE_NAME,
                "licence": licence,
                "documentation": request.build_absolute_uri(reverse("data")),
            },
            **dataset(request),
        }
        return json_body(document), JSON

    return answer(request, build, key=(licence["name"], licence["url"] or "") if licence else ())


@data_view
def popolo_list(request, kind):
    if kind not in KINDS:
        return json_error(not_found_message())

    def build():
        records, pagination = paginate(request, dataset(request)[KINDS[kind]], RECORDS_PER_PAGE)
        return json_body({**pagination, "results": records}), JSON

    return answer(request, build)


@data_view
def popolo_table(request, kind):
    if kind not in TABLES:
        return json_error(not_found_message())

    def build():
        return csv_body(*table(kind, dataset(request)[KINDS[kind]])), CSV

    response = answer(request, build)
    response["Content-Disposition"] = f'inline; filename="{kind}.csv"'
    return response


@data_view
def procedures(request):
    def build():
        pages, pagination = paginate(request, public_procedures(), PROCEDURES_PER_PAGE)
        return json_body({**pagination, "results": procedures_data(pages, request)}), JSON

    return answer(request, build)


@data_view
def not_found(request, rest=""):
    return json_error(not_found_message())


@require_safe
def robots_txt(request):
    """Crawlers may read every public page, but not search results (a page per query) nor
    the admin; the sitemap lists the pages."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('search:search')}",
        f"Disallow: {reverse('wagtailadmin_home')}",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: the icon is a static file."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))
