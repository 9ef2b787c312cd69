"""The office's pages of mailings: write, preview, test, send, follow, cancel.

Open to the secretariat and to working groups' coordinators, who see and write only mailings to
their own groups' members (the services refuse any other audience).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platforma.core.models import Platform
from platforma.core.office import office_groups, office_view, posted, report, submit
from platforma.publications.models import Publication

from .. import services
from ..forms import BounceForm, ConfirmForm, MailingForm, initial_of
from ..models import Audience, Mailing, MailingRecipient
from ..selectors import mailing_for, mailings_for
from ..services import messages as rendering
from ..services.audience import REASONS, resolve
from ..services.sending import progress

PAGE_SIZE = 100


def _mailings(request: HttpRequest, platform: Platform) -> QuerySet[Mailing]:
    return mailings_for(platform, office_groups(request))


def _mailing(request: HttpRequest, platform: Platform, pk: int) -> Mailing:
    return mailing_for(platform, office_groups(request), pk)


def _detail_url(mailing: Mailing) -> str:
    return reverse("outreach:office-mailing-detail", args=[mailing.platform.slug, mailing.pk])


@office_view(coordinators=True)
def mailing_list(request: HttpRequest, platform: Platform) -> HttpResponse:
    rows = _mailings(request, platform).select_related("working_group", "event", "created_by")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "outreach/office/mailing_list.html", {"platform": platform, "page": page}
    )


@office_view(coordinators=True)
def mailing_create(request: HttpRequest, platform: Platform) -> HttpResponse:
    initial: dict[str, Any] = {"language": request.LANGUAGE_CODE}
    publication_id = request.GET.get("publication", "")
    if publication_id.isdigit():
        # "E-mail it to stakeholders" on a publication's page: a draft with it attached.
        publication = get_object_or_404(Publication, platform=platform, pk=int(publication_id))
        initial.update(
            name=publication.title[:200],
            audience=Audience.STAKEHOLDERS,
            publications=[publication.pk],
            **{f"subject_{request.LANGUAGE_CODE}": publication.title[:300]},
        )
    form = MailingForm(
        posted(request), platform=platform, groups=office_groups(request), initial=initial
    )
    created: list[Mailing] = []

    def create(data: dict[str, Any]) -> None:
        created.append(
            services.mailing_create(
                actor=request.user,  # type: ignore[arg-type]
                platform=platform,
                **form.service_kwargs(),
            )
        )

    if request.method == "POST" and submit(
        request, form, create, _("The draft is saved. Preview it and send yourself a test.")
    ):
        return redirect(_detail_url(created[0]))
    return render(
        request,
        "outreach/office/mailing_form.html",
        {"platform": platform, "form": form, "mailing": None},
    )


@office_view(coordinators=True)
def mailing_edit(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    mailing = _mailing(request, platform, pk)
    if mailing.status != Mailing.Status.DRAFT:
        messages.error(request, _("Only a draft can be changed."))
        return redirect(_detail_url(mailing))
    form = MailingForm(
        posted(request),
        platform=platform,
        groups=office_groups(request),
        initial=initial_of(mailing),
    )

    def update(data: dict[str, Any]) -> None:
        kwargs = form.service_kwargs()
        services.mailing_update(
            actor=request.user,  # type: ignore[arg-type]
            mailing=mailing,
            texts=kwargs.pop("texts"),
            publications=kwargs.pop("publications"),
            working_group=kwargs.pop("working_group"),
            event=kwargs.pop("event"),
            **kwargs,
        )

    if request.method == "POST" and submit(request, form, update, _("The draft is saved.")):
        return redirect(_detail_url(mailing))
    return render(
        request,
        "outreach/office/mailing_form.html",
        {"platform": platform, "form": form, "mailing": mailing},
    )


@office_view(coordinators=True)
def mailing_detail(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    mailing = _mailing(request, platform, pk)
    context: dict[str, Any] = {
        "platform": platform,
        "mailing": mailing,
        "texts": list(mailing.texts.all()),
        "publications": list(mailing.publications.all()),
    }
    if mailing.status == Mailing.Status.DRAFT:
        context["audience"] = resolve(mailing)
    else:
        counts = progress(mailing)
        context["progress"] = counts
        context["excluded"] = [
            (str(REASONS.get(key, key)), n) for key, n in sorted(mailing.excluded.items()) if n
        ]
        context["refresh"] = mailing.status == Mailing.Status.SENDING
        recipients = mailing.recipients.select_related("mail").order_by("pk")
        status = request.GET.get("status", "")
        if status in MailingRecipient.Status.values:
            recipients = recipients.filter(status=status)
        context["page"] = Paginator(recipients, PAGE_SIZE).get_page(request.GET.get("page"))
        context["status"] = status
        context["statuses"] = MailingRecipient.Status.choices
    return render(request, "outreach/office/mailing_detail.html", context)


@office_view(coordinators=True)
def mailing_preview(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    mailing = _mailing(request, platform, pk)
    prepared = rendering.prepare(mailing)
    if not prepared.texts:
        raise Http404("No text yet")
    sample = resolve(mailing).recipients[:1] if mailing.status == Mailing.Status.DRAFT else []
    name = sample[0].name if sample else _("Sample Recipient")
    previews = []
    for language, text in sorted(prepared.texts.items()):
        message, headers, files = rendering.build(
            prepared,
            to="recipient@example.org",
            name=name,
            language=language,
            token=rendering.SAMPLE_TOKEN,
        )
        previews.append(
            {
                "language": text.get_language_display(),
                "code": language,
                "subject": message.subject,
                "body": message.body,
                "headers": headers,
                "files": [f["name"] for f in files],
            }
        )
    return render(
        request,
        "outreach/office/mailing_preview.html",
        {"platform": platform, "mailing": mailing, "previews": previews, "name": name},
    )


@office_view(coordinators=True)
@require_POST
def mailing_test(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    mailing = _mailing(request, platform, pk)
    try:
        sent = services.mailing_test_send(actor=request.user, mailing=mailing)  # type: ignore[arg-type]
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(
            request,
            _("A test in each of %(n)s language(s) is on its way to %(address)s.")
            % {"n": sent, "address": request.user.email},  # type: ignore[union-attr]
        )
    return redirect(_detail_url(mailing))


def _confirm(
    request: HttpRequest,
    platform: Platform,
    mailing: Mailing,
    *,
    title: str,
    question: str,
    button: str,
    perform: Any,
    done: str,
) -> HttpResponse:
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            perform()
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(request, done)
            return redirect(_detail_url(mailing))
    return render(
        request,
        "outreach/office/confirm.html",
        {
            "platform": platform,
            "mailing": mailing,
            "form": form,
            "title": title,
            "question": question,
            "button": button,
        },
    )


@office_view(coordinators=True)
def mailing_send(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    mailing = _mailing(request, platform, pk)
    if mailing.status != Mailing.Status.DRAFT:
        return redirect(_detail_url(mailing))
    audience = resolve(mailing)
    question = _("“%(name)s” will be sent to %(n)s recipient(s) now, in batches by the worker.") % {
        "name": mailing.name,
        "n": audience.count,
    }
    if audience.excluded:
        question += " " + _("Not written to: %(m)s (%(why)s).") % {
            "m": sum(audience.excluded.values()),
            "why": "; ".join(f"{n} {reason}" for reason, n in audience.reasons()),
        }
    return _confirm(
        request,
        platform,
        mailing,
        title=_("Send the mailing"),
        question=question,
        button=_("Send it"),
        perform=lambda: services.mailing_send(actor=request.user, mailing=mailing),  # type: ignore[arg-type]
        done=_("Sending has started; this page shows how far it is."),
    )


@office_view(coordinators=True)
def mailing_cancel(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    mailing = _mailing(request, platform, pk)
    return _confirm(
        request,
        platform,
        mailing,
        title=_("Cancel the mailing"),
        question=_(
            "“%(name)s” will not be sent to anyone it has not been written to yet. What is "
            "already in the outbox still leaves."
        )
        % {"name": mailing.name},
        button=_("Cancel the mailing"),
        perform=lambda: services.mailing_cancel(actor=request.user, mailing=mailing),  # type: ignore[arg-type]
        done=_("The mailing is cancelled."),
    )


@office_view(coordinators=True)
@require_POST
def mailing_resume(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    mailing = _mailing(request, platform, pk)
    try:
        resumed = services.mailing_resume(actor=request.user, mailing=mailing)  # type: ignore[arg-type]
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        if resumed:
            messages.success(request, _("The worker carries on where sending stopped."))
    return redirect(_detail_url(mailing))


@office_view(coordinators=True)
def recipient_bounce(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    recipient = get_object_or_404(
        MailingRecipient.objects.select_related("mailing__platform"),
        mailing__in=_mailings(request, platform),
        pk=pk,
    )
    form = BounceForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.recipient_mark_bounced(
                actor=request.user,  # type: ignore[arg-type]
                recipient=recipient,
                error=form.cleaned_data["error"],
            )
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(
                request,
                _("%(address)s is marked as bounced and gets no more of the platform's mailings.")
                % {"address": recipient.email},
            )
            return redirect(_detail_url(recipient.mailing))
    return render(
        request,
        "outreach/office/recipient_bounce.html",
        {"platform": platform, "recipient": recipient, "mailing": recipient.mailing, "form": form},
    )
