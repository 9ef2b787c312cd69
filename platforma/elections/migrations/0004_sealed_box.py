"""The sealed ballot box (issue 12): tellers, the box, sealed paper readings, board places.

Elections closed before this migration keep their ballots; each gets its place on the board
in tracker order (the order their board was chained in) and its chain hash from that board.
A vote still open cannot be carried over (its ballots were never sealed): the migration
stops and says so.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def refuse_open_votes(apps, schema_editor):
    Election = apps.get_model("elections", "Election")
    open_votes = list(Election.objects.filter(state="voting").values_list("pk", flat=True))
    if open_votes:
        raise RuntimeError(
            "Elections %s are open for voting. Close (and count) them with the previous "
            "version before upgrading: their ballots were not sealed." % open_votes
        )


def place_existing_ballots(apps, schema_editor):
    Ballot = apps.get_model("elections", "Ballot")
    Election = apps.get_model("elections", "Election")
    for election in Election.objects.filter(ballots__isnull=False).distinct():
        chains = {e["tracker"]: e["chain"] for e in (election.board or {}).get("entries", [])}
        for position, ballot in enumerate(
            Ballot.objects.filter(election=election).order_by("tracker"), start=1
        ):
            Ballot.objects.filter(pk=ballot.pk).update(
                position=position, chain=chains.get(ballot.tracker, "")
            )


def store_box_uncompressed(apps, schema_editor):
    # Sealed ballots do not compress: spare PostgreSQL the attempt on every cast.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE elections_ballotbox ALTER COLUMN sealed SET STORAGE EXTERNAL"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("elections", "0003_electoral_roll"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(refuse_open_votes, migrations.RunPython.noop),
        migrations.CreateModel(
            name="BallotBox",
            fields=[
                (
                    "election",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        primary_key=True,
                        related_name="box",
                        serialize=False,
                        to="elections.election",
                        verbose_name="election",
                    ),
                ),
                (
                    "record_size",
                    models.PositiveIntegerField(verbose_name="bytes per sealed ballot"),
                ),
                ("sealed", models.BinaryField(default=b"", verbose_name="sealed ballots")),
                ("count", models.PositiveIntegerField(default=0, verbose_name="ballots")),
            ],
            options={
                "verbose_name": "ballot box",
                "verbose_name_plural": "ballot boxes",
            },
        ),
        migrations.CreateModel(
            name="Teller",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField(verbose_name="share number")),
                ("pending_share", models.CharField(blank=True, editable=False, max_length=100)),
                (
                    "share_digest",
                    models.CharField(
                        editable=False, max_length=64, verbose_name="SHA-256 of the share"
                    ),
                ),
                (
                    "share_taken_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="share taken at"),
                ),
            ],
            options={
                "verbose_name": "teller",
                "verbose_name_plural": "tellers",
                "ordering": ["election", "number"],
            },
        ),
        migrations.AlterModelOptions(
            name="ballot",
            options={
                "ordering": ["election", "position"],
                "verbose_name": "ballot",
                "verbose_name_plural": "ballots",
            },
        ),
        migrations.AddField(
            model_name="ballot",
            name="chain",
            field=models.CharField(default="", max_length=64, verbose_name="chain hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="ballot",
            name="position",
            field=models.PositiveIntegerField(default=0, verbose_name="place on the board"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="election",
            name="public_key",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=64,
                verbose_name="public key of the ballot box",
            ),
        ),
        migrations.AddField(
            model_name="election",
            name="tellers_needed",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="How many of the tellers must enter their share to open the ballot box.",
                verbose_name="shares needed to open the ballots",
            ),
        ),
        migrations.AddField(
            model_name="paperballotentry",
            name="digest",
            field=models.CharField(
                blank=True, max_length=64, verbose_name="keyed digest of the reading"
            ),
        ),
        migrations.AddField(
            model_name="paperballotentry",
            name="sealed",
            field=models.BinaryField(default=b"", verbose_name="sealed reading"),
        ),
        migrations.AlterField(
            model_name="paperballotentry",
            name="content",
            field=models.TextField(blank=True, verbose_name="content (canonical JSON)"),
        ),
        migrations.RunPython(place_existing_ballots, migrations.RunPython.noop),
        migrations.RunPython(store_box_uncompressed, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="ballot",
            constraint=models.UniqueConstraint(
                fields=("election", "position"), name="ballot_position_once"
            ),
        ),
        migrations.AddField(
            model_name="teller",
            name="election",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="tellers",
                to="elections.election",
                verbose_name="election",
            ),
        ),
        migrations.AddField(
            model_name="teller",
            name="user",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="user",
            ),
        ),
        migrations.AddConstraint(
            model_name="teller",
            constraint=models.UniqueConstraint(fields=("election", "user"), name="teller_once"),
        ),
        migrations.AddConstraint(
            model_name="teller",
            constraint=models.UniqueConstraint(
                fields=("election", "number"), name="teller_number_once"
            ),
        ),
    ]
