"""Append-only rows: history that is written once and never changed or removed.

Status updates and published reports use it. Bulk `update()`/`delete()` on their querysets
are refused too; only a deliberate raw SQL statement (the demo's --replace) can clear them.
"""

from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError(f"{self.model.__name__} rows are append-only and cannot be updated.")

    def delete(self):
        raise TypeError(f"{self.model.__name__} rows are append-only and cannot be deleted.")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError(f"{type(self).__name__} is append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} is append-only and cannot be deleted.")
