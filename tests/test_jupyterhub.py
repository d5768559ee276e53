"""JupyterHub on one machine (deploy/jupyterhub): two users, each on the story's dashboard.

The hub of ``deploy/jupyterhub/jupyterhub_config.py`` is started on free loopback ports
with its state in a temporary folder; ``alice`` and ``bob`` log in, each gets a server of
their own, and its default page is the story rendered by Voilà with the explainer
template. It needs JupyterHub (``pip install '.[hub]'``) and configurable-http-proxy
(``npm ci --prefix deploy/jupyterhub``): skipped without them, except in CI.
"""

from __future__ import annotations

import contextlib
import html
import http.cookiejar
import importlib.util
import json
import os
import re
import secrets
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

import explainer

from .browser import LIVE, OfflinePage, free_port, running
from .view_checks import READY

ROOT = Path(__file__).resolve().parents[1]
HUB = ROOT / "deploy" / "jupyterhub"
CONFIG = HUB / "jupyterhub_config.py"
USERS = ("alice", "bob")
PASSWORD = "demo-" + secrets.token_hex(8)
STORY = explainer.load_project(ROOT)
LANG = STORY.manifest.codes[0]
HOME = STORY.manifest.home(LANG)
# A <link> or <script> that would load something from another machine.
REMOTE = re.compile(r"<(?:link|script)\b[^>]*\b(?:href|src)=[\"']?(?:https?:)?//", re.I)


def proxy_command() -> str | None:
    """configurable-http-proxy, as the hub's configuration finds it."""
    local = HUB / "node_modules" / ".bin" / "configurable-http-proxy"
    return str(local) if local.exists() else shutil.which("configurable-http-proxy")


def require_hub() -> None:
    """Skip without JupyterHub or its proxy; fail under CI, where the hub must run."""
    missing = []
    if importlib.util.find_spec("jupyterhub") is None:
        missing.append("jupyterhub (pip install '.[hub]')")
    if proxy_command() is None:
        missing.append("configurable-http-proxy (npm ci --prefix deploy/jupyterhub)")
    if missing:
        message = "not installed: " + ", ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; the JupyterHub deployment must be tested in CI")
        pytest.skip(message)


def distinct_ports(count: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < count:
        ports.add(free_port())
    return sorted(ports)


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hub's address; when the module ends, the hub and every server it started stop."""
    require_hub()
    state = tmp_path_factory.mktemp("jupyterhub")
    port, hub_port, api_port = distinct_ports(3)
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "jupyterhub", "-f", str(CONFIG),
        f"--JupyterHub.bind_url={url}",
        f"--JupyterHub.hub_port={hub_port}",
        f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{api_port}",
        f"--JupyterHub.db_url=sqlite:///{state}/jupyterhub.sqlite",
        f"--JupyterHub.cookie_secret_file={state}/jupyterhub_cookie_secret",
        f"--ConfigurableHTTPProxy.pid_file={state}/jupyterhub-proxy.pid",
        f"--SimpleLocalProcessSpawner.home_dir_template={state}/home/{{username}}",
    ]  # fmt: skip
    env = {"EXPLAINER_HUB_PASSWORD": PASSWORD, "EXPLAINER_HUB_USERS": ",".join(USERS)}
    started: list[psutil.Process] = []
    # Ready when the hub answers through its proxy.
    with running(command, f"{url}/hub/health", 120, ("JupyterHub is now running",), env) as p:
        try:
            yield url
        finally:
            # The proxy, the users' servers and their kernels: all must stop with the hub.
            with contextlib.suppress(psutil.NoSuchProcess):
                started = psutil.Process(p.pid).children(recursive=True)
    _, alive = psutil.wait_procs(started, timeout=30)
    for process in alive:
        process.kill()
    assert alive == [], f"still running after the hub stopped: {alive}"


class User:
    """A person at a browser without JavaScript: a cookie jar that follows redirects."""

    def __init__(self, hub: str, name: str) -> None:
        self.hub, self.name = hub, name
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, timeout: float = 60) -> tuple[str, str]:
        """The final address and the page, after the redirects."""
        with self.opener.open(self.hub + path, timeout=timeout) as response:
            return response.geturl(), response.read().decode()

    def log_in(self) -> None:
        _, page = self.get("/hub/login")
        match = re.search(r'name="_xsrf" value="([^"]+)"', page)
        assert match, "the login page has no _xsrf field"
        form = {"username": self.name, "password": PASSWORD, "_xsrf": html.unescape(match[1])}
        data = urllib.parse.urlencode(form).encode()
        # The hub then starts the user's server and shows its pending page.
        with self.opener.open(self.hub + "/hub/login", data, timeout=60) as response:
            assert "/hub/login" not in response.geturl(), "the login was refused"

    def dashboard(self, seconds: float = 150) -> tuple[str, str]:
        """The user's default page, once their server has started."""
        deadline = time.monotonic() + seconds
        while True:
            # While the server starts, the hub answers with its pending page.
            address, page = self.get(f"/user/{self.name}/", timeout=seconds)
            if f"/user/{self.name}/" in address:
                return address, page
            assert time.monotonic() < deadline, f"no server for {self.name}: {address}"
            time.sleep(1)


@pytest.fixture(scope="module")
def users(hub: str) -> dict[str, User]:
    logged_in = {name: User(hub, name) for name in USERS}
    for user in logged_in.values():
        user.log_in()
    return logged_in


def test_each_user_gets_the_story_dashboard_in_the_explainer_template(
    users: dict[str, User],
) -> None:
    title = STORY.manifest.title.get(LANG)
    for name, user in users.items():
        address, page = user.dashboard()
        assert urllib.parse.urlsplit(address).path == f"/user/{name}/voila/render/{HOME}"
        # The explainer template's page, not Voilà's lab page (its spinner, its output
        # areas, Font Awesome from a CDN): its body, stylesheet and islands.
        checks = {
            "the story's title": f"<title>{html.escape(title)}</title>" in page,
            "the template's body": '<body class="xpl-page"' in page,
            "its stylesheet": f'href="/user/{name}/explainer/static/explainer.css"' in page,
            "its islands": 'type="application/json" data-explainer-view=' in page,
            "no spinner": 'id="loading"' not in page,
            "no output areas": "jp-OutputArea" not in page,
        }
        assert [check for check, ok in checks.items() if not ok] == [], name
        assert REMOTE.findall(page) == [], "the page loads from another machine"
        config = re.search(r'<script id="jupyter-config-data"[^>]*>(.*?)</script>', page, re.S)
        assert config, "Voilà's page configuration is missing"
        settings = json.loads(config[1])
        assert settings["baseUrl"] == f"/user/{name}/"
        # Voilà's front end loads MathJax from a CDN unless both are null (as `explainer
        # serve` has them); a server extension's default is the CDN.
        assert (settings["fullMathjaxUrl"], settings["mathjaxConfig"]) == (None, None)
        # The files the page loads come from the user's own server.
        _, stylesheet = user.get(f"/user/{name}/explainer/static/explainer.css")
        assert ".xpl-linked" in stylesheet


def test_a_user_cannot_open_another_users_dashboard(users: dict[str, User]) -> None:
    alice, bob = (users[name] for name in USERS)
    bob.dashboard()  # bob's server is running
    with pytest.raises(urllib.error.HTTPError) as refused:
        alice.get(f"/user/{bob.name}/voila/render/{HOME}")
    assert refused.value.code == 403


@pytest.mark.browser
def test_both_users_see_the_live_dashboard_in_chromium(
    offline_page: Callable[..., OfflinePage], hub: str
) -> None:
    """Each logs in on the hub's page and lands on the story, its view drawn and live."""
    for name in USERS:
        page = offline_page().page
        page.goto(f"{hub}/hub/login")
        page.fill("#username_input", name)
        page.fill("#password_input", PASSWORD)
        page.click("#login_submit")
        page.wait_for_url(f"**/user/{name}/voila/render/{HOME}", timeout=150_000)
        page.wait_for_selector(READY, timeout=120_000)
        page.wait_for_function(LIVE, timeout=120_000)
        assert page.evaluate("document.documentElement.lang") == LANG
        assert page.locator("main .xpl-linked").count() == 1
