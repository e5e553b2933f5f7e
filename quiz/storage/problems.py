"""Why a file of the player's could not be written, in words a player understands.

An OSError says "[Errno 20] Not a directory: '/home/x/.local/share/heat-quiz/.scores.json.tmp'";
a player wants "/home/x/.local/share is a file, not a folder". `plain_reason` turns one into
the other; `SaveFailed` carries it to the screen that asked for the save.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


class SaveFailed(OSError):
    """A save did not reach the disk; `reason` says why in plain words, for the player.

    An OSError, so code that guards a save against the disk catches it as before.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name} could not be saved: {reason}")
        self.path = path
        self.reason = reason


def folder_problem(folder: Path) -> str | None:
    """Why files cannot be kept in `folder` (created if missing), or None if it looks usable."""
    # The first part of the path that exists must be a folder we may write in.
    for part in (folder, *folder.parents):
        try:
            exists = part.exists()
            is_dir = part.is_dir()
        except OSError:  # a name too long, a loop of links
            return f"{_short(folder)} cannot be used as a folder"
        if not exists:
            continue
        if not is_dir:
            return f"{_short(part)} is a file, not a folder"
        if not os.access(part, os.W_OK | os.X_OK):
            return f"the game may not write in {_short(part)}"
        return None
    return None


def plain_reason(error: OSError, folder: Path) -> str:
    """What went wrong writing in `folder`, without error numbers or temp-file names."""
    code = error.errno
    if code in (errno.ENOTDIR, errno.EEXIST):
        return folder_problem(folder) or f"{_short(folder)} is not a folder"
    if code in (errno.EACCES, errno.EPERM):
        return f"the game may not write in {_short(folder)}"
    if code == errno.EROFS:
        return f"{_short(folder)} is on a read-only disk"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if code == errno.ENAMETOOLONG:
        return "the path of the folder is too long"
    if code == errno.ENOENT:
        return f"{_short(folder)} could not be created"
    return (error.strerror or str(error) or "the disk refused the file").lower()


def _short(path: Path, limit: int = 80) -> str:
    # A 5,000-character path must not push the rest of the message off the screen.
    text = str(path)
    return text if len(text) <= limit else f"...{text[-(limit - 3):]}"
