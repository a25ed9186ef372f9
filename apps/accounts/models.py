from django.conf import settings
from django.db import models

from apps.core.models import TimeStampedModel, tracked_history


class DeskPreferences(TimeStampedModel):
    """How one member of the desk wants to hear about the workflow. E-mail is off until they
    turn it on: nobody is mailed who did not ask to be."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_preferences")
    email_notifications = models.BooleanField(
        "e-mail me about my work",
        default=False,
        help_text="When someone assigns you a statement, sends your work back or reopens it (with the reason), "
        "or publishes a verdict you worked on. Sent to the e-mail address of your account.",
    )

    history = tracked_history()

    class Meta:
        verbose_name = "desk preferences"
        verbose_name_plural = "desk preferences"

    def __str__(self):
        return f"Preferences of {self.user.get_username()}" if self.user_id else "Preferences"
