"""Staff accounts' own records (the roles and countries are core's; the 2FA devices are django-otp's)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionCutoff(models.Model):
    """A user's "log out everywhere": each of their sessions that began before ``sessions_valid_after`` ends.

    Each session keeps the time of its login (``staff.sessions``); the middleware compares the two.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_cutoff", verbose_name=_("user")
    )
    sessions_valid_after = models.DateTimeField(_("sessions valid after"))

    class Meta:
        verbose_name = _("session cut-off")
        verbose_name_plural = _("session cut-offs")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.sessions_valid_after.isoformat()}"
