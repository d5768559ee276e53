"""JupyterHub on one machine: each user gets the story's live dashboard (a demo).

Start it from the project's folder, with the project installed (``pip install '.[hub]'``)
and the proxy installed (``npm ci --prefix deploy/jupyterhub``)::

    EXPLAINER_HUB_PASSWORD=... jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

then open http://127.0.0.1:8000/ and log in as ``alice`` or ``bob`` with that password.

DEMO ONLY. Everyone logs in with one shared password (DummyAuthenticator), and every
user's server runs as the operating-system user that started the hub
(SimpleLocalProcessSpawner): a logged-in user can run code as that user through
Jupyter's own API. Use a real authenticator and a spawner that isolates users (one
system user each, or containers: ``deploy/kubernetes``) before anyone else can reach
it. README.md beside this file says more.

Settings read from the environment:

- ``EXPLAINER_HUB_PASSWORD`` (required): the demo's shared password;
- ``EXPLAINER_HUB_USERS``: the users allowed to log in, comma-separated (alice,bob);
- ``EXPLAINER_HUB_LANG``: the story's language on the dashboard (its first one);
- ``EXPLAINER_PROJECT``: the story's folder (this repository's root).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import explainer

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - given by JupyterHub

HERE = Path(__file__).resolve().parent


def joined(folder: Path, variable: str) -> str:
    """``folder`` first, then the hub's own ``$variable`` (a search path)."""
    return os.pathsep.join(p for p in (str(folder), os.environ.get(variable, "")) if p)


# The story: its folder (story.yml, data/, notebooks/), validated before anyone logs in.
story = explainer.load_project(os.environ.get("EXPLAINER_PROJECT") or HERE.parents[1])
home_notebook = story.manifest.home(story.language(os.environ.get("EXPLAINER_HUB_LANG")))
story.check_notebooks([home_notebook])

# The hub listens on this machine only; change bind_url (and add TLS) to serve others.
c.JupyterHub.bind_url = "http://127.0.0.1:8000"
c.JupyterHub.hub_ip = "127.0.0.1"

# The proxy: configurable-http-proxy from npm, installed beside this file by
# `npm ci --prefix deploy/jupyterhub` (package-lock.json pins it), else from the PATH.
local_proxy = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [
    str(local_proxy) if local_proxy.exists() else shutil.which("configurable-http-proxy")
    or "configurable-http-proxy"
]  # fmt: skip
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:8001"

# DEMO authentication: any allowed name with the one shared password. Without the
# variable the hub does not start (DummyAuthenticator would take any password).
password = os.environ.get("EXPLAINER_HUB_PASSWORD", "")
if not password:
    raise SystemExit("set EXPLAINER_HUB_PASSWORD: the demo's shared password")
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = password
users = os.environ.get("EXPLAINER_HUB_USERS", "alice,bob")
c.Authenticator.allowed_users = {name.strip() for name in users.split(",") if name.strip()}

# Each user's server is a process of the user who started the hub (no system users are
# needed); its home folder is /tmp/<name> unless set otherwise.
c.JupyterHub.spawner_class = "simple"
# This Python's jupyterhub-singleuser, whatever the PATH (the spawner passes on only a
# few variables of the hub's environment): the kernels run in this environment too and
# import explainer from it.
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.notebook_dir = str(story.notebooks)
# Each user lands on the story's Voilà dashboard, not JupyterLab.
c.Spawner.default_url = f"/voila/render/{home_notebook}"
c.Spawner.environment = {
    # The page Voilà renders, configured as `explainer serve` configures it (the
    # explainer template, which no address can switch off; no tracebacks; no MathJax
    # from a CDN), and no JupyterLab or terminals:
    # deploy/jupyter-config/jupyter_server_config.json, which the Kubernetes image
    # carries too (JSON has no comments: deploy/jupyterhub/README.md explains it).
    "JUPYTER_CONFIG_PATH": joined(HERE.parent / "jupyter-config", "JUPYTER_CONFIG_PATH"),
    # The kernels' load_dataset() reads this story, whatever their working folder.
    "EXPLAINER_PROJECT": str(story.root),
}
# Jupyter refuses to run as root unless told so (a hub started by root).
c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []
# A server's start takes a while on a small, busy machine.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# Servers and the proxy stop with the hub.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
