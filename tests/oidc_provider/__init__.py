"""A real OpenID Connect provider for the single sign-on tests: django-oidc-provider in a
minimal Django project of its own, run as a separate process on loopback with its own
SQLite file (`tests.oidc_provider.process.start`)."""
