"""One mailing's message for one recipient: text in their language (else the mailing's main
language), the attached publications' files, the personal unsubscribe link and the
``List-Unsubscribe`` headers (RFC 2369, RFC 8058 one-click)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation

from platforma.core.mail import absolute_url, render_text, stored_file

from ..models import Mailing, MailingText

# A token that cannot be a recipient's (too short for ``new_token``): previews and test sends
# link to a page that says it is an example.
SAMPLE_TOKEN = "example"


@dataclass
class Prepared:
    """What every message of a mailing shares, read once per batch."""

    mailing: Mailing
    texts: dict[str, MailingText]
    files: dict[str, list[dict[str, str]]]  # language -> attachments

    def text(self, language: str) -> MailingText:
        return self.texts.get(language) or self.texts[self.mailing.language]

    def language(self, language: str) -> str:
        return language if language in self.texts else self.mailing.language


def _files(mailing: Mailing) -> dict[str, list[dict[str, str]]]:
    """Per language, one file of each attached publication: the version in that language,
    else in the mailing's main language, else any that has a file."""
    publications = mailing.publications.prefetch_related("versions").order_by("pk")
    files: dict[str, list[dict[str, str]]] = {}
    for language, _name in settings.LANGUAGES:
        chosen = []
        for publication in publications:
            versions = {v.language: v for v in publication.versions.all() if v.file}
            version = (
                versions.get(language)
                or versions.get(mailing.language)
                or next(iter(versions.values()), None)
            )
            if version is not None:
                name = version.file.name.rsplit("/", 1)[-1]
                chosen.append(stored_file(name, version.file.name))
        files[language] = chosen
    return files


def prepare(mailing: Mailing) -> Prepared:
    texts = {t.language: t for t in mailing.texts.all()}
    return Prepared(mailing, texts, _files(mailing))


def attachment_bytes(prepared: Prepared) -> int:
    """The largest size, over the languages, of one message's attachments."""
    from platforma.publications.models import PublicationVersion

    sizes = dict(
        PublicationVersion.objects.filter(
            publication__in=prepared.mailing.publications.all()
        ).values_list("file", "size")
    )
    return max(
        (sum(sizes.get(f["path"], 0) for f in files) for files in prepared.files.values()),
        default=0,
    )


def unsubscribe_url(mailing: Mailing, token: str, language: str) -> str:
    return absolute_url(
        "outreach:unsubscribe", language=language, args=[mailing.platform.slug, token]
    )


def render(prepared: Prepared, *, name: str, language: str, token: str) -> tuple[str, str]:
    """(subject, body) of the message for one recipient."""
    language = prepared.language(language)
    text = prepared.text(language)
    mailing = prepared.mailing
    with translation.override(language):
        body = render_text(
            "outreach/email/mailing_body.txt",
            {
                "body": text.body,
                "name": name,
                "platform": mailing.platform,
                "mailing": mailing,
                "unsubscribe_url": unsubscribe_url(mailing, token, language),
            },
        )
    return " ".join(text.subject.split()), body


def build(
    prepared: Prepared, *, to: str, name: str, language: str, token: str
) -> tuple[EmailMessage, dict[str, str], list[dict[str, str]]]:
    """The message, its extra headers and its stored attachments, for ``core.mail.queue``."""
    subject, body = render(prepared, name=name, language=language, token=token)
    platform = prepared.mailing.platform
    message = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [to],
        reply_to=[platform.email] if platform.email else None,
    )
    link = unsubscribe_url(prepared.mailing, token, prepared.language(language))
    headers = {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return message, headers, prepared.files[prepared.language(language)]
