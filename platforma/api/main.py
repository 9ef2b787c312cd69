"""The API instance: its routers, and how every error is answered (JSON, never a page).

Errors: ``{"message": "…", "fields": {"field": ["…"]}}`` with 400 for bad input (including the
services' refusals of what the rules forbid), 401 when the call needs a caller, 403 when the
caller may see the thing but not do this to it, 404 for what does not exist or the caller may
not see (another platform's private objects included), 429 past the rate.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from .auth import PUBLIC, anonymous
from .throttle import CallerRate

logger = logging.getLogger(__name__)

DESCRIPTION = gettext_lazy(
    "The public records of the national platforms and the Forum, and, with a personal token "
    "or the site's session, what the caller may see and do on the site's pages. "
    "Language: `?lang=az|en|ru` or the Accept-Language header. Lists come in pages "
    "(`page`, `page_size`). See docs/api.md."
)


class PlatformaAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """The spec, saying of each public operation that it needs no credentials (an empty
        security requirement besides the token and the session)."""
        schema = super().get_openapi_schema(*args, **kwargs)
        public = {
            operation.operation_id
            for bound in self._get_bound_routers()
            for path_view in bound.path_operations.values()
            for operation in path_view.operations
            if anonymous in operation.auth_callbacks
        }
        for methods in schema["paths"].values():
            for operation in methods.values():
                if operation.get("operationId") in public:
                    operation["security"] = [*operation.get("security", []), {}]
        return schema


api = PlatformaAPI(
    title="Platforma API",
    version="1",
    description=str(DESCRIPTION),
    urls_namespace="api",
    auth=PUBLIC,
    throttle=[CallerRate()],
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _error(
    request: HttpRequest, status: int, message: str, fields: dict[str, list[str]] | None = None
) -> HttpResponse:
    return api.create_response(request, {"message": message, "fields": fields or {}}, status=status)


def _field_name(location: Any) -> str:
    """``("query", "page")`` → ``page``; a body's ``("body", "payload", "name")`` → ``name``."""
    parts = [str(p) for p in location if p not in ("body", "query", "path", "payload")]
    return ".".join(parts) or "request"


@api.exception_handler(ValidationError)
def _bad_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        fields.setdefault(_field_name(error.get("loc", ())), []).append(str(error.get("msg", "")))
    return _error(request, 400, _("The request is not valid: see the fields."), fields)


@api.exception_handler(DjangoValidationError)
def _refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        fields = {
            ("request" if name == "__all__" else name): list(messages)
            for name, messages in exc.message_dict.items()
        }
        return _error(request, 400, " ".join(m for ms in fields.values() for m in ms), fields)
    return _error(request, 400, " ".join(exc.messages))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, _("Not found."))


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, str(exc) or _("You may not do this."))


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return _error(request, 429, _("Too many requests: wait a little and try again."))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = exc.message if exc.message != "Unauthorized" else ""
    response = _error(
        request, 401, message or _("Sign in first: send a personal token, or use the site.")
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, str(exc.message))


@api.exception_handler(DataError)
def _data_error(request: HttpRequest, exc: DataError) -> HttpResponse:
    # The parameters are bounded so that this does not happen; if one slips through, the
    # caller still gets a 400 rather than a server error.
    logger.warning("API input the database refused: %s", exc)
    return _error(request, 400, _("The request is not valid."))


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path)
    return _error(request, 500, _("Something went wrong on our side; it has been logged."))


def _add_routers() -> None:
    from .routers import ROUTERS

    for prefix, router in ROUTERS:
        api.add_router(prefix, router)


_add_routers()
