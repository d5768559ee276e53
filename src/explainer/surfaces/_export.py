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
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
import plotly.graph_objects as go

from ..model._manifest import Manifest
from ..reading._loading import load_dataset
from ..reading._project import ENVIRONMENT, load_project
from ..views._html import HTMLFragment
from ..views._islands import Island
from ..views._linked_view import STATIC, LinkedView
from ..views._moments import default_event
from ._handout import print_handout
from ._notebook_page import notebook_body, plain
from ._publish import replacing
from ._static import PLOTLY_JS

HERE = Path(__file__).resolve().parents[1]
# The page skeleton, and the parts of it that Voilà's template shares.
TEMPLATES = [HERE / "templates", HERE / "share" / "jupyter" / "voila" / "templates" / "explainer"]
# Only the tools that work offline; nothing that uploads or selects.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": [
        "sendChartToCloud", "sendDataToCloud", "editInChartStudio", "lasso2d", "select2d",
    ],
}  # fmt: skip


def page_names(manifest: Manifest, home: str) -> dict[str, str]:
    """Notebook file name -> page file name.

    ``index.html`` for the story in ``home``, ``<code>.html`` for the other languages,
    ``<name>.html`` for the other notebooks.
    """
    names = {nb: ("index.html" if lang == home else f"{lang}.html")
             for lang, nb in manifest.notebooks.home.items()}  # fmt: skip
    for notebook in manifest.notebooks.also:
        names.setdefault(notebook, notebook.removesuffix(".ipynb") + ".html")
    return names


def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, keep_trailing_newline=True
    )


def _island_payload(value: Any) -> dict[str, Any] | None:
    """The island a displayed value paints from, if it is a view of ours."""
    if isinstance(value, LinkedView):
        # A static page has no kernel to meet: no key.
        payload = value.island()
        payload.pop("key", None)
        return payload
    if isinstance(value, Island):
        return value.payload()
    return None


class _Page:
    """Collects what one page needs while its notebook's cells are shown."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.pages = pages
        self.islands = 0
        self.figures = 0
        self.needs_plotly = False
        self.macros = _templates().get_template("explainer.macro.j2").module

    def display(self, value: Any) -> str:
        if value is None:
            return ""
        payload = _island_payload(value)
        if payload is not None:
            return self.island(payload)
        if isinstance(value, go.Figure):
            self.needs_plotly = True
            self.figures += 1  # its inline script calls Plotly as soon as it is parsed
            return str(value.to_html(full_html=False, include_plotlyjs=False,
                                     config=PLOTLY_CONFIG, auto_play=False))  # fmt: skip
        if isinstance(value, HTMLFragment) or hasattr(value, "_repr_html_"):
            return str(value._repr_html_())
        return plain(value)

    def island(self, payload: dict[str, Any]) -> str:
        self.islands += 1
        if payload.get("kind") == "linked":
            self.needs_plotly = True
            state = payload["state"]
            pages = [{**p, "href": self.pages.get(p["href"], p["href"])} for p in state["pages"]]
            payload = {**payload, "state": {**state, "pages": pages}}
        return str(self.macros.island(f"xpl-view-{self.islands}", payload))  # type: ignore[attr-defined]


@contextmanager
def _project_env(root: Path) -> Iterator[None]:
    """Let the notebook's own ``load_dataset()`` read the story being exported."""
    before = os.environ.get(ENVIRONMENT)
    os.environ[ENVIRONMENT] = str(root)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENVIRONMENT, None)
        else:
            os.environ[ENVIRONMENT] = before


def render_page(notebook: Path, pages: dict[str, str]) -> str:
    """One notebook as a complete, self-contained HTML page."""
    page = _Page(pages)
    body, metadata = notebook_body(notebook, pages, page.display)
    from .. import __version__

    return (
        _templates()
        .get_template("page.html.j2")
        .render(
            lang=html.escape(str(metadata.get("language_code", "en")), quote=True),
            title=html.escape(str(metadata.get("title", notebook.stem))),
            version=__version__,
            css=(STATIC / "explainer.css").read_text(encoding="utf-8"),
            body=body,
            plotly_js=PLOTLY_JS.read_text(encoding="utf-8") if page.needs_plotly else "",
            # A plain figure needs plotly.js before it; a linked view alone loads it last.
            plotly_first=page.figures > 0,
            islands=page.islands,
            view_module=base64.b64encode((STATIC / "explainer.js").read_bytes()).decode("ascii"),
        )
    )


def _written_by_export(path: Path) -> bool:
    """A file an export writes: a page or a handout."""
    if not path.is_file() or path.is_symlink():
        return False
    return path.suffix == ".html" or (path.name.startswith("handout-") and path.suffix == ".pdf")


def export(
    out: str | os.PathLike[str],
    lang: str | None = None,
    project: str | os.PathLike[str] | None = None,
    handout: bool = False,
    paper: str = "a4",
) -> Path:
    """Write the story as static pages: ``out/index.html`` in ``lang``, and the others.

    One page per language of the story (``index.html`` for ``lang``, ``<code>.html``
    for every language, the same page, so that each has an address of its own to embed)
    and one per other notebook of ``story.yml`` (``<name>.html``), each self-contained:
    plotly.js, the view's script and the data are inlined, and nothing needs a kernel
    or the internet. With ``handout``, also ``handout-<code>.pdf`` per language: the
    whole story on a few printed pages (needs Chromium).

    Parameters
    ----------
    out : path
        The folder to write; created if missing. A folder already there is replaced
        as a whole, in one step, once every new page is complete.
    lang : str, optional
        The language of ``index.html`` (default: the story's first).
    project : path, optional
        The story's folder (see :func:`explainer.load_project`).
    handout : bool
        Also print each language's handout to a PDF file.
    paper : {"a4", "letter"}
        The sheet the handout's PDF is laid out for.

    Returns
    -------
    pathlib.Path
        The written ``index.html``.

    Raises
    ------
    DataError
        If the story has problems; nothing is written then.
    PublishError
        If the pages could not be written there (``out`` is a file, a full disk, a
        read-only folder); the old pages are kept.
    HandoutError
        If a handout was asked for and could not be printed; nothing is written then.

    """
    story = load_project(project)
    dataset = load_dataset(project=story.root)  # refuse bad data before anything is written
    home = story.language(lang)
    pages = page_names(story.manifest, home)
    story.check_notebooks(pages)
    out = Path(out)
    # Written beside the old pages, then swapped in whole (see _publish).
    with replacing(out, owned=_written_by_export) as staging:
        with _project_env(story.root):
            for notebook, name in pages.items():
                text = render_page(story.notebooks / notebook, pages)
                (staging / name).write_text(text, encoding="utf-8")
        for code, notebook in story.manifest.notebooks.home.items():
            if pages[notebook] != f"{code}.html":
                shutil.copyfile(staging / pages[notebook], staging / f"{code}.html")
            if handout:
                first = default_event(dataset).id
                pdf = staging / f"handout-{code}.pdf"
                print_handout(staging / f"{code}.html", first, pdf, paper)
    return out / "index.html"
