"""Accounts in the admin: users with the person they belong to and their roles.

Django's own User and Group admins are replaced: they would ask Django's permission tables,
and Styr has one policy. Groups are not used (roles are `RoleGrant`s).
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group

from styr.accounts.admin_site import PolicyAdminMixin, PolicyStackedInline, PolicyTabularInline
from styr.accounts.models import Account, RoleGrant

User = get_user_model()


class AccountInline(PolicyStackedInline):
    model = Account
    can_delete = False
    autocomplete_fields = ["person"]


class RoleGrantInline(PolicyTabularInline):
    model = RoleGrant
    extra = 0
    autocomplete_fields = ["plan"]
    # A role given here is given by hand; single sign-on marks (and removes) its own.
    readonly_fields = ["source"]


for model in (User, Group):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(User)
class StyrUserAdmin(PolicyAdminMixin, UserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_active", "last_login"]
    list_filter = ["is_active", "role_grants__role"]
    inlines = [AccountInline, RoleGrantInline]
    # Permissions come from roles; Django's flags and tables would be a second system.
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Person", {"fields": ["first_name", "last_name", "email"]}),
        ("Status", {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
