from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from apps.claims.models import Statement
from apps.verification import services
from apps.verification.choices import Transition


class Command(BaseCommand):
    help = (
        "Move statements through the fact-checking workflow, by the same rules as the admin and the API: "
        "assign, submit, return, publish or reopen, acting as a given user."
    )

    def add_arguments(self, parser):
        parser.add_argument("move", choices=Transition.values, help="The workflow move.")
        parser.add_argument("statements", nargs="+", help="Statements, by id or slug.")
        parser.add_argument("--user", required=True, help="Who makes the move (user name); their permissions apply.")
        parser.add_argument("--reason", default="", help="Why (required to return or reopen); kept in the history.")
        parser.add_argument("--fact-checker", help="For assign: who does the fact-checking (default: --user).")

    def handle(self, *args, move, statements, user, reason, fact_checker, **options):
        acting = self._user(user, "--user")
        found = [self._statement(key) for key in statements]
        done, refused = services.statements_move(
            statements=found,
            user=acting,
            move=move,
            reason=reason,
            fact_checker=self._user(fact_checker, "--fact-checker") if fact_checker else None,
        )
        for statement in done:
            self.stdout.write(self.style.SUCCESS(f"{Transition(move).label}: {statement.pk} “{statement}”"))
        for statement, why in refused:
            self.stderr.write(f"Refused for {statement.pk} “{statement}”: {why}")
        if refused:
            raise CommandError(
                f"{len(refused)} of {len(found)} {'statement' if len(found) == 1 else 'statements'} refused; "
                "nothing changed for them."
            )

    def _user(self, username, option):
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"{option}: no user is named “{username}”.") from None

    def _statement(self, key):
        lookup = {"pk": int(key)} if key.isdigit() else {"slug": key}
        try:
            return Statement.objects.select_related("speaker").get(**lookup)
        except Statement.DoesNotExist:
            raise CommandError(f"No statement has the id or slug “{key}”. Find it in the admin or the API.") from None
