"""The whole dataset in one file and back: for backups, and for moving a desk's data to a new
server. Every record the desk made, its full history, the users (password hashes included),
their groups and API tokens, with their ids, so that the file loads into any freshly migrated
database and every link into the API still points where it did. Left out: what Django rebuilds
(content types, permissions), sessions, the admin's log and the login-attempt records of
django-axes.

A file ending in .gz, .bz2, .xz or .lzma is compressed (Django's dumpdata and loaddata)."""

from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

LEFT_OUT = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]
# Tables whose rows mean the database is in use: an import never goes over them.
DESK_MODELS = [
    "sources.Publisher",
    "sources.Source",
    "speakers.Speaker",
    "claims.Topic",
    "claims.Statement",
    "claims.Quotation",
    "verification.Verification",
]


class DatasetError(Exception):
    pass


def dataset_export(*, path: str | Path) -> None:
    # Ids are kept (API clients and links refer to them); relations to what Django rebuilds
    # (content types, permissions) are written by natural key.
    call_command("dumpdata", natural_foreign=True, exclude=LEFT_OUT, output=str(path), verbosity=0)


def records_in_use() -> dict[str, int]:
    """The desk's records this database already holds, per model (empty: a fresh database)."""
    counts = {label: apps.get_model(label).objects.count() for label in DESK_MODELS}
    return {label: count for label, count in counts.items() if count}


@transaction.atomic
def dataset_import(*, path: str | Path) -> None:
    """Load an exported file into a freshly migrated database, all or nothing. The history is
    loaded as it was recorded: no new history rows are made while loading."""
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"There is no file at {path}.")
    in_use = records_in_use()
    if in_use:
        listed = ", ".join(f"{count:,} {label}" for label, count in in_use.items())
        raise DatasetError(
            f"This database already holds records ({listed}); importing over them could mix two datasets. "
            "Import into a freshly migrated, empty database."
        )
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", str(path), verbosity=0)
    # A file exported before verifications kept their writers and their ClaimReview's
    # dateModified: fill them in as the migration that added them did.
    FILL_NEW_VERIFICATION_FIELDS(apps, None)
    FILL_SENT_BACK_AND_AGEING(apps, None)
    from apps.verification.services import claimreview_digests_fill

    claimreview_digests_fill()


FILL_NEW_VERIFICATION_FIELDS = import_module(
    "apps.verification.migrations.0007_writers_from_history"
).writers_from_history
FILL_SENT_BACK_AND_AGEING = import_module("apps.verification.migrations.0008_sent_back_and_ageing").fill_from_history
