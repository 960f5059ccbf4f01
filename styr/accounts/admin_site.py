"""The admin asks the policy: who may enter, and what each of them may do to each object."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models.options import Options
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _

from styr.accounts.forms import NextForm, read_query
from styr.accounts.policy import can, can_admin
from styr.accounts.views import forbidden


class StyrAdminSite(admin.AdminSite):
    site_header = _("Styr – administration")
    site_title = _("Styr")
    index_title = _("Redigera planer och organisation")

    def has_permission(self, request):
        return request.user.is_active and can(request.user, "accounts.use_admin")

    def login(self, request, extra_context=None):
        # One login page for the whole site; the admin's own would only admit is_staff.
        # Someone signed in who may not use the admin is told why, not sent in a circle.
        target = read_query(NextForm, request.GET)["next"] or reverse("admin:index")
        if self.has_permission(request):
            return redirect(target if url_has_allowed_host_and_scheme(target, None) else "/admin/")
        if request.user.is_authenticated:
            return forbidden(request, "accounts.use_admin")
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': target})}")


class PolicyAdminMixin:
    """Every permission question of a ModelAdmin or an inline goes to the policy.

    The object is passed along (Django's defaults drop it), so a strateg for one plan may
    change that plan's actions and only read the others. An inline is asked about its
    parent object. Saving checks the object as it will be stored, so nothing can be moved
    into a plan or municipality where the user has no right.
    """

    opts: Options  # the ModelAdmin's or inline's, which this is mixed into

    def _may(self, request, verb: str, obj=None) -> bool:
        return can_admin(request.user, verb, self.opts, obj)

    def has_view_permission(self, request, obj=None):
        return self._may(request, "view", obj) or self._may(request, "change", obj)

    def has_add_permission(self, request, obj=None):
        return self._may(request, "add", obj)

    def has_change_permission(self, request, obj=None):
        return self._may(request, "change", obj)

    def has_delete_permission(self, request, obj=None):
        return self._may(request, "delete", obj)

    def has_module_permission(self, request):
        return self.has_view_or_change_permission(request)

    def save_model(self, request, obj, form, change):
        if not self._may(request, "change" if change else "add", obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # Each inline row as it will be stored, e.g. a role granted in another municipality.
        for row in formset.forms:
            instance = row.instance
            if formset.can_delete and formset._should_delete_form(row):
                verb = "delete"
            elif row.has_changed():
                verb = "change" if instance.pk else "add"
            else:
                continue
            if not can_admin(request.user, verb, instance._meta, instance):
                raise PermissionDenied
        super().save_formset(request, form, formset, change)


class PolicyModelAdmin(PolicyAdminMixin, admin.ModelAdmin):
    def get_readonly_fields(self, request, obj=None):
        # A record stays in the municipality it was made in: what hangs on it (a survey's
        # answers, a goal's indicators, a plan's actions) belongs to that municipality's
        # units, and what is stored of it is kept per municipality.
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk and _has_field(self.opts, "municipality"):
            fields.append("municipality")
        return fields


class PolicyTabularInline(PolicyAdminMixin, admin.TabularInline):
    pass


class PolicyStackedInline(PolicyAdminMixin, admin.StackedInline):
    pass


def _has_field(opts: Options, name: str) -> bool:
    return any(field.name == name for field in opts.get_fields())
