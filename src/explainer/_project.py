"""A story project: a folder with ``story.yml``, ``data/`` and ``notebooks/``.

The engine finds a project from ``--project DIR``, else ``$EXPLAINER_PROJECT``, else the
nearest folder upward from the working directory that holds a ``story.yml`` (as git
finds a repository). It never looks for content beside its own code.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
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
        missing = [name for name in wanted if not (self.notebooks / name).is_file()]
        problem = f"notebook not found (named in {MANIFEST})"
        if missing:
            raise DataError(
                [Problem(str(self.notebooks / name), 0, "(file)", problem) for name in missing]
            )


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
    missing = [c for c in manifest.codes if c not in manifest.notebooks.home]
    if missing:
        reader.problem(path, row.line_of("notebooks"), "notebooks.home",
                       f"no home notebook for {', '.join(missing)}")  # fmt: skip
        return None
    return manifest


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
