"""A one-off build (`newsarchive build`, `publish`): the site's stages run in this process, unless
nothing they read has changed since the last successful build.

That check needs only the files' signatures (inputs.py), so the stages' code (generator.site:
the parser, the archive, the renderer, the search index, with jinja2, markdown and numpy) is
imported only when there is work to do. Importing it takes half a second, which was most of a
build with nothing to do at 10,000 articles.
"""

import gc
import time
from pathlib import Path

from generator import inputs
from generator.core.clock import now
from generator.core.model import BuildReport, Changes
from generator.core.paths import SitePaths
from generator.organise.visibility import Visibility
from generator.shown import repeated


def build_site(site_root: Path, output_dir: Path | None = None, overrides: dict | None = None,
               visibility: Visibility | None = None) -> BuildReport:
    """Build the site at `site_root` into output/; raises BuildFailed, leaving output/ untouched, on bad input.

    `overrides` replace settings of site.yaml (`--base-url`)."""
    visibility = visibility or Visibility(now())
    start = time.perf_counter()
    output = output_dir or SitePaths.of(site_root).output
    stamp = inputs.current_stamp(site_root, output, overrides or {}, visibility.drafts, visibility.future)
    last = inputs.last_stamp(site_root)
    report = inputs.unchanged_report(last, stamp, visibility.now)
    if report is not None:
        report.stages["check"] = time.perf_counter() - start
        report.repeats = repeated(site_root, report.warnings, touched=set())
        return report
    from generator.site import Site, without_cycle_collection  # see the module's docstring
    from generator.site_state import SiteState
    site = Site(site_root, output_dir, overrides=overrides, visibility=visibility)
    # Only article files changed, and the last build's site is kept (site_state.py): the build
    # takes up from it, as the preview server would.
    changed = inputs.article_changes(last, stamp, visibility.now)
    state = SiteState(site_root)
    with without_cycle_collection(after=gc.freeze):
        began = time.perf_counter()
        restored = changed is not None and state.restore(site, last.state)
        took = time.perf_counter() - began
        report = site.build(Changes(articles={site.paths.articles / p for p in changed}) if restored else None)
        if restored:  # the summary line says the build took up from the last one's site, and at what cost
            report.stages = {"restore": took, **report.stages}
        kept = state.keep(site, last.state if restored else None)
    inputs.remember(site_root, stamp, report, site.next_due, [job.path for job in site.extra], site.wrote,
                    site.imported, kept)
    return report
