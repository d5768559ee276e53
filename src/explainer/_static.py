"""Files the pages load from the server that shows them: plotly.js, once, cached.

The linked view draws with plotly.js's basic bundle (scatter traces), vendored in
``static/vendor`` by ``scripts/vendor_plotly.py`` at the version plotly.py bundles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jupyter_server.utils import url_path_join
from tornado import web

VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
PLOTLY_JS = VENDOR / "plotly-basic.min.js"
ROUTE = r"/explainer/static/(plotly-basic\.min\.js)"
CACHE_SECONDS = 24 * 3600


class PlotlyHandler(web.StaticFileHandler):
    """plotly.js (basic bundle); browsers keep it for a day."""

    def get_cache_time(self, path: str, modified: Any, mime_type: str) -> int:
        """Let browsers reuse the file without asking (it changes only on upgrade)."""
        return CACHE_SECONDS


def static_routes(base_url: str) -> list[tuple[str, type[web.RequestHandler], dict[str, Any]]]:
    """The route that serves plotly.js below ``base_url``."""
    return [(url_path_join(base_url, ROUTE), PlotlyHandler, {"path": str(VENDOR)})]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Serve plotly.js in JupyterLab too, so the linked view draws there."""
    base_url = serverapp.web_app.settings.get("base_url", "/")
    serverapp.web_app.add_handlers(".*$", static_routes(base_url))
