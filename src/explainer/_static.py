"""Files the pages load from the server that shows them: plotly.js, once, cached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import plotly
from jupyter_server.utils import url_path_join
from tornado import web

PLOTLY_DIR = Path(plotly.__file__).resolve().parent / "package_data"
ROUTE = r"/explainer/static/(plotly\.min\.js)"
CACHE_SECONDS = 24 * 3600


class PlotlyHandler(web.StaticFileHandler):
    """plotly.min.js from the installed plotly package; browsers keep it for a day."""

    def get_cache_time(self, path: str, modified: Any, mime_type: str) -> int:
        """Let browsers reuse the file without asking (it changes only on upgrade)."""
        return CACHE_SECONDS


def static_routes(base_url: str) -> list[tuple[str, type[web.RequestHandler], dict[str, Any]]]:
    """The route that serves plotly.js below ``base_url``."""
    return [(url_path_join(base_url, ROUTE), PlotlyHandler, {"path": str(PLOTLY_DIR)})]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Serve plotly.js in JupyterLab too, so the linked view draws there."""
    base_url = serverapp.web_app.settings.get("base_url", "/")
    serverapp.web_app.add_handlers(".*$", static_routes(base_url))
