"""`styr bench generate --scale S|M|L`: a generated municipality for scale tests."""

import time

from django.core.management.base import BaseCommand, CommandError

from styr.bench.generate import AlreadyGenerated, counts, generate
from styr.bench.sizes import SIZES

SIZES_HELP = "; ".join(f"{name}: {size.describe()}" for name, size in SIZES.items())


class Command(BaseCommand):
    help = (
        "Generate a municipality of a given size on the configured database, all or nothing "
        f"({SIZES_HELP})."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        generate_parser = commands.add_parser(
            "generate",
            help=f"generate a municipality: {SIZES_HELP}",
            description=self.help,
        )
        generate_parser.add_argument("--scale", choices=sorted(SIZES), required=True)
        generate_parser.add_argument(
            "--municipality",
            default="skalby",
            help="the new municipality's slug (default skalby); refused if it exists",
        )
        generate_parser.add_argument("--seed", type=int, default=15)

    def handle(self, *args, subcommand, scale, municipality, seed, **options):
        self.stdout.write(f"Generating {municipality} ({scale}: {SIZES[scale].describe()})")
        started = time.perf_counter()
        try:
            town = generate(scale, slug=municipality, seed=seed, out=self.stdout)
        except AlreadyGenerated as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Generated {town.name} in {elapsed:.0f} s:"))
        for table, count in counts(town).items():
            self.stdout.write(f"  {table}: {count:,}")
