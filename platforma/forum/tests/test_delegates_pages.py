"""The Annual Assembly's pages through the HTTP client: the public page before and after the
list is published, a representative's application, and the Forum office, where the Forum's
secretariat sees every platform and a platform's secretariat only its own."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from platforma.forum.models import DelegateApplication, DelegateCall
from platforma.forum.services import delegates as svc

from .test_delegates_services import (
    apply,
    make_delegates,
    make_rep,
    marks,
    pass_deadline,
)

pytestmark = pytest.mark.django_db

YEAR = 2027


def office(*parts: object) -> str:
    if not parts:
        return reverse("forum:office-assembly", args=[YEAR])
    name, *args = parts
    return reverse(f"forum:office-assembly-{name}", args=[YEAR, *args])


def text(response) -> str:
    return response.content.decode()


# -- the public page and the application -------------------------------------------------------


def test_the_public_page_shows_the_call_then_the_published_list(client):
    world = make_delegates()
    assert client.get(reverse("forum:assembly", args=[1999])).status_code == 404
    page = client.get(reverse("forum:assembly", args=[YEAR]))
    assert page.status_code == 200
    assert "Tbilisi" in text(page)
    assert "Deadline" in text(page) or "apply until" in text(page)
    assert reverse("forum:assembly-apply", args=[YEAR]) in text(page)

    rep = make_rep(world.platforms["armenia"], "Ani")
    application = apply(world, rep, 2, "woman", first_name="Anahit", last_name="Sargsyan")
    call = svc.call_close_applications(actor=world.forum_staff, call=pass_deadline(world.call))
    call = svc.call_close_ranking(actor=world.forum_staff, call=call)
    svc.application_score(actor=world.forum_staff, application=application, marks=marks(9, 9, 9))
    svc.call_select(actor=world.forum_staff, call=call)
    # Selected but not published: nobody reads the names yet.
    page = client.get(reverse("forum:assembly", args=[YEAR]))
    assert "Sargsyan" not in text(page)
    svc.call_publish(actor=world.forum_staff, call=call)
    page = client.get(reverse("forum:assembly", args=[YEAR]))
    body = text(page)
    assert "Anahit Sargsyan" in body
    assert str(rep.organisation) in body
    assert world.platforms["armenia"].country in body
    assert "WG2" in body


def test_a_representative_applies_and_withdraws_in_the_page(client):
    world = make_delegates()
    url = reverse("forum:assembly-apply", args=[YEAR])
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]

    rep = make_rep(world.platforms["georgia"], "Nino")
    client.force_login(rep.user)
    page = client.get(url)
    assert f'value="{rep.organisation.pk}"' in text(page)
    # A missing field changes nothing and says what is missing.
    response = client.post(url, {"organisation": rep.organisation.pk})
    assert response.status_code == 200
    assert "Nothing was saved" in text(response)
    assert not DelegateApplication.objects.exists()
    response = client.post(
        url,
        {
            "organisation": rep.organisation.pk,
            "working_group": world.groups[0].pk,
            "motivation": "Twenty years of local democracy work.",
            "first_name": "Nino",
            "last_name": "Beridze",
            "email": "nino@example.org",
            "gender": "woman",
        },
        follow=True,
    )
    assert "Your application is sent" in text(response)
    application = DelegateApplication.objects.get()
    assert application.platform == world.platforms["georgia"]
    assert application.submitted_by == rep.user
    # The page shows it and no longer offers the organisation.
    page = text(client.get(url))
    assert "Nino Beridze" in page
    assert f'<option value="{rep.organisation.pk}"' not in page
    response = client.post(url, {"withdraw": application.pk}, follow=True)
    assert "The application is withdrawn." in text(response)
    application.refresh_from_db()
    assert application.outcome == DelegateApplication.Outcome.WITHDRAWN


def test_someone_who_represents_no_member_cannot_apply(client):
    make_delegates()
    user = get_user_model().objects.create_user("nobody", password="pw-nobody-123")
    client.force_login(user)
    page = client.get(reverse("forum:assembly-apply", args=[YEAR]))
    assert "You do not represent a member organisation" in text(page)
    assert '<form method="post" class="form"' not in text(page)


# -- the Forum office ----------------------------------------------------------------------------


def world_in_ranking():
    world = make_delegates()
    armenian = [make_rep(world.platforms["armenia"], n) for n in ("Ani", "Aram")]
    georgian = make_rep(world.platforms["georgia"], "Nino")
    apps = [
        apply(world, armenian[0], 1, "woman", last_name="Hakobyan"),
        apply(world, armenian[1], 2, "man", last_name="Petrosyan"),
        apply(world, georgian, 3, "woman", last_name="Beridze"),
    ]
    world.call = svc.call_close_applications(
        actor=world.forum_staff, call=pass_deadline(world.call)
    )
    return world, apps


def test_the_forum_office_sees_every_platform_a_platform_only_its_own(client):
    world, (am1, am2, ge1) = world_in_ranking()
    assert client.get(office()).status_code == 302  # anonymous: log in
    rep = make_rep(world.platforms["armenia"], "Plain")
    client.force_login(rep.user)
    assert client.get(office()).status_code == 404  # a representative: nothing here

    client.force_login(world.forum_staff)
    page = text(client.get(office()))
    assert all(name in page for name in ("Hakobyan", "Petrosyan", "Beridze"))

    client.force_login(world.secretariats["armenia"])
    page = text(client.get(office()))
    assert "Hakobyan" in page
    assert "Petrosyan" in page
    assert "Beridze" not in page
    assert office("ranking", "armenia") in page
    assert office("ranking", "georgia") not in page
    assert client.get(office("application", am1.pk)).status_code == 200
    assert client.get(office("application", ge1.pk)).status_code == 404
    # Not the Forum's steps either.
    assert client.post(office("action", "close-ranking")).status_code == 404

    client.force_login(world.secretariats["georgia"])
    assert client.get(office("ranking", "armenia")).status_code == 404
    response = client.post(office("ranking", "armenia"), {f"rank_{am1.pk}": 1, f"rank_{am2.pk}": 2})
    assert response.status_code == 404
    assert set(DelegateApplication.objects.values_list("platform_rank", flat=True)) == {None}


def test_ranking_scoring_and_selection_in_the_office(client):
    world, (am1, am2, ge1) = world_in_ranking()
    client.force_login(world.secretariats["armenia"])
    ranking = office("ranking", "armenia")
    response = client.post(ranking, {f"rank_{am1.pk}": 1, f"rank_{am2.pk}": 1})
    assert "Give each application its own place" in text(response)
    response = client.post(ranking, {f"rank_{am1.pk}": 2, f"rank_{am2.pk}": 1}, follow=True)
    assert "The ranking is saved." in text(response)
    am1.refresh_from_db()
    assert am1.platform_rank == 2

    client.force_login(world.forum_staff)
    response = client.post(office("action", "close-ranking"), follow=True)
    assert "The ranking is closed" in text(response)
    # A mark above the sheet's maximum is refused by the form.
    response = client.post(
        office("application", am1.pk), {"mark_motivation": 11, "mark_experience": 1}
    )
    assert "Nothing was saved" in text(response)
    for application, mark in ((am1, 9), (am2, 5), (ge1, 7)):
        response = client.post(
            office("application", application.pk),
            {"mark_motivation": mark, "mark_experience": mark, "mark_relevance": mark},
            follow=True,
        )
        assert "The marks are saved." in text(response)
    response = client.post(office("action", "select"), follow=True)
    page = text(response)
    assert "The delegates are selected." in page
    assert "Selected with a score of" in page
    assert DelegateCall.objects.get().state == DelegateCall.State.SELECTED
    assert DelegateApplication.objects.filter(outcome="selected").count() == 3

    response = client.post(office("action", "notify"), follow=True)
    assert "The applicants are told by e-mail." in text(response)
    response = client.post(office("action", "publish"), follow=True)
    assert "The list of delegates is published." in text(response)


def test_an_infeasible_selection_shows_every_problem(client):
    rules = {
        "delegates": {
            "seats": 2,
            "per_country": {"georgia": {"minimum": 2}},
            "per_working_group": {"4": {"minimum": 1}},
        }
    }
    world = make_delegates(rules=rules)
    application = apply(world, make_rep(world.platforms["georgia"], "Nino"), 1, "woman")
    call = svc.call_close_applications(actor=world.forum_staff, call=pass_deadline(world.call))
    svc.call_close_ranking(actor=world.forum_staff, call=call)
    svc.application_score(actor=world.forum_staff, application=application, marks=marks(5))
    client.force_login(world.forum_staff)
    page = text(client.post(office("action", "select"), follow=True))
    assert "No selection meets the quotas" in page
    assert "Georgia needs at least 2" in page
    assert "WG4" in page or "group 4" in page
    assert DelegateCall.objects.get().state == DelegateCall.State.SCORING


def test_the_forum_office_announces_an_assembly(client):
    world = make_delegates()
    client.force_login(world.secretariats["armenia"])
    assert "Announce an Assembly" not in text(client.get(reverse("forum:office-assembly-list")))
    client.force_login(world.forum_staff)
    response = client.post(
        reverse("forum:office-assembly-list"),
        {
            "year": 2028,
            "title": "Annual Assembly 2028",
            "place": "Chisinau",
            "starts_on": "2028-11-01",
            "ends_on": "2028-11-02",
            "opens_at": "2028-05-01T09:00",
            "closes_at": "2028-06-01T18:00",
        },
        follow=True,
    )
    assert "in draft" in text(response)
    call = DelegateCall.objects.get(assembly__year=2028)
    assert call.state == DelegateCall.State.DRAFT
    # Read in the Forum's time zone (Europe/Brussels, summer: UTC+2).
    assert call.closes_at.isoformat() == "2028-06-01T16:00:00+00:00"


def test_the_office_page_has_a_query_budget(client, django_assert_max_num_queries):
    world, _apps = world_in_ranking()
    client.force_login(world.forum_staff)
    client.get(office())
    with django_assert_max_num_queries(25):
        client.get(office())
    DelegateApplication.objects.bulk_create(
        DelegateApplication(
            call=world.call,
            platform=world.platforms["georgia"],
            organisation=rep.organisation,
            working_group=world.groups[0],
            motivation="m",
            first_name="F",
            last_name=f"L{rep.organisation.pk}",
            email="f@example.org",
            gender="man",
        )
        for rep in [make_rep(world.platforms["georgia"], f"Extra{n}") for n in range(6)]
    )
    with django_assert_max_num_queries(25):
        client.get(office())


def test_the_office_says_when_the_quotas_leave_seats_empty(client):
    # One woman: at least a third of men is needed among the selected, so nobody can go.
    world = make_delegates()
    application = apply(world, make_rep(world.platforms["armenia"], "Ani"), 1, "woman")
    call = svc.call_close_applications(actor=world.forum_staff, call=pass_deadline(world.call))
    svc.call_close_ranking(actor=world.forum_staff, call=call)
    svc.application_score(actor=world.forum_staff, application=application, marks=marks(5))
    client.force_login(world.forum_staff)
    page = text(client.post(office("action", "select"), follow=True))
    assert "Only 0 of the 3 seats could be filled" in page
    assert "On the reserve list, place 1." in page


def test_the_demo_call_runs_to_a_published_list(client, django_assert_max_num_queries):
    """The demo's open call (41 applications, six platforms and the EU side) under the demo
    Forum statute: every platform ranks, every application is marked, the solver selects."""
    from django.core.management import call_command

    from platforma.core.models import Platform

    call_command("load_demo", stdout=None)
    call = DelegateCall.objects.select_related("assembly").get()
    year = call.assembly.year
    staff = get_user_model().objects.create_superuser("operator", "op@example.org", "pw-op-123")
    call = svc.call_close_applications(actor=staff, call=pass_deadline(call))
    for platform in Platform.objects.all():
        own = list(DelegateApplication.objects.filter(call=call, platform=platform).order_by("pk"))
        if own:
            ranks = {a.pk: i for i, a in enumerate(own, start=1)}
            svc.platform_rank(actor=staff, call=call, platform=platform, ranks=ranks)
    call = svc.call_close_ranking(actor=staff, call=call)
    for i, application in enumerate(DelegateApplication.objects.filter(call=call)):
        svc.application_score(
            actor=staff, application=application, marks=marks(i % 11, (3 * i) % 11, (7 * i) % 11)
        )
    result = svc.call_select(actor=staff, call=call)
    outcomes = set(DelegateApplication.objects.values_list("outcome", flat=True))
    assert "pending" not in outcomes
    assert all(DelegateApplication.objects.values_list("reason", flat=True))
    client.force_login(staff)
    url = reverse("forum:office-assembly", args=[year])
    with django_assert_max_num_queries(25):
        page = text(client.get(url))
    assert page.count("Selected with a score of") == len(result.selected)
    svc.call_publish(actor=staff, call=call)
    client.logout()
    with django_assert_max_num_queries(12):
        page = text(client.get(reverse("forum:assembly", args=[year])))
    first = DelegateApplication.objects.filter(outcome="selected").first()
    assert first is not None
    assert first.full_name in page


def test_the_forum_office_moves_the_deadline(client):
    world = make_delegates()
    url = office("edit")
    client.force_login(world.secretariats["armenia"])
    assert client.get(url).status_code == 404
    client.force_login(world.forum_staff)
    form = {
        "title": "Annual Assembly 2027",
        "place": "Yerevan",
        "starts_on": "2027-11-10",
        "ends_on": "2027-11-12",
        "description": "",
        "opens_at": "2026-01-01T09:00",
        "closes_at": "2020-01-01T09:00",
    }
    response = client.post(url, form)
    assert "The deadline must come after the opening." in text(response)
    response = client.post(url, {**form, "opens_at": "2019-01-01T09:00"})
    assert "its deadline cannot be in the past" in text(response)
    assert DelegateCall.objects.get().assembly.place == "Tbilisi"  # nothing saved
    response = client.post(url, {**form, "closes_at": "2099-01-31T18:00"}, follow=True)
    assert "The Assembly is saved." in text(response)
    call = DelegateCall.objects.select_related("assembly").get()
    assert call.assembly.place == "Yerevan"
    assert call.closes_at.isoformat() == "2099-01-31T17:00:00+00:00"  # Brussels, winter
