import sys

from django.core.management.base import BaseCommand, CommandError

from samenopleiden.placements.engine import cli


class Command(BaseCommand):
    help = (
        "Plaatst studenten uit een JSON-bestand (het formaat staat in samenopleiden/placements/engine/README.md) en "
        "schrijft het resultaat met de uitleg per student: match INVOER.json --out RESULTAAT.json [--mode "
        "assign|market|mix] [--weights GEWICHTEN.json]. Werkt zonder database: instituten kunnen het op hun eigen "
        "gegevens draaien."
    )

    def run_from_argv(self, argv: list[str]) -> None:
        """The engine's own command line (its Dutch messages and exit codes), not Django's option parsing."""
        code = cli.main(argv[2:], stdout=self.stdout, stderr=self.stderr)
        if code:
            sys.exit(code)

    def handle(self, *args, **options):  # reached through call_command only
        code = cli.main(list(args), stdout=self.stdout, stderr=self.stderr)
        if code:
            raise CommandError(f"match stopte met code {code}.", returncode=code)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument("args", nargs="*")
        return parser
