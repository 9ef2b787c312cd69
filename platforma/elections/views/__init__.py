from .office import (
    office_detail,
    office_election_edit,
    office_list,
    office_nomination_add,
    office_nomination_answer,
    office_nomination_new,
    office_paper,
    office_proxy_add,
    office_second_round,
    office_tellers,
    office_transition,
)
from .public import board, board_json, check_tracker, election_detail, election_list, result_pdf
from .representative import nomination_second, proxy_give
from .teller import teller_share
from .voting import nomination_answer, vote

__all__ = [
    "board",
    "board_json",
    "check_tracker",
    "election_detail",
    "election_list",
    "nomination_answer",
    "nomination_second",
    "office_detail",
    "office_election_edit",
    "office_list",
    "office_nomination_add",
    "office_nomination_answer",
    "office_nomination_new",
    "office_paper",
    "office_proxy_add",
    "office_second_round",
    "office_tellers",
    "office_transition",
    "proxy_give",
    "result_pdf",
    "teller_share",
    "vote",
]
