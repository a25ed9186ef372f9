from django.db import models


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    GROUP = "group", "Group of people"
    ANONYMOUS = "anonymous", "Anonymous or unnamed"


# Kinds a speaker can be affiliated with ("member of the State Duma").
AFFILIATION_KINDS = (SpeakerKind.ORGANISATION, SpeakerKind.GROUP)
