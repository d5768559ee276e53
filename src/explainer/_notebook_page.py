"""A story notebook as the body of a static page: its markdown and its displays.

The notebook's code cells are run in this process, in order, as a kernel would run
them; the value each cell ends with is shown as the notebook would show it. Cells
tagged ``voila-hide`` are run but not shown (as in Voilà). A linked view becomes a
static island that the page's script brings to life.
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

HIDDEN_TAG = "voila-hide"


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
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    namespace: dict[str, Any] = {"__name__": "__main__"}
    parts = []
    for cell in notebook.cells:
        hidden = HIDDEN_TAG in cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "markdown" and not hidden:
            parts.append(f'<div class="xpl-cell">{markdown2html_mistune(cell.source)}</div>')
        elif cell.cell_type == "code":
            value = _run(cell.source, namespace)
            shown = "" if hidden else display(value)
            if shown:
                parts.append(f'<div class="xpl-cell xpl-output">{shown}</div>')
    return _relink("\n".join(parts), pages), dict(notebook.metadata)


def plain(value: Any) -> str:
    """A value with no HTML form, as a notebook shows it: its repr, escaped."""
    return f"<pre>{html.escape(repr(value))}</pre>"
