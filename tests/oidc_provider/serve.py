"""Set the test provider up and serve it: `python -m tests.oidc_provider.serve PORT`.

The environment holds the SQLite file, the provider's URL and, as JSON, its users
(username, password, email, first_name, last_name, groups) and one client (client_id,
client_secret, redirect_uris). The database is made afresh each start.
"""

import json
import os
import sys

import django


def set_up() -> None:
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    call_command("migrate", verbosity=0)
    call_command("creatersakey", verbosity=0)
    for spec in json.loads(os.environ["OIDC_PROVIDER_USERS"]):
        groups = spec.pop("groups", [])
        user = User.objects.create_user(**spec)
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
    spec = json.loads(os.environ["OIDC_PROVIDER_CLIENT"])
    client = Client.objects.create(
        name="Styr",
        client_type="confidential",
        client_id=spec["client_id"],
        client_secret=spec["client_secret"],
        jwt_alg="RS256",
        require_consent=False,
        reuse_consent=True,
    )
    client.redirect_uris = spec["redirect_uris"]
    client.save()
    client.response_types.add(ResponseType.objects.get(value="code"))


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    django.setup()
    set_up()
    from django.core.management import call_command

    port = sys.argv[1]
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, skip_checks=True)


if __name__ == "__main__":
    main()
