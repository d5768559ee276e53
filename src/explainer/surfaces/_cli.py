"""The `explainer` command: start a story, validate it, serve it with Voilà, export its pages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..reading._errors import DataError
from ..reading._loading import load_dataset
from ..reading._project import ENVIRONMENT, MANIFEST, Project
from ..reading._strict import strict_problems


def _report(error: DataError, outcome: str) -> int:
    if error.folder is not None:
        print(f"in {error.folder}:", file=sys.stderr)
    for problem in error.problems:
        print(problem, file=sys.stderr)
    print(f"{len(error.problems)} problem(s); {outcome}", file=sys.stderr)
    return 1


def _validate(args: argparse.Namespace) -> int:
    try:
        if args.data is not None:
            data = load_dataset(args.data)
        else:
            data = load_dataset(project=args.project)
            Project(data.root.parent, data.manifest).check_notebooks()
        if args.strict:
            project = Project(data.root.parent, data.manifest)
            homes = {
                lang: project.notebooks / project.manifest.home(lang) for lang in data.languages
            }
            problems = strict_problems(data, homes)
            if problems:
                raise DataError(problems, data.root.parent)
    except DataError as error:
        return _report(error, "nothing was loaded." if not args.strict else "not fit to publish.")
    lists = [f"{len(lst.members)} on {lst.date}" for lst in data.lists[:1] + data.lists[1:][-1:]]
    counts = [
        f"{len(data.sources)} sources",
        f"{len(data.countries)} countries",
        f"{len(data.lists)} membership lists" + (f" ({', '.join(lists)})" if lists else ""),
        f"{len(data.changes)} dated changes",
        f"{len(data.undated)} undated changes",
        f"{len(data.events)} events",
        f"{len(data.quotes)} quotes",
    ]
    counts += [f"{len(s.items)} {s.spec.id}" for s in data.records.values()]
    print(f"ok: {data.manifest.title.get(data.languages[0])}: {', '.join(counts)}")
    print(f"    data: {data.root}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from ._serve import serve  # heavy: imports the Jupyter server stack

    try:
        return serve(
            project=args.project,
            port=args.port,
            lang=args.lang,
            open_browser=not args.no_browser,
            ip=args.ip,
            max_viewers=args.max_viewers,
            allowed_hosts=tuple(args.allow_host),
            cull_idle=args.cull_idle,
        )
    except DataError as error:
        return _report(error, "nothing was served.")


def _export(args: argparse.Namespace) -> int:
    from ._export import export  # heavy: imports plotly and the view builders
    from ._handout import HandoutError
    from ._publish import PublishError

    try:
        path = export(
            Path(args.out), args.lang, args.project, handout=args.handout, paper=args.paper
        )
    except DataError as error:
        return _report(error, "nothing was exported.")
    except (HandoutError, PublishError) as error:
        print(f"explainer: {error}; nothing was exported.", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from ._new import NewStoryError, new_story

    try:
        folder = new_story(args.folder)
    except NewStoryError as error:
        print(f"explainer: {error}; nothing was written.", file=sys.stderr)
        return 1
    print(f"wrote a new story to {folder}; next:")
    print(f"  explainer validate --project {args.folder}")
    print(f"  explainer serve --project {args.folder}")
    print(f"  explainer export --project {args.folder} --out {Path(args.folder) / 'site'}")
    return 0


def _project_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--project", type=Path, default=None, metavar="DIR",
        help=f"the story's folder, holding {MANIFEST}, data/ and notebooks/ (default: "
        f"${ENVIRONMENT}, else the nearest folder upward from here with a {MANIFEST})",
    )  # fmt: skip


def _lang_option(command: argparse.ArgumentParser, what: str) -> None:
    # Checked against the story's languages once the story is read, not here.
    command.add_argument(
        "--lang", default=None, metavar="CODE",
        help=f"the language of {what} (default: the story's first language)",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `explainer` command."""
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Start, validate, serve and export a sourced membership story "
        f"(a folder with {MANIFEST}, data/ and notebooks/).",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    new = commands.add_parser("new", help="write a small, valid story to start from")
    new.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder")
    new.set_defaults(run=_new)

    validate = commands.add_parser("validate", help="check every file of the story")
    _project_option(validate)
    validate.add_argument(
        "--data", type=Path, default=None, metavar="DIR",
        help=f"check this data folder instead (its story is the nearest {MANIFEST} above)",
    )  # fmt: skip
    validate.add_argument(
        "--strict", action="store_true",
        help="also check what a reviewer would: every string translated, every source "
        "dated and titled, every quote readable in every language, no codes in labels",
    )  # fmt: skip
    validate.set_defaults(run=_validate)

    serve = commands.add_parser("serve", help="serve the story with Voilà")
    _project_option(serve)
    serve.add_argument("--port", type=int, default=8866)
    _lang_option(serve, "the page at /")
    serve.add_argument("--no-browser", action="store_true", help="do not open a browser")
    serve.add_argument(
        "--ip", default="127.0.0.1",
        help="address to listen on (default: this machine only; 0.0.0.0 for a LAN, "
        "see SECURITY.md)",
    )  # fmt: skip
    serve.add_argument(
        "--max-viewers", type=int, default=4,
        help="pages served at once; more get a busy page that links to /published/",
    )  # fmt: skip
    serve.add_argument(
        "--cull-idle", type=int, default=120, metavar="SECONDS",
        help="stop a page's kernel this long after the page is gone (default 120)",
    )  # fmt: skip
    serve.add_argument(
        "--allow-host", action="append", default=[], metavar="NAME",
        help="a host name to serve besides localhost (behind a proxy); repeatable",
    )  # fmt: skip
    serve.set_defaults(run=_serve)

    export = commands.add_parser("export", help="write self-contained pages")
    _project_option(export)
    export.add_argument("--out", default="site", help="output folder (default: site/)")
    _lang_option(export, "index.html")
    export.add_argument(
        "--handout", action="store_true",
        help="also print each language's handout to handout-<lang>.pdf (needs Chromium)",
    )  # fmt: skip
    export.add_argument(
        "--paper", choices=["a4", "letter"], default="a4",
        help="the sheet the handout is printed on (default: a4)",
    )  # fmt: skip
    export.set_defaults(run=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `explainer` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
