"""The command line: parses arguments and calls the stage functions; holds no logic of its own."""

import argparse
import difflib
import re
import sys
from pathlib import Path

from generator import __version__
from generator.core.paths import OUTPUT_DIR
from generator.shown import remember_shown
from generator.status import recorded_build
from generator.core.config import load_config
from generator.core.errors import BuildFailed, SiteError, os_error_text, say
from generator.core.plural import counted
from generator.publish.run import publish
from generator.publish.target import PublishOptions, check_target
from generator.scaffold import init_site


MAX_WARNINGS = 20  # a corpus import can warn thousands of times; the first few say what is wrong
# What each verb leaves as it was when the system fails it (a full disk, a read-only folder).
KEPT = {"build": "output/ still holds the previous site", "serve": "output/ still holds the previous site",
        "publish": "nothing was published", "import": "the articles written before it are kept; import again to finish",
        "init": "the site may be incomplete", "new": "no article was written",
        "clean": "what was not removed is still there"}


def _print_errors(errors: list[SiteError]) -> None:
    for error in errors:
        say("error", str(error))


def cmd_init(args) -> int:
    # `newsarchive --site x init` means the same as `newsarchive init x`.
    target = Path(args.dir if args.dir is not None else args.site)
    init_site(target)
    print(f"created a new site in {target}; add articles to {target / 'content' / 'articles'} "
          f"and run 'newsarchive --site {target} build'")
    return 0


def _print_report(report, args) -> None:
    """Warnings, then the summary line, all on stderr: stdout is kept for what a script reads."""
    fresh = [w for w in report.warnings if w not in report.repeats]
    shown = [] if args.quiet else report.warnings if args.verbose else fresh[:MAX_WARNINGS]
    remember_shown(Path(args.site), report.repeats | frozenset(shown))
    if args.quiet:
        return
    for warning in shown:
        say("warning", warning)
    if len(fresh) > len(shown):
        say("warning", f"… and {len(fresh) - len(shown)} more warnings (-v shows them all)")
    repeats = f"; {counted(len(report.repeats), 'warning')} as before (-v lists them)" if report.repeats and not args.verbose else ""
    print(report.summary() + repeats, file=sys.stderr)


def _overrides(args) -> dict:
    return {"base_url": args.base_url} if args.base_url else {}


def _output(args) -> Path | None:
    return Path(args.output).absolute() if args.output else None


def _visibility(args):
    from generator.core.clock import now
    from generator.organise.visibility import Visibility

    return Visibility(now(), drafts=args.drafts, future=args.future)


def cmd_build(args) -> int:
    site = Path(args.site)
    _print_report(recorded_build(site, _output(args), _overrides(args), _visibility(args)), args)
    if not args.quiet:
        print(f"open {((_output(args) or site / OUTPUT_DIR) / 'index.html').absolute()}")
    return 0


def cmd_check(args) -> int:
    from generator.check import check_site

    report = check_site(Path(args.site))
    _print_errors(report.errors)
    if not args.quiet:
        for earlier, present in report.moved:
            print(f"redirect: {earlier} -> {present}")
        print(f"checked site.yaml, {counted(report.articles, 'article')} and {counted(report.templates, 'template')}: "
              f"{counted(len(report.errors), 'problem')}, {counted(len(report.moved), 'redirect')}", file=sys.stderr)
    return 1 if report.errors else 0


def cmd_clean(args) -> int:
    from generator.remove_built import remove_built

    removed = remove_built(Path(args.site))
    if not args.quiet:
        print(f"removed {', '.join(removed)}" if removed else "nothing to remove")
    return 0


def cmd_publish(args) -> int:
    site = Path(args.site)
    options = PublishOptions(branch=args.branch, remote=args.remote, message=args.message, push=not args.no_push,
                             history=not args.no_history, cname=args.cname, dry_run=args.dry_run, force=args.force)
    target = check_target(site, options)
    if not args.no_build:
        _print_report(recorded_build(site), args)
    print(publish(target, site, site / OUTPUT_DIR).summary())
    return 0


def cmd_import(args) -> int:
    from generator.ingest.importer import import_paths  # the cleaner's words load only for this verb

    site = Path(args.site)
    report = import_paths(site, [Path(p) for p in args.paths], load_config(site), force=args.force,
                          progress=not args.quiet)
    if not args.quiet:  # -q: the summary line only
        for path in report.written:
            print(f"wrote {path}")
        for shown in report.unchanged:
            say("note", f"{shown}: imported before; skipped (--force imports it again)")
        for note in report.notes:
            say("note", note)
    _print_errors(report.errors)
    print(report.summary(), file=sys.stderr)
    return 1 if report.failed else 0


def cmd_serve(args) -> int:
    from generator.preview.server import serve  # tornado and livereload load only for this verb

    serve(Path(args.site), host=args.bind, port=args.port, output_dir=_output(args), overrides=_overrides(args),
          open_browser=args.open)
    return 0


# What `VERB --help` shows below the options: the verb's commonest uses.
HELP = {
    "init": ("Create a site skeleton (site.yaml, content/, templates/) in DIR, which must be new or empty.",
             "examples:\n  newsarchive init harbour-news\n  newsarchive --site harbour-news init"),
    "build": ("Import anything new in content/raw/, then build output/ from content/articles/, site.yaml and "
              "the templates.", "examples:\n  newsarchive build\n  newsarchive build --site harbour-news\n"
              "  newsarchive build --output /tmp/staging --base-url https://staging.example.org/"),
    "new": ("Write a new article with its front matter, at content/articles/YYYY/MM/<slug>.md, and print its "
            "path.\nAn existing file is never replaced.",
            'examples:\n  newsarchive new "Harbour reopens"\n'
            '  newsarchive new "Council votes on budget" --date 2025-08-20T09:30 --lang de --draft'),
    "check": ("Report every problem of site.yaml, the articles (front matter, dates, duplicate slugs, links to\n"
              "articles that are not there), the new raw files and the templates in one run, without building:\n"
              "output/ is not touched. Exit status 1 on any problem.",
              "example:\n  newsarchive check"),
    "clean": ("Remove what builds made and can make again: output, the trees behind it (.output/) and .cache/.\n"
              "content/, site.yaml and templates/ are never touched.", "example:\n  newsarchive clean"),
    "publish": ("Build, commit output/ as the whole tree of a git branch and push it.",
                "examples:\n  newsarchive publish\n  newsarchive publish --dry-run\n"
                "  newsarchive publish --branch pages --cname news.example.org"),
    "import": ("Turn raw scraped files (text, HTML, JSON Lines) into Markdown articles in content/articles/.",
               "examples:\n  newsarchive import scraped/\n  newsarchive import feed.jsonl --force"),
    "serve": ("Build a preview of the site, serve it locally and rebuild it on every save; open tabs reload by\n"
              "themselves. Drafts and scheduled articles are shown, marked as such: the preview is built into\n"
              ".cache/preview/, never into output/, so publish never sends them.",
              "examples:\n  newsarchive serve\n  newsarchive serve -p 8080 --open\n"
              "  newsarchive serve --bind 0.0.0.0 --base-url http://192.168.1.20:8000/"),
}


class _Parser(argparse.ArgumentParser):
    """argparse, with a suggestion for a mistyped verb instead of the bare list of choices."""

    def error(self, message):
        typo = re.search(r"argument VERB: invalid choice: '([^']*)'", message)
        if typo:
            close = difflib.get_close_matches(typo.group(1), list(HELP), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"the verbs are {', '.join(HELP)}"
            message = f"unknown verb '{typo.group(1)}': {hint}"
        super().error(message)


def _verb(verbs, name: str, summary: str, parents=()) -> argparse.ArgumentParser:
    description, epilog = HELP[name]
    return verbs.add_parser(name, parents=list(parents), help=summary, description=description, epilog=epilog,
                            formatter_class=argparse.RawDescriptionHelpFormatter)


def cmd_new(args) -> int:
    from generator.core.clock import now
    from generator.new_article import new_article, parse_when

    site = Path(args.site)
    config = load_config(site)
    when = parse_when(args.date, config) if args.date else now()
    print((site / new_article(site, config, args.title, when, lang=args.lang, draft=args.draft)).as_posix())
    return 0


def _add_output_options(verb: argparse.ArgumentParser, default: str) -> None:
    verb.add_argument("--output", metavar="DIR", help=f"build into DIR instead of {default} (DIR is a link to a "
                      f"tree in .DIR/ beside it, switched atomically)")
    verb.add_argument("--base-url", metavar="URL", help="use URL in place of site.yaml's base_url")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsarchive", description="Scraped news in, static searchable archive out.")
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    # Options every verb takes, before or after it: the parent's copies leave the main parser's defaults alone.
    site = argparse.ArgumentParser(add_help=False)
    for holder, default in ((parser, None), (site, argparse.SUPPRESS)):
        holder.add_argument("--site", default=default or ".", metavar="DIR",
                            help="the site's folder (default: the current folder)")
        talk = holder.add_mutually_exclusive_group()
        talk.add_argument("-q", "--quiet", action="store_true", default=default or False,
                          help="print errors only")
        talk.add_argument("-v", "--verbose", action="store_true", default=default or False,
                          help="print every warning, not only the first 20")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB", parser_class=argparse.ArgumentParser)
    init = _verb(verbs, "init", "create a new site skeleton in DIR")
    init.add_argument("dir", nargs="?", default=None, metavar="DIR", help="the new site's folder (default: --site, "
                      "or the current folder)")
    init.set_defaults(run=cmd_init)
    build = _verb(verbs, "build", "build output/ from content/", [site])
    _add_output_options(build, "output/")
    build.add_argument("-D", "--drafts", action="store_true", help="include articles marked 'draft: true'")
    build.add_argument("-F", "--future", action="store_true", help="include articles dated in the future")
    build.set_defaults(run=cmd_build)
    check = _verb(verbs, "check", "report every problem of site.yaml, the articles and the templates", [site])
    check.set_defaults(run=cmd_check)
    clean = _verb(verbs, "clean", "remove output/, .output/ and .cache/", [site])
    clean.set_defaults(run=cmd_clean)
    new = _verb(verbs, "new", "write a new article and print its path", [site])
    new.add_argument("title", metavar="TITLE", help="the article's title; its slug is made from it")
    new.add_argument("--date", metavar="YYYY-MM-DD[THH:MM]",
                     help="the article's date, in the site's time zone (default: now)")
    new.add_argument("--lang", default="", metavar="CODE", help="the article's language (default: the site's)")
    new.add_argument("--draft", action="store_true", help="mark it as a draft, left out of builds until removed")
    new.set_defaults(run=cmd_new)
    pub = _verb(verbs, "publish", "build, commit output/ to a git branch and push it", [site])
    pub.add_argument("--branch", default="gh-pages", help="branch to publish to (default: gh-pages)")
    pub.add_argument("--remote", default="origin", help="git remote to push to (default: origin)")
    pub.add_argument("--message", "-m", default="", help="commit message (the list of changes is added below it)")
    pub.add_argument("--no-build", action="store_true", help="publish output/ as it is, without building first")
    pub.add_argument("--no-push", action="store_true", help="commit to the local branch only")
    pub.add_argument("--no-history", action="store_true", help="make the branch a single commit, replacing its history")
    pub.add_argument("--cname", default="", metavar="DOMAIN", help="write a CNAME file for a custom domain")
    pub.add_argument("--dry-run", action="store_true", help="say what would change, commit and push nothing")
    pub.add_argument("--force", action="store_true", help="push even if that discards commits on the remote branch")
    pub.set_defaults(run=cmd_publish)
    imp = _verb(verbs, "import", "turn raw scraped files into Markdown articles", [site])
    imp.add_argument("paths", nargs="+", metavar="PATH", help="raw files (text, HTML, JSON Lines) or folders of them")
    imp.add_argument("--force", action="store_true",
                     help="re-import articles already imported, replacing hand edits (the old file is backed up)")
    imp.set_defaults(run=cmd_import)
    preview = _verb(verbs, "serve", "preview the site locally, rebuilt and reloaded on every save", [site])
    preview.add_argument("-p", "--port", type=int, default=8000, help="port to serve on (default: 8000)")
    preview.add_argument("--bind", "--host", default="127.0.0.1", metavar="ADDRESS",
                         help="address to bind (default: 127.0.0.1; any other is reachable from the network)")
    preview.add_argument("--open", action="store_true", help="open the site in the web browser once it is served")
    _add_output_options(preview, ".cache/preview/")
    preview.set_defaults(run=cmd_serve)
    return parser


def _output_name(args) -> str:
    """The built tree as the user named it: output/ unless --output said otherwise."""
    output = getattr(args, "output", None)
    return f"{str(output).rstrip('/')}/" if output else "output/"


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.run(args)
    except BuildFailed as failed:
        _print_errors(failed.errors)
        print(f"build failed with {counted(len(failed.errors), 'error')}; {_output_name(args)} was left as it was", file=sys.stderr)
        return 1
    except SiteError as error:
        _print_errors([error])
        return 1
    except OSError as error:
        kept = KEPT[args.verb].replace("output/", _output_name(args), 1)
        say("error", f"{args.verb}: {os_error_text(error, Path(getattr(args, 'site', '.')))}; {kept}")
        return 1
    except KeyboardInterrupt:
        return 130
