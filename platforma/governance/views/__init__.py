from .office import (
    mandate_end,
    mandate_start,
    office_create,
    office_detail,
    office_list,
    statute_adopt,
    statute_detail,
    statute_list,
)

__all__ = [
    "mandate_end",
    "mandate_start",
    "office_create",
    "office_detail",
    "office_list",
    "statute_adopt",
    "statute_detail",
    "statute_list",
]
