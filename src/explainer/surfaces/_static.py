"""Files the pages load from the server that shows them: the front end and plotly.js.

``/explainer/static/explainer.js`` (the front end, one ES module), ``explainer.css``
(the one stylesheet) and ``vendor/plotly-basic.min.js`` (plotly.js's basic bundle,
vendored by ``scripts/vendor_plotly.py`` at the version plotly.py bundles). Voilà's
pages and JupyterLab (through this server extension) load them from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jupyter_server.utils import url_path_join
from tornado import web

STATIC = Path(__file__).resolve().parents[1] / "static"
VENDOR = STATIC / "vendor"
PLOTLY_JS = VENDOR / "plotly-basic.min.js"
ROUTE = r"/explainer/static/(explainer\.js|explainer\.css|vendor/plotly-basic\.min\.js)"
CACHE_SECONDS = 24 * 3600


class StaticHandler(web.StaticFileHandler):
    """The front end, its stylesheet and plotly.js.

    Browsers keep plotly.js for a day (it changes only on upgrade) and ask again for
    the front end and stylesheet each time (a 304 when unchanged).
    """

    def get_cache_time(self, path: str, modified: Any, mime_type: str) -> int:
        """A day for plotly.js; revalidate the rest."""
        return CACHE_SECONDS if path.startswith("vendor/") else 0

    def set_extra_headers(self, path: str) -> None:
        """No sniffing: each file is what its type says."""
        self.set_header("X-Content-Type-Options", "nosniff")


def static_routes(base_url: str) -> list[tuple[str, type[web.RequestHandler], dict[str, Any]]]:
    """The route that serves these files below ``base_url``."""
    return [(url_path_join(base_url, ROUTE), StaticHandler, {"path": str(STATIC)})]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Serve them in JupyterLab too, so that the views draw there."""
    base_url = serverapp.web_app.settings.get("base_url", "/")
    serverapp.web_app.add_handlers(".*$", static_routes(base_url))
