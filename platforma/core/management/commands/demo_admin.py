import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from platforma.core import services
from platforma.core.models import Platform, PlatformRole


class Command(BaseCommand):
    help = (
        "Create the local demo accounts once (a Forum-secretariat superuser and the demo "
        "platform's secretariat) with passwords kept in var/, and print how to log in."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        path = settings.VAR_DIR / "demo_password"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(12))
            path.chmod(0o600)
        password = path.read_text().strip()

        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.org", password)
        platform = Platform.objects.filter(slug="azerbaijan").first()
        if platform and not User.objects.filter(username="secretariat").exists():
            user = User.objects.create_user("secretariat", "secretariat@example.org", password)
            services.platform_role_grant(
                actor=None,
                actor_label="system: demo_admin",
                user=user,
                platform=platform,
                role=PlatformRole.Role.SECRETARIAT,
            )
        self.stdout.write(
            self.style.SUCCESS(f"Log in: {settings.PLATFORMA_BASE_URL}/en/accounts/login/\n")
            + f"  admin        / {password}   (Forum secretariat: every platform)\n"
            + (
                f"  secretariat  / {password}   (secretariat of {platform.name}: its office)\n"
                if platform
                else ""
            )
            + f"  (the password is kept in {path})\n"
            + "  Both must add a second factor at their first login: an authenticator app "
            "(the page shows its QR code and the key as text)."
        )
