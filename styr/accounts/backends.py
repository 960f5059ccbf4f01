"""Signing in with a username and password, and nothing else.

Django's ModelBackend would also grant permissions from its own tables (user and group
permissions set in the admin). Styr has one policy, `styr.accounts.policy`, so this backend
authenticates and grants nothing; django-rules' backend answers every `has_perm`.
"""

from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
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
