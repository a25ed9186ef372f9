"""Creates the Editors and Fact-checkers groups with the model permissions of the first release
(a frozen copy: later migrations change them; apps/accounts/roles.py holds the current roles)."""
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
        **{model: ("view",) for model in REFERENCE},
        "auth.user": ("view",),
    },
    "Fact-checkers": {
        **{model: ("view",) for model in CURATED + REFERENCE},
        "verification.verification": ("view", "add", "change"),
        "verification.evidence": ("view", "add", "change"),
        "auth.user": ("view",),
    },
}


def create_roles(apps, schema_editor):
    apply_role_permissions(apps, ROLES)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sources", "0001_initial"),
        ("speakers", "0001_initial"),
        ("claims", "0001_initial"),
        ("verification", "0002_default_rating_scale"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
