"""Paths inside a deck folder (include, image): relative, not leaving the folder, not via symlinks, existing."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from .messages import Message, msg


def resolve_inside(folder: Path, rel: str) -> Path | Message:
    """The real file that `rel` names inside `folder`, or what is wrong and what is expected."""
    if not rel.strip():
        return msg("path_empty")
    if "\x00" in rel:
        return msg("path_nul")
    posix = rel.replace("\\", "/")
    if posix.startswith("/") or PureWindowsPath(rel).drive or PurePosixPath(posix).is_absolute():
        return msg("path_absolute", path=rel)
    depth = 0
    for part in PurePosixPath(posix).parts:
        if part == "..":
            depth -= 1
            if depth < 0:
                return msg("path_leaves", path=rel)
        elif part != ".":
            depth += 1
    try:
        base = folder.resolve()
        target = (folder / posix).resolve()
    except (OSError, RuntimeError):
        return msg("path_loop", path=rel)
    if not target.is_relative_to(base):
        return msg("path_outside", path=rel)
    if not target.exists():
        return msg("path_missing", path=rel)
    if not target.is_file():
        return msg("path_not_file", path=rel)
    return target
