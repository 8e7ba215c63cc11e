"""Write reports so that readers see either the old ones or the complete new ones, never half of one, nor a
set of some new and some old reports.

Every file of a set is first written in full to a temporary beside its final name (same folder, so the
rename is atomic); only when all are complete are they renamed into place, one after the other, with SIGINT
and SIGTERM held off until the last rename, so that an interrupt lands before the set is replaced or after.
A failure or an interrupt while writing removes the temporaries and leaves the old reports as they were.
"""

from __future__ import annotations

import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Mapping

from audit.errors import ReportError

_HELD = {signal.SIGINT, signal.SIGTERM}


def write_atomic(path: Path, data: bytes) -> None:
    """One file, atomically (a baseline, glossary candidates)."""
    _make_folder(path.parent)
    try:
        temporary = _temporary(path.parent, path.name, data)
        try:
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except OSError as error:
        raise ReportError(f"{path}: cannot write ({_reason(error)}); the previous file is unchanged") from None


Writer = Callable[[BinaryIO], None]


def write_set(folder: Path, files: Mapping[str, bytes | Writer], done: list[Path] | None = None) -> list[Path]:
    """Write every file into `folder`, or none. A file's content may be a function that writes it into the open
    temporary, called when its turn comes (so that a report streams to disk, never whole in memory). `done`
    (when given) gets each path as it is replaced, so that a caller interrupted later still knows what was
    written. Raises ReportError saying what was written."""
    done = [] if done is None else done
    _make_folder(folder)
    temporaries: dict[str, str] = {}
    try:
        try:
            for name, data in files.items():
                temporaries[name] = _temporary(folder, name, data)
        except OSError as error:
            raise ReportError(f"{folder}: cannot write the reports ({_reason(error)}): none written, "
                              "the previous reports are unchanged") from None
        with _signals_held():
            for name, temporary in temporaries.items():
                try:
                    os.replace(temporary, folder / name)
                except OSError as error:
                    raise ReportError(_partial(folder, name, error, done, list(files))) from None
                done.append(folder / name)
    finally:
        for temporary in temporaries.values():
            Path(temporary).unlink(missing_ok=True)
    return done


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ReportError(f"{folder}: exists and is not a folder: nothing written") from None
    except OSError as error:
        raise ReportError(f"{folder}: cannot create this folder ({_reason(error)}): nothing written") from None
    if not folder.is_dir():
        raise ReportError(f"{folder}: exists and is not a folder: nothing written")


def _temporary(folder: Path, name: str, data: bytes | Writer) -> str:
    """A complete copy of `data` (or what the writer writes) in a new file beside `folder / name`, flushed to
    disk; its path."""
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600 files; a report is for others to read
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def _partial(folder: Path, failed: str, error: OSError, done: list[Path], names: list[str]) -> str:
    """A rename failed after others succeeded (another process holds the name, say): say exactly which."""
    written = ", ".join(path.name for path in done) or "none"
    missing = ", ".join(names[len(done):])
    return f"{folder / failed}: cannot replace ({_reason(error)}): written: {written}; not written: {missing}"


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (they are delivered at the end) while the block runs.

    The Python handlers are swapped for ones that only note the signal: a process-directed signal may be taken by
    any thread whose mask allows it, so masking this thread alone would not hold it off. Off the main thread (where
    handlers cannot be set) the thread's mask is the best there is."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        block = getattr(signal, "pthread_sigmask", None)
        previous_mask = block(signal.SIG_BLOCK, _HELD) if block else None
        try:
            yield
        finally:
            if block:
                block(signal.SIG_SETMASK, previous_mask)
        return
    arrived: list[int] = []
    previous = {number: signal.signal(number, lambda received, _frame: arrived.append(received)) for number in _HELD}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(arrived):
            signal.raise_signal(number)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
