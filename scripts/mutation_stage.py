"""Stage the project for `make mutation`: a copy in which mutmut can mutate properties.

mutmut 3 mutates no decorated function, so ``Dataset.start``, ``Dataset.steps``,
``PartialDate.first``/``last``/``precision`` and ``StatusKind.is_member`` would escape it.
In the staged copy of each mutated module (``[tool.mutmut] only_mutate``), a method
whose only decorator is ``@property`` or ``@cached_property`` loses the decorator (the
line becomes blank, so line numbers stay those of src/) and gets it back at the end of
the module: ``Dataset.start = property(Dataset.start)``. The code is the same; mutmut
now sees plain methods.

The copy (src/, tests/, the story's files, pyproject.toml) is a snapshot taken now: an
edit to src/ during the run does not reach it.

Usage: python scripts/mutation_stage.py STAGE_DIR
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What the tests read through paths relative to the project, besides tests/ and src/.
COPIED = ["src", "tests", "conftest.py", "story.yml", "data", "notebooks", "examples",
          "pyproject.toml"]  # fmt: skip
WRAPPERS = {"property": "property", "cached_property": "__import__('functools').cached_property"}
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")


def unwrap_properties(source: str) -> tuple[str, list[str]]:
    """``source`` with single-decorator properties turned into plain methods, re-wrapped last."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    wrapped: list[str] = []
    tail: list[str] = []
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
            if len(fn.decorator_list) != 1:
                continue
            dec = fn.decorator_list[0]
            name = dec.id if isinstance(dec, ast.Name) else getattr(dec, "attr", None)
            if name not in WRAPPERS or dec.lineno != dec.end_lineno:
                continue
            lines[dec.lineno - 1] = "\n"  # the `@property` line, blank: line numbers stay
            attr = f"{cls.name}.{fn.name}"
            tail.append(f"{attr} = {WRAPPERS[name]}({attr})\n")
            if name == "cached_property":
                tail.append(f"{attr}.__set_name__({cls.name}, {fn.name!r})\n")
            wrapped.append(f"{attr} ({name})")
    if not tail:
        return source, wrapped
    text = "".join(lines)
    if not text.endswith("\n"):
        text += "\n"
    header = "\n\n# Staged by scripts/mutation_stage.py: the properties, re-wrapped.\n"
    return text + header + "".join(tail), wrapped


def run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    stage = Path(sys.argv[1]).resolve()
    if stage == ROOT or ROOT not in stage.parents:
        print(f"refusing to stage into {stage}: not a folder inside {ROOT}", file=sys.stderr)
        return 2
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    started = time.time()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, stage / name, ignore=IGNORED, symlinks=True)
        elif source.is_file():
            shutil.copy2(source, stage / name)
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for pattern in config["tool"]["mutmut"]["only_mutate"]:
        for path in sorted(stage.glob(pattern)):
            text, wrapped = unwrap_properties(path.read_text(encoding="utf-8"))
            if wrapped:
                path.write_text(text, encoding="utf-8")
                print(f"{path.relative_to(stage)}: mutable properties: {', '.join(wrapped)}")
    git = ["git", "-C", str(ROOT)]
    commit = run([*git, "rev-parse", "--short", "HEAD"]).strip()
    # Uncommitted changes to the code and the tests that the run is on.
    dirty = run([*git, "status", "--porcelain", "--", "src", "tests"]).split("\n")
    (stage / "mutation-run.txt").write_text(
        f"started {started:.0f}\ncommit {commit or 'unknown'}\n"
        + "".join(f"changed {line[3:]}\n" for line in dirty if line.strip()),
        encoding="utf-8",
    )
    print(f"staged {ROOT} into {stage} ({commit or 'no git'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
