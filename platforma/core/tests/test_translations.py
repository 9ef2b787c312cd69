"""Every interface string is translated, and the compiled catalogues match their sources."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]

needs_gettext = pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs GNU gettext")


@needs_gettext
@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_catalogue_is_complete(lang):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    stats = result.stderr.strip()
    assert re.fullmatch(r"\d+ translated messages\.", stats), stats


@needs_gettext
@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_compiled_catalogue_is_current(lang, tmp_path):
    folder = LOCALE / lang / "LC_MESSAGES"
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(folder / "django.po")], check=True)
    assert fresh.read_bytes() == (folder / "django.mo").read_bytes(), "run `make messages`"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "26 April 2014"), ("az", "26 aprel 2014"), ("ru", "26 апреля 2014 г.")],
)
def test_dates_read_as_the_language_writes_them(lang, expected):
    import datetime

    from django.utils.formats import date_format

    with translation.override(lang):
        assert date_format(datetime.date(2014, 4, 26)) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 организация-член"), (3, "3 организации-члена"), (45, "45 организаций-членов")],
)
def test_russian_plurals(count, expected):
    from django.utils.translation import ngettext

    with translation.override("ru"):
        text = ngettext(
            "%(counter)s member organisation", "%(counter)s member organisations", count
        ) % {"counter": count}
    assert text == expected


def test_russian_day_and_month_use_the_genitive():
    import datetime

    from django.utils.formats import date_format

    with translation.override("ru"):
        assert date_format(datetime.date(2014, 4, 26), "MONTH_DAY_FORMAT") == "26 апреля"
