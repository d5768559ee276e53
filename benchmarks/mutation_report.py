"""Write mutmut's results (`make mutation`) into benchmarks/RESULTS.md.

Reads the staged run (scripts/mutation_stage.py, then `mutmut run` in it): the verdict
of every mutant (``mutants/**/*.py.meta``), the tests mutmut ran (``mutmut-stats.json``)
and each surviving mutant's diff (what `mutmut show NAME` prints). Replaces only the
section "## Mutation testing (make mutation)".

Usage: python benchmarks/mutation_report.py [STAGE_DIR]   (default: build/mutation)
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import io
import json
import os
import platform
import re
import sys
import tokenize
import tomllib
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results import write_section  # noqa: E402

TITLE = "Mutation testing (make mutation)"
# The verdicts, as mutmut names them (mutmut.stats.status_by_exit_code), in table order.
COLUMNS = ["killed", "survived", "no tests", "timeout", "suspicious", "not run"]
# What mutmut names a mutant it did not finish (the run was stopped before it).
NOT_RUN = {"not checked", "check was interrupted by user"}


@contextlib.contextmanager
def inside(folder: Path) -> Iterator[None]:
    """Work in ``folder``: mutmut reads its files relative to the working directory."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def status_of(exit_code: int | None) -> str:
    """mutmut's verdict; what fits no other column (a segfault, a type check) is suspicious."""
    from mutmut.stats import status_by_exit_code

    status = str(status_by_exit_code[exit_code])
    if status in NOT_RUN:
        return "not run"
    return status if status in COLUMNS else "suspicious"


def diff_of(name: str, path: str) -> str:
    """The diff `mutmut show NAME` prints (run inside the stage)."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    return get_diff_for_mutant(name, path=path)


def function_span(source: str, key: str) -> tuple[str, int]:
    """The readable name of a mutated function (``Dataset.status_on``) and its first line."""
    mangled = key.rpartition(".")[2].partition("__mutmut_")[0]
    if mangled.startswith("xǁ"):
        cls, _, name = mangled[2:].partition("ǁ")
    else:
        cls, name = "", mangled.removeprefix("x_")
    tree = ast.parse(source)
    for node in tree.body:
        body = node.body if isinstance(node, ast.ClassDef) and node.name == cls else None
        for fn in body if body is not None else ([node] if not cls else []):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) and fn.name == name:
                return (f"{cls}.{name}" if cls else name), fn.lineno
    return (f"{cls}.{name}" if cls else name), 1


def changed_lines(diff: str, source_lines: list[str], first_line: int) -> tuple[int, str, str]:
    """(line in the source, the removed lines, the added lines) of a one-hunk diff."""
    removed: list[str] = []
    added: list[str] = []
    at = 1  # the line of the function's text (as mutmut shows it) the diff is at
    where = 0  # ... where the change begins
    for line in diff.splitlines():
        if line.startswith(("---", "+++")):
            continue
        hunk = re.match(r"@@ -(\d+)", line)
        if hunk:
            at = int(hunk.group(1))
        elif line.startswith("-"):
            removed.append(line[1:].strip())
            where = where or at
            at += 1
        elif line.startswith("+"):
            added.append(line[1:].strip())
            where = where or at
        else:
            at += 1
    where = where or 1
    # The function's text begins at its `def` line, or at a comment just above it.
    start = first_line
    for candidate in range(first_line, max(0, first_line - 6), -1):
        index = candidate + where - 2
        if removed and 0 <= index < len(source_lines) and source_lines[index].strip() == removed[0]:
            start = candidate
            break
    return start + where - 1, " ⏎ ".join(removed), " ⏎ ".join(added)


def tokens(line: str) -> list[tuple[str, int, int]]:
    """The Python tokens of one line of code: (text, start column, end column)."""
    found: list[tuple[str, int, int]] = []
    with contextlib.suppress(tokenize.TokenError, IndentationError, SyntaxError):
        for token in tokenize.generate_tokens(io.StringIO(line).readline):
            if token.string.strip() and token.start[0] == 1:
                found.append((token.string, token.start[1], token.end[1]))
    return found


def fragment(old: str, new: str) -> tuple[str, str]:
    """The tokens of ``old`` that ``new`` changes, and what it has in their place."""
    if not old or not new or " ⏎ " in old + new:
        return old, new
    was, now = tokens(old), tokens(new)
    matcher = SequenceMatcher(a=[t[0] for t in was], b=[t[0] for t in now], autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not was or not now or not changes:
        return old, new
    i1, i2 = changes[0][1], changes[-1][2]
    j1, j2 = changes[0][3], changes[-1][4]
    before = old[was[i1][1] : was[i2 - 1][2]] if i2 > i1 else ""
    after = new[now[j1][1] : now[j2 - 1][2]] if j2 > j1 else ""
    if i2 - i1 == j2 - j1 == 1 and len(before) > 40:
        # One long token (a string): the characters that differ, with some around them.
        head = 0
        while head < min(len(before), len(after)) and before[head] == after[head]:
            head += 1
        tail = 0
        while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
            tail += 1
        start, keep = max(0, head - 12), 12
        before = "…" * (start > 0) + before[start : len(before) - max(0, tail - keep)]
        after = "…" * (start > 0) + after[start : len(after) - max(0, tail - keep)]
        if tail > keep:
            before, after = before + "…", after + "…"
    return before, after


def code(text: str) -> str:
    """``text`` as inline code in a Markdown table cell."""
    if not text:
        return "(nothing)"
    text = text.replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def run_time(stage: Path) -> str:
    info = (stage / "mutation-run.txt").read_text(encoding="utf-8").splitlines()
    started = int(next(line.split()[1] for line in info if line.startswith("started")))
    finished_file = stage / "mutation-finished.txt"
    if not finished_file.exists():
        return "unknown"
    seconds = int(finished_file.read_text(encoding="utf-8").split()[0]) - started
    return f"{seconds // 60} min {seconds % 60:02d} s"


def main() -> int:
    stage = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "mutation").resolve()
    mutants = stage / "mutants"
    if not mutants.is_dir():
        print(f"no mutmut run in {stage}: run `make mutation`", file=sys.stderr)
        return 1
    config = tomllib.loads((stage / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    modules = list(config["only_mutate"])
    selection = config["pytest_add_cli_args_test_selection"]
    info = (stage / "mutation-run.txt").read_text(encoding="utf-8").splitlines()
    commit = next((line.split()[1] for line in info if line.startswith("commit")), "unknown")
    uncommitted = [line.split(maxsplit=1)[1] for line in info if line.startswith("changed")]
    stats = json.loads((mutants / "mutmut-stats.json").read_text(encoding="utf-8"))
    tests_run = len(stats.get("duration_by_test", {}))
    test_seconds = sum(stats.get("duration_by_test", {}).values())

    per_module: dict[str, Counter[str]] = {}
    per_function: dict[str, Counter[str]] = {}
    open_mutants: dict[str, list[tuple[int, str, str, str, str, str]]] = {}
    with inside(stage):
        for module in modules:
            meta = json.loads(Path(f"mutants/{module}.meta").read_text(encoding="utf-8"))
            source = Path(module).read_text(encoding="utf-8")
            lines = source.splitlines()
            counts: Counter[str] = Counter()
            rows = []
            for key, exit_code in sorted(meta["exit_code_by_key"].items()):
                status = status_of(exit_code)
                counts[status] += 1
                function, first = function_span(source, key)
                per_function.setdefault(f"{module}::{function}", Counter())[status] += 1
                if status in ("killed", "not run"):
                    continue
                line, old, new = changed_lines(diff_of(key, module), lines, first)
                rows.append((line, function, key.rpartition(".")[2], status, old, new))
            per_module[module] = counts
            open_mutants[module] = sorted(rows)

    total = Counter[str]()
    for counts in per_module.values():
        total.update(counts)
    n = sum(total.values()) - total["not run"]  # the mutants mutmut gave a verdict on
    score = total["killed"] / n if n else 0.0
    unfinished = (
        f" The run did not finish: {total['not run']} mutants were not run, and the score "
        "is of those that were."
        if total["not run"]
        else ""
    )

    out = [
        f"Measured {dt.date.today().isoformat()} on {platform.system()} {platform.machine()} "
        f"({os.cpu_count()} cores), Python {platform.python_version()}, mutmut "
        f"{version('mutmut')}: `make mutation`, {run_time(stage)} "
        f"({config.get('process_isolation', 'fork')} isolation). Code at commit {commit}"
        + (f", with uncommitted changes to {', '.join(uncommitted)}" if uncommitted else "")
        + ".",
        "",
        f"**Score: {score:.1%}** of {n} mutants killed ({total['killed']} killed, "
        f"{total['survived']} survived, {total['no tests']} with no test reaching them, "
        f"{total['timeout']} timed out, {total['suspicious']} suspicious).{unfinished}",
        "",
        "Mutated: " + ", ".join(f"`{m}`" for m in modules) + ". mutmut mutates function and "
        "method bodies only: module-level code (such as `_MEMBER_KINDS` in `_status.py`) is "
        "not mutated. `scripts/mutation_stage.py` turns `@property`/`@cached_property` methods "
        "into plain ones in the staged copy so that mutmut reaches them (`Dataset.start`, "
        "`Dataset.steps`, `PartialDate.first`, ...). Lines matching "
        + ", ".join(f"`{p}`" for p in config.get("do_not_mutate_patterns", []))
        + " (the interface's words, such as the view's labels) are not mutated.",
        "",
        "Tests: "
        + ", ".join(f"`{t}`" for t in selection if not t.startswith("-"))
        + ' (`-m "not browser"`, doctests of `src/explainer`), without '
        + ", ".join(
            f"`{t.split('=', 1)[1].split('/')[-1]}`"
            for t in selection
            if t.startswith("--deselect")
        )
        + f": {tests_run} tests, {test_seconds:.0f} s in one clean run. A mutant runs the tests "
        "that reach its function, fastest first, until one fails.",
        "",
        "| module | mutants | " + " | ".join(COLUMNS) + " | score |",
        "|---|---|" + "---|" * len(COLUMNS) + "---|",
    ]
    for module, counts in per_module.items():
        name = module.removeprefix("src/explainer/")
        run = sum(counts.values()) - counts["not run"]
        module_score = f"{counts['killed'] / run:.1%}" if run else "(none run)"
        out.append(
            f"| `{name}` | {sum(counts.values())} | "
            + " | ".join(str(counts[c]) for c in COLUMNS)
            + f" | {module_score} |"
        )
    out.append(
        f"| all | {sum(total.values())} | "
        + " | ".join(str(total[c]) for c in COLUMNS)
        + f" | {score:.1%} |"
    )
    out += ["", "Per function (mutants: killed / run):", ""]
    for module in modules:
        items = [
            f"`{name.split('::')[1]}` {c['killed']}/{sum(c.values()) - c['not run']}"
            for name, c in per_function.items()
            if name.startswith(module + "::") and sum(c.values()) > c["not run"]
        ]
        if items:
            out.append(f"- `{module.removeprefix('src/explainer/')}`: " + ", ".join(items))
    out += [
        "",
        "Mutants that no test killed, by module: the line is in the staged copy of the code, "
        "which has src/'s line numbers; `cd build/mutation && ../../.venv/bin/mutmut show "
        "explainer.<module>.<mutant>` shows one in full.",
    ]
    for module, rows in open_mutants.items():
        if not rows:
            continue
        dotted = module.removeprefix("src/").removesuffix(".py").replace("/", ".")
        out += [
            "",
            f"### `{module}`: {len(rows)} not killed (mutant names begin `{dotted}.`)",
            "",
            "| line | function | mutant | status | change | mutated line |",
            "|---|---|---|---|---|---|",
        ]
        for line, function, name, status, old, new in rows:
            was, now = fragment(old, new)
            out.append(
                f"| {line} | `{function}` | `{name}` | {status} | "
                f"{code(was)} → {code(now)} | {code(new)} |"
            )
    write_section(TITLE, "\n".join(out))
    print(f"score {score:.1%}: {total['killed']} of {n} killed; written to benchmarks/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
