"""Output files: created 0600, written atomically, and only ever deleted if this tool wrote them.

A folder the tool creates is 0700; a folder that already exists keeps its permissions (it may be the
current directory, /tmp or a shared folder — not ours to change). Each output folder carries a
manifest of the files the last run wrote there, so cleaning up stale reports never touches anything
else.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from scanner.errors import ConfigError

MANIFEST = ".exposure-manifest.json"


def _output_error(path: Path, exc: OSError) -> ConfigError:
    reason = exc.strerror or type(exc).__name__
    return ConfigError(
        f"cannot write {path}: {reason}", hint="choose another --out, or free space / fix permissions"
    )


def private_dir(path: Path) -> Path:
    """The folder, created 0700 if it does not exist; an existing one is used as it is."""
    if path.exists() and not path.is_dir():
        raise ConfigError(
            f"{path} is a file, not a folder", hint="give --out a folder (it is created if missing)"
        )
    if not path.exists():
        try:
            path.mkdir(parents=True, mode=0o700)
        except FileExistsError:
            pass
        except OSError as exc:
            raise _output_error(path, exc) from None
    return path


def write_private(path: Path, text: str | Iterable[str]) -> Path:
    """Write `text` (or its chunks) so that no other user can ever read the file, not even
    half-written."""
    private_dir(path.parent)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise ConfigError(
            f"{path} exists and is not a regular file", hint="remove it or choose another --out"
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _output_error(path, exc) from None
    try:
        # mkstemp already creates the file 0600.
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise _output_error(path, exc) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return path


def previous_outputs(folder: Path) -> list[Path]:
    """What the last run wrote into this folder, by its manifest: relative names only."""
    manifest = folder / MANIFEST
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else []
    except (OSError, ValueError):
        return []
    out = []
    for name in listed if isinstance(listed, list) else []:
        if not isinstance(name, str) or name.startswith("/") or ".." in Path(name).parts:
            continue
        out.append(folder / name)
    return out


def record_outputs(folder: Path, written: Iterable[Path]) -> None:
    """Remove what an earlier run wrote and this one did not (a fixed finding's old SEV file), then
    record what this run wrote. Files nobody listed are never touched."""
    current = {p.resolve() for p in written}
    root = folder.resolve()
    for old in previous_outputs(folder):
        try:
            info = old.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or old.resolve() in current:
            continue  # a symlink or folder put there since: not ours to delete
        if root not in old.resolve().parents:
            continue
        with contextlib.suppress(OSError):
            old.unlink()
    names = sorted(str(p.resolve().relative_to(root)) for p in written if root in p.resolve().parents)
    write_private(folder / MANIFEST, json.dumps(names, indent=1) + "\n")
