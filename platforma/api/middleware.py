"""The API's language: ``?lang=`` when given, else what LocaleMiddleware read from
Accept-Language. Install right after ``django.middleware.locale.LocaleMiddleware``."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

PREFIX = "/api/"


class ApiLanguage:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX) or "lang" not in request.GET:
            return self.get_response(request)
        code = request.GET["lang"]
        if code not in self.codes:
            body = {
                "message": _("Unknown language: use one of %(codes)s.")
                % {"codes": ", ".join(sorted(self.codes))},
                "fields": {"lang": [_("Not a language of this site.")]},
            }
            return HttpResponse(json.dumps(body), status=400, content_type="application/json")
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", code)
        return response
