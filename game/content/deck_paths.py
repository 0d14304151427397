"""Paths inside a deck folder (include, image): relative, not leaving the folder, not via symlinks, existing."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from .messages import Message, msg


def resolve_inside(folder: Path, rel: str) -> tuple[Path | None, "Message | None"]:
    """The real file that `rel` names inside `folder`, or (None, what is wrong and what is expected)."""
    if not rel.strip():
        return None, msg("path_empty")
    if "\x00" in rel:
        return None, msg("path_nul")
    posix = rel.replace("\\", "/")
    if posix.startswith("/") or PureWindowsPath(rel).drive or PurePosixPath(posix).is_absolute():
        return None, msg("path_absolute", path=rel)
    depth = 0
    for part in PurePosixPath(posix).parts:
        if part == "..":
            depth -= 1
            if depth < 0:
                return None, msg("path_leaves", path=rel)
        elif part != ".":
            depth += 1
    try:
        base = folder.resolve()
        target = (folder / posix).resolve()
    except (OSError, RuntimeError):
        return None, msg("path_loop", path=rel)
    if not target.is_relative_to(base):
        return None, msg("path_outside", path=rel)
    if not target.exists():
        return None, msg("path_missing", path=rel)
    if not target.is_file():
        return None, msg("path_not_file", path=rel)
    return target, None
