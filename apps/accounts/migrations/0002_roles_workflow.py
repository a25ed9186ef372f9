"""The roles of the fact-checking workflow (a frozen copy of apps/accounts/roles.py at the
time): editors assign statements and publish verdicts; fact-checkers work on verifications but
no longer create verification records themselves (assigning a statement does) and publish
nothing."""
from django.db import migrations

from apps.accounts.roles import apply_role_permissions

CURATED = [
    "sources.publisher",
    "sources.source",
    "sources.correction",
    "speakers.speaker",
    "claims.topic",
    "claims.statement",
    "claims.quotation",
    "verification.verification",
    "verification.evidence",
]
REFERENCE = ["verification.ratingscale", "verification.rating"]
ROLES = {
    "Editors": {
        **{model: ("view", "add", "change", "delete") for model in CURATED},
        "verification.verification": ("view", "add", "change", "delete", "assign", "publish"),
        **{model: ("view",) for model in REFERENCE},
        "auth.user": ("view",),
    },
    "Fact-checkers": {
        **{model: ("view",) for model in CURATED + REFERENCE},
        "verification.verification": ("view", "change"),
        "verification.evidence": ("view", "add", "change"),
        "auth.user": ("view",),
    },
}
PREVIOUS = {
    **ROLES,
    "Editors": {**ROLES["Editors"], "verification.verification": ("view", "add", "change", "delete")},
    "Fact-checkers": {**ROLES["Fact-checkers"], "verification.verification": ("view", "add", "change")},
}


def forwards(apps, schema_editor):
    apply_role_permissions(apps, ROLES)


def backwards(apps, schema_editor):
    apply_role_permissions(apps, PREVIOUS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_roles"),
        ("verification", "0004_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
