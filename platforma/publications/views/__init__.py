"""Publications' pages: ``public`` (the library, files, search) and ``office`` (the secretariat)."""

from . import office
from .public import publication_detail, publication_list, search, version_cover, version_download

__all__ = [
    "office",
    "publication_detail",
    "publication_list",
    "search",
    "version_cover",
    "version_download",
]
