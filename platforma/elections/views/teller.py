"""A teller's page: take one's share of the election's key, once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from platforma.core.mail import render_text
from platforma.core.office import report
from platforma.core.permissions import require_login

from .. import sealing, services
from ..models import Teller
from ._helpers import public


@never_cache
@public
def teller_share(request, platform, election):
    """GET: what the share is for and whether it was taken; POST: the share, as a text file.

    Only the election's tellers reach this page (anyone else: 404). The share is handed over
    in the response to the POST and never again; the server keeps only its SHA-256.
    """
    require_login(request)
    teller = (
        Teller.objects.filter(election=election, user=request.user).select_related("user").first()
    )
    if teller is None:
        raise Http404("Not a teller of this election")
    if request.method == "POST":
        try:
            share = services.teller_share_take(actor=request.user, election=election)
        except ValidationError as exc:
            report(request, exc)
        else:
            text = render_text(
                "elections/teller_share.txt",
                {
                    "election": election,
                    "teller": teller,
                    "share": share,
                    "tellers": election.tellers.count(),
                    "fingerprint": sealing.fingerprint(election.public_key),
                },
            )
            response = HttpResponse(text, content_type="text/plain; charset=utf-8")
            response["Content-Disposition"] = (
                f'attachment; filename="share-election-{election.pk}-teller-{teller.number}.txt"'
            )
            response["X-Content-Type-Options"] = "nosniff"
            return response
        teller.refresh_from_db()
    return render(
        request,
        "elections/teller.html",
        {
            "platform": platform,
            "election": election,
            "teller": teller,
            "tellers": election.tellers.count(),
            "fingerprint": sealing.fingerprint(election.public_key) if election.public_key else "",
        },
    )
