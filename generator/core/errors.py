"""Errors meant for people: one line that names the file and the problem."""

import errno
import os
import sys
from pathlib import Path
from generator.core.plural import counted

# OS errors that every later write would meet too (the disk is full or gone read-only): a run
# stops at the first one rather than failing each file in turn.
DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG})


class SiteError(Exception):
    """A mistake in the user's site (content, config, templates), reported without a traceback."""

    def __init__(self, path: Path | str | None, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __reduce__(self):
        # Errors raised in worker processes travel back to the parent by pickling.
        return (SiteError, (self.path, self.message, self.line))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class BuildFailed(Exception):
    """A build that found one or more SiteErrors; the previous output is left as it was."""

    def __init__(self, errors: list[SiteError]):
        self.errors = errors
        super().__init__(counted(len(errors), "error"))

    def __reduce__(self):
        return (BuildFailed, (self.errors,))


# The kind of a message in colour (bold red, yellow, cyan), on a terminal only.
COLOURS = {"error": "1;31", "warning": "1;33", "note": "1;36"}


def say(kind: str, message: str, stream=None) -> None:
    """One line, `error: …`, `warning: …` or `note: …`, on stderr unless `stream` says otherwise."""
    stream = stream or sys.stderr
    print(f"{label(kind, stream)} {message}", file=stream, flush=True)


def label(kind: str, stream) -> str:
    """`kind:`, coloured when `stream` is a terminal, unless NO_COLOR is set (no-color.org) or TERM is dumb."""
    plain = f"{kind}:"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" or not stream.isatty():
        return plain
    return f"\033[{COLOURS[kind]}m{plain}\033[0m"


def note(message: str) -> None:
    """Tell the user, in one line, about something a run recovered from by itself."""
    say("note", message)


def os_error_text(error: OSError, root: Path | None = None) -> str:
    """'path: the OS's reason', the path shown from `root` when it lies inside it."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return reason
    path = Path(error.filename)
    if root is not None:
        try:
            path = path.absolute().relative_to(root.absolute())
        except ValueError:
            pass
    return f"{path}: {reason}"
