"""Import benchmark: throughput on the news corpus, cleaning quality on the dev sets.

    .venv/bin/python bench/import.py [--docs 10000] [--runs 3] [--skip-speed] [--skip-quality]

Throughput: `build_corpus.py N DIR --format raw` (real Reuters/BBC/derStandard texts), then
`import_paths` into a fresh site, `--runs` times; the median is printed as documents per
second of wall time and per CPU second of this process (the machine is shared, so wall time
varies more). Anchor, measured in the same run on the same texts: jusText's cleaner alone
(default settings, each line a paragraph) on the first 1,000 documents.
Quality: bench/cleaner_eval.py's figures on both dev sets (body, segments, title, date on the
right day, date given but wrong, authors), in-sample and under cross-validation grouped by site;
the anchor figures from shared/anchors/cleaning/RESULTS.md are printed beside ours.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cleaner_eval import evaluate, show
from devdata import shared_folder

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.core.config import load_config  # noqa: E402
from generator.ingest.importer import import_paths  # noqa: E402
from generator.scaffold import init_site  # noqa: E402

SHARED = shared_folder("corpus/cleaning-dev")
CORPUS = SHARED / "corpus"
SETS = {  # set → (anchor name, F1, title norm) from RESULTS.md, for comparison
    "cleaning-dev": [("jusText on raw", 0.817, None), ("trafilatura on raw", 0.720, 0.0),
                     ("trafilatura on the original HTML", 0.966, 0.602)],
    "cleaning-dev-seedlike": [("keep everything", 0.807, None), ("jusText on raw", 0.868, None),
                              ("trafilatura on raw", 0.813, 0.0)],
}


TRAFILATURA_META = "date_day 0.889  date_wrong 0.111  author_F1 0.729"


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def import_run(raw_dir: Path, work: Path) -> tuple[float, float, object]:
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    init_site(site)
    config = load_config(site)
    wall, cpu = time.perf_counter(), cpu_seconds()
    report = import_paths(site, [raw_dir], config, progress=False)
    return time.perf_counter() - wall, cpu_seconds() - cpu, report


def justext_rate(raw_dir: Path, limit: int = 1000) -> float | None:
    try:
        import justext
    except ImportError:
        return None
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw_dir.glob("*.txt"))[:limit]]
    stoplist = justext.get_stoplist("English")
    pages = ["<html><body>" + "".join(f"<p>{line}</p>" for line in t.splitlines() if line.strip()) + "</body></html>"
             for t in texts]
    cpu = cpu_seconds()
    for page in pages:
        justext.justext(page, stoplist)
    return len(pages) / (cpu_seconds() - cpu)


def speed(docs: int, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        raw_dir = work / "raw"
        subprocess.run([sys.executable, str(CORPUS / "build_corpus.py"), str(docs), str(raw_dir),
                        "--format", "raw", "--quiet"], check=True)
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu, report = import_run(raw_dir, work)
            walls.append(wall)
            cpus.append(cpu)
        anchor = justext_rate(raw_dir)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(f"throughput, {docs} raw documents, median of {runs}: {docs / wall:.0f} docs/s wall, "
          f"{docs / cpu:.0f} docs/CPU-s  ({report.summary()})")
    if anchor:
        print(f"  anchor, same run: jusText cleaning alone {anchor:.0f} docs/CPU-s (first 1,000 documents)")


def quality(folds: int) -> None:
    """Every figure of the cleaner on the dev sets, in-sample and under site-grouped CV, with the
    anchors beside them and the dev pages' own import speed."""
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as tmp:
        results = evaluate(folds, False, Path(tmp))
        show(results)
        for name, anchors in SETS.items():
            wall, cpu, report = import_run(CORPUS / name / "raw", Path(tmp) / "speed")
            print(f"{name}: {report.summary()}; {len(list((CORPUS / name / 'raw').iterdir())) / cpu:.0f} docs/CPU-s")
            for anchor, f1, title in anchors:
                print(f"  anchor ({anchor}, RESULTS.md): F1 {f1:.3f}" + (f"  title norm {title:.3f}" if title is not None else ""))
            if name == "cleaning-dev":
                print(f"  anchor (trafilatura on the original HTML, its metadata scored by score.py): {TRAFILATURA_META}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--folds", type=int, default=5, help="folds of the site-grouped cross-validation")
    args = parser.parse_args()
    if not args.skip_quality:
        quality(args.folds)
    if not args.skip_speed:
        speed(args.docs, args.runs)


if __name__ == "__main__":
    main()
