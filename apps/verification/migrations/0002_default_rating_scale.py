"""Seeds the default rating scale: five steps from True to False, plus two labels off the scale."""
from django.db import migrations

DEFAULT_SCALE = {
    "slug": "claimtrack-five-step",
    "name": "ClaimTrack five-step scale",
    "description": "Five steps from True to False, plus “Unverifiable” and “Not a checkable claim”.",
}
DEFAULT_RATINGS = [
    # label, slug, value, bucket, colour, description
    ("True", "true", 5, "true", "#2e7d32", "The statement is accurate and nothing significant is missing."),
    ("Mostly true", "mostly-true", 4, "true", "#7cb342", "Accurate, but needs clarification or context."),
    ("Half true", "half-true", 3, "mixed", "#fbc02d", "Partly accurate; leaves out important details or context."),
    ("Mostly false", "mostly-false", 2, "false", "#f57c00", "Contains an element of truth but gives a false impression."),
    ("False", "false", 1, "false", "#c62828", "The statement is not accurate."),
    ("Unverifiable", "unverifiable", None, "other", "#757575", "The available evidence can neither confirm nor refute it."),
    ("Not a checkable claim", "not-checkable", None, "other", "#9e9e9e", "An opinion, a prediction or a value judgement: nothing to check."),
]


def create_default_scale(apps, schema_editor):
    RatingScale = apps.get_model("verification", "RatingScale")
    Rating = apps.get_model("verification", "Rating")
    scale, _ = RatingScale.objects.get_or_create(
        slug=DEFAULT_SCALE["slug"],
        defaults={"name": DEFAULT_SCALE["name"], "description": DEFAULT_SCALE["description"], "is_default": True},
    )
    for label, slug, value, bucket, colour, description in DEFAULT_RATINGS:
        Rating.objects.get_or_create(
            scale=scale,
            slug=slug,
            defaults={"label": label, "value": value, "bucket": bucket, "colour": colour, "description": description},
        )


def remove_default_scale(apps, schema_editor):
    apps.get_model("verification", "RatingScale").objects.filter(slug=DEFAULT_SCALE["slug"]).delete()


class Migration(migrations.Migration):
    dependencies = [("verification", "0001_initial")]

    operations = [migrations.RunPython(create_default_scale, remove_default_scale)]
