"""A first build's search index, made in a Python process of its own.

Forked from the build's main process, the search process kept every page the main process held
at the fork for as long as it ran (reading an object writes its reference count, and what the
main process frees or changes afterwards stays in the fork): at 100,000 articles about 400 MB,
at a million several GB. Started afresh, it holds only the index: it reads the articles pickled
in a file (search.pickled) and writes the search files' bytes to another (stage.Spool), whose
places it returns.

    python -m generator.search.background JOB

JOB is a pickled (function, arguments); the result, (True, value) or (False, exception), is
pickled to JOB + ".out".
"""

import gc
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import generator
from generator.core.parallel import keep_outcome, return_freed_memory


def start(func: Callable, args: tuple, folder: Path) -> Callable[[], object]:
    """func(*args) (a module-level function, picklable arguments) in a new process; the function
    returned waits for its result (and raises what func raised)."""
    job = folder / f"search-job-{os.getpid()}-{id(args)}.tmp"
    with open(job, "wb") as f:
        pickle.dump((func, args), f, pickle.HIGHEST_PROTOCOL)
    code = str(Path(generator.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [code, os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen([sys.executable, "-m", "generator.search.background", str(job)], env=env)

    def result():
        process.wait()
        out = Path(f"{job}.out")
        try:
            with open(out, "rb") as f:
                ok, value = pickle.load(f)  # nosec B301: written by the process this one started
        except (OSError, EOFError, pickle.UnpicklingError):
            ok, value = False, RuntimeError(f"the search process failed (exit status {process.returncode})")
        finally:
            for path in (job, out):
                try:
                    os.unlink(path)
                except OSError:
                    pass
        if not ok:
            raise value
        return value
    return result


def main(job: str) -> int:
    gc.disable()  # the index is millions of strings and no cycles: a collector would scan them again and again
    return_freed_memory()
    with open(job, "rb") as f:
        func, args = pickle.load(f)  # nosec B301: written by the build that started this process
    out = f"{job}.out"
    with open(f"{out}.part", "wb") as f:
        keep_outcome(lambda: func(*args), f)
    os.replace(f"{out}.part", out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
