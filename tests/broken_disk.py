"""A search index broken on disk the ways a bad day breaks one, for tests through HTTP.

File permissions do not stop root, whom tests often run as (CI containers do): root reads a
mode-000 file because it holds the capabilities that override permission checks.
`permissions_enforced()` drops those from this thread for its duration (a thread's
capabilities are its own; the permitted set keeps them, so they come back afterwards), which
makes chmod as real for the request under test as it is for a web server's own user.
"""

import ctypes
import os
import shutil
import stat
from contextlib import contextmanager
from pathlib import Path

_LINUX_CAPABILITY_VERSION_3 = 0x20080522
# CAP_DAC_OVERRIDE (read, write and search anything) and CAP_DAC_READ_SEARCH.
_OVERRIDES = (1 << 1) | (1 << 2)


class _Header(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Data(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _capabilities(change=None):
    libc = ctypes.CDLL(None, use_errno=True)
    header = _Header(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (_Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget failed")
    if change is not None:
        data[0].effective = change(data[0].effective)
        if libc.capset(ctypes.byref(header), data) != 0:
            raise OSError(ctypes.get_errno(), "capset failed")
    return data[0].effective


@contextmanager
def permissions_enforced():
    """File permissions apply to this thread, even when it runs as root."""
    if os.geteuid() != 0:
        yield
        return
    before = _capabilities()
    _capabilities(lambda effective: effective & ~_OVERRIDES)
    try:
        yield
    finally:
        _capabilities(lambda effective: before)


def _each(path):
    path = Path(path)
    yield path
    if path.is_dir():
        yield from path.rglob("*")


def make_read_only(path):
    """Take write permission from `path` and everything under it."""
    for item in sorted(_each(path), reverse=True):
        mode = stat.S_IMODE(item.stat().st_mode)
        item.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def make_unreadable(path):
    """chmod 000 `path` (a directory's contents stay as they are, out of reach)."""
    Path(path).chmod(0)


def make_usable(path):
    """Give `path` and everything under it back to its owner (directories 700, files 600)."""
    path = Path(path)
    path.chmod(0o700 if path.is_dir() else 0o600)
    for item in _each(path):
        item.chmod(0o700 if item.is_dir() else 0o600)


def corrupt_segments(path):
    """Overwrite every Whoosh segment and table-of-contents file under `path` with junk."""
    for item in _each(path):
        if item.is_file() and item.suffix in {".toc", ".seg", ".trm", ".pst", ".fdt", ".vps"}:
            item.write_bytes(b"\x00junk" * 64)


def replace_with_file(path):
    """Delete the directory at `path` and put a plain file there."""
    shutil.rmtree(path)
    Path(path).write_text("not an index")
