"""A displayable HTML fragment: rich in notebooks, plain text elsewhere."""

from __future__ import annotations

import html
import re


class HTMLFragment:
    """HTML that notebooks render, with its text (tags stripped) as the plain form.

    The plain form is deterministic, so stored notebook outputs compare run to run.
    """

    def __init__(self, markup: str) -> None:
        self.data = markup

    def _repr_html_(self) -> str:
        return self.data

    def __repr__(self) -> str:
        text = re.sub(r"<style>.*?</style>", " ", self.data, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        return re.sub(r"\s+", " ", text).strip()
