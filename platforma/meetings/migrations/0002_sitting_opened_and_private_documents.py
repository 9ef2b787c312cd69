"""The sitting's opening time; agenda files kept private (served as attachments)."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import platforma.core.uploads


def open_past_sittings(apps, schema_editor):
    """Meetings that already have a record were sitting: opened at their first recorded moment."""
    Meeting = apps.get_model("meetings", "Meeting")
    Attendance = apps.get_model("meetings", "Attendance")
    Vote = apps.get_model("meetings", "Vote")
    Motion = apps.get_model("meetings", "Motion")
    for meeting in Meeting.objects.filter(opened_at__isnull=True):
        moments = [meeting.starts_at]
        first = Attendance.objects.filter(meeting=meeting).order_by("checked_in_at").first()
        if first:
            moments.append(first.checked_in_at)
        vote = Vote.objects.filter(motion__meeting=meeting).order_by("cast_at").first()
        if vote:
            moments.append(vote.cast_at)
        decided = Motion.objects.filter(meeting=meeting, decided_at__isnull=False).exists()
        if first or vote or decided or meeting.ended_at:
            meeting.opened_at = min(moments)
            meeting.save(update_fields=["opened_at"])


def move_documents_to_private(apps, schema_editor):
    """Agenda files uploaded before lived under the public media root: move them out of it."""
    AgendaDocument = apps.get_model("meetings", "AgendaDocument")
    media = Path(settings.MEDIA_ROOT)
    for name in AgendaDocument.objects.exclude(file="").values_list("file", flat=True):
        source, target = media / name, media / "private" / name
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, target)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="ends_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="ends at (planned)"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="opened_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Check-in, votes and decisions are recorded only once the sitting is open.",
                null=True,
                verbose_name="sitting opened at",
            ),
        ),
        migrations.AlterField(
            model_name="agendadocument",
            name="file",
            field=models.FileField(
                blank=True,
                storage=platforma.core.uploads.private_storage,
                upload_to="meetings/documents/%Y/",
                verbose_name="file",
            ),
        ),
        migrations.RunPython(open_past_sittings, migrations.RunPython.noop),
        migrations.RunPython(move_documents_to_private, migrations.RunPython.noop),
    ]
