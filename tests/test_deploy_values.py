"""Zero to JupyterHub (deploy/kubernetes): the values, the image and the project agree.

Nothing is started here (no cluster, no image build). What is checked: the values file
names the story's home notebook, the paths and variables the Dockerfile lays out, and a
command the image has; the Dockerfile copies files that exist and installs the project
with the JupyterHub of the chart; and the values merged into the chart's defaults, as
Helm merges them, validate against the chart's own schema (vendored in
``tests/data/z2jh-chart-4.4.0`` by ``scripts/vendor_z2jh_schema.py``; ``Z2JH_CHART``
names another chart folder, e.g. from ``helm pull jupyterhub/jupyterhub --untar``).
"""

from __future__ import annotations

import copy
import importlib.metadata
import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

import explainer

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "kubernetes"
SERVER_CONFIG = ROOT / "deploy" / "jupyter-config" / "jupyter_server_config.json"
STORY = explainer.load_project(ROOT)
VENDORED_CHART = ROOT / "tests" / "data" / "z2jh-chart-4.4.0"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def values() -> dict[str, Any]:
    loaded = yaml.safe_load((K8S / "values.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined: (INSTRUCTION, rest)."""
    text = re.sub(r"\\\n", " ", (K8S / "Dockerfile").read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines()]
    return [
        (words[0].upper(), words[1] if len(words) > 1 else "")
        for line in lines
        if line and not line.startswith("#")
        for words in [line.split(None, 1)]
    ]


def image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction, rest in dockerfile():
        if instruction == "ENV":
            env |= dict(re.findall(r"(\w+)=(\S+)", rest))
    return env


def copies() -> dict[str, list[str]]:
    """Each COPY's destination and its sources (paths in the build context)."""
    found: dict[str, list[str]] = {}
    for instruction, rest in dockerfile():
        if instruction == "COPY":
            *sources, destination = rest.split()
            found.setdefault(destination, []).extend(sources)
    return found


def requirements() -> list[str]:
    lines = (K8S / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def test_the_values_open_the_story_dashboard_as_the_image_lays_it_out() -> None:
    given, env = values(), image_env()
    singleuser = given["singleuser"]
    home = STORY.manifest.home(STORY.manifest.codes[0])
    assert singleuser["defaultUrl"] == f"/voila/render/{home}"
    assert (STORY.notebooks / home).is_file()
    # The story's folder in the image: where the values point the kernels and the server.
    story = env["EXPLAINER_PROJECT"]
    assert singleuser["extraEnv"]["EXPLAINER_PROJECT"] == story
    notebook_dir = given["hub"]["config"]["KubeSpawner"]["notebook_dir"]
    assert notebook_dir == f"{story}/notebooks"
    copied = copies()
    assert copied[f"{story}/"] == ["story.yml"]
    assert copied[f"{story}/data/"] == ["data/"]
    assert copied[f"{story}/notebooks/"] == ["notebooks/"]
    assert ("WORKDIR", notebook_dir) in dockerfile()
    # The image starts the hub's single-user server, which its requirements install.
    assert singleuser["cmd"] == "jupyterhub-singleuser"
    assert ("CMD", '["jupyterhub-singleuser"]') in dockerfile()
    # The chart's idle culler stops servers nobody uses.
    assert given["cull"]["enabled"] is True


def test_the_image_installs_the_project_with_the_hub_of_the_chart() -> None:
    copied = copies()
    # Every file the Dockerfile copies is in the project (the build context).
    for sources in copied.values():
        for source in sources:
            assert (ROOT / source).exists(), source
    # The project is installed from the sources copied to the folder requirements.txt
    # names, with the `hub` extra that pyproject.toml defines.
    wanted = [Requirement(line) for line in requirements() if not line.startswith("/")]
    paths = [line for line in requirements() if line.startswith("/")]
    assert len(paths) == 1
    project = re.fullmatch(r"(/\S+)\[(\w+)\]", paths[0])
    assert project, paths[0]
    folder, extra = project.groups()
    assert copied[f"{folder}/"] == ["pyproject.toml", "README.md"]
    assert copied[f"{folder}/src/explainer/"] == ["src/explainer/"]
    # The package imports as `explainer` from the distribution pyproject.toml names.
    assert importlib.metadata.version(PYPROJECT["project"]["name"]) == explainer.__version__
    hub_extra = [Requirement(r) for r in PYPROJECT["project"]["optional-dependencies"][extra]]
    assert [r.name for r in hub_extra] == ["jupyterhub"]
    # The image's jupyterhub is the chart's (4.x: jupyterhub 5.5) and fits the extra.
    (pinned,) = (r for r in wanted if r.name == "jupyterhub")
    assert Version("5.5.0") in pinned.specifier
    assert Version("5.5.0") in hub_extra[0].specifier
    assert ("RUN", "pip install --no-cache-dir -r /tmp/requirements.txt") in dockerfile()
    assert copied["/tmp/requirements.txt"] == ["deploy/kubernetes/requirements.txt"]


def test_the_image_finds_the_explainer_template_and_the_dashboard_settings() -> None:
    env = image_env()
    (base,) = (rest for instruction, rest in dockerfile() if instruction == "FROM")
    python = re.fullmatch(r"python:(\d+\.\d+)-slim\S*", base)
    assert python, base
    assert Version(python[1]) in SpecifierSet(PYPROJECT["project"]["requires-python"])
    # The wheel installs the template as shared data, in the image's sys.prefix (/usr/local),
    # where Voilà looks; nothing puts the package's own folder on the Jupyter path.
    assert "JUPYTER_PATH" not in env
    shared = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    settings = json.loads(SERVER_CONFIG.read_text(encoding="utf-8"))
    name = settings["VoilaConfiguration"]["template"]
    installed = f"share/jupyter/voila/templates/{name}"
    (source,) = (src for src, dest in shared.items() if dest == installed)
    assert (ROOT / source / "index.html.j2").is_file()
    checks = [rest for instruction, rest in dockerfile() if instruction == "RUN"]
    assert any(f"test -f /usr/local/{installed}/index.html.j2" in rest for rest in checks)
    # The same settings as the hub on one machine (deploy/jupyterhub) uses.
    assert copies()["/usr/local/etc/jupyter/jupyter_server_config.json"] == [
        "deploy/jupyter-config/jupyter_server_config.json"
    ]


def merged(defaults: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """``given`` over ``defaults``, as Helm merges a values file into a chart's."""
    out = copy.deepcopy(defaults)
    for key, value in given.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def test_the_values_validate_against_the_charts_schema() -> None:
    import jsonschema

    folder = Path(os.environ.get("Z2JH_CHART", VENDORED_CHART))
    schema_file = next(
        (folder / name for name in ("values.schema.json", "values.schema.yaml")
         if (folder / name).is_file()),
        None,
    )  # fmt: skip
    assert schema_file, f"no values.schema.json in {folder}"
    text = schema_file.read_text(encoding="utf-8")
    schema = json.loads(text) if schema_file.suffix == ".json" else yaml.safe_load(text)
    defaults = yaml.safe_load((folder / "values.yaml").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    assert [e.message for e in validator.iter_errors(defaults)] == []
    errors = validator.iter_errors(merged(defaults, values()))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []
    # The schema is not a formality: a misspelt key fails.
    wrong = merged(values(), {"singleuser": {"defaultURL": "/voila/render/x.ipynb"}})
    assert list(validator.iter_errors(merged(defaults, wrong)))
