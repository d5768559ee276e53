"""Write the story as static pages that any web server (or a file browser) can show.

Each story notebook becomes one page per language: its narrative, rendered, around the
same linked view that Voilà shows, with plotly.js and the view's script inlined, so the
page needs no kernel, no server behind it and no internet. The pages are written to a
temporary folder beside the target and moved into place only when all of them are
complete: a failure, or a kill, never leaves a broken or half-written page.
"""

from __future__ import annotations

import base64
import html
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
import plotly.graph_objects as go

from ._dataset import Dataset
from ._html import HTMLFragment
from ._i18n import check_lang
from ._linked_view import STATIC, STORY_NOTEBOOKS, LinkedView
from ._loading import load_dataset
from ._notebook_page import notebook_body, plain
from ._static import PLOTLY_JS

HERE = Path(__file__).resolve().parent
DATA_NOTEBOOK = "data-and-sources.ipynb"
# Only the tools that work offline; nothing that uploads or selects.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": [
        "sendChartToCloud", "sendDataToCloud", "editInChartStudio", "lasso2d", "select2d",
    ],
}  # fmt: skip


def page_names(home: str) -> dict[str, str]:
    """Notebook file name -> page file name: the home language's story is index.html."""
    names = {nb: ("index.html" if lang == home else f"{lang}.html")
             for lang, nb in STORY_NOTEBOOKS.items()}  # fmt: skip
    names[DATA_NOTEBOOK] = "data.html"
    return names


def _json_for_script(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Page:
    """Collects what one page needs while its notebook's cells are shown."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.pages = pages
        self.islands = 0
        self.needs_plotly = False

    def display(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, LinkedView):
            return self.island(value)
        if isinstance(value, go.Figure):
            self.needs_plotly = True
            return str(value.to_html(full_html=False, include_plotlyjs=False,
                                     config=PLOTLY_CONFIG, auto_play=False))  # fmt: skip
        if isinstance(value, HTMLFragment) or hasattr(value, "_repr_html_"):
            return str(value._repr_html_())
        return plain(value)

    def island(self, view: LinkedView) -> str:
        self.islands += 1
        self.needs_plotly = True
        host = f"gaexp-view-{self.islands}"
        pages = [{**p, "href": self.pages.get(p["href"], p["href"])} for p in view.pages]
        state = {"spec": view.spec, "selected": view.selected, "view": view.view,
                 "pages": pages, "interval_ms": view.interval_ms}  # fmt: skip
        return (
            f'<div class="gaexp-view-host" id="{host}"></div>'
            f'<script type="application/json" data-explainer-view="{host}">'
            f"{_json_for_script(state)}</script>"
        )


@contextmanager
def _dataset_env(dataset: Dataset) -> Iterator[None]:
    """Let the notebook's own ``load_dataset()`` read the data being exported."""
    before = os.environ.get("EXPLAINER_DATA")
    os.environ["EXPLAINER_DATA"] = str(dataset.root)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("EXPLAINER_DATA", None)
        else:
            os.environ["EXPLAINER_DATA"] = before


def render_page(notebook: Path, pages: dict[str, str]) -> str:
    """One notebook as a complete, self-contained HTML page."""
    page = _Page(pages)
    body, metadata = notebook_body(notebook, pages, page.display)
    css = "\n".join(
        (STATIC / name).read_text(encoding="utf-8")
        for name in ("page.css", "story.css", "linked_view.css")
    )
    module = (STATIC / "linked_view.js").read_bytes()
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=False,
        keep_trailing_newline=True,
    )  # fmt: skip
    from . import __version__

    return environment.get_template("page.html.j2").render(
        lang=html.escape(str(metadata.get("language_code", "en")), quote=True),
        title=html.escape(str(metadata.get("title", notebook.stem))),
        version=__version__,
        css=css,
        body=body,
        plotly_js=PLOTLY_JS.read_text(encoding="utf-8") if page.needs_plotly else "",
        islands=page.islands,
        view_module=base64.b64encode(module).decode("ascii"),
    )


def export(out: Path, lang: str = "en", data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write the story as static pages: ``out/index.html`` in ``lang``, and the others.

    One page per language (``index.html`` for ``lang``, ``<code>.html`` for the
    others) and the data page (``data.html``), each self-contained: plotly.js, the
    view's script and the data are inlined, and nothing needs a kernel or the internet.

    Parameters
    ----------
    out : path
        The folder to write; created if missing. Pages already in it are replaced only
        once every new page is complete.
    lang : {"en", "sv"}
        The language of ``index.html``.
    data_dir : path, optional
        The data folder (default: this checkout's ``data/``).

    Returns
    -------
    pathlib.Path
        The written ``index.html``.

    Raises
    ------
    DataError
        If the data has problems; nothing is written then.

    """
    check_lang(lang)
    dataset = load_dataset(data_dir)
    notebooks = dataset.root.parent / "notebooks"
    pages = page_names(lang)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        with _dataset_env(dataset):
            for notebook, name in pages.items():
                if notebook in STORY_NOTEBOOKS.values() or (notebooks / notebook).is_file():
                    text = render_page(notebooks / notebook, pages)
                    (staging / name).write_text(text, encoding="utf-8")
        if out.exists():
            for written in staging.iterdir():
                os.replace(written, out / written.name)
        else:
            os.replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / "index.html"
