"""Both cores for the heavy stages: forked worker processes, each given one large slice of the work.

Forking (not spawning) lets workers inherit the parsed archive and the template environment, so
nothing but the slice indices and the results cross a process boundary.
"""

import ctypes
import gc
import multiprocessing
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Sequence

MIN_ITEMS = 400  # below this, starting workers costs more than it saves
# map_slices cuts the items into more slices than workers beyond this many items a slice, up to
# this many slices a worker: each parse slice writes a pack of bodies (core/bodies.py merges
# them past 16), so their number stays small.
SLICE_ITEMS = 100_000
MOST_SLICES_PER_WORKER = 4
# How far stream workers step back while background work runs. The background task (the search
# index) is one long job the build ends up waiting for; rendering is many short ones that can use
# whatever CPU is left. Equal shares made the index finish last, alone on one core (about 0.6 s
# of a 7 s build of 10,000 articles).
YIELD_TO_BACKGROUND = 10
AHEAD = 4  # chunks per worker made ahead of the caller
# A render worker is a fresh fork after this many chunks (see stream_chunks): at 100,000 articles
# its copy of the main process's heap stayed near 300 MB rather than growing to 420.
CHUNKS_PER_WORKER = 16
_work: tuple[Callable, Sequence] | None = None
_background: list = []  # the processes in_background started


def workers() -> int:
    """Worker processes to use: one per core (NEWSARCHIVE_WORKERS caps it); 1 where fork is missing."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), int(os.environ.get("NEWSARCHIVE_WORKERS", "64"))))


def _run_slice(bounds: tuple[int, int]) -> list:
    func, items = _work
    start, step = bounds
    return func(items[start::step])


def map_slices(func: Callable[[Sequence], list], items: Sequence) -> list:
    """func(slice) for slices of items on every core; the results come back in the order of items.

    func must return one result per item. Slices are strided (every n-th item), so costly and
    cheap items, which tend to come in runs, are shared evenly. A core takes one slice, or up to
    MOST_SLICES_PER_WORKER of them for many items: a worker holds one slice's results until
    they are sent (the parsed articles of 500,000 files were 1.7 GB per worker).
    """
    global _work
    count = min(workers(), len(items))
    if count <= 1 or len(items) < MIN_ITEMS:
        return func(items)
    step = count * min(MOST_SLICES_PER_WORKER, -(-len(items) // (count * SLICE_ITEMS)))
    _work = (func, items)
    try:
        with multiprocessing.get_context("fork").Pool(count, initializer=_collecting_worker) as pool:
            parts = pool.map(_run_slice, [(k, step) for k in range(step)], chunksize=1)
    finally:
        _work = None
    results = [None] * len(items)
    for k, part in enumerate(parts):
        results[k::step] = part
    return results


def _run_range(bounds: tuple[int, int]) -> list:
    func, items = _work
    start, stop = bounds
    return func(items[start:stop])


def stream_chunks(func: Callable[[Sequence], list], items: Sequence, chunk: int = 128):
    """Yield func(chunk) for consecutive chunks of items, computed ahead by one worker per core.

    For producer/consumer stages: the workers render while the caller, a single process, writes
    (on this kind of disk, two processes creating files contend and are slower than one). At most
    AHEAD chunks per worker wait for the caller: when writing is the slower side (a busy disk),
    results would otherwise pile up in the caller (hundreds of MB of pages at 100,000 articles).
    Each worker is replaced by a fresh fork after CHUNKS_PER_WORKER chunks: a worker copies every
    page of the inherited heap whose objects it touches (reference counts), and over a whole
    archive's pages that becomes most of the heap.
    """
    global _work
    bounds = [(i, min(i + chunk, len(items))) for i in range(0, len(items), chunk)]
    if workers() <= 1 or len(items) < MIN_ITEMS:
        for start, stop in bounds:
            yield func(items[start:stop])
        return
    _work = (func, items)
    try:
        initializer = _yielding_worker if any(child.is_alive() for child in _background) else _collecting_worker
        _trim()
        with multiprocessing.get_context("fork").Pool(workers(), initializer=initializer,
                                                      maxtasksperchild=CHUNKS_PER_WORKER) as pool:
            waiting = deque(pool.apply_async(_run_range, (b,)) for b in bounds[:AHEAD * workers()])
            for b in bounds[len(waiting):]:
                yield waiting.popleft().get()
                waiting.append(pool.apply_async(_run_range, (b,)))
            while waiting:
                yield waiting.popleft().get()
    finally:
        _work = None


def _collecting_worker() -> None:
    """Cycle collection on for what the worker makes, never for what it inherited: the parent's
    archive (articles, groupings, the related-articles index) is millions of long-lived objects
    that every full collection would scan again, in every worker."""
    gc.freeze()
    gc.enable()


def _yielding_worker() -> None:
    _collecting_worker()
    os.nice(YIELD_TO_BACKGROUND)


_M_MMAP_THRESHOLD = -3  # glibc's malloc.h


def _glibc(function: str, *args: int) -> None:
    """Call one of glibc's malloc functions; a no-op where the C library has none."""
    try:
        getattr(ctypes.CDLL(None), function)(*args)
    except (OSError, AttributeError):
        pass


def return_freed_memory() -> None:
    """Large blocks (arrays, long lists) mapped on their own, so that freeing one gives its memory
    back at once. glibc otherwise raises that size limit to the largest block freed so far (up to
    32 MB), and later arrays below it stay in the heap after they are freed: the search stage's
    arrays kept 200 MB more at 100,000 articles."""
    _glibc("mallopt", _M_MMAP_THRESHOLD, 1 << 20)


def _trim() -> None:
    """Give the system back the free pages of the heap before forking: workers would inherit them
    as part of the parent. The related-articles index, made and dropped before the pages render,
    left 100 MB of them at 100,000 articles. It takes milliseconds."""
    _glibc("malloc_trim", 0)


def keep_outcome(func: Callable[[], object], file) -> None:
    """func()'s outcome pickled to `file` for the process that waits for it: (True, its value), or
    (False, what it raised), which that process raises in turn."""
    try:
        result = (True, func())
    except BaseException as exc:
        result = (False, exc)
    try:
        pickle.dump(result, file, pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # an exception that does not pickle, or a full disk
        file.seek(0)
        file.truncate()
        pickle.dump((False, RuntimeError(f"the background worker's result was lost: {exc!r}")), file)


def in_background(func: Callable[[], object]) -> Callable[[], object]:
    """Start func() in a forked process, on the other core while this one goes on; the function
    returned waits for its result (and raises what func raised). Without fork or a second core,
    func simply runs when its result is asked for.

    A plain child process rather than a pool worker, so that func may itself use map_slices. The
    result comes back through an unnamed temporary file rather than a pipe: the child ends as soon
    as func returns, instead of waiting, with everything it made (the search index: a gigabyte at
    100,000 articles), until the caller reads a pipe at the end of the build.
    """
    if workers() <= 1:
        return func
    context = multiprocessing.get_context("fork")
    spool = tempfile.TemporaryFile()

    def run() -> None:
        _collecting_worker()
        return_freed_memory()
        keep_outcome(func, spool)
        spool.flush()

    child = context.Process(target=run)
    child.start()
    _background[:] = [c for c in _background if c.is_alive()] + [child]

    def result():
        child.join()
        try:
            if child.exitcode != 0:
                raise RuntimeError("the background worker died")
            spool.seek(0)
            # Written by the child this process forked, into a file no other process can name.
            ok, value = pickle.load(spool)  # nosec B301
        finally:
            spool.close()
        if not ok:
            raise value
        return value
    return result
