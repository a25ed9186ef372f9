"""The desk's roles and what each may do in the admin. Issue-level rules (who may publish)
are enforced by services; these are the model permissions the roles start with."""

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
    # Editors curate everything and may read the rating scales.
    EDITORS: {
        **{model: ("view", "add", "change", "delete") for model in CURATED_MODELS},
        **{model: ("view",) for model in REFERENCE_MODELS},
        "auth.user": ("view",),  # to assign fact-checkers
    },
    # Fact-checkers work on verifications and their evidence, read the rest, delete nothing.
    FACT_CHECKERS: {
        **{model: ("view",) for model in CURATED_MODELS + REFERENCE_MODELS},
        "verification.verification": ("view", "add", "change"),
        "verification.evidence": ("view", "add", "change"),
        "auth.user": ("view",),
    },
}
