"""Errors a person can act on: each carries the exit status the command line ends with.

Every error the package raises on purpose derives from ``ExtractorError``; its message
is one line that names the file (or argument) and says what to do. ``cli.main`` turns
any of them into that line on stderr and the status, in one place.
"""

from __future__ import annotations

# Exit statuses of every command (documented in the README).
EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 1  # `run`: outputs written, but some inputs were not used (see errors.jsonl)
EXIT_USAGE = 2  # a bad argument (argparse uses 2 for its own errors too)
EXIT_FAILED = 3  # it could not be done: no model, a folder that is not a run, a damaged file
EXIT_BUSY = 4  # `run`: another run holds the output folder (see --wait)


class ExtractorError(Exception):
    """Base of every error meant for a person; ``exit_status`` is what the command returns."""

    exit_status = EXIT_FAILED


class UsageError(ExtractorError):
    """A bad argument: an unknown kind or format, a date that does not parse."""

    exit_status = EXIT_USAGE


class InputError(ExtractorError):
    """One input that cannot be used; ingestion turns it into an ``errors.jsonl`` record."""


class RunFolderError(ExtractorError):
    """A folder that is not a run's output, or a file in it that is damaged."""


class RunFolderBusyError(ExtractorError):
    """Another run is writing into the same output folder."""

    exit_status = EXIT_BUSY


class UnavailableError(ExtractorError):
    """Something the command needs is not installed or not reachable (a model, an extra, a cluster)."""
