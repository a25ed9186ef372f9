from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.accounts.services import DEMO_USERS, demo_user_create


class Command(BaseCommand):
    help = (
        "Create the local demo logins (editor, factchecker, admin) with generated passwords, kept in "
        "var/demo-logins.txt (never committed), and print them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Give the demo users new passwords.")

    def handle(self, *args, reset, **options):
        if not settings.CLAIMTRACK_DEMO_LOGINS_ALLOWED:
            raise CommandError(
                "Demo logins are for local use only and are disabled with these settings. "
                "Create real users with `manage.py createsuperuser` or in the admin."
            )
        path = Path(settings.VAR_DIR) / "demo-logins.txt"
        known = self._read(path)
        for username in DEMO_USERS:
            password = demo_user_create(username=username, reset=reset)
            if password:
                known[username] = password
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f"{user} {password}\n" for user, password in known.items()))
        path.chmod(0o600)

        self.stdout.write("Demo logins (local only; passwords generated once, kept in var/demo-logins.txt):")
        for username, (group, is_superuser) in DEMO_USERS.items():
            role = "superuser" if is_superuser else group
            password = known.get(username, "(set earlier and not recorded here; use --reset)")
            self.stdout.write(f"  {username:<12} {password:<20} {role}")

    @staticmethod
    def _read(path: Path) -> dict[str, str]:
        if not path.exists():
            return {}
        pairs = (line.split(" ", 1) for line in path.read_text().splitlines() if " " in line)
        return {user: password for user, password in pairs}
