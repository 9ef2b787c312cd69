"""On PostgreSQL the board's ballots can be added, never changed or deleted (issue 12)."""

from django.db import migrations

from platforma.core.db.append_only import AppendOnly


class Migration(migrations.Migration):
    dependencies = [("elections", "0004_sealed_box")]

    operations = [AppendOnly("elections_ballot")]
