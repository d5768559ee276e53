"""Write the explainer as static files a plain web server can publish."""

from __future__ import annotations

import html
import os
from pathlib import Path

import plotly.graph_objects as go

from ._dataset import Dataset
from ._i18n import check_lang, format_partial, translations
from ._loading import load_dataset
from ._map import membership_map

# Shown under every figure: no logo link to plotly's site, no cloud export.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"],
}


def write_figure_html(fig: go.Figure, path: Path) -> Path:
    """Write ``fig`` as one HTML file with plotly.js inlined (nothing is fetched)."""
    fig.write_html(
        path,
        include_plotlyjs=True,
        full_html=True,
        config=PLOTLY_CONFIG,
        auto_play=False,
        div_id="membership-map",
    )
    return path


def _sources_html(dataset: Dataset, lang: str) -> str:
    _ = translations(lang).gettext
    items = []
    for source in sorted(dataset.sources.values(), key=lambda s: s.id):
        date = (
            format_partial(source.date_published, lang) if source.date_published else _("undated")
        )
        title = html.escape(source.title)
        link = f'<a href="{html.escape(source.url)}">{title}</a>' if source.url else title
        items.append(
            f'<li id="source-{html.escape(source.id)}">{html.escape(source.publisher)}: '
            f"{link} ({html.escape(date)}, {html.escape(source.language)})</li>"
        )
    return "\n".join(items)


def export(out: Path, lang: str = "en", data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write ``out/index.html``: the map with its own slider, and every source.

    Parameters
    ----------
    out : path
        The folder to write; created if missing.
    lang : {"en", "sv"}
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
    _ = translations(check_lang(lang)).gettext
    dataset = load_dataset(data_dir)
    out.mkdir(parents=True, exist_ok=True)
    map_path = write_figure_html(membership_map(dataset, lang), out / "index.html")
    page = map_path.read_text(encoding="utf-8")
    heading = html.escape(_("Sources"))
    sources = (
        f'<section style="font-family:sans-serif;max-width:70em;margin:1em">'
        f"<h2>{heading}</h2><ol>{_sources_html(dataset, lang)}</ol></section>"
    )
    page = page.replace("<html>", f'<html lang="{lang}">', 1)
    title = html.escape(_("Global Alliance against Child Sexual Abuse Online"))
    page = page.replace("<head>", f"<head><title>{title}</title>", 1)
    page = page.replace("</body>", sources + "</body>", 1)
    map_path.write_text(page, encoding="utf-8")
    return map_path
