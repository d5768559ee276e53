"""The `explainer` command: validate the data, serve the dashboard, export a page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ._errors import DataError
from ._loading import load_dataset


def _validate(args: argparse.Namespace) -> int:
    try:
        data = load_dataset(args.data)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was loaded.", file=sys.stderr)
        return 1
    first, last = data.lists[0], data.lists[-1]
    print(
        f"ok: {len(data.sources)} sources, {len(data.countries)} countries, "
        f"{len(data.lists)} membership lists ({len(first.members)} on {first.date}, "
        f"{len(last.members)} on {last.date}), {len(data.events)} events, "
        f"{len(data.quotes)} quotes, {len(data.targets)} targets"
    )
    return 0


def _serve(args: argparse.Namespace) -> int:
    from ._serve import serve  # heavy: imports the Jupyter server stack

    return serve(
        port=args.port,
        lang=args.lang,
        open_browser=not args.no_browser,
        ip=args.ip,
        max_viewers=args.max_viewers,
        allowed_hosts=tuple(args.allow_host),
        cull_idle=args.cull_idle,
    )


def _export(args: argparse.Namespace) -> int:
    from ._export import export  # heavy: imports plotly and the view builders

    try:
        path = export(Path(args.out), lang=args.lang, data_dir=args.data)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("nothing was exported.", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `explainer` command."""
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="The Global Alliance against Child Sexual Abuse Online, explained.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every file in data/")
    validate.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    validate.set_defaults(run=_validate)

    serve = commands.add_parser("serve", help="serve the dashboard with Voilà")
    serve.add_argument("--port", type=int, default=8866)
    serve.add_argument("--lang", choices=["en", "sv"], default="en")
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

    export = commands.add_parser("export", help="write a self-contained page")
    export.add_argument("--out", default="site", help="output folder (default: site/)")
    export.add_argument("--lang", choices=["en", "sv"], default="en")
    export.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    export.set_defaults(run=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `explainer` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
