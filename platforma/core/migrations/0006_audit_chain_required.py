"""Every entry now has its chain, place and hashes (0005): make them required, constrain them,
and, on PostgreSQL, refuse UPDATE, DELETE and TRUNCATE of the audit log (triggers)."""

from django.db import migrations, models

from platforma.core.db.append_only import AppendOnly


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_audit_chain_fill"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="seq",
            field=models.PositiveBigIntegerField(verbose_name="number in its chain"),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="prev_hash",
            field=models.CharField(max_length=64, verbose_name="previous hash"),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="hash",
            field=models.CharField(max_length=64, verbose_name="hash"),
        ),
        migrations.AddConstraint(
            model_name="auditentry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("forum", False), ("platform__isnull", False)),
                    models.Q(("forum", True), ("platform__isnull", True)),
                    _connector="OR",
                ),
                name="auditentry_platform_or_forum",
            ),
        ),
        migrations.AddConstraint(
            model_name="auditentry",
            constraint=models.UniqueConstraint(
                fields=("platform", "seq"), name="auditentry_unique_seq"
            ),
        ),
        migrations.AddConstraint(
            model_name="auditentry",
            constraint=models.UniqueConstraint(
                condition=models.Q(("forum", True)),
                fields=("seq",),
                name="auditentry_unique_forum_seq",
            ),
        ),
        AppendOnly("core_auditentry"),
    ]
