import datetime

import pytest
from django.core.management import call_command

from platforma.core.models import AuditEntry, Platform
from platforma.governance.selectors import board_of_governance, country_facilitator
from platforma.members.selectors import members_in_good_standing

pytestmark = pytest.mark.django_db


def test_demo_holds_the_seeds_facts(demo_platform):
    platform = Platform.objects.get(slug="azerbaijan")
    assert platform.founded_on == datetime.date(2009, 11, 1)
    assert platform.founded_precision == "month"
    assert platform.is_demo
    # 45 members at the time of the 2014 report, and today.
    assert members_in_good_standing(platform, datetime.date(2014, 12, 31)).count() == 45
    assert members_in_good_standing(platform).count() == 45
    assert platform.working_groups.filter(parent__isnull=True).count() == 5
    for day in (datetime.date(2014, 4, 26), datetime.date.today()):
        facilitator = country_facilitator(platform, day)
        assert facilitator.person.full_name == "Avaz Hasanov"
        assert facilitator.organisation.legal_name == "Humanitarian Research Public Union"
        kinds = [m.office.kind for m in board_of_governance(platform, day)]
        assert kinds == ["platform_coordinator"] + ["wg_coordinator"] * 5
    # Only the seed's organisation and person are real; the rest is flagged as demo data.
    assert platform.memberships.filter(organisation__is_demo=False).count() == 1


def test_every_write_of_the_demo_is_audited(demo_platform):
    assert AuditEntry.objects.filter(action="members.membership.recorded").count() == 45
    assert AuditEntry.objects.filter(actor_label="system: load_demo").count() > 100


def test_load_demo_is_idempotent(demo_platform, capsys):
    entries = AuditEntry.objects.count()
    call_command("load_demo")
    assert "already loaded" in capsys.readouterr().out
    assert AuditEntry.objects.count() == entries
    assert Platform.objects.count() == 1


def test_load_demo_if_empty(db, capsys):
    call_command("load_demo", "--if-empty")
    assert "Loaded Azerbaijan National Platform: 45 member organisations" in capsys.readouterr().out
    call_command("load_demo", "--if-empty")
    assert "demo data not loaded" in capsys.readouterr().out


def test_demo_admin_prints_the_login(demo_platform, capsys, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("demo_admin")
    out = capsys.readouterr().out
    password = (tmp_path / "demo_password").read_text().strip()
    assert f"admin        / {password}" in out
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    from platforma.core.permissions import can_manage_platform

    # django-axes checks every authentication against its lockouts: it needs the request.
    request = RequestFactory().post("/en/accounts/login/")
    secretariat = authenticate(request, username="secretariat", password=password)
    # The office is the secretariat's back office: no staff status, no way into Django's admin.
    assert can_manage_platform(secretariat, demo_platform)
    assert not secretariat.is_staff
