"""Serve the story notebooks with Voilà: offline, preheated, guarded, nothing more.

What a presenter's server exposes, and why (SECURITY.md says it for people):

- ``/`` and the story notebooks by name, rendered; no file tree, no contents API, no
  notebook source, no query parameters (a template or theme from the address would
  switch off the offline template and start a cold kernel);
- ``/published/``: the exported pages, for an audience that should not take a kernel;
- ``/explainer/static/``: the front end, its stylesheet and plotly.js (see ``_static``);
- kernels: only a browser's own page gets one (a top-level navigation the reader made,
  see ``takes_kernel``); an ``<img>``, a prefetch, a script's cross-site navigation or
  ``curl`` is sent to the published page instead. A page gets a preheated kernel and
  gives it back when it closes (the unload beacon's ``_xsrf`` cookie is set); a kernel
  whose page never connects is let go within seconds, other idle ones culled; past
  ``max_viewers`` (or when no preheated kernel is left and a crowd is watching) a
  page says the server is busy and links to the published pages;
- only requests whose ``Host`` is this machine (``localhost`` or a loopback address)
  are served while it listens on loopback, against DNS rebinding.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import url_path_join
from tornado import ioloop, web
from traitlets import Dict, Int, List, Unicode
from traitlets.config import Config
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from ..language._i18n import translations
from ..model._manifest import Manifest
from ..reading._errors import DataError, Problem
from ..reading._project import ENVIRONMENT, load_project
from ._export import page_names
from ._static import static_routes

JUPYTER_DATA = Path(__file__).resolve().parents[1] / "share" / "jupyter"  # the template
TEMPLATE_NAME = "explainer"  # installed as shared data: share/jupyter/voila/templates/
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"  # pages of our own
# Handlers Voilà adds that the pages do not need: a file tree and a contents API that
# would hand out notebook sources, and login/logout (there is no login).
POOL_SIZE = 2  # preheated kernels per notebook
REFILL_DELAY_SECONDS = 4.0
# A page connects to its kernel a second or two after it arrives, more on a busy
# machine or a slow phone. A kernel no page has connected to after UNCONNECTED_SECONDS
# no longer counts against the viewer cap; it is shut down only after
# RELEASE_UNCONNECTED_SECONDS, so a page that was merely slow still finds it.
UNCONNECTED_SECONDS = 15.0
RELEASE_UNCONNECTED_SECONDS = 60.0
DROPPED_HANDLERS = {"TornadoVoilaTreeHandler", "VoilaContentsHandler", "LogoutHandler",
                    "VoilaLoginHandler", "LoginHandler"}  # fmt: skip


def host_allowed(settings: dict[str, Any], host_header: str) -> bool:
    """Whether a request's ``Host`` names this machine (jupyter_server's rule)."""
    if settings.get("allow_remote_access", False):
        return True
    host = re.sub(r":\d+$", "", host_header).strip("[]")
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in settings.get("local_hostnames", ["localhost"])


def takes_kernel(headers: Mapping[str, str]) -> bool:
    """Whether a request for a story page is a reader's page, which gets a kernel.

    Browsers say what a request is for (``Sec-Fetch-*``, ``Sec-Purpose``). A kernel goes
    to a page the reader opened: typed, bookmarked, a link on this server, or a link
    they clicked elsewhere (``Sec-Fetch-User``). Not to an ``<img>`` or a prefetch, a
    frame on another site, a navigation another site's script made, nor a client that
    says nothing (``curl``): each of those would hold a kernel, and the viewer cap,
    without a reader.
    """
    purpose = f"{headers.get('Sec-Purpose', '')} {headers.get('Purpose', '')}".lower()
    if "prefetch" in purpose or "prerender" in purpose:
        return False
    dest = headers.get("Sec-Fetch-Dest", "")
    site = headers.get("Sec-Fetch-Site", "")
    if dest == "iframe":
        return site == "same-origin"
    if dest != "document":
        return False
    return site in ("same-origin", "none") or headers.get("Sec-Fetch-User", "") == "?1"


class ExplainerKernelManager(AsyncMappingKernelManager):
    """Kernels for pages: culled when idle without a page, never while in the pool.

    A preheated kernel waits in Voilà's pool until a page takes it; it is idle by
    design and must not be culled. A kernel a page has taken is culled once it has
    been out of the pool, idle and without a connection for ``cull_idle_timeout``
    (a page that was never opened, or closed without its beacon reaching us).
    """

    def _pooled(self) -> set[str]:
        pooled = set()
        for pool in getattr(self, "_pools", {}).values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    pooled.add(task.result().get("kernel_id"))
        return pooled

    def warm(self, notebook: str) -> int:
        """Preheated kernels ready for ``notebook`` (a pool also holds starting ones)."""
        pool = getattr(self, "_pools", {}).get(notebook, [])
        return sum(task.done() and not task.cancelled() for task in pool)

    def taken(self) -> list[str]:
        """Kernels that pages have taken (running and not in a pool)."""
        pooled = self._pooled()
        taken = [k for k in self.list_kernel_ids() if k not in pooled]
        since: dict[str, float] = self.__dict__.setdefault("_taken_at", {})
        for kernel_id in taken:
            since.setdefault(kernel_id, time.monotonic())
        return taken

    def notify_connect(self, kernel_id: str) -> None:
        """A page connected: its kernel has a reader."""
        self.__dict__.setdefault("_connected", set()).add(kernel_id)
        super().notify_connect(kernel_id)  # type: ignore[no-untyped-call]

    def unconnected(self, seconds: float = UNCONNECTED_SECONDS) -> list[str]:
        """Taken kernels no page has connected to for ``seconds``."""
        connected: set[str] = self.__dict__.get("_connected", set())
        taken = self.taken()
        since: dict[str, float] = self.__dict__["_taken_at"]
        now = time.monotonic()
        return [k for k in taken
                if k not in connected and now - since[k] >= seconds]  # fmt: skip

    def viewers(self) -> int:
        """Kernels with a reader, or that may still get one (their page is loading)."""
        unconnected = set(self.unconnected())
        return sum(k not in unconnected for k in self.taken())

    async def let_go_unconnected(self) -> None:
        """Shut down the kernels whose page never came (an ``<img>`` that got through)."""
        for kernel_id in self.unconnected(RELEASE_UNCONNECTED_SECONDS):
            self.log.info("No page connected to kernel %s: shutting it down", kernel_id)
            try:
                await self.shutdown_kernel(kernel_id)  # type: ignore[no-untyped-call]
            except (KeyError, RuntimeError) as error:  # gone meanwhile
                self.log.debug("Kernel %s: %s", kernel_id, error)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Cull a taken kernel once it has been out of the pool long enough."""
        if kernel_id in self._pooled():
            return
        out_since: dict[str, float] = self.__dict__.setdefault("_out_since", {})
        first = out_since.setdefault(kernel_id, time.monotonic())
        if time.monotonic() - first >= self.cull_idle_timeout:
            await super().cull_kernel_if_idle(kernel_id)  # type: ignore[no-untyped-call]


def busy_page(lang: str, base_url: str, viewers: int, story: str = "", note: str = "") -> str:
    """The page a viewer gets past the cap: the server is busy; read the published page.

    ``story`` and ``note`` are the story's title and content note (``story.yml``): this
    page is the only one a viewer may see before the story's own.
    """
    _ = translations(lang).gettext
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True
    )
    return environment.get_template("busy.html.j2").render(
        lang=lang,
        heading=_("The presenter's server is busy"),
        text=_(
            "{count} people are using the live explainer on this computer, as many as it "
            "serves at once. The same story, with the same map and timeline, is on the "
            "published page, which needs no server power:"
        ).format(count=viewers),
        link=_("Open the published page"),
        published=url_path_join(base_url, "/published/"),
        stylesheet=url_path_join(base_url, "/explainer/static/explainer.css"),
        story=story,
        note=note,
    )


class StoryHandler(TornadoVoilaHandler):  # type: ignore[misc]
    """Voilà's page handler, guarded: no query, a cap on kernels, the unload cookie.

    On leaving, Voilà's page posts ``/voila/api/shutdown/<kernel>`` with the ``_xsrf``
    cookie's value; without the cookie the request is refused and the kernel is left
    running. Reading ``xsrf_token`` sets the cookie (same-site, so only this page's
    own scripts can send it back).
    """

    async def get(self, path: str | None = None) -> None:
        """Render the notebook, or say why not (a query, a busy server)."""
        if self.request.arguments:
            raise web.HTTPError(400, "this page takes no query parameters")
        app: ExplainerVoila = self.settings["explainer_app"]
        if not takes_kernel(self.request.headers):
            # Not a reader's page: the same story, published, without a kernel.
            self.set_header("Cache-Control", "no-store")
            self.set_header("Vary", "Sec-Fetch-Dest, Sec-Fetch-Site, Sec-Fetch-User")
            page = app.pages.get(path or app.home, "")
            self.redirect(url_path_join(self.base_url, "/published/", page), status=303)
            return
        # Pages still being rendered count too: they have not taken their kernel yet.
        viewers = self.kernel_manager.viewers() + app.rendering
        # With no preheated kernel left, a viewer would wait for one to start and run
        # the notebook (seconds, and slower for everyone on a small machine): the
        # presenter's own pages wait; a crowd gets the published page at once.
        cold = self.kernel_manager.warm(path or app.home) == 0
        if viewers >= app.max_viewers or (cold and viewers >= POOL_SIZE):
            lang = app.languages.get(path or app.home, next(iter(app.languages.values())))
            self.set_status(503)
            self.set_header("Retry-After", "60")
            story, note = app.titles.get(lang, ""), app.notes.get(lang, "")
            self.finish(busy_page(lang, self.base_url, viewers, story, note))
            return
        self.xsrf_token  # noqa: B018 - reading it sets the cookie
        app.rendering += 1
        try:
            await super().get(path)
        finally:
            app.rendering -= 1


def error_page(status: int, message: str, base_url: str) -> str:
    """An error page in our skeleton and stylesheet (the Voilà template's error.html)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(JUPYTER_DATA / "voila" / "templates" / TEMPLATE_NAME),
        autoescape=True,
    )
    return environment.get_template("error.html").render(
        status_code=status, status_message=message, base_url=base_url
    )


class NotFound(web.RequestHandler):
    """Our 404 page for any address no route serves.

    Also for the addresses that Voilà's own handlers would answer with a 500.
    """

    def prepare(self) -> None:
        """Nothing is here."""
        raise web.HTTPError(404)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """The page, with no detail of the request in it."""
        base_url = self.settings.get("base_url", "/")
        self.finish(error_page(status_code, self._reason, base_url))


class PublishedHandler(web.StaticFileHandler):
    """The exported pages, for the audience; only for this machine's own ``Host``."""

    def prepare(self) -> None:
        """Refuse a request for another host (DNS rebinding)."""
        if not host_allowed(self.settings, self.request.host):
            raise web.HTTPError(403)


class ExplainerVoila(Voila):  # type: ignore[misc]
    """Voilà with ``/`` rendering the story in one language and the others by name."""

    home = Unicode("", config=True, help="The notebook rendered at /.")
    renderable = List(Unicode(), config=True, help="The notebooks served by name.")
    languages = Dict(Unicode(), config=True, help="Notebook -> the language of its pages.")
    titles = Dict(Unicode(), config=True, help="Language -> the story's title.")
    notes = Dict(Unicode(), config=True, help="Language -> the story's content note.")
    max_viewers = Int(4, config=True, help="Pages served at once; more get a busy page.")
    allowed_hosts = List(
        Unicode(), config=True, help="Host names served besides localhost (a proxy's)."
    )
    published_dir = Unicode("", config=True, help="The exported pages, served at /published/.")
    pages = Dict(Unicode(), config=True, help="Notebook -> its published page.")
    rendering = 0  # pages being rendered now (each takes a kernel)

    def init_settings(self) -> dict[str, Any]:
        """Voilà's settings, with the Host check back on while listening on loopback."""
        settings: dict[str, Any] = super().init_settings()
        try:
            loopback = ipaddress.ip_address(self.ip).is_loopback
        except ValueError:
            loopback = self.ip == "localhost"
        settings["allow_remote_access"] = not loopback
        settings["local_hostnames"] = ["localhost", *self.allowed_hosts]
        settings["explainer_app"] = self
        settings["default_handler_class"] = NotFound
        return settings

    def init_handlers(self) -> list[Any]:
        """Voilà's handlers, less the ones the pages do not need, plus our routes."""
        kept = [h for h in super().init_handlers() if h[1].__name__ not in DROPPED_HANDLERS]
        # Every few seconds, let go of the kernels no page connected to.
        manager: ExplainerKernelManager = self.kernel_manager
        self.reaper = ioloop.PeriodicCallback(manager.let_go_unconnected, 3000)
        self.reaper.start()
        settings = {
            "template_paths": self.template_paths,
            "config": self.config,
            "voila_configuration": self.voila_configuration,
        }
        renderable = "|".join(re.escape(name) for name in self.renderable)
        routes: list[tuple[str, type[Any], dict[str, Any]]] = [
            (url_path_join(self.server_url, r"/()"), StoryHandler,
             {**settings, "notebook_path": self.home}),
            (url_path_join(self.server_url, rf"/({renderable})"), StoryHandler, settings),
        ]  # fmt: skip
        routes += static_routes(self.server_url)
        # Voilà answers a template path without a static folder, or one that climbs out
        # of it with an encoded slash or "..", with a server error (and a traceback).
        routes.append(
            (url_path_join(self.server_url,
                           r"/voila/templates/((?![^/]+/static/[^/])|.*(?:%2[fF]|%5[cC]|\.\.)).*"),
             NotFound, {})
        )  # fmt: skip
        if self.published_dir:
            routes.append(
                (url_path_join(self.server_url, r"/published/(.*)"), PublishedHandler,
                 {"path": self.published_dir, "default_filename": "index.html"})
            )  # fmt: skip
        # Ours first: tornado takes the first route that matches.
        return routes + [h for h in kept if "/voila/render/" not in h[0]]


def voila_config(
    manifest: Manifest,
    port: int,
    lang: str,
    open_browser: bool,
    ip: str = "127.0.0.1",
    **options: Any,
) -> Config:
    """The configuration :class:`ExplainerVoila` is started with."""
    config = Config()
    config.Voila.ip = ip
    config.Voila.port = port
    config.Voila.port_retries = 0
    config.Voila.open_browser = open_browser
    config.Voila.tornado_settings = {"headers": {"X-Content-Type-Options": "nosniff"}}
    config.ExplainerVoila.home = manifest.home(lang)
    config.ExplainerVoila.renderable = manifest.served()
    # The page language of each notebook: its own for a home page, else the first.
    languages = {nb: manifest.codes[0] for nb in manifest.notebooks.also}
    languages |= {nb: code for code, nb in manifest.notebooks.home.items()}
    config.ExplainerVoila.languages = languages
    config.ExplainerVoila.pages = page_names(manifest, lang)
    config.ExplainerVoila.titles = {code: manifest.title.get(code) for code in manifest.codes}
    if manifest.content_note is not None:
        notes = {code: manifest.content_note.get(code) for code in manifest.codes}
        config.ExplainerVoila.notes = notes
    for name, value in options.items():
        setattr(config.ExplainerVoila, name, value)
    voila = config.VoilaConfiguration
    voila.template = TEMPLATE_NAME
    voila.theme = "light"
    voila.allow_template_override = "NO"
    voila.allow_theme_override = "NO"
    # A kernel per notebook starts and runs the notebook before anyone asks.
    voila.preheat_kernel = True
    voila.default_pool_size = POOL_SIZE
    # A page paints without its kernel; the kernel that replaces the one it took starts
    # (and runs the notebook, seconds of work) only after that page has painted.
    config.VoilaKernelManager.fill_delay = REFILL_DELAY_SECONDS
    voila.multi_kernel_manager_class = ExplainerKernelManager
    # The pages need no file from the notebook folder; errors show no traceback.
    voila.file_allowlist = []
    voila.show_tracebacks = False
    # Front-end extensions the pages do not use: plotly's mimetype renderer (the
    # linked view loads plotly.js once, as a cached file; the renderer would bring a
    # second copy), Voilà's JupyterLab preview button and code highlighting (no code
    # is shown).
    voila.extension_denylist = [
        "jupyterlab-plotly", "@voila-dashboards/jupyterlab-preview", "jupyterlab_pygments",
        "explainer-view",
    ]  # fmt: skip
    # Kernels of pages that are gone: checked every 30 s, culled after 2 idle minutes.
    config.MappingKernelManager.cull_idle_timeout = 120
    config.MappingKernelManager.cull_interval = 30
    config.MappingKernelManager.cull_connected = False
    return config


def _check_template_installed() -> None:
    """Refuse to start when Voilà would not find the explainer template.

    The wheel installs it as shared data (``share/jupyter/voila/templates/explainer``);
    a package run from its source folder without installing has none.

    Raises
    ------
    DataError
        Naming the folders Voilà looks in.
    """
    from jupyter_core.paths import jupyter_path

    folders = jupyter_path("voila", "templates", TEMPLATE_NAME)
    if not any((Path(folder) / "index.html.j2").is_file() for folder in folders):
        missing = "the explainer template is not installed here: install the package"
        raise DataError([Problem(folders[0], 0, "(template)", missing)])


def serve(
    project: str | os.PathLike[str] | None = None,
    port: int = 8866,
    lang: str | None = None,
    open_browser: bool = True,
    ip: str = "127.0.0.1",
    max_viewers: int = 4,
    allowed_hosts: tuple[str, ...] = (),
    cull_idle: int = 120,
) -> int:
    """Serve a story on ``http://{ip}:{port}/``; blocks until stopped.

    ``/`` renders the story's home notebook in ``lang`` (default: its first language),
    the other notebooks of ``story.yml`` are served by name, and ``/published/`` shows
    the exported pages.

    Raises
    ------
    DataError
        If the story has problems (nothing is served then).

    """
    from ._export import export  # the published pages, made fresh for this server

    story = load_project(project)
    lang = story.language(lang)
    _check_template_installed()
    published = Path(tempfile.mkdtemp(prefix="explainer-published-"))
    try:
        export(published / "site", lang=lang, project=story.root)
        # The kernels' own load_dataset() reads this story.
        os.environ[ENVIRONMENT] = str(story.root)
        config = voila_config(
            story.manifest, port, lang, open_browser, ip, max_viewers=max_viewers,
            allowed_hosts=list(allowed_hosts), published_dir=str(published / "site"),
        )  # fmt: skip
        config.MappingKernelManager.cull_idle_timeout = cull_idle
        config.MappingKernelManager.cull_interval = max(1, min(30, cull_idle // 4))
        ExplainerVoila.launch_instance([str(story.notebooks)], config=config)
    finally:
        shutil.rmtree(published, ignore_errors=True)
    return 0
