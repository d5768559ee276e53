"""Serve the story notebooks with Voilà: offline, preheated, and only what pages need."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jupyter_server.utils import url_path_join
from traitlets import Unicode
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from ._static import static_routes

HERE = Path(__file__).resolve().parent
NOTEBOOKS = HERE.parents[1] / "notebooks"
JUPYTER_DATA = HERE / "share" / "jupyter"  # holds voila/templates/explainer
STORIES = {"en": "explainer-en.ipynb", "sv": "explainer-sv.ipynb"}
# What a browser may ask for by name: the stories and the data notebook, rendered.
RENDERABLE = r"(explainer-en\.ipynb|explainer-sv\.ipynb|data-and-sources\.ipynb)"
# Directory-mode handlers Voilà adds that we do not want: a file tree and a contents
# API that would hand out notebook sources.
DROPPED_HANDLERS = {"TornadoVoilaTreeHandler", "VoilaContentsHandler"}


class StoryHandler(TornadoVoilaHandler):  # type: ignore[misc]
    """Voilà's page handler; the page also gets the cookie its unload beacon needs.

    On leaving, Voilà's page posts ``/voila/api/shutdown/<kernel>`` with the ``_xsrf``
    cookie's value; without the cookie the request is refused and the kernel is left
    running. Reading ``xsrf_token`` sets the cookie (same-site, so only this page's
    own scripts can send it back).
    """

    async def get(self, path: str | None = None) -> None:
        """Render the notebook, after setting the page's ``_xsrf`` cookie."""
        self.xsrf_token  # noqa: B018 - reading it sets the cookie
        await super().get(path)


class ExplainerVoila(Voila):  # type: ignore[misc]
    """Voilà with ``/`` rendering the story in one language and the others by name."""

    home = Unicode(STORIES["en"], config=True, help="The notebook rendered at /.")

    def init_handlers(self) -> list[Any]:
        """Voilà's handlers, less the tree and contents ones, plus our routes."""
        kept = [h for h in super().init_handlers() if h[1].__name__ not in DROPPED_HANDLERS]
        settings = {
            "template_paths": self.template_paths,
            "config": self.config,
            "voila_configuration": self.voila_configuration,
        }
        routes: list[tuple[str, type[Any], dict[str, Any]]] = [
            (url_path_join(self.server_url, r"/()"), StoryHandler,
             {**settings, "notebook_path": self.home}),
            (url_path_join(self.server_url, rf"/{RENDERABLE}"), StoryHandler, settings),
        ]  # fmt: skip
        routes += static_routes(self.server_url)
        # Ours first: tornado takes the first route that matches.
        return routes + [h for h in kept if "/voila/render/" not in h[0]]


def voila_arguments(port: int, lang: str, open_browser: bool) -> list[str]:
    """The command line :class:`ExplainerVoila` is started with."""
    return [
        str(NOTEBOOKS),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--Voila.open_browser={open_browser}",
        "--template=explainer",
        "--theme=light",
        f"--ExplainerVoila.home={STORIES[lang]}",
        # A kernel per notebook starts and runs the notebook before anyone asks.
        "--VoilaConfiguration.preheat_kernel=True",
        "--VoilaConfiguration.default_pool_size=2",
        # The pages need no file from the notebook folder.
        "--VoilaConfiguration.file_allowlist=[]",
        "--VoilaConfiguration.show_tracebacks=False",
        # Front-end extensions the pages do not use: plotly's mimetype renderer (the
        # linked view loads plotly.js once, as a cached file; the renderer would bring
        # a second copy), Voilà's JupyterLab preview button and code highlighting (no
        # code is shown).
        "--VoilaConfiguration.extension_denylist="
        "['jupyterlab-plotly', '@voila-dashboards/jupyterlab-preview', 'jupyterlab_pygments']",
    ]


def serve(port: int = 8866, lang: str = "en", open_browser: bool = True) -> int:
    """Serve the explainer on ``http://127.0.0.1:{port}/``; blocks until stopped.

    ``/`` renders the story in ``lang``; ``/explainer-en.ipynb``,
    ``/explainer-sv.ipynb`` and ``/data-and-sources.ipynb`` render the others.
    """
    # Voilà finds templates on the Jupyter data path; ours ships with the package.
    paths = [str(JUPYTER_DATA), os.environ.get("JUPYTER_PATH", "")]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in paths if p)
    ExplainerVoila.launch_instance(voila_arguments(port, lang, open_browser))
    return 0
