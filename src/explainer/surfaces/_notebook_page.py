"""A story notebook as the body of a static page: its markdown and its displays.

The notebook's code cells are run in this process, in order, as a kernel would run
them; the value each cell ends with is shown as the notebook would show it. Cells
tagged ``voila-hide`` are run but not shown (as in Voilà); cells tagged ``appendix`` are
folded away as in Voilà's page. A linked view becomes a static island that the page's
script brings to life.
"""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from ..reading._errors import DataError, Problem

HIDDEN_TAG = "voila-hide"
APPENDIX_TAG = "appendix"  # folded away under its first cell


def _run(source: str, namespace: dict[str, Any]) -> Any:
    """Run a cell; return the value of its last line if that is an expression."""
    tree = ast.parse(source)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    if last is not None:
        tree.body.pop()
    exec(compile(tree, "<cell>", "exec"), namespace)
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)


def _run_cell(path: Path, index: int, source: str, namespace: dict[str, Any]) -> Any:
    """Run cell ``index`` of the notebook at ``path``; a failure names the cell.

    Raises
    ------
    DataError
        Naming the notebook, the cell (counted from 1, as JupyterLab shows them) and the
        error, when the cell raises (its bad data would otherwise be half a page).
    """
    try:
        return _run(source, namespace)
    except DataError:
        raise
    except Exception as error:
        message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        raise DataError([Problem(str(path), 0, f"cell {index + 1}", message)]) from None


def _relink(markup: str, pages: Mapping[str, str]) -> str:
    """Point links to notebooks at the pages made from them."""

    def swap(match: re.Match[str]) -> str:
        target, fragment = match.group(2), match.group(3) or ""
        return f'{match.group(1)}{pages.get(target, target)}{fragment}"'

    return re.sub(r'(href=")([^"#]+\.ipynb)(#[^"]*)?"', swap, markup)


def notebook_body(
    path: Path,
    pages: Mapping[str, str],
    display: Callable[[Any], str],
) -> tuple[str, dict[str, Any]]:
    """The page body made from the notebook at ``path``, and the notebook's metadata.

    ``pages`` maps notebook file names to the page names they become (for links);
    ``display`` turns a cell's value into HTML (it sees every value, ``None`` too).
    """
    notebook = nbformat.read(path, as_version=4)
    namespace: dict[str, Any] = {"__name__": "__main__"}
    parts = []
    cells = [
        (list(cell.get("metadata", {}).get("tags", [])), cell.cell_type, cell.source)
        for cell in notebook.cells
    ]
    for i, cell in enumerate(notebook.cells):
        tags = cells[i][0]
        hidden = HIDDEN_TAG in tags
        opens, closes = fold(cells, i)
        classes = cell_classes(tags)
        if opens:
            parts.append('<details class="xpl-appendix"><summary>')
        if cell.cell_type == "markdown" and not hidden:
            heading, rest = split_heading(cell.source) if opens else ("", cell.source)
            if heading:
                # A summary holds the heading alone (a heading, not a div).
                parts.append(f"{markdown2html_mistune(heading)}</summary>")
            if rest.strip():
                parts.append(f'<div class="{classes}">{markdown2html_mistune(rest)}</div>')
            if opens and not heading:
                parts.append("</summary>")
        else:
            if opens:
                parts.append("</summary>")
            if cell.cell_type == "code":
                value = _run_cell(path, i, cell.source, namespace)
                shown = "" if hidden else display(value)
                if shown:
                    parts.append(f'<div class="{classes} xpl-output">{shown}</div>')
        if closes:
            parts.append("</details>")
    return _relink("\n".join(parts), pages), dict(notebook.metadata)


def split_heading(source: str) -> tuple[str, str]:
    """A markdown cell's first line if it is a heading, and the rest."""
    first, _, rest = source.lstrip().partition("\n")
    return (first, rest) if first.startswith("#") else ("", source)


def fold(cells: list[tuple[list[str], str, str]], i: int) -> tuple[bool, bool]:
    """Whether cell ``i`` (tags, type, source) opens or closes a folded section.

    Cells tagged ``appendix`` are folded away, one closed ``<details>`` per section: a
    section starts at an appendix cell that starts with a heading (or the first of a
    run) and runs until the next such cell or the end of the run.
    """

    def appendix(j: int) -> bool:
        return 0 <= j < len(cells) and APPENDIX_TAG in cells[j][0]

    def heading(j: int) -> bool:
        return appendix(j) and cells[j][1] == "markdown" and bool(split_heading(cells[j][2])[0])

    if not appendix(i):
        return False, False
    opens = not appendix(i - 1) or heading(i)
    closes = not appendix(i + 1) or heading(i + 1)
    return opens, closes


def cell_classes(tags: list[str]) -> str:
    """A cell's classes: ``xpl-cell``, and ``xpl-tag-<tag>`` for each plain tag."""
    plain_tags = [t.lower() for t in tags if isinstance(t, str) and t.replace("-", "").isalnum()]
    return " ".join(["xpl-cell", *(f"xpl-tag-{t}" for t in plain_tags)])


def plain(value: Any) -> str:
    """A value with no HTML form, as a notebook shows it: its repr, escaped."""
    return f"<pre>{html.escape(repr(value))}</pre>"
