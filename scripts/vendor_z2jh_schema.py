"""Vendor the Zero to JupyterHub chart's values schema for tests/test_deploy_values.py.

The chart (jupyterhub/zero-to-jupyterhub-k8s, BSD-3-Clause) ships ``values.schema.json``
made from ``jupyterhub/values.schema.yaml`` by its ``tools/generate-json-schema.py``: the
same schema with its ``description`` texts removed. This script does the same for a
checkout of the chart's repository at a release tag, so the test validates
deploy/kubernetes/values.yaml offline against the schema Helm itself would use.

Usage: python scripts/vendor_z2jh_schema.py CHART_REPO TAG
(e.g. a clone of https://github.com/jupyterhub/zero-to-jupyterhub-k8s and ``4.4.0``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import yaml

OUT = Path(__file__).resolve().parents[1] / "tests" / "data"


def show(repo: Path, tag: str, path: str) -> str:
    """A file of the chart's repository at ``tag``."""
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"{tag}:{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def without_descriptions(schema: MutableMapping[str, Any]) -> None:
    """Drop ``description`` keys in place, as the chart's generate-json-schema.py does."""
    schema.pop("description", None)
    for value in schema.get("properties", {}).values():
        if isinstance(value, MutableMapping):
            without_descriptions(value)


def main() -> None:
    repo, tag = Path(sys.argv[1]), sys.argv[2]
    folder = OUT / f"z2jh-chart-{tag}"
    folder.mkdir(parents=True, exist_ok=True)
    schema = yaml.safe_load(show(repo, tag, "jupyterhub/values.schema.yaml"))
    without_descriptions(schema)
    (folder / "values.schema.json").write_text(json.dumps(schema, indent=1) + "\n")
    (folder / "values.yaml").write_text(show(repo, tag, "jupyterhub/values.yaml"))
    (folder / "LICENSE").write_text(show(repo, tag, "LICENSE"))
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", f"{tag}^{{commit}}"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (folder / "SOURCE.md").write_text(
        f"The `jupyterhub` Helm chart {tag}: `values.yaml` and `values.schema.json` (made\n"
        "from `jupyterhub/values.schema.yaml` as the chart's `tools/generate-json-schema.py`\n"
        "makes it) from https://github.com/jupyterhub/zero-to-jupyterhub-k8s at commit\n"
        f"{commit}; BSD-3-Clause (LICENSE). Regenerate with\n"
        f"`python scripts/vendor_z2jh_schema.py <checkout> {tag}`.\n"
    )


if __name__ == "__main__":
    main()
