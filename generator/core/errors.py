"""Errors meant for people: one line that names the file and the problem."""

from pathlib import Path


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
        super().__init__(f"{len(errors)} error(s)")

    def __reduce__(self):
        return (BuildFailed, (self.errors,))
