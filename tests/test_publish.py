"""Export puts its pages in place as one unit, readable by a web server, and says in one
line why it could not."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from explainer.surfaces import _publish
from explainer.surfaces._publish import PublishError, replacing

from .conftest import TINY


def owned(path: Path) -> bool:
    return path.suffix == ".html"


def pages(folder: Path) -> dict[str, str]:
    """Every file of a page set, by name, as a hash."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def export_command(out: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "explainer", "export", "--project", str(TINY),
            "--out", str(out), *options]  # fmt: skip


def test_the_new_set_replaces_the_old_whole_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with replacing(out, owned) as staging:
        (staging / "index.html").write_text("one")
        (staging / "sv.html").write_text("ett")
    with replacing(out, owned) as staging:
        (staging / "index.html").write_text("two")
        assert pages(out) == {
            "index.html": pages(out)["index.html"],
            "sv.html": pages(out)["sv.html"],
        }
        assert (out / "index.html").read_text() == "one", "the old set stays until the end"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"], "a page no longer made goes"
    assert (out / "index.html").read_text() == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_pages_are_readable_by_a_web_server_whatever_the_umask(tmp_path: Path) -> None:
    before = os.umask(0o077)
    try:
        with replacing(tmp_path / "site", owned) as staging:
            (staging / "index.html").write_text("page")
    finally:
        os.umask(before)
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "site" / "index.html").stat().st_mode & 0o777 == 0o644


def test_a_failure_inside_keeps_the_old_set_and_leaves_no_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("old")
    with pytest.raises(RuntimeError), replacing(out, owned) as staging:
        (staging / "index.html").write_text("new")
        raise RuntimeError("a page could not be made")
    assert (out / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_killed_exports_folder_goes_at_the_next_export(tmp_path: Path) -> None:
    (tmp_path / ".site.partial-abc").mkdir()
    (tmp_path / ".site.partial-abc" / "index.html").write_text("half")
    (tmp_path / ".other").mkdir()  # not ours: kept
    with replacing(tmp_path / "site", owned) as staging:
        (staging / "index.html").write_text("whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other", "site"]


def test_a_symlinked_output_folder_keeps_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "site").symlink_to(real)
    with replacing(tmp_path / "site", owned) as staging:
        (staging / "index.html").write_text("page")
    assert (tmp_path / "site").is_symlink()
    assert (real / "index.html").read_text() == "page"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("a file"), "not a folder"),
        (lambda p: (p.mkdir(), (p / "notes.txt").write_text("mine")), "holds files an export"),
    ],
    ids=["a file", "a folder of other files"],
)
def test_it_replaces_only_an_export(tmp_path: Path, make: object, message: str) -> None:
    out = tmp_path / "out"
    make(out)  # type: ignore[operator]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(PublishError, match=message), replacing(out, owned):
        pytest.fail("nothing may be written")
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_one_exchange_is_the_only_step_that_changes_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("old")
    (out / "sv.html").write_text("gammal")
    old = pages(out)
    seen: list[dict[str, str]] = []
    exchange = _publish._exchange

    def watched(first: Path, second: Path) -> bool:
        seen.append(pages(second))
        done = exchange(first, second)
        seen.append(pages(second))
        return done

    monkeypatch.setattr(_publish, "_exchange", watched)
    with replacing(out, owned) as staging:
        (staging / "index.html").write_text("new")
        (staging / "sv.html").write_text("ny")
    new = pages(out)
    assert seen == [old, new], "all old until the exchange, all new after it"


def test_without_an_atomic_exchange_the_set_is_still_never_mixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another OS or file system: renamed aside and in, never file by file.
    monkeypatch.setattr(_publish, "_exchange", lambda first, second: False)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("old")
    (out / "sv.html").write_text("gammal")
    with replacing(out, owned) as staging:
        (staging / "index.html").write_text("new")
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# -- the command, on real failures -------------------------------------------------


def test_out_naming_a_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.write_text("not a folder")
    result = subprocess.run(export_command(out), capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"explainer: {out}: not a folder (--out names a file); nothing was exported."
    ]
    assert out.read_text() == "not a folder"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system of its own (root may mount one; CI runs as root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_the_old_pages_stay(small_disk: Path) -> None:
    out = small_disk / "site"
    out.mkdir()
    (out / "index.html").write_text("old")
    result = subprocess.run(export_command(out), capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"explainer: could not write {small_disk}/") and "No space left" in line
    assert pages(out) == {"index.html": hashlib.sha256(b"old").hexdigest()}
    assert sorted(p.name for p in small_disk.iterdir()) == ["site"]


def test_a_read_only_folder_is_one_line(small_disk: Path) -> None:
    (small_disk / "site").mkdir()
    (small_disk / "site" / "index.html").write_text("old")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = subprocess.run(
        export_command(small_disk / "site"), capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "could not write" in line and "Read-only file system" in line
    assert (small_disk / "site" / "index.html").read_text() == "old"


def test_a_kill_at_any_moment_leaves_the_whole_old_set_or_the_whole_new(tmp_path: Path) -> None:
    out = tmp_path / "site"
    subprocess.run(export_command(out, "--lang", "sv"), check=True, capture_output=True)
    old = pages(out)
    started = time.monotonic()
    subprocess.run(export_command(tmp_path / "probe", "--lang", "en"), check=True,
                   capture_output=True)  # fmt: skip
    whole = time.monotonic() - started
    new = pages(tmp_path / "probe")
    assert old != new
    for fraction in (0.3, 0.5, 0.65, 0.75, 0.85, 0.9, 0.95, 0.98):
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        process = subprocess.Popen(export_command(out, "--lang", "en"), **quiet)  # type: ignore[call-overload]
        time.sleep(whole * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert pages(out) in (old, new), f"killed at {fraction:.0%} of an export"
    subprocess.run(export_command(out, "--lang", "en"), check=True, capture_output=True)
    assert pages(out) == new
    assert sorted(p.name for p in tmp_path.iterdir()) == ["probe", "site"], "no staging folder"
