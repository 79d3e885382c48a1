"""Exit codes and the one exception root that carries them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # findings at or above the --fail-on threshold
    USAGE = 2  # bad command line, config, rule pack, grants file or source
    PARTIAL = 3  # something could not be scanned: results are incomplete, never "clean"


class ExposureError(Exception):
    """Root of every error the CLI turns into a one-line message and an exit code."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        # one line each, whatever a quoted name or statement in them holds
        message = _one_line(message)
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.hint = _one_line(hint) if hint is not None else None

    @property
    def location(self) -> str | None:
        if self.file is None:
            return None
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


class ConfigError(ExposureError):
    """The configuration file or command-line options are invalid."""


class RulePackError(ExposureError):
    """A classifier or exposure rule pack does not validate."""


class GrantsError(ExposureError):
    """A grants source cannot be read or parsed."""


class SourceError(ExposureError):
    """The warehouse source URL is unknown or the warehouse cannot be opened."""


class SourceUnavailable(SourceError):
    """A correctly configured warehouse did not answer: coverage is partial, not a usage error."""

    exit_code = ExitCode.PARTIAL


def did_you_mean(word: str, options: Iterable[str], template: str = "did you mean '{}'?") -> str | None:
    """A one-line hint naming the closest known option, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(options), n=1)
    return template.format(close[0]) if close else None
