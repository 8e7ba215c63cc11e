"""The tool's own errors: each carries a one-line message for the user and maps to exit code 2."""


class AuditError(Exception):
    """Bad usage or unreadable input. `str(error)` is the whole message shown to the user."""


class InputError(AuditError):
    """An input file cannot be read as an article (encoding, binary, empty, one language only, …)."""


class ReportError(AuditError):
    """The reports could not be written; the message says which were and which were not."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C (SIGINT) so that the same clean-up runs: temporaries removed, workers ended."""
