import json
import re
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from apps.intake.services import article_read
from apps.intake.suggest import suggest, suggestions_as_json
from apps.intake.types import IntakeError

URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
QUOTE_MARKS = "“”„‟«»‹›‘’‚‛\"'"  # printed around a quotation in the text format, as the article prints them


class Command(BaseCommand):
    help = (
        "Print the quotations suggested in an article (an HTML or text file, a URL, or - for standard input), "
        "with their speakers and the statements on file they match. Stores nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path_or_url", help="An HTML or text file, an http(s) URL, or - to read standard input.")
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json: one JSON object on standard output (source, quotations); text: one line per quotation.",
        )

    def handle(self, *args, path_or_url, format, **options):
        try:
            if URL.match(path_or_url):
                article = article_read(url=path_or_url)[1]
            else:
                data, name = self._read(path_or_url)
                article = article_read(data=data, filename=name)[1]
        except IntakeError as error:
            raise CommandError(str(error)) from error
        try:
            suggestions = suggest(article)
        except DatabaseError as error:
            # the speakers and statements on file are read from the database: one never migrated has none
            raise CommandError(
                f"The database cannot be read ({error}). Create its tables first: `python manage.py migrate` "
                "(make run does it), or point DATABASE_URL at the desk's database."
            ) from error
        if format == "json":
            self.stdout.write(json.dumps(suggestions_as_json(article, suggestions), ensure_ascii=False))
            return
        self.stdout.write(f"{article.title or '(no title)'} — {len(suggestions)} quotation(s)")
        for number, suggestion in enumerate(suggestions, start=1):
            who = suggestion.speaker.name if suggestion.speaker else "(speaker not found)"
            statement = (
                f" → statement #{suggestion.statement_id} ({suggestion.score:.2f})" if suggestion.statement_id else ""
            )
            # the marks the article prints (« », „ “, ' '…), none for a quotation cut at a paragraph's end
            before = article.text[: suggestion.char_start].rstrip(" \u00a0\u202f")[-1:]
            after = article.text[suggestion.char_end :].lstrip(" \u00a0\u202f")[:1]
            opening = before if before in QUOTE_MARKS else ""
            closing = after if after in QUOTE_MARKS else ""
            self.stdout.write(
                f"{number:3}. [{suggestion.mode}] {who}: {opening}{suggestion.text}{closing} "
                f"(characters {suggestion.char_start}–{suggestion.char_end}){statement}"
            )

    def _read(self, path: str) -> tuple[bytes, str]:
        if path == "-":
            return sys.stdin.buffer.read(), "stdin"
        file = Path(path)
        if not file.exists():
            raise CommandError(
                f"{path}: no such file. Give an HTML or text file, an http(s) URL, or - for standard input."
            )
        if not file.is_file():
            raise CommandError(f"{path} is not a file (a directory?). Give an HTML or text file.")
        try:
            return file.read_bytes(), file.name
        except OSError as error:
            raise CommandError(f"{path} cannot be read: {error.strerror}.") from error
