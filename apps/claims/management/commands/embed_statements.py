from django.core.management.base import BaseCommand, CommandError

from apps.claims.services import statement_embeddings_fill


class Command(BaseCommand):
    help = (
        "Compute the meaning vectors (semantic matching of the same remark, across languages) of the statements "
        "and quotations stored without one: after loading fixtures or a bulk import, or after installing the model."
    )

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true", help="Compute every row's vector again.")

    def handle(self, *args, refresh, **options):
        try:
            statements, quotations = statement_embeddings_fill(refresh=refresh)
        except RuntimeError as error:
            raise CommandError(str(error))
        self.stdout.write(
            self.style.SUCCESS(f"Vectors computed: {statements} statement(s), {quotations} quotation(s).")
        )
