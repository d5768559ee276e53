"""Views the front end draws from data: what a notebook cell shows as an island.

A notebook output of type ``application/vnd.explainer.view+json`` carries a view's kind
and everything it shows, as JSON. One front end (``static/explainer.js``) draws it on
every surface: JupyterLab (through the package's renderer extension, with no kernel),
Voilà (before its kernel is ready) and the exported pages. The plain-text form beside
it is for readers with none of these.
"""

from __future__ import annotations

from typing import Any

MIME_TYPE = "application/vnd.explainer.view+json"


class Island:
    """A view for the front end: its ``kind``, its ``state`` and a plain-text form."""

    def __init__(self, kind: str, state: dict[str, Any], text: str) -> None:
        self.kind = kind
        self.state = state
        self.text = text

    def payload(self) -> dict[str, Any]:
        """The JSON the front end draws from."""
        return {"kind": self.kind, "state": self.state}

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {MIME_TYPE: self.payload(), "text/plain": self.text}

    def __repr__(self) -> str:
        return self.text
