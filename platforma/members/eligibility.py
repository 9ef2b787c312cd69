"""The eligibility check the secretariat reads: one line per statute criterion, pass or fail.

Nothing here decides; it informs the people who do.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core.selectors import rules_in_force

from .models import Application, ApplicationDocument, Recommendation


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    passed: bool
    reason: str


def full_years(start: datetime.date, end: datetime.date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def check(application: Application) -> list[Criterion]:
    submitted = application.submitted_at.date()
    rules = rules_in_force(application.platform, submitted).admission
    organisation = application.organisation
    results: list[Criterion] = []

    def years_rule(key, label, since, minimum, missing):
        if not minimum:
            return
        if since is None:
            results.append(Criterion(key, label, False, missing))
            return
        years = full_years(since, submitted)
        reason = ngettext(
            "%(years)d full year by the application date (%(since)s); %(min)d needed.",
            "%(years)d full years by the application date (%(since)s); %(min)d needed.",
            years,
        ) % {"years": years, "since": date_format(since), "min": minimum}
        results.append(Criterion(key, label, years >= minimum, reason))

    years_rule(
        "registered",
        _("Years since registration"),
        organisation.registration_date,
        rules.min_years_registered,
        _("The registration date is missing."),
    )
    years_rule(
        "experience",
        _("Years of work in the thematic fields"),
        organisation.active_since,
        rules.min_years_experience,
        _("The applicant did not say since when it works in these fields."),
    )

    documents = {d.kind: d for d in application.documents.all()}
    labels = dict(ApplicationDocument.Kind.choices)
    for kind in rules.documents:
        label = str(labels.get(kind, kind))
        document = documents.get(kind)
        max_age = rules.document_max_age_days.get(kind)
        if document is None:
            results.append(Criterion(f"document:{kind}", label, False, _("Not provided.")))
        elif max_age and document.issued_on is None:
            results.append(
                Criterion(
                    f"document:{kind}",
                    label,
                    False,
                    _("Provided, but its date is unknown; it may be at most %(days)d days old.")
                    % {"days": max_age},
                )
            )
        elif max_age:
            assert document.issued_on is not None  # the case above
            age = (submitted - document.issued_on).days
            passed = 0 <= age <= max_age
            results.append(
                Criterion(
                    f"document:{kind}",
                    label,
                    passed,
                    _("Issued on %(date)s, %(age)d days before the application; at most %(max)d.")
                    % {"date": date_format(document.issued_on), "age": age, "max": max_age},
                )
            )
        else:
            results.append(
                Criterion(
                    f"document:{kind}", label, True, _("Provided: %(name)s") % {"name": document}
                )
            )

    if rules.recommendations_required:
        confirmed = application.recommendations.filter(
            status=Recommendation.Status.CONFIRMED
        ).count()
        results.append(
            Criterion(
                "recommendations",
                _("Recommendations by members"),
                confirmed >= rules.recommendations_required,
                _("%(confirmed)d confirmed of %(needed)d needed.")
                % {"confirmed": confirmed, "needed": rules.recommendations_required},
            )
        )

    groups = application.working_groups.count()
    results.append(
        Criterion(
            "working_groups",
            _("Working groups chosen"),
            groups >= rules.min_working_groups,
            _("%(count)d chosen; at least %(min)d needed.")
            % {"count": groups, "min": rules.min_working_groups},
        )
    )

    for declaration in rules.declarations:
        given = declaration in application.declarations
        results.append(
            Criterion(
                f"declaration:{declaration}",
                declaration_label(declaration),
                given,
                _("Declared by the applicant.") if given else _("Not declared."),
            )
        )
    return results


DECLARATIONS = {
    "no_public_officials": lambda: _(
        "Our contact persons are not public officials or senior officials of a political party."
    ),
    "accepts_statute": lambda: _("We accept the platform's statute and its code of ethics."),
}


def declaration_label(key: str) -> str:
    text = DECLARATIONS.get(key)
    return text() if text else key
