"""Settings for the test suite: Styr's own, with a fixed key and a fast password hasher."""

import os

# Production refuses to start without a key; the tests need one that is plainly not secret.
os.environ.setdefault("STYR_SECRET_KEY", "tests-only-not-a-secret")

from styr.settings import *  # noqa: E402, F403

# Hashing passwords the production way takes ~0.3 s each; the tests make many accounts.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
