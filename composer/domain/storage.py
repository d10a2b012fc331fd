"""Crash-safe files: atomic writes, and corrupt files moved aside instead of lost."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` so that `path` holds either the old or the new content, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def atomic_write_json(path: Path, obj: object) -> None:
    data = json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    atomic_write_bytes(path, data + b"\n")


def move_aside(path: Path) -> Path:
    """Rename a damaged file to `name.corrupt-YYYYmmdd-HHMMSS` and return the new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    return target


class CorruptFile(Exception):
    """A store could not be read; it was moved aside to `moved_to`."""

    def __init__(self, path: Path, moved_to: Path, reason: str) -> None:
        super().__init__(f"{path.name} was damaged ({reason}); it was moved to {moved_to.name}")
        self.path = path
        self.moved_to = moved_to


def read_input(path: str | Path, error: type[Exception]) -> bytes:
    """The bytes of a file the user named, or `error` with a one-line reason."""
    name = str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise error(f"{name}: no such file") from None
    except IsADirectoryError:
        raise error(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise error(f"{name}: {exc.strerror or exc}") from None


def sweep_temp_files(path: Path, older_than: float = 10.0) -> None:
    """Remove temp files an interrupted atomic write of `path` left behind.

    Fresh ones are left alone: another instance (the CLI next to the app) may be writing.
    """
    cutoff = time.time() - older_than
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()


def read_json_store[T](path: Path,
                       parse: Callable[[Any], T]) -> tuple[T | None, CorruptFile | None]:
    """Read a JSON store: (value, None), (None, None) when absent, or (None, notice).

    A file that cannot be read or parsed is moved aside, never overwritten, and the
    notice says where it went.
    """
    sweep_temp_files(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        problem = exc.strerror or str(exc)
    else:
        try:
            return parse(json.loads(data.decode("utf-8"))), None
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            problem = str(exc) or type(exc).__name__
    try:
        moved = move_aside(path)
    except OSError:
        moved = path
    return None, CorruptFile(path, moved, problem)


_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def open_database(path: Path, schema: str, version: int
                  ) -> tuple[sqlite3.Connection, CorruptFile | None]:
    """Open (or create) a store; a damaged file is moved aside and an empty store opened."""
    try:
        return _open(path, schema, version), None
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) not in _CORRUPT_CODES:
            raise  # locked, read-only, disk full...: not the file's fault, keep it
        reason = str(exc)
    moved = move_aside(path)
    for suffix in ("-wal", "-shm", "-journal"):  # a stale journal must not replay into a new file
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(moved.with_name(moved.name + suffix))
    return _open(path, schema, version), CorruptFile(path, moved, reason)


def _open(path: Path, schema: str, version: int) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")  # a sent message survives power loss
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            err = sqlite3.DatabaseError(f"integrity check failed: {check}")
            err.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # type: ignore[attr-defined]
            raise err
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found == 0:
            with conn:
                conn.executescript(schema)
                conn.execute(f"PRAGMA user_version={version}")
        elif found > version:
            raise RuntimeError(f"{path.name} was written by a newer Seller Composer")
        return conn
    except BaseException:
        conn.close()
        raise
