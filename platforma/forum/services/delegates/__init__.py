"""The Annual Assembly's call for delegates, from the call to the published list.

draft -> open -> ranking -> scoring -> selected -> published:

- the Forum secretariat creates the Assembly and its call, and opens it;
- while it is open (and before its deadline) a representative of a member organisation in good
  standing applies for it (one application per organisation and call), and may withdraw;
- after the deadline the call is closed: each platform's secretariat ranks its own applicants
  (the Forum's secretariat ranks the EU-side ones, who apply through the Forum's own row);
- the Forum secretariat closes the ranking, marks every application on the scoring sheet and
  runs the selection: the solver (``platforma.forum.selection``) picks the delegates under the
  quotas of the Forum statute in force on the deadline's day, and every application gets its
  outcome and the reason for it;
- the applicants are told, by e-mail in the language they applied in, and the list is published.

The score
---------
``score`` is kept in hundredths of a point (integers keep the solver exact)::

    score = 100 * sum(weight * mark for each criterion of the scoring sheet) + rank points

    rank points = round(100 * rank_weight * (n - rank + 1) / n)     (halves rounded up)

where ``n`` is the number of the platform's applications still in the call (not withdrawn) and
``rank`` an application's place in its platform's ranking (1 is the best). The first of a
platform's applicants gets ``rank_weight`` points, the last ``rank_weight / n``; an application
the platform has not ranked gets none. Example: weights 3, 2, 2, marks 8, 7, 6, rank 2 of 4,
rank_weight 10: 100 * (24 + 14 + 12) + round(100 * 10 * 3 / 4) = 5000 + 750 = 5750 (57.50).
"""

from .applications import (
    application_score,
    application_submit,
    application_withdraw,
    platform_rank,
)
from .calls import (
    applicants_notify,
    assembly_announce,
    assembly_create,
    assembly_revise,
    assembly_update,
    call_close_applications,
    call_close_ranking,
    call_create,
    call_open,
    call_publish,
    call_reschedule,
    call_select,
    quotas_of,
)
from .common import (
    CRITERION_LABELS,
    NOT_IN_GOOD_STANDING,
    WITHDRAWN,
    Applicant,
    counts_by_platform,
    is_accepting,
    marks_complete,
    may_apply_for,
    points,
    rank_points,
    represented_organisations,
    score_of,
    standing_platform,
)
from .words import criterion_label, decision_text, platform_names, reason_text

__all__ = [
    "CRITERION_LABELS",
    "NOT_IN_GOOD_STANDING",
    "WITHDRAWN",
    "Applicant",
    "applicants_notify",
    "application_score",
    "application_submit",
    "application_withdraw",
    "assembly_announce",
    "assembly_create",
    "assembly_revise",
    "assembly_update",
    "call_close_applications",
    "call_close_ranking",
    "call_create",
    "call_open",
    "call_publish",
    "call_reschedule",
    "call_select",
    "counts_by_platform",
    "criterion_label",
    "decision_text",
    "is_accepting",
    "marks_complete",
    "may_apply_for",
    "platform_names",
    "platform_rank",
    "points",
    "quotas_of",
    "rank_points",
    "reason_text",
    "represented_organisations",
    "score_of",
    "standing_platform",
]
