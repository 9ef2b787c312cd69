"""The election result's PDF is tagged (PDF/UA-1) with the page's language and a title."""

import pytest
from django.urls import reverse
from django.utils import translation

from platforma.core.tests.pdfinfo import assert_accessible
from platforma.elections import services
from platforma.elections.tests.factories import SHARES, running_election

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru"])
def test_result_pdf_is_tagged_with_language_and_title(client, world, tmp_path, language):
    election, nominations = running_election(world, candidates=2, office=False)
    for i, member in enumerate(world.members):
        services.ballot_cast(
            actor=member.user,
            election=election,
            organisation=member.organisation,
            choices=[nominations[i % 2].candidate_key],
        )
    services.election_close(actor=world.secretariat, election=election, shares=SHARES[election.pk])
    services.election_publish(actor=world.secretariat, election=election)
    with translation.override(language):
        address = reverse(
            "elections:election-result-pdf", args=[election.platform.slug, election.pk]
        )
        title = election.title
    assert address.startswith(f"/{language}/")
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_accessible(response.content, tmp_path, language=language, title=title)
