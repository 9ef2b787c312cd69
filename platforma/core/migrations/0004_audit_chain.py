"""The audit log becomes one hash chain per platform and one for the Forum (issue 12).

The new columns arrive empty here; 0005 fills them (and gives a platform, or the Forum, to
every entry that had none); 0006 makes them required, adds the constraints and the
PostgreSQL triggers.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_secretariat_without_staff"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="forum",
            field=models.BooleanField(
                default=False,
                help_text="An entry of the Forum's own record, which belongs to no platform.",
                verbose_name="the Forum's",
            ),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="seq",
            field=models.PositiveBigIntegerField(null=True, verbose_name="number in its chain"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="prev_hash",
            field=models.CharField(default="", max_length=64, verbose_name="previous hash"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="hash",
            field=models.CharField(default="", max_length=64, verbose_name="hash"),
        ),
        # Set by audit.record before hashing (auto_now_add would overwrite it at save).
        migrations.AlterField(
            model_name="auditentry",
            name="at",
            field=models.DateTimeField(
                db_index=True,
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="time",
            ),
        ),
        migrations.CreateModel(
            name="AuditChain",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("forum", models.BooleanField(default=False, verbose_name="the Forum's")),
                ("length", models.PositiveBigIntegerField(default=0, verbose_name="entries")),
                (
                    "head",
                    models.CharField(
                        default="0000000000000000000000000000000000000000000000000000000000000000",
                        max_length=64,
                        verbose_name="head",
                    ),
                ),
                (
                    "platform",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="audit_chain",
                        to="core.platform",
                        verbose_name="platform",
                    ),
                ),
            ],
            options={
                "verbose_name": "audit chain",
                "verbose_name_plural": "audit chains",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("forum", False), ("platform__isnull", False)),
                            models.Q(("forum", True), ("platform__isnull", True)),
                            _connector="OR",
                        ),
                        name="auditchain_platform_or_forum",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("forum", True)),
                        fields=("forum",),
                        name="auditchain_one_forum",
                    ),
                ],
            },
        ),
    ]
