import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from styr.extract.document import extract_file
from styr.extract.readers import UnreadableDocument


class Command(BaseCommand):
    help = (
        "Read plan documents (.txt, .md, .docx, .pdf, .html, .xlsx) and print their actions "
        "as JSON. "
        "Touches no database."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files, **options):
        documents, errors = [], []
        for path in files:
            try:
                documents.append(extract_file(path))
            except UnreadableDocument as error:
                errors.append({"source": str(path), "message": str(error)})
                self.stderr.write(f"styr extract: {error}")
        output = {"documents": documents}
        if errors:
            output["errors"] = errors
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        if errors:
            sys.exit(1)
