"""Signing in with a username and password (unless STYR_PASSWORD_LOGIN is off), and
nothing else.

Django's ModelBackend would also grant permissions from its own tables (user and group
permissions set in the admin). Styr has one policy, `styr.accounts.policy`, so this backend
authenticates and grants nothing; django-rules' backend answers every `has_perm`.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        # STYR_PASSWORD_LOGIN=false: no password signs anyone in, on any form (the admin's
        # included), not only the login page's, which no longer shows one.
        if not settings.PASSWORD_LOGIN:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False
