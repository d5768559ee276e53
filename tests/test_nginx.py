"""The export served by a real nginx, configured with the snippet in docs/nginx.conf.

Debian's nginx package, run as Debian runs it: a root master and workers as www-data,
so the exported pages must be readable by another user than the one who wrote them.
"""

from __future__ import annotations

import gzip
import os
import pwd
import re
import shutil
import socket
import stat
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest

import explainer
from explainer.surfaces._export import export

from .browser import free_port

SNIPPET = Path(__file__).resolve().parents[1] / "docs" / "nginx.conf"
# The two values of the snippet a test (and a person) replaces.
LISTEN = "listen 8080;"
ROOT = "root /srv/explainer/site;"
# What each kind of file the export writes must be served as, and whether it is gzipped.
# A new kind of file fails here until docs/nginx.conf and this table say how to serve it.
TYPES = {".html": "text/html; charset=utf-8", ".pdf": "application/pdf"}
COMPRESSED = {".html"}
WORKER_USER = "www-data"  # Debian's nginx.conf: `user www-data;`
LINK = re.compile(r'(?:href="|"href": ")([^"#:]+\.html)[#"]')


def nginx_path() -> str | None:
    """nginx from the PATH or /usr/sbin (not on a normal user's PATH)."""
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    return found if Path(found).is_file() else None


def require_nginx() -> str:
    """The nginx path; skips locally without one, fails under CI."""
    path = nginx_path()
    if path is None:
        message = "no nginx found (install Debian's nginx)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; the nginx test must run in CI")
        pytest.skip(message)
    return path


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes


def get(url: str, headers: dict[str, str] | None = None) -> Answer:
    """One GET, with an HTTP error as an answer too (urllib never sends the fragment)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    # pytest's tmp folders are 0700: www-data could not reach a page in them. This parent
    # is opened to everyone; the export folder and its pages are left as written.
    parent = Path(tempfile.mkdtemp(prefix="explainer-nginx-", dir="/tmp"))
    try:
        parent.chmod(0o755)
        yield export(parent / "site", lang="en").parent
    finally:
        shutil.rmtree(parent)


def server_block(root: Path, port: int) -> str:
    """docs/nginx.conf with its placeholders replaced; fails if one is gone."""
    text = SNIPPET.read_text(encoding="utf-8")
    for placeholder in (LISTEN, ROOT):
        assert text.count(placeholder) == 1, f"docs/nginx.conf no longer has `{placeholder}`"
    return text.replace(LISTEN, f"listen 127.0.0.1:{port};").replace(ROOT, f"root {root};")


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """The site's base URL and nginx's master process id."""
    binary = require_nginx()
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (prefix / "explainer.conf").write_text(server_block(site, port), encoding="utf-8")
    # Debian's nginx.conf, less what a test cannot share (pid, logs, temp files, port 80).
    user = f"user {WORKER_USER};\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {kind}_temp_path {prefix / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"{user}worker_processes 1;\n"
        f"pid {prefix / 'nginx.pid'};\n"
        "error_log stderr notice;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        f"    access_log {prefix / 'access.log'};\n"
        f"{temp}"
        f"    include {prefix / 'explainer.conf'};\n"
        "}\n",
        encoding="utf-8",
    )
    command = [binary, "-e", "stderr", "-p", f"{prefix}/", "-c", str(conf)]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    # A warning (a duplicate MIME type, an ignored directive) means the snippet is wrong.
    assert not re.search(r"\[(warn|emerg|alert|crit|error)\]", check.stderr), check.stderr
    # Ready when it listens: browser.running() waits for a 200, which a page that
    # www-data cannot read never gives (the tests below then say 403 at once).
    with (prefix / "nginx.log").open("w+") as log:
        process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 30
            while not listening(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"nginx did not start ({process.poll()}):\n{log.read()}")
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}", process.pid
        finally:
            process.terminate()
            process.wait(timeout=30)


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_the_export_is_readable_by_other_users(site: Path) -> None:
    # nginx's workers (www-data) read what `explainer export` (root, a deploy user) wrote.
    def closed(path: Path) -> bool:
        needed = 0o005 if path.is_dir() else 0o004  # folders: read and enter; files: read
        return path.stat().st_mode & needed != needed

    found = [
        f"{path.relative_to(site.parent)}: {stat.filemode(path.stat().st_mode)}"
        for path in [site, *site.rglob("*")]
        if closed(path)
    ]
    assert not found, f"not readable by others (umask {current_umask():03o}): {found}"


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def proc_status(process: Path) -> str:
    """/proc/<pid>/status, or "" for a process that has just gone."""
    try:
        return (process / "status").read_text()
    except OSError:
        return ""


def test_the_workers_run_as_www_data(nginx: tuple[str, int]) -> None:
    if os.geteuid() != 0:
        pytest.skip("workers run as www-data only under a root master")
    _, master = nginx
    children = [
        status
        for status in map(proc_status, Path("/proc").glob("[0-9]*"))
        if re.search(rf"^PPid:\s+{master}$", status, re.M)
    ]
    assert children, "nginx started no worker"
    uid = pwd.getpwnam(WORKER_USER).pw_uid
    for status in children:
        real, effective = re.findall(r"^Uid:\s+(\d+)\s+(\d+)", status, re.M)[0]
        assert (int(real), int(effective)) == (uid, uid), status


def test_every_file_is_served_as_its_type(site: Path, nginx: tuple[str, int]) -> None:
    base, _ = nginx
    files = sorted(p for p in site.rglob("*") if p.is_file())
    assert {p.name for p in files} >= {"index.html", "sv.html", "data-and-sources.html"}
    for path in files:
        assert path.suffix in TYPES, f"no type for {path.name}: add it to docs/nginx.conf"
        url = f"{base}/{urllib.parse.quote(path.relative_to(site).as_posix())}"
        plain = get(url)
        assert plain.status == 200, (url, plain.status, stat.filemode(path.stat().st_mode))
        assert plain.headers["Content-Type"] == TYPES[path.suffix], url
        assert plain.headers["Content-Encoding"] is None, url
        assert plain.body == path.read_bytes(), url
        assert plain.headers["Cache-Control"] == "no-cache", url
        zipped = get(url, {"Accept-Encoding": "gzip"})
        assert zipped.status == 200, (url, zipped.status)
        assert zipped.headers["Content-Type"] == TYPES[path.suffix], url
        if path.suffix in COMPRESSED:
            assert zipped.headers["Content-Encoding"] == "gzip", url
            assert zipped.headers["Vary"] == "Accept-Encoding", url
            assert len(zipped.body) < len(plain.body) / 2, url
            assert gzip.decompress(zipped.body) == plain.body, url
        else:
            assert zipped.body == plain.body, url


def test_a_page_that_did_not_change_is_not_sent_again(nginx: tuple[str, int]) -> None:
    base, _ = nginx
    first = get(f"{base}/sv.html")
    assert first.status == 200, first.status
    again = get(f"{base}/sv.html", {"If-Modified-Since": first.headers["Last-Modified"]})
    assert (again.status, again.body) == (304, b"")


def test_the_story_s_addresses(
    site: Path, nginx: tuple[str, int], dataset: explainer.Dataset
) -> None:
    base, _ = nginx
    home = (site / "index.html").read_bytes()
    moment = urllib.parse.quote(dataset.events[-1].id)
    pages = {
        "/": home,
        "/index": home,
        "/sv": (site / "sv.html").read_bytes(),
        "/data-and-sources": (site / "data-and-sources.html").read_bytes(),
        # A moment, embedded: the fragment (front/address.js) stays in the browser.
        f"/sv.html#{moment}&embed": (site / "sv.html").read_bytes(),
        f"/sv#{moment}": (site / "sv.html").read_bytes(),
        # A query string someone's mail or chat program adds.
        "/?utm_source=newsletter": home,
        "/en?lang=sv": (site / "en.html").read_bytes(),
    }
    for address, body in pages.items():
        answer = get(base + address)
        assert answer.status == 200, (address, answer.status)
        assert answer.headers["Content-Type"] == TYPES[".html"], address
        assert answer.body == body, address
    for missing in ("/missing", "/missing.html", "/sv/", "/sv.html/", "/index.htm"):
        assert get(base + missing).status == 404, missing


def test_every_link_between_pages_resolves(site: Path, nginx: tuple[str, int]) -> None:
    # From a page's own address and from its shorter one (/sv links to data-and-sources.html).
    base, _ = nginx
    for page in site.glob("*.html"):
        links = set(LINK.findall(page.read_text(encoding="utf-8")))
        assert links, page.name
        for address in (f"{base}/{page.name}", f"{base}/{page.stem}"):
            for link in links:
                url = urllib.parse.urljoin(address, link)
                status = get(url).status
                assert status == 200, (page.name, address, link, status)
