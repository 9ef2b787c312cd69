"""A member organisation's primary representative: seconding nominations, giving the proxy.

Both are POST-only doors from the public page of the election. Someone who speaks for no
organisation finds nothing (404); the services decide everything else and their refusals
come back as messages on the election's page.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platforma.core.office import report
from platforma.core.permissions import require_login
from platforma.members.models import Organisation

from .. import selectors as sel
from .. import services
from ..forms import ProxyGiveForm
from ..models import Nomination
from ._helpers import public


def _own_organisations(request) -> list[Organisation]:
    require_login(request)
    own = list(sel.primary_organisations(request.user).order_by("legal_name"))
    if not own:
        raise Http404("You represent no organisation")
    return own


def _posted_organisation(request, own: list[Organisation]) -> Organisation:
    """The organisation named in the POST; the only one, when the representative has one."""
    raw = request.POST.get("organisation", "")
    if not raw and len(own) == 1:
        return own[0]
    organisation = Organisation.objects.filter(
        pk=int(raw) if raw.isascii() and raw.isdigit() else 0
    ).first()
    if organisation is None:
        raise Http404("No such organisation")
    return organisation


@require_POST
@public
def nomination_second(request, platform, election, nomination: int):
    own = _own_organisations(request)
    the_nomination = get_object_or_404(
        Nomination.objects.select_related("election__platform", "person", "organisation"),
        election=election,
        pk=nomination,
    )
    organisation = _posted_organisation(request, own)
    try:
        services.nomination_second(
            actor=request.user, nomination=the_nomination, organisation=organisation
        )
    except ValidationError as exc:
        report(request, exc)
    else:
        messages.success(
            request,
            _("%(organisation)s seconds the nomination of %(person)s.")
            % {"organisation": organisation, "person": the_nomination.person.full_name},
        )
    return redirect("elections:election-detail", platform.slug, election.pk)


@require_POST
@public
def proxy_give(request, platform, election):
    own = _own_organisations(request)
    form = ProxyGiveForm(
        request.POST,
        grantors=Organisation.objects.filter(pk__in=[o.pk for o in own]),
        holders=Organisation.objects.filter(memberships__platform=platform).distinct(),
    )
    if form.is_valid():
        try:
            proxy = services.election_proxy_grant(
                actor=request.user, election=election, **form.cleaned_data
            )
        except ValidationError as exc:
            report(request, exc)
        else:
            messages.success(
                request,
                _("%(grantor)s gives its vote in this election to %(holder)s.")
                % {"grantor": proxy.grantor, "holder": proxy.holder},
            )
    else:
        messages.error(
            request, _("Choose your organisation and the organisation that will carry its vote.")
        )
    return redirect("elections:election-detail", platform.slug, election.pk)
