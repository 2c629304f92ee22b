"""Command line: the GUI by default, plus commands for scripts and backups.

Errors a person can fix print one line to stderr and exit with status 2.
Imports stay inside the commands so starting the GUI pays only for the GUI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from recovery_app import APP_NAME, __version__, language
from recovery_app.core.errors import KnownError

EXIT_KNOWN_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_KNOWN_ERROR, f"{self.prog}: {message}\n")


# The report's parts, as --sections names them (kept here so --help needs no imports).
SECTION_NAMES = (
    "cravings",
    "triggers",
    "times",
    "coping",
    "checkins",
    "recovery",
    "meetings",
    "taper",
    "questionnaires",
)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-30") from None


def _sections(text: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    unknown = [n for n in names if n not in SECTION_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"choose from {', '.join(SECTION_NAMES)} (not {', '.join(unknown) or 'nothing'})"
        )
    return tuple(n for n in SECTION_NAMES if n in names)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="recovery-app",
        description=f"{APP_NAME}: a private, offline recovery companion. "
        "With no command, the app window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for your data (default: RECOVERY_APP_DATA_DIR, else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = commands.add_parser("gui", help="open the app window (the default)")
    gui.add_argument(
        "--at-login",
        action="store_true",
        help="open minimised (how the start-at-login entry opens it)",
    )
    export = commands.add_parser("export", help="write all your data to a file")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument(
        "--out", required=True, metavar="PATH", help="file to write (for csv: a folder)"
    )
    import_ = commands.add_parser(
        "import", help="add the records from an export file (nothing changes if it is invalid)"
    )
    import_.add_argument("file", metavar="FILE", help="a JSON export from this app")
    backup = commands.add_parser("backup", help="write a backup copy of your data to a file")
    backup.add_argument("--out", required=True, metavar="FILE", help="file to write")
    restore = commands.add_parser(
        "restore", help="replace your data with a backup (your current data is kept aside)"
    )
    restore.add_argument("file", metavar="FILE", help="a backup made by the app or 'backup'")
    passphrase = commands.add_parser(
        "passphrase",
        help="set, change or remove the passphrase that encrypts your data "
        "(read from RECOVERY_APP_PASSPHRASE and RECOVERY_APP_NEW_PASSPHRASE, else asked)",
    )
    passphrase.add_argument("action", choices=["set", "change", "remove"])
    report = commands.add_parser(
        "report",
        help="a PDF summary of your records for an appointment, or its figures as CSV "
        "(not encrypted; your notes only with --notes)",
    )
    report.add_argument(
        "--from",
        dest="first",
        type=_day,
        metavar="DATE",
        help="first day, YYYY-MM-DD (default: 89 days before --to)",
    )
    report.add_argument(
        "--to", dest="last", type=_day, metavar="DATE", help="last day, YYYY-MM-DD (default: today)"
    )
    report.add_argument(
        "--sections",
        type=_sections,
        metavar="LIST",
        help="comma-separated, in any order (default: all): " + ", ".join(SECTION_NAMES),
    )
    report.add_argument(
        "--notes", action="store_true", help="include your own words from those days"
    )
    report.add_argument("--format", choices=["pdf", "csv"], default="pdf")
    report.add_argument("--out", required=True, metavar="FILE", help="file to write")
    meetings = commands.add_parser("meetings", help="your meetings as a calendar (.ics) file")
    meeting_commands = meetings.add_subparsers(dest="action", metavar="ACTION", required=True)
    export_ics = meeting_commands.add_parser(
        "export-ics", help="write your meetings to an .ics file for calendar programs"
    )
    export_ics.add_argument("--out", required=True, metavar="FILE", help="file to write")
    import_ics = meeting_commands.add_parser(
        "import-ics", help="add the meetings in an .ics file (what can't be kept is listed)"
    )
    import_ics.add_argument("file", metavar="FILE", help="an .ics calendar file")
    commands.add_parser(
        "self-test",
        help="check that this copy of the app works here (in a temporary folder: "
        "your data is not opened)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    language.choose()  # before the commands and pages are imported: see core.i18n
    try:
        if args.command in {
            "export",
            "import",
            "backup",
            "restore",
            "passphrase",
            "meetings",
            "report",
        }:
            from recovery_app import commands

            run = getattr(commands, "import_file" if args.command == "import" else args.command)
            return int(run(args))
        if args.command == "self-test":
            from recovery_app import selftest

            return selftest.run()
        from recovery_app.app import run_gui

        return run_gui(args.data_dir, at_login=getattr(args, "at_login", False))
    except KnownError as exc:
        print(f"recovery-app: {exc.message}", file=sys.stderr)
        return EXIT_KNOWN_ERROR
    except KeyboardInterrupt:
        return 130
