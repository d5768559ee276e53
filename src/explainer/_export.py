"""Write the explainer as one static page that a plain web server can publish."""

from __future__ import annotations

import html
import os
from pathlib import Path

import plotly.graph_objects as go

from ._i18n import check_lang, translations
from ._loading import load_dataset
from ._map import membership_map
from ._story import (
    all_quotes,
    events_table,
    members_on_list,
    open_questions,
    sources_list,
    targets_table,
)

# Shown under every figure: no logo link to plotly's site, no cloud export.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"],
}
PAGE_STYLE = """<style>
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 0 auto;
  max-width: 1400px; padding: 0 1rem; }
.gaexp-note { border-left: 5px solid #E69F00; background: #fdf6e7; padding: 0.6rem 1rem; }
section { margin: 1.5rem 0; }
</style>"""


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


def export(out: Path, lang: str = "en", data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write ``out/index.html``: map with slider, timeline, quotes, members, sources.

    One self-contained file: plotly.js is inlined, the membership CSV is a data link,
    and nothing needs a kernel or the internet.

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
    title = html.escape(_("Global Alliance against Child Sexual Abuse Online"))
    note = html.escape(
        _(
            "Content note: this page is about child sexual abuse. It shows no images. To "
            "report child sexual abuse material, contact your national hotline (listed by "
            "INHOPE, https://www.inhope.org/) or the police."
        )
    )
    # Tables carry their own captions, so those sections need no heading of their own.
    sections = [
        ("", events_table(dataset, lang)),
        (_("Quotes"), all_quotes(dataset, lang)),
        ("", members_on_list(dataset, lang)),
        (_("Policy targets"), targets_table(dataset, lang)),
        (_("What the sources leave open"), open_questions(dataset, lang)),
        (_("Sources"), sources_list(dataset, lang)),
    ]
    body = "".join(
        f"<section>{f'<h2>{html.escape(heading)}</h2>' if heading else ''}{fragment.data}</section>"
        for heading, fragment in sections
    )
    out.mkdir(parents=True, exist_ok=True)
    path = write_figure_html(membership_map(dataset, lang), out / "index.html")
    page = path.read_text(encoding="utf-8")
    page = page.replace("<html>", f'<html lang="{lang}">', 1)
    page = page.replace("<head>", f"<head><title>{title}</title>{PAGE_STYLE}", 1)
    page = page.replace("<body>", f'<body><h1>{title}</h1><p class="gaexp-note">{note}</p>', 1)
    page = page.replace("</body>", body + "</body>", 1)
    path.write_text(page, encoding="utf-8")
    return path
