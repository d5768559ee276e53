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

from pydantic import ValidationError

from ..language._languages import CATALOG_FOLDER, ENGINE_LANGUAGES, default_locale, use_language
from ..model._manifest import Manifest
from ..model._schema import error_message, field_path
from ._catalogs import read_catalog
from ._errors import DataError, Problem
from ._reading import FileReader

MANIFEST = "story.yml"
MAX_NOTEBOOK_BYTES = 50_000_000  # a story notebook with its stored outputs
ENVIRONMENT = "EXPLAINER_PROJECT"


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
        notebook = nbformat.reads(text, as_version=4)
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
    catalogs = _story_catalogs(reader, root, manifest, root / MANIFEST)
    if reader.problems:
        raise DataError(reader.problems, root)
    for spec in manifest.languages:
        use_language(spec.code, spec.locale or default_locale(spec.code), catalogs.get(spec.code))
    return Project(root, manifest)


def _story_catalogs(
    reader: FileReader, root: Path, manifest: Manifest, path: Path
) -> dict[str, bytes]:
    """The story's own interface catalogs, compiled; a language needs one or the engine's."""
    catalogs = {}
    row = FileReader(root).yaml_mapping(path)  # read before, without problems
    line = row.line_of("languages") if row is not None else 0
    for index, spec in enumerate(manifest.languages):
        po = root / CATALOG_FOLDER / f"{spec.code}.po"
        if po.is_file():
            compiled = read_catalog(reader, po, spec.code)
            if compiled is not None:
                catalogs[spec.code] = compiled
        elif spec.code not in ENGINE_LANGUAGES:
            reader.problem(path, line, f"languages.{index}.code",
                           f"the engine has no interface strings in {spec.code!r} (it speaks "
                           f"{', '.join(ENGINE_LANGUAGES)}): translate its explainer.pot into "
                           f"{CATALOG_FOLDER}/{spec.code}.po")  # fmt: skip
    return catalogs
