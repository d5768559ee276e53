"""Check that the built wheel works on its own, the way a user installs it.

Build the wheel, install it into a fresh virtual environment, and from a folder outside
the repository run ``explainer validate``, ``explainer export`` and ``explainer serve`` on
each project folder given (default: this repository). An editable install hides a
package that reaches outside itself for its content or forgets to ship its templates;
this does not.

Run with ``make wheel-check`` (part of ``make test``), or
``python scripts/check_wheel.py DIR ...`` for other project folders. Exits non-zero,
naming the step, on the first failure.
"""

from __future__ import annotations

import argparse
import html
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import venv
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
FIRST_PAGE_TIMEOUT = 180  # seconds; Voilà starts a kernel and runs the home notebook


def run(step: str, command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run one step; on failure print its output and stop with the step's name."""
    print(f"wheel-check: {step}", flush=True)
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(
            f"wheel-check: {step} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def first_page(url: str, process: subprocess.Popen[str]) -> str:
    """The body of the first page once the server answers it (or exit if it never does)."""
    deadline = time.monotonic() + FIRST_PAGE_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"wheel-check: explainer serve exited ({process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=FIRST_PAGE_TIMEOUT) as response:
                if response.status == 200:
                    return str(response.read().decode("utf-8"))
        except OSError:
            time.sleep(1)
    sys.exit(f"wheel-check: {url} did not answer within {FIRST_PAGE_TIMEOUT} s")


def check_project(explainer: str, project: Path, elsewhere: Path, env: dict[str, str]) -> None:
    """Validate, export and serve one project with the installed ``explainer``."""
    manifest = yaml.safe_load((project / "story.yml").read_text(encoding="utf-8"))
    # The page at / is the story's home notebook in its first language, titled as such.
    first_language = manifest["languages"][0]["code"]
    title = f"<title>{html.escape(manifest['title'][first_language], quote=False)}</title>"
    where = ["--project", str(project)]
    print(run(f"explainer validate {project}", [explainer, "validate", *where], elsewhere, env),
          end="")  # fmt: skip
    site = elsewhere / f"site-{project.name}"
    run("explainer export", [explainer, "export", *where, "--out", str(site)], elsewhere, env)
    pages = sorted(p.name for p in site.glob("*.html"))
    if "index.html" not in pages:
        sys.exit(f"wheel-check: the export wrote no index.html ({pages})")
    print(f"wheel-check: exported {', '.join(pages)}")

    port = free_port()
    print("wheel-check: explainer serve", flush=True)
    server = subprocess.Popen(
        [explainer, "serve", *where, "--port", str(port), "--no-browser"],
        cwd=elsewhere, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        body = first_page(f"http://127.0.0.1:{port}/", server)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    if title not in body or "Traceback" in body:
        sys.exit(f"wheel-check: the first page is not the story:\n{body[:2000]}\n{output}")
    print(f"wheel-check: first page answered ({len(body)} bytes)")


def check_new_story(explainer: str, elsewhere: Path, env: dict[str, str]) -> None:
    """``explainer new``, then validate and export it as it is, as a new author would."""
    folder = elsewhere / "new-author"
    folder.mkdir()
    run("explainer new mystory", [explainer, "new", "mystory"], folder, env)
    where = ["--project", "mystory"]
    print(run("explainer validate (new story)", [explainer, "validate", *where], folder, env),
          end="")  # fmt: skip
    export = [explainer, "export", *where, "--out", "mystory/site"]
    run("explainer export (new story)", export, folder, env)
    site = folder / "mystory" / "site"
    modes = {path.name: path.stat().st_mode & 0o777 for path in [site, *site.iterdir()]}
    want = {name: 0o755 if name == "site" else 0o644 for name in modes}
    if "index.html" not in modes or modes != want:
        sys.exit(f"wheel-check: the new story's pages: { ({k: oct(v) for k, v in modes.items()}) }")
    print(f"wheel-check: the new story exported {', '.join(sorted(modes))}, readable by all")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("projects", nargs="*", type=Path, default=[REPO],
                        help="story folders to run (default: this repository)")  # fmt: skip
    projects = [project.resolve() for project in parser.parse_args().projects]

    with tempfile.TemporaryDirectory(prefix="wheel-check-") as scratch:
        work = Path(scratch)
        dist, env_dir, elsewhere = work / "dist", work / "venv", work / "elsewhere"
        elsewhere.mkdir()
        wheel_command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet"]
        run("build the wheel", [*wheel_command, "-w", str(dist), str(REPO)], REPO)
        wheel = next(dist.glob("membership_explainer-*.whl"))
        venv.create(env_dir, with_pip=True)
        install = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)]
        run("install it into a fresh environment", install, elsewhere)
        # No EXPLAINER_PROJECT from the caller: the project comes from --project only.
        env = {k: v for k, v in os.environ.items() if k != "EXPLAINER_PROJECT"}
        env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        # JupyterLab finds the views' renderer, shipped as shared data in the wheel (it
        # writes the list to stderr).
        listed = subprocess.run([str(env_dir / "bin" / "jupyter"), "labextension", "list"],
                                cwd=elsewhere, env=env, capture_output=True, text=True,
                                check=False)  # fmt: skip
        if "explainer-view" not in listed.stdout + listed.stderr:
            sys.exit(f"wheel-check: JupyterLab does not list the explainer-view renderer:\n"
                     f"{listed.stdout}{listed.stderr}")  # fmt: skip
        print("wheel-check: JupyterLab lists the explainer-view renderer")
        for project in projects:
            check_project(str(env_dir / "bin" / "explainer"), project, elsewhere, env)
        check_new_story(str(env_dir / "bin" / "explainer"), elsewhere, env)
    print(f"wheel-check: the wheel works for {len(projects)} project(s) and a new story")


if __name__ == "__main__":
    main()
