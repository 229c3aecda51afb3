"""Files the workplace keeps beside the clone, in ../shared/ (the seed programme, the Popolo
schemas): found whether the clone is reached through a symbolic link or not, or where
BBWIKI_SHARED_DIR says."""

import os
from pathlib import Path

from django.conf import settings


def shared_dirs():
    """Where ../shared/ may be, most specific first."""
    candidates = [os.environ.get("BBWIKI_SHARED_DIR")]
    for base in (os.environ.get("PWD"), os.getcwd(), settings.BASE_DIR):
        if base:
            candidates.append(Path(base).parent / "shared")
    return [Path(c) for c in candidates if c]


def shared_file(*parts):
    """The path of ../shared/<parts>, or None when no candidate directory has it."""
    for directory in shared_dirs():
        path = directory.joinpath(*parts)
        if path.is_file():
            return path
    return None


def not_found_reason(*parts):
    where = ", ".join(str(d) for d in shared_dirs())
    return f"{'/'.join(parts)} is not in any of: {where} (set BBWIKI_SHARED_DIR)"
