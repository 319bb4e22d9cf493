"""The command line: parses arguments and calls the stage functions; holds no logic of its own."""

import argparse
import sys
from pathlib import Path

from . import __version__
from .build import build_site
from .config import load_config
from .errors import BuildFailed, SiteError
from .importer import import_paths
from .scaffold import init_site


def _print_errors(errors: list[SiteError]) -> None:
    for error in errors:
        print(f"error: {error}", file=sys.stderr)


def cmd_init(args) -> int:
    target = Path(args.dir)
    init_site(target)
    print(f"created a new site in {target}; add articles to {target / 'content' / 'articles'} "
          f"and run 'newsarchive --site {target} build'")
    return 0


def cmd_build(args) -> int:
    site = Path(args.site)
    report = build_site(site)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    print(f"open {(site / 'output' / 'index.html').resolve()}")
    return 0


def cmd_import(args) -> int:
    site = Path(args.site)
    report = import_paths(site, [Path(p) for p in args.paths], load_config(site), force=args.force)
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    _print_errors(report.errors)
    print(report.summary())
    return 1 if report.failed else 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsarchive", description="Scraped news in, static searchable archive out.")
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument("--site", default=argparse.SUPPRESS, metavar="DIR",
                      help="the site's folder (default: the current folder)")
    parser.add_argument("--site", default=".", metavar="DIR", help="the site's folder (default: the current folder)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    init = verbs.add_parser("init", help="create a new site skeleton in DIR")
    init.add_argument("dir", nargs="?", default=".", metavar="DIR")
    init.set_defaults(run=cmd_init)
    build = verbs.add_parser("build", parents=[site], help="build output/ from content/")
    build.set_defaults(run=cmd_build)
    imp = verbs.add_parser("import", parents=[site], help="turn raw scraped files into Markdown articles")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="raw files (text, HTML, JSON Lines) or folders of them")
    imp.add_argument("--force", action="store_true",
                     help="re-import articles already imported, replacing hand edits (the old file is backed up)")
    imp.set_defaults(run=cmd_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.run(args)
    except BuildFailed as failed:
        _print_errors(failed.errors)
        print(f"build failed with {len(failed.errors)} error(s); output/ was left as it was", file=sys.stderr)
        return 1
    except SiteError as error:
        _print_errors([error])
        return 1
    except KeyboardInterrupt:
        return 130
