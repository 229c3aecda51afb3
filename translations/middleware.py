"""The language a request is answered in."""

from django.conf import settings
from django.utils import translation


class LanguageFromPathMiddleware:
    """Answers each request in the language its address names (`/es/…`), or in the source
    language, English, when it names none: never in one the browser asks for.

    So an address always shows the same page in the same language, to everyone, and the page
    cache keeps one copy of it: unlike Django's LocaleMiddleware, nothing here reads
    Accept-Language or a cookie, and responses do not vary on either. The language is active
    only while the request is answered.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
