from django.core.management.base import BaseCommand

from apps.ops.dataset import dataset_export


class Command(BaseCommand):
    help = (
        "Write the whole dataset (records, history, users, groups, tokens) to one JSON file, with natural keys; "
        "a name ending in .gz, .bz2 or .xz is compressed. Load it with import_dataset."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to write, e.g. claimtrack-2026-11-21.json.gz.")

    def handle(self, *args, path, **options):
        dataset_export(path=path)
        self.stdout.write(f"Dataset written to {path}.")
