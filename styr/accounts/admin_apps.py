"""Django's admin, with a site that asks the policy (`styr.accounts.admin_site`).

A module of its own because INSTALLED_APPS loads it before any model exists.
"""

from django.contrib.admin.apps import AdminConfig


class StyrAdminConfig(AdminConfig):
    default_site = "styr.accounts.admin_site.StyrAdminSite"
