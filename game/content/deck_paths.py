"""Paths inside a deck folder (include, image): relative, not leaving the folder, not via symlinks, existing."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath


def resolve_inside(folder: Path, rel: str) -> tuple[Path | None, str | None]:
    """The real file that `rel` names inside `folder`, or (None, what is wrong and what is expected)."""
    if not rel.strip():
        return None, "is empty; expected a file name inside the deck folder"
    if "\x00" in rel:
        return None, "holds a NUL character; expected a file name"
    posix = rel.replace("\\", "/")
    if posix.startswith("/") or PureWindowsPath(rel).drive or PurePosixPath(posix).is_absolute():
        return None, f"'{rel}' is an absolute path; write a path relative to the deck folder"
    depth = 0
    for part in PurePosixPath(posix).parts:
        if part == "..":
            depth -= 1
            if depth < 0:
                return None, f"'{rel}' leaves the deck folder (..); files must be inside the deck folder"
        elif part != ".":
            depth += 1
    try:
        base = folder.resolve()
        target = (folder / posix).resolve()
    except (OSError, RuntimeError):
        return None, f"'{rel}' cannot be followed (a symbolic link loop?); use a plain file inside the deck folder"
    if not target.is_relative_to(base):
        return None, f"'{rel}' points outside the deck folder (through a symbolic link); files must be inside it"
    if not target.exists():
        return None, f"'{rel}' does not exist in the deck folder"
    if not target.is_file():
        return None, f"'{rel}' is not a file"
    return target, None
