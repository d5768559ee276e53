"""A story project: a folder with ``story.yml``, ``data/`` and ``notebooks/``.

The engine finds a project from ``--project DIR``, else ``$EXPLAINER_PROJECT``, else the
nearest folder upward from the working directory that holds a ``story.yml`` (as git
finds a repository). It never looks for content beside its own code.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, Field, ValidationError, field_validator

from ._errors import DataError, Problem
from ._languages import ENGINE_LANGUAGES, use_locale
from ._reading import FileReader
from ._schema import (
    Localized,
    MapView,
    Record,
    Slug,
    StatusWords,
    Text,
    error_message,
    field_path,
)
from ._status import StatusKind

MANIFEST = "story.yml"
MAX_NOTEBOOK_BYTES = 50_000_000  # a story notebook with its stored outputs
ENVIRONMENT = "EXPLAINER_PROJECT"


def _engine_language(code: str) -> str:
    if code not in ENGINE_LANGUAGES:
        raise ValueError(
            f"the engine has no interface strings in {code!r} "
            f"(it speaks {', '.join(ENGINE_LANGUAGES)})"
        )
    return code


def _babel_locale(value: str) -> str:
    try:
        Locale.parse(value)
    except (ValueError, UnknownLocaleError) as error:
        raise ValueError(f"{value!r} is not a locale Babel knows ({error})") from None
    return value


class LanguageSpec(Record):
    """One of the story's languages: its code, the locale of its dates, its name."""

    code: Annotated[str, AfterValidator(_engine_language)]
    locale: Annotated[str, AfterValidator(_babel_locale)] = ""
    name: Text


class NotebookSpec(Record):
    """The story's notebooks: the home page per language, and the others served."""

    home: dict[str, Annotated[str, Field(pattern=r"^[\w.-]+\.ipynb$")]]
    also: list[Annotated[str, Field(pattern=r"^[\w.-]+\.ipynb$")]] = Field(default_factory=list)


class GroupSpec(Record):
    """An optional grouping of the countries (the EU): a column and its two labels."""

    id: Slug
    column: Localized
    member: Localized
    outside: Localized


class MapSpec(Record):
    """The map's named views; the first is where every page opens."""

    views: Annotated[list[MapView], Field(min_length=1)]

    @field_validator("views")
    @classmethod
    def _unique(cls, views: list[MapView]) -> list[MapView]:
        ids = [v.id for v in views]
        if len(set(ids)) < len(ids):
            raise ValueError("two views have the same id")
        return views


class Manifest(Record):
    """``story.yml``: what the engine needs to know about a story."""

    title: Localized
    languages: Annotated[list[LanguageSpec], Field(min_length=1)]
    notebooks: NotebookSpec
    content_note: Localized | None = None
    download_name: Annotated[str, Field(pattern=r"^[\w.-]+\.csv$")]
    group: GroupSpec | None = None
    record_types: list[Literal["targets"]] = Field(default_factory=list)
    map: MapSpec
    # The story's own words for a status (a treaty says "ratified", not "joined").
    statuses: dict[StatusKind, StatusWords] = Field(default_factory=dict)

    @field_validator("languages")
    @classmethod
    def _one_entry_per_language(cls, languages: list[LanguageSpec]) -> list[LanguageSpec]:
        codes = [spec.code for spec in languages]
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise ValueError(f"{repeated[0]!r} is listed twice")
        return languages

    @property
    def codes(self) -> tuple[str, ...]:
        """The story's language codes, the first being its home language."""
        return tuple(spec.code for spec in self.languages)

    def home(self, lang: str) -> str:
        """The notebook shown at ``/`` in ``lang``."""
        return self.notebooks.home[lang]

    def served(self) -> list[str]:
        """Every notebook a server renders: the home pages, then the others."""
        return [*dict.fromkeys([*self.notebooks.home.values(), *self.notebooks.also])]


@dataclass(frozen=True)
class Project:
    """A story's folder and its validated manifest."""

    root: Path
    manifest: Manifest

    @property
    def data(self) -> Path:
        """The data folder."""
        return self.root / "data"

    @property
    def notebooks(self) -> Path:
        """The notebooks folder."""
        return self.root / "notebooks"

    def language(self, lang: str | None) -> str:
        """``lang``, or the story's first language if None.

        Raises
        ------
        DataError
            If the story has no such language.
        """
        codes = self.manifest.codes
        if lang is None:
            return codes[0]
        if lang not in codes:
            raise DataError([Problem(str(self.root / MANIFEST), 0, "languages",
                                     f"the story has no language {lang!r} "
                                     f"(it has {', '.join(codes)})")])  # fmt: skip
        return lang

    def check_notebooks(self, names: Iterable[str] | None = None) -> None:
        """Raise :class:`DataError` naming every notebook (default: every served one) missing.

        Raises
        ------
        DataError
            One problem per missing notebook, with its full path.
        """
        wanted = self.manifest.served() if names is None else list(names)
        reader = FileReader(self.notebooks, boundary=self.root)
        for name in wanted:
            path = self.notebooks / name
            if not os.path.lexists(path):
                reader.problem(path, 0, "(file)", f"notebook not found (named in {MANIFEST})")
                continue
            text = reader.read_text(path, limit=MAX_NOTEBOOK_BYTES)
            if text is not None and not _is_notebook(text):
                reader.problem(path, 0, "(file)", "not a Jupyter notebook (nbformat 4 JSON)")
        if reader.problems:
            raise DataError(
                [Problem(str(self.notebooks / p.file), *astuple(p)[1:]) for p in reader.problems]
            )


def _is_notebook(text: str) -> bool:
    """Whether ``text`` is a notebook nbformat reads and finds valid."""
    import nbformat

    try:
        notebook = nbformat.reads(text, as_version=4)  # type: ignore[no-untyped-call]
        nbformat.validate(notebook)
    except Exception:
        return False
    return True


def find_project(path: str | os.PathLike[str] | None = None) -> Path:
    """The project folder: ``path``, else ``$EXPLAINER_PROJECT``, else upward from here.

    Raises
    ------
    DataError
        Naming where it looked, when no folder there holds a ``story.yml``.

    """
    if path is not None or os.environ.get(ENVIRONMENT):
        folder = Path(path if path is not None else os.environ[ENVIRONMENT]).resolve()
        if not (folder / MANIFEST).is_file():
            how = "--project" if path is not None else f"${ENVIRONMENT}"
            problem = f"not found (the project folder given by {how})"
            raise DataError([Problem(str(folder / MANIFEST), 0, "(file)", problem)])
        return folder
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / MANIFEST).is_file():
            return folder
    problem = (
        f"no {MANIFEST} here or in any folder above; give the story's folder with "
        f"--project or ${ENVIRONMENT}"
    )
    raise DataError([Problem(str(here), 0, "(project)", problem)])


def read_manifest(reader: FileReader, path: Path) -> Manifest | None:
    """Validate ``story.yml``; its problems go to ``reader``."""
    row = reader.yaml_mapping(path)
    if row is None:
        return None
    languages = row.values.get("languages")
    codes = [
        str(spec.get("code")) for spec in languages if isinstance(spec, dict)
    ] if isinstance(languages, list) else []  # fmt: skip
    try:
        manifest = Manifest.model_validate(
            row.values, context={"languages": codes or list(ENGINE_LANGUAGES)}
        )
    except ValidationError as error:
        for item in error.errors():
            name = field_path(item["loc"])
            reader.problem(path, row.line_of(name), name, error_message(dict(item)))
        return None
    before = len(reader.problems)
    for field_name, message in notebook_problems(manifest):
        reader.problem(path, row.line_of("notebooks"), field_name, message)
    return manifest if len(reader.problems) == before else None


def notebook_problems(manifest: Manifest) -> list[tuple[str, str]]:
    """What in ``notebooks`` export would get wrong: (field, message) pairs.

    Every language has a home notebook of its own, every home is a language of the
    story, and no other notebook's page takes a language's page name.
    """
    codes, home = manifest.codes, manifest.notebooks.home
    problems = []
    missing = [c for c in codes if c not in home]
    if missing:
        problems.append(("notebooks.home", f"no home notebook for {', '.join(missing)}"))
    for code in home:
        if code not in codes:
            problems.append((f"notebooks.home.{code}", f"{code!r} is not a language of the "
                             f"story (it has {', '.join(codes)})"))  # fmt: skip
    by_notebook: dict[str, list[str]] = {}
    for code, notebook in home.items():
        if code in codes:
            by_notebook.setdefault(notebook, []).append(code)
    for notebook, shared in by_notebook.items():
        if len(shared) > 1:
            problems.append(("notebooks.home", f"{notebook} is the home of {' and '.join(shared)}"
                             "; each language needs a notebook of its own"))  # fmt: skip
    taken = {"index", *codes, *(f"handout-{c}" for c in codes)}
    for notebook in manifest.notebooks.also:
        stem = notebook.removesuffix(".ipynb")
        if notebook not in home.values() and stem in taken:
            problems.append(("notebooks.also", f"{notebook} would be published as {stem}.html,"
                             " the name of a language's page; rename it"))  # fmt: skip
    return problems


def load_project(path: str | os.PathLike[str] | None = None) -> Project:
    """The project at ``path`` (see :func:`find_project`), its manifest validated.

    Raises
    ------
    DataError
        With every problem of ``story.yml``, or when no project is found.

    """
    root = find_project(path)
    reader = FileReader(root)
    manifest = read_manifest(reader, root / MANIFEST)
    if manifest is None:
        raise DataError(reader.problems, root)
    for spec in manifest.languages:
        use_locale(spec.code, spec.locale or ENGINE_LANGUAGES[spec.code])
    return Project(root, manifest)


def context(manifest: Manifest | None) -> dict[str, Any]:
    """The validation context of a story's records: its languages."""
    return {"languages": list(manifest.codes if manifest else ENGINE_LANGUAGES)}
