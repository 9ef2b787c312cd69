"""A platform's secretariat works in the office: take back the staff status and the model
permissions that the admin-era ``platform_role_grant`` gave them. Superusers keep theirs."""

from django.conf import settings
from django.db import migrations


def forward(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Group = apps.get_model("auth", "Group")
    PlatformRole = apps.get_model("core", "PlatformRole")
    secretariat = PlatformRole.objects.filter(role="secretariat").values("user_id")
    User.objects.filter(pk__in=secretariat, is_superuser=False).update(is_staff=False)
    Group.objects.filter(name="Platform secretariat").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_reserved_platform_slugs"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
