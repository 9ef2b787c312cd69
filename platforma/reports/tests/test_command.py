"""The annual_report command: its output and its exit statuses."""

from __future__ import annotations

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError

from .conftest import pdf_text


def test_writes_html_and_pdf(demo_platform, tmp_path):
    html = tmp_path / "r.html"
    call_command(
        "annual_report",
        platform="azerbaijan",
        year=2014,
        format="html",
        language="az",
        output=str(html),
    )
    text = html.read_text()
    assert "Əvəz Həsənov" in text
    assert "26 aprel 2014" in text
    pdf = tmp_path / "r.pdf"
    call_command(
        "annual_report", platform="forum", year=2014, format="pdf", language="ru", output=str(pdf)
    )
    assert "Баку" in pdf_text(pdf.read_bytes(), tmp_path)


@pytest.mark.parametrize(
    ("platform", "year", "message"),
    [
        ("nowhere", 2014, "Unknown platform “nowhere” (known: azerbaijan, or “forum”)."),
        ("azerbaijan", 2001, "Nothing is recorded for Azerbaijan National Platform in 2001."),
        ("forum", 2001, "Nothing is recorded for the Forum in 2001."),
    ],
)
def test_unknown_platform_or_empty_year_exit_with_status_2(
    demo_platform, tmp_path, capsys, platform, year, message
):
    out = tmp_path / "r.pdf"
    with pytest.raises(CommandError) as raised:
        call_command(
            "annual_report",
            platform=platform,
            year=year,
            format="pdf",
            language="en",
            output=str(out),
        )
    assert raised.value.returncode == 2
    assert str(raised.value) == message
    command = load_command_class("platforma.reports", "annual_report")
    with pytest.raises(SystemExit) as exited:
        command.run_from_argv(
            [
                "manage.py",
                "annual_report",
                "--platform",
                platform,
                "--year",
                str(year),
                "--format",
                "pdf",
                "--language",
                "en",
                "--output",
                str(out),
            ]
        )
    assert exited.value.code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_bad_arguments_are_refused(db, tmp_path):
    with pytest.raises(CommandError, match="invalid choice: 'de'"):
        call_command(
            "annual_report",
            "--platform",
            "x",
            "--year",
            "2014",
            "--format",
            "pdf",
            "--language",
            "de",
            "--output",
            str(tmp_path / "r.pdf"),
        )
