"""E-mail that people act on: invitations and reminders of reporting rounds, late notices
and a weekly digest of changes, sent idempotently by `styr reminders send`."""
