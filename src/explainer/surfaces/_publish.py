"""Put a set of pages in place as one unit: all the old pages, or all the new.

The new set is written in a folder beside the output folder (same file system) and
swapped with it in one system call (Linux ``renameat2(RENAME_EXCHANGE)``): a reader,
a web server or a kill at any moment sees the whole old set or the whole new set.
Where the exchange is not available (another OS or file system), the old folder is
renamed aside and the new one renamed in: two calls, with a moment between them when
the folder is missing (never a mix). A kill leaves a hidden ``.<name>.partial-*``
folder beside the output; the next export removes it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class PublishError(RuntimeError):
    """The pages could not be written where they were asked for (one line: path, cause)."""


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _target(out: Path, owned: Callable[[Path], bool]) -> Path:
    """The folder to replace: ``out`` itself, or the folder a symlink ``out`` names.

    Only a folder holding nothing but what an export writes is replaced: ``--out ~``
    must not take a home folder with it.
    """
    if out.is_symlink():
        out = out.resolve()
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out}: not a folder (--out names a file)")
    if out.is_dir():
        others = sorted(p.name for p in out.iterdir() if not owned(p))
        if others:
            shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
            raise PublishError(
                f"{out}: holds files an export did not write ({shown}); "
                "choose a new or empty folder"
            )
    return out


def _litter(target: Path) -> list[Path]:
    return list(target.parent.glob(f".{target.name}.partial-*"))


def make_readable(folder: Path) -> None:
    """Folders 0755 and files 0644, whatever the umask: a web server reads them."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        mode = path.lstat().st_mode
        if stat.S_ISDIR(mode):
            path.chmod(0o755)
        elif stat.S_ISREG(mode):
            path.chmod(0o644)


def _swap_in(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
    elif not _exchange(staging, target):
        aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
        os.rename(target, aside / "old")
        os.rename(staging, target)
        staging.mkdir()
        os.rename(aside, staging / "aside")
    # staging now holds the old set (if any): it goes with the staging folder.


@contextlib.contextmanager
def replacing(out: str | os.PathLike[str], owned: Callable[[Path], bool]) -> Iterator[Path]:
    """A new, empty folder to write the pages in; swapped in for ``out`` on success.

    ``owned`` tells the files a previous export wrote; a folder holding anything else
    is not replaced.

    Nothing of ``out`` changes until the block ends without an error; then the new
    folder (made readable by all) takes its place in one step and the old pages are
    removed. An OS error (a full disk, a read-only folder) becomes a one-line
    :class:`PublishError`.

    Raises
    ------
    PublishError
        If ``out`` names a file or a folder of other files, or the file system refused.

    """
    target = _target(Path(out), owned)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for litter in _litter(target):  # a killed export's
            shutil.rmtree(litter, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    except OSError as error:
        raise PublishError(_one_line(error, target)) from None
    try:
        yield staging
        make_readable(staging)
        _swap_in(staging, target)
    except OSError as error:
        raise PublishError(_one_line(error, target)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _one_line(error: OSError, target: Path) -> str:
    where = error.filename or target
    return f"could not write {where}: {error.strerror or error}"
