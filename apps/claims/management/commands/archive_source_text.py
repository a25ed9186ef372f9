from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.claims.services import source_set_archived_text
from apps.sources.models import Source


class Command(BaseCommand):
    help = (
        "Store the full text of a source (a UTF-8 text file) as its archived text and anchor its "
        "quotations in it. Refused, with every quotation that is not found verbatim, when any is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The source's slug (as in the admin and the fixtures).")
        parser.add_argument("path", help="A UTF-8 text file with the document's text.")

    def handle(self, *args, source, path, **options):
        try:
            obj = Source.objects.get(slug=source)
        except Source.DoesNotExist:
            raise CommandError(f"No source has the slug “{source}”. Find the slug on the source's page in the admin.")
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text ({error}). Convert it first, e.g. with iconv.")
        try:
            anchored = source_set_archived_text(source=obj, archived_text=text)
        except ValidationError as error:
            lines = [message for messages in error.message_dict.values() for message in messages]
            raise CommandError("The text was not stored:\n  " + "\n  ".join(lines))
        self.stdout.write(
            self.style.SUCCESS(f"Archived {len(text):,} characters for “{obj}”; {anchored} quotation(s) anchored.")
        )
