from django.core.management.base import BaseCommand, CommandError

from apps.ops.dataset import DatasetError, dataset_import


class Command(BaseCommand):
    help = (
        "Load a file written by export_dataset into a freshly migrated, empty database, all or nothing "
        "(history included, as it was recorded)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file export_dataset wrote.")

    def handle(self, *args, path, **options):
        try:
            dataset_import(path=path)
        except DatasetError as error:
            raise CommandError(str(error)) from None
        except Exception as error:  # a damaged or foreign file: say so, nothing was written
            raise CommandError(f"{path} could not be loaded, and nothing was written: {error}") from None
        self.stdout.write(f"Dataset loaded from {path}.")
