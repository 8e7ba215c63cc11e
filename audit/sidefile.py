"""The files a run is given beside the articles (decisions sheets, earlier runs' JSON reports): read whole,
with a size bound, and every failure one line that names the file."""

from __future__ import annotations

from pathlib import Path

from audit.errors import AuditError


def read_side_file(path: Path, what: str, limit: int) -> bytes:
    """The bytes of `path`; `what` names the kind of file in messages ("decisions file", "audit.json")."""
    try:
        if path.stat().st_size > limit:
            raise AuditError(f"{path}: too large for {what} ({limit // 2**20} MB at most)")
        return path.read_bytes()
    except FileNotFoundError:
        raise AuditError(f"{path}: not found (expected {what})") from None
    except IsADirectoryError:
        raise AuditError(f"{path}: is a directory, not {what}") from None
    except OSError as error:
        raise AuditError(f"{path}: cannot read ({error.strerror})") from None
