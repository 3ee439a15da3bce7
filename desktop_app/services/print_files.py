"""Saving a printed document into a folder without ever leaving half a file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from .errors import PrintFailed


def write_document(folder: Path, stem: str, data: bytes) -> Path:
    """Write ``folder/<stem>-<timestamp>.pdf`` under a temporary name, then rename it.

    Printed twice in the same second: both copies are kept. An OSError (no folder and none can
    be made, no access, disk full) becomes :class:`PrintFailed`, which says how to retry; the
    record that was printed is untouched.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    part: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{stem}-{stamp}.pdf"
        n = 2
        while target.exists():
            target = folder / f"{stem}-{stamp}-{n}.pdf"
            n += 1
        part = target.with_name(target.name + ".part")
        part.write_bytes(data)
        os.replace(part, target)
    except OSError as error:
        if part is not None:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
        raise PrintFailed(str(folder), os_error_reason(error)) from error
    return target


def os_error_reason(error: OSError) -> str:
    """Why a file could not be written, in the words the retry message needs."""
    if isinstance(error, FileExistsError | NotADirectoryError):
        return "a file has that name, not a folder"
    return error.strerror or str(error)
