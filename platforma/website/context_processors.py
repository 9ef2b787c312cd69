import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.translation import get_language_info


def _translate(path_info: str, full_path: str, code: str) -> str:
    """The page's address in ``code``: ``translate_url`` resolves the address without the
    script prefix and reverses it with the prefix; an address it cannot resolve stays as is."""
    url = translate_url(path_info, code)
    return full_path if url == path_info else url


@functools.lru_cache(maxsize=4096)
def _translated_path(path_info: str, full_path: str, code: str, prefix: str, urlconf) -> str:
    return _translate(path_info, full_path, code)


def languages(request):
    """Links to the current page in every language, for the language switcher (works without JS).

    For an address that resolves to a view, the translated path is looked up once per process
    (it cannot change while the process lives); other addresses, which anyone can make up,
    are translated each time and not kept. The query string is carried over as it is.
    """
    path_info, full_path = escape_uri_path(request.path_info), escape_uri_path(request.path)
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    keep = getattr(request, "resolver_match", None) is not None
    prefix, urlconf = get_script_prefix(), get_urlconf()
    links = []
    for code, _name in settings.LANGUAGES:
        if keep:
            url = _translated_path(path_info, full_path, code, prefix, urlconf)
        else:
            url = _translate(path_info, full_path, code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": f"{url}?{query}" if query else url,
            }
        )
    return {"language_links": links}
