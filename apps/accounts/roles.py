"""The desk's roles and what each may do. Who may make which workflow move is checked by the
services in apps/verification/services.py against these permissions; the groups themselves
are created and updated by data migrations (apps/accounts/migrations), each with a frozen
copy of the roles of its time, and a test checks that the database matches ROLE_PERMISSIONS."""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
FACT_CHECKERS = "Fact-checkers"

CURATED_MODELS = [
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
REFERENCE_MODELS = ["verification.ratingscale", "verification.rating"]

ROLE_PERMISSIONS = {
    # Editors curate everything, assign statements to fact-checkers, review and publish
    # verdicts, and may read the rating scales.
    EDITORS: {
        **{model: ("view", "add", "change", "delete") for model in CURATED_MODELS},
        "verification.verification": ("view", "add", "change", "delete", "assign", "publish"),
        **{model: ("view",) for model in REFERENCE_MODELS},
        "auth.user": ("view",),  # to assign fact-checkers
    },
    # Fact-checkers work on verifications (status up to review, verdict, summary, evidence),
    # read everything else, delete nothing and publish nothing.
    FACT_CHECKERS: {
        **{model: ("view",) for model in CURATED_MODELS + REFERENCE_MODELS},
        "verification.verification": ("view", "change"),
        "verification.evidence": ("view", "add", "change"),
        "auth.user": ("view",),
    },
}


def apply_role_permissions(apps, roles: dict) -> None:
    """Give each group of `roles` exactly the permissions listed (creating the group), with
    the migration's historical `apps`."""
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in roles.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        permissions = []
        for model, actions in models.items():
            app_label, model_name = model.split(".")
            for action in actions:
                permissions.append(
                    Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model_name}")
                )
        group.permissions.set(permissions)
