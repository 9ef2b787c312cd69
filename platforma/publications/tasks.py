"""Background work of publications: writing a distribution's e-mails (run by the worker)."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation
from django_tasks import task

from platforma.core.mail import absolute_url, queue, render_text
from platforma.core.models import OutgoingMail

from .models import Distribution


def purpose_of(distribution_id: int) -> str:
    return f"distribution {distribution_id}"


@task()
def distribution_mail(distribution_id: int, language: str) -> int:
    """Queue one e-mail per recipient of an e-mail distribution (each then sent, and retried,
    by its own task). Run once: a second run finds the mails written and writes none.

    The recipients are those the distribution recorded, who consented to be contacted when the
    secretariat sent it; one who withdrew consent since is not written to.
    """
    purpose = purpose_of(distribution_id)
    distribution = Distribution.objects.select_related("publication", "platform").get(
        pk=distribution_id
    )
    platform = distribution.platform
    with translation.override(language):
        context = {
            "publication": distribution.publication,
            "platform": platform,
            "url": absolute_url(
                "publications:publication-detail",
                language=language,
                args=[platform.slug, distribution.publication_id],
            ),
        }
        subject = " ".join(
            render_text("publications/email/distribution_subject.txt", context).split()
        )
        body = render_text("publications/email/distribution_body.txt", context)
    addresses = list(
        distribution.recipients.filter(stakeholder__consent_to_contact=True)
        .exclude(stakeholder__email="")
        .values_list("stakeholder__email", flat=True)
    )
    with transaction.atomic():
        if OutgoingMail.objects.filter(platform=platform, purpose=purpose).exists():
            return 0
        for address in addresses:
            message = EmailMessage(
                subject,
                body,
                platform.email or None,
                [address],
                reply_to=[platform.email] if platform.email else None,
            )
            queue(message, platform=platform, purpose=purpose)
    return len(addresses)
