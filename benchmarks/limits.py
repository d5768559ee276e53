"""The largest story the engine accepts, timed: validate and export at the record limits.

A copy of this story is grown to the limits of `explainer.reading._reading` (``MAX_RECORDS``
records in each file: events, sources, dated changes, quotes) and timed with the real
commands, each in a fresh process, as an author runs them. The budgets (validate under
10 s, export under 60 s on this 2-core machine) are the upper bound SECURITY.md
promises; a file over a limit is refused at once (also timed: the review's 300 000
repeated rows).

Run with `make bench`; writes the "Size limits" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import copy
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results import write_section  # noqa: E402
from explainer.reading._reading import MAX_RECORDS  # noqa: E402

VALIDATE_BUDGET = 10.0
EXPORT_BUDGET = 60.0


def grow(project: Path, records: int) -> None:
    """Grow the copy's events, sources and quotes to ``records`` each."""
    data = project / "data"
    events = yaml.safe_load((data / "events.yml").read_text(encoding="utf-8"))
    template = events[-1]
    for i in range(len(events), records):
        event = copy.deepcopy(template)
        event.update(id=f"grown-{i:05d}", date="2016-06-30", precision="day")
        event.pop("end", None)
        events.append(event)
    (data / "events.yml").write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    quotes = yaml.safe_load((data / "quotes.yml").read_text(encoding="utf-8"))
    for i in range(len(quotes), records):
        quotes.append(copy.deepcopy(quotes[0]) | {"id": f"grown-{i:05d}"})
    (data / "quotes.yml").write_text(yaml.safe_dump(quotes, allow_unicode=True), encoding="utf-8")
    with (data / "sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    fields = list(sources[0])
    for i in range(len(sources), records):
        label = f"grown source {i:05d}"
        sources.append(sources[0] | {"id": f"grown-{i:05d}", "short_en": label, "short_sv": label})
    with (data / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(sources)


def timed(command: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.returncode, done.stderr.strip().splitlines()[1:2]


def main() -> None:
    explainer = [sys.executable, "-m", "explainer"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "story"
        project.mkdir()
        shutil.copy2(ROOT / "story.yml", project / "story.yml")
        for name in ("data", "notebooks"):
            shutil.copytree(ROOT / name, project / name)
        for records in (100, MAX_RECORDS // 2, MAX_RECORDS):
            grow(project, records)
            seconds, code, last = timed([*explainer, "validate", "--project", str(project)])
            rows.append((f"validate, {records:,} records per file", seconds, VALIDATE_BUDGET,
                         code, last))  # fmt: skip
            out = Path(folder) / "site"
            seconds, code, last = timed(
                [*explainer, "export", "--project", str(project), "--out", str(out)]
            )
            size = sum(p.stat().st_size for p in out.iterdir()) if out.exists() else 0
            rows.append((f"export, {records:,} records per file ({size / 1e6:.0f} MB of pages)",
                         seconds, EXPORT_BUDGET, code, last))  # fmt: skip
        # Over the limit: the review's 300 000 repeated rows of a membership list.
        listed = project / "data" / "membership" / "2014-09-30.csv"
        with listed.open("a", encoding="utf-8") as handle:
            handle.write("ALB,x\n" * 300_000)
        seconds, code, last = timed([*explainer, "validate", "--project", str(project)])
        rows.append(("validate, a list of 300,000 rows (refused)", seconds, VALIDATE_BUDGET,
                     code, last))  # fmt: skip
        # And the review's 12 500 short events (under the byte limit).
        events = [{"id": f"e{i}", "date": "2013-01-01", "precision": "day"} for i in range(12_500)]
        (project / "data" / "events.yml").write_text(yaml.safe_dump(events), encoding="utf-8")
        seconds, code, last = timed([*explainer, "export", "--project", str(project),
                                     "--out", str(Path(folder) / "refused")])  # fmt: skip
        rows.append(("export, 12,500 short events (refused)", seconds, EXPORT_BUDGET, code, last))
    lines = [
        f"Every file holds at most {MAX_RECORDS:,} records (`MAX_RECORDS`), besides the "
        "byte limits; a story grown to that limit in every file, in fresh processes:",
        "",
        "| what | seconds | budget | ratio | exit |",
        "|---|---|---|---|---|",
    ]
    for what, seconds, budget, code, _ in rows:
        lines.append(f"| {what} | {seconds:.1f} | ≤ {budget:.0f} | {seconds / budget:.2f} "
                     f"| {code} |")  # fmt: skip
    lines += ["", "The refusals say:"]
    lines += [f"- `{row[4][0] if row[4] else ''}`" for row in rows[-2:]]
    write_section("Size limits", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
