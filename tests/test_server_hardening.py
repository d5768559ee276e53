"""`explainer serve` under attack and under load: kernels come back, only this machine's
own addresses are served, no query picks another template, and a busy server sends
viewers to the published pages."""

from __future__ import annotations

import http.server
import json
import re
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import psutil
import pytest
from playwright.sync_api import Page

from .browser import (
    ARTIFACTS,
    LIVE,
    OfflinePage,
    axe_violations,
    free_port,
    require_chromium,
    running,
)
from .view_checks import READY

pytestmark = pytest.mark.browser
POOL = 6  # 2 preheated kernels for each of the 3 notebooks
CULL_SECONDS = 20  # long enough for a slow page to connect on a busy machine


@dataclass
class Server:
    url: str
    process: psutil.Process

    def kernels(self) -> int:
        count = 0
        for child in self.process.children(recursive=True):
            try:
                count += "ipykernel_launcher" in " ".join(child.cmdline())
            except psutil.Error:  # gone (or a zombie) while we looked: not running
                continue
        return count

    def wait_for_kernels(self, count: int, seconds: float = 90, steady: float = 12) -> int:
        """The number of kernels once it has held at ``count`` for ``steady`` seconds.

        A passing moment does not do: kernels are culled one cull tick at a time
        (every 5 s here) while the pool refills, so the count can touch ``count``
        between a cull and a refill with a page's kernel still running.
        """
        deadline = time.monotonic() + seconds
        held_since = None
        while time.monotonic() < deadline:
            now = time.monotonic()
            if self.kernels() != count:
                held_since = None
            elif held_since is None:
                held_since = now
            elif now - held_since >= steady:
                break
            time.sleep(1)
        return self.kernels()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    require_chromium()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "explainer", "serve", "--no-browser", f"--port={port}",
               "--max-viewers=2", f"--cull-idle={CULL_SECONDS}"]  # fmt: skip
    markers = tuple(
        f"Kernel pool of {nb} is filled"
        for nb in ("explainer-en.ipynb", "explainer-sv.ipynb", "data-and-sources.ipynb")
    )
    with running(
        command, f"{url}/explainer/static/vendor/plotly-basic.min.js", 300, markers
    ) as proc:
        server = Server(url, psutil.Process(proc.pid))
        assert server.wait_for_kernels(POOL) == POOL
        time.sleep(15)  # the preheated kernels run their notebooks
        yield server


def status(url: str, host: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def answer(url: str, headers: dict[str, str]) -> tuple[int, str]:
    """Status and ``Location`` of one GET, redirects not followed."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=60) as response:
            return int(response.status), response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return int(error.code), error.headers.get("Location", "")


# What browsers send (Fetch Metadata) for requests that are not a reader opening a page.
IMAGE = {"Sec-Fetch-Dest": "image", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Site": "cross-site"}
NOT_A_READERS_PAGE = {
    "curl": {},
    "img from another site": IMAGE,
    "img on this site": {**IMAGE, "Sec-Fetch-Site": "same-origin"},
    "prefetch": {"Sec-Purpose": "prefetch", "Sec-Fetch-Dest": "document",
                 "Sec-Fetch-Site": "same-origin"},
    "another site's script navigates": {"Sec-Fetch-Dest": "document", "Sec-Fetch-Mode":
                                        "navigate", "Sec-Fetch-Site": "cross-site"},
    "frame on another site": {"Sec-Fetch-Dest": "iframe", "Sec-Fetch-Site": "cross-site"},
    "fetch from another site": {"Sec-Fetch-Dest": "empty", "Sec-Fetch-Site": "cross-site"},
}  # fmt: skip
TYPED = {"Sec-Fetch-Dest": "document", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Site": "none",
         "Sec-Fetch-User": "?1"}  # fmt: skip


@pytest.mark.parametrize("kind", NOT_A_READERS_PAGE)
@pytest.mark.parametrize(
    ("path", "page"),
    [("/", "index.html"), ("/explainer-sv.ipynb", "sv.html"),
     ("/data-and-sources.ipynb", "data-and-sources.html")],
)  # fmt: skip
def test_what_is_not_a_readers_page_gets_the_published_page_and_no_kernel(
    server: Server, kind: str, path: str, page: str
) -> None:
    code, location = answer(server.url + path, NOT_A_READERS_PAGE[kind])
    assert (code, location) == (303, f"/published/{page}")
    assert server.kernels() == POOL


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example", "192.168.1.10"]
)
@pytest.mark.parametrize("path", ["/", "/explainer-sv.ipynb", "/published/"])
def test_a_rebinding_page_gets_nothing(server: Server, host: str, path: str) -> None:
    assert status(server.url + path, host) == 403
    assert server.kernels() == POOL, "no kernel was started for it"


def test_the_machines_own_names_are_served(server: Server) -> None:
    port = server.url.rsplit(":", 1)[1]
    assert status(server.url + "/published/", f"localhost:{port}") == 200
    assert status(server.url + "/published/", f"127.0.0.1:{port}") == 200


@pytest.mark.parametrize(
    "query",
    ["?template=lab", "?template=../../../../etc", "?theme=dark", "?voila-template=x", "?x=1"],
)
def test_no_query_picks_a_template_or_starts_a_kernel(server: Server, query: str) -> None:
    assert status(server.url + "/" + query) == 400
    assert server.kernels() == POOL


def open_story(offline_page: Callable[..., OfflinePage], url: str) -> Page:
    page = offline_page().page
    page.goto(url)
    page.wait_for_selector(READY, timeout=120_000)
    return page


def close_like_a_tab(page: Page) -> None:
    page.close(run_before_unload=True)  # Voilà's page sends its shutdown beacon
    time.sleep(2)


def test_reloading_and_closing_give_every_kernel_back(
    offline_page: Callable[..., OfflinePage], server: Server
) -> None:
    page = open_story(offline_page, server.url + "/")
    for _ in range(5):
        page.reload()
        page.wait_for_selector(READY, timeout=120_000)
        time.sleep(8)  # the pool refills before the next reload, as a presenter's would
    close_like_a_tab(page)
    assert server.wait_for_kernels(POOL, 60) == POOL


def test_kernels_whose_page_never_connects_stop_counting_within_seconds(
    server: Server,
) -> None:
    # Readers' requests (as a browser sends them) whose pages never run: they fill the
    # cap (2 here) at once, but after UNCONNECTED_SECONDS (15) they no longer count and
    # the next reader gets a live page. They are shut down later (by the idle cull here,
    # RELEASE_UNCONNECTED_SECONDS by default), so a page that was only slow still works.
    assert answer(server.url + "/", TYPED)[0] == 200
    assert answer(server.url + "/explainer-sv.ipynb", TYPED)[0] == 200
    assert answer(server.url + "/", TYPED)[0] == 503
    time.sleep(20)
    assert answer(server.url + "/", TYPED)[0] == 200
    assert server.wait_for_kernels(POOL, 120) == POOL


def test_images_on_another_site_then_a_reader_gets_the_live_page(
    offline_page: Callable[..., OfflinePage], server: Server
) -> None:
    # The review's attack: a page elsewhere with <img> tags pointing at the presenter.
    attacker = offline_page().page
    images = "".join(f'<img src="{server.url}{p}" alt="">' for p in
                     ["/", "/explainer-sv.ipynb", "/", "/data-and-sources.ipynb"] * 5)  # fmt: skip
    # Another site on this machine: localhost is another site than 127.0.0.1, and a
    # browser lets a loopback page reach loopback addresses (not a page on the internet).
    body = f"<!doctype html><title>elsewhere</title>{images}".encode()

    class Elsewhere(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    sent_on: set[str] = set()  # what reached the server and was sent to /published/
    attacker.on("response", lambda r: sent_on.add(r.url) if r.status == 303 else None)
    site = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Elsewhere)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        attacker.goto(f"http://localhost:{site.server_address[1]}/")
        attacker.wait_for_load_state("networkidle")
    finally:
        site.shutdown()
    # The images reached the server (the browser did not stop them): each was sent on.
    assert sent_on == {
        server.url + p for p in ("/", "/explainer-sv.ipynb", "/data-and-sources.ipynb")
    }
    assert server.kernels() == POOL
    viewer = open_story(offline_page, server.url + "/")
    viewer.wait_for_function(LIVE, timeout=120_000)
    assert viewer.locator(".xpl-linked").count() == 1
    close_like_a_tab(viewer)
    assert server.wait_for_kernels(POOL, 60) == POOL


def test_past_the_cap_a_viewer_is_sent_to_the_published_page(
    offline_page: Callable[..., OfflinePage], server: Server
) -> None:
    first = open_story(offline_page, server.url + "/")
    second = open_story(offline_page, server.url + "/explainer-sv.ipynb")
    busy = offline_page()
    # The busy page answers 503 (with Retry-After), which a browser logs as an error.
    busy.allowed = ("503 (Service Unavailable)",)
    third = busy.page
    response = third.goto(server.url + "/explainer-sv.ipynb")
    assert response is not None and response.status == 503
    assert third.evaluate("document.documentElement.lang") == "sv"
    assert "upptagen" in (third.locator("h1").text_content() or "")
    assert axe_violations(third) == []
    ARTIFACTS.mkdir(exist_ok=True)
    third.screenshot(path=str(ARTIFACTS / "voila-busy-sv.png"))
    third.get_by_role("link").click()
    third.wait_for_selector(READY)
    assert "/published/" in third.url
    for page in (first, second):
        close_like_a_tab(page)
    assert server.wait_for_kernels(POOL, 60) == POOL


SEND = """async ([kernelId, commId, messages]) => {
  const ws = new WebSocket(`ws://${location.host}/api/kernels/${kernelId}/channels`);
  await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = fail; });
  const seen = [];
  ws.onmessage = (event) => seen.push(JSON.parse(event.data));
  for (const data of messages) {
    ws.send(JSON.stringify({
      header: {msg_id: crypto.randomUUID(), username: "test", session: crypto.randomUUID(),
               msg_type: "comm_msg", version: "5.3", date: new Date().toISOString()},
      parent_header: {}, metadata: {}, content: {comm_id: commId, data}, channel: "shell",
      buffers: []}));
  }
  await new Promise((ok) => setTimeout(ok, 3000));
  ws.close();
  return seen.filter((m) => ["stream", "error"].includes(m.header.msg_type))
    .map((m) => JSON.stringify(m.content));
}"""


def test_malformed_widget_messages_send_no_traceback_to_the_page(
    offline_page: Callable[..., OfflinePage], server: Server
) -> None:
    page = offline_page().page
    response = page.goto(server.url + "/")
    assert response is not None
    html = response.text()  # as served: the view's island names the widget's model
    page.wait_for_selector(READY, timeout=120_000)
    config = html.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>")[0]
    kernel_id = json.loads(config)["kernelId"]
    model_id = re.search(r'"key":\s*"([\w-]+)"', html).group(1)  # type: ignore[union-attr]
    messages = [
        {"method": "update", "state": ["not", "a", "mapping"]},
        {"method": "update", "state": {"selected": 7, "spec": {}}},
        {"method": "update", "state": {"selected": "x"}, "buffer_paths": [["selected"]]},
        {"method": "custom", "content": {"x": 1}},
        {"method": "nonsense"},
        None,
        "text",
    ]
    streams = page.evaluate(SEND, [kernel_id, model_id, messages])
    text = "\n".join(streams)
    assert "Traceback" not in text and ".py" not in text and "/" not in text.replace(" / ", "")
    close_like_a_tab(page)
