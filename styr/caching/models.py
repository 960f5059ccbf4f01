"""The content version: one counter per municipality, and one for data shared by all."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The scope of data no single municipality owns (Kolada's national data, accounts without a
# person): a change there changes every municipality's pages.
SHARED = 0


class ContentVersion(models.Model):
    """How many times a municipality's content has been written, and when last.

    The scope is the municipality's id as a plain number, not a foreign key: the row must
    outlive its municipality, because the start page's version is the sum over all rows and
    must never go back to a number it had before.
    """

    scope = models.PositiveBigIntegerField(_("omfång"), unique=True)
    number = models.PositiveBigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("ändrad"))

    class Meta:
        verbose_name = _("innehållsversion")
        verbose_name_plural = _("innehållsversioner")

    def __str__(self) -> str:
        return f"{self.scope}: {self.number}"
