"""Signing in and out (with a password, or through single sign-on), and a forgotten
password (Django's own views, Swedish templates)."""

from django.contrib.auth import views as auth
from django.urls import path, reverse_lazy

from styr.accounts import oidc_views

app_name = "accounts"

urlpatterns = [
    path("konto/logga-in/", oidc_views.LoginView.as_view(), name="login"),
    path("konto/logga-ut/", auth.LogoutView.as_view(), name="logout"),
    # Single sign-on (OpenID Connect); 404 unless STYR_OIDC_ISSUER is set.
    path("konto/oidc/logga-in/", oidc_views.StartView.as_view(), name="oidc_authenticate"),
    path("konto/oidc/callback/", oidc_views.callback, name="oidc_callback"),
    path("konto/oidc/logga-ut/", oidc_views.logout, name="oidc_logout"),
    path(
        "konto/losenord/",
        auth.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/password_reset_email.txt",
            html_email_template_name="accounts/password_reset_email.html",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "konto/losenord/skickat/",
        auth.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "konto/losenord/nytt/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "konto/losenord/klart/",
        auth.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
