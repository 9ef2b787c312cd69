"""The recipient's page of a message: unsubscribe without logging in (the personal link of
every mailing's message), and choose the language of the next ones.

GET only shows the page (a mail scanner that follows links unsubscribes nobody); a POST with
the form's button, or the one-click POST of a mail program (RFC 8058: the body
``List-Unsubscribe=One-Click``, no cookie, no CSRF token), unsubscribes. The token in the
address is the proof, so the page needs no CSRF token either.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt

from .. import services
from ..forms import LanguageForm, UnsubscribeForm
from ..models import MailingRecipient
from ..services.messages import SAMPLE_TOKEN


@csrf_exempt
def unsubscribe(request: HttpRequest, platform: str, token: str) -> HttpResponse:
    if token == SAMPLE_TOKEN:
        return render(request, "outreach/unsubscribe.html", {"example": True}, status=200)
    recipient = get_object_or_404(
        MailingRecipient.objects.select_related("mailing__platform"), token=token
    )
    if recipient.mailing.platform.slug != platform:
        raise Http404("No such link")
    done = ""
    form = UnsubscribeForm()
    language_form = LanguageForm(initial={"language": recipient.language})
    if request.method == "POST":
        if request.POST.get("List-Unsubscribe") == "One-Click":
            services.preference_unsubscribe(recipient=recipient, one_click=True)
            return HttpResponse(status=200)
        if "language" in request.POST:
            language_form = LanguageForm(request.POST)
            if language_form.is_valid():
                services.preference_language(
                    recipient=recipient, language=language_form.cleaned_data["language"]
                )
                done = "language"
        else:
            form = UnsubscribeForm(request.POST)
            if form.is_valid():
                services.preference_unsubscribe(
                    recipient=recipient, everything=form.cleaned_data["scope"] == "all"
                )
                done = form.cleaned_data["scope"]
    elif request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    response = render(
        request,
        "outreach/unsubscribe.html",
        {
            "recipient": recipient,
            "mailing": recipient.mailing,
            "platform": recipient.mailing.platform,
            "form": form,
            "language_form": language_form,
            "done": done,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
