import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.translation import get_language_info


@functools.lru_cache(maxsize=4096)
def _translated_path(path: str, code: str, prefix: str, urlconf) -> str:
    return translate_url(path, code)


def languages(request):
    """Links to the current page in every language, for the language switcher (works without JS).

    The translated path is looked up once per path and language (an address resolves to the
    same view for the life of the process); the query string is carried over as it is.
    """
    path = escape_uri_path(request.path)
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    prefix, urlconf = get_script_prefix(), get_urlconf()
    links = []
    for code, _name in settings.LANGUAGES:
        url = _translated_path(path, code, prefix, urlconf)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": f"{url}?{query}" if query else url,
            }
        )
    return {"language_links": links}
