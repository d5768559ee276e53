"""Problems found in data/, and the error that carries all of them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in data/: where it is and what is wrong.

    ``row`` is the line number in the file (a CSV's header is line 1; for YAML, the
    line of the field), so an author can go straight to it.
    """

    file: str
    row: int
    field: str
    message: str

    def __post_init__(self) -> None:
        # A field named by the data (a YAML key "a:b") must not break `FILE:ROW: field:`.
        if ":" in self.field or not self.field.isprintable():
            object.__setattr__(self, "message", f"{self.field!r}: {self.message}")
            object.__setattr__(self, "field", "(field)")

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.field}: {self.message}"


class DataError(ValueError):
    """Raised by :func:`explainer.load_dataset` when data/ has problems.

    Attributes
    ----------
    problems : tuple of Problem
        Every problem found, in file and row order.
    folder : pathlib.Path or None
        The folder the problems' file names are relative to, when they are.

    """

    def __init__(self, problems: list[Problem], folder: Path | None = None) -> None:
        self.problems = tuple(sorted(problems))
        self.folder = folder
        where = f" in {folder}" if folder is not None else ""
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s){where}:\n{lines}")
