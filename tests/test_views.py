"""The engine's views (map, linked view, export) on the invented fixture story.

Whatever the engine shows comes from the story's folder: its title, its status words,
its views and its records. Nothing of the repository's own story may leak into another.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import explainer
from explainer.surfaces._export import export

from .conftest import TINY

SRC = Path(__file__).resolve().parents[1] / "src" / "explainer"
# Words of the repository's own story that no other story's pages may contain.
OTHER_STORY = ["Global Alliance", "four policy targets", "Sept. 2014", "Kosovo", "Malmström",
               "Holder", "WePROTECT", "54 countries", "global-alliance"]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("tiny") / "site", lang="en", project=TINY).parent


def test_the_export_has_one_page_per_notebook(site: Path) -> None:
    assert sorted(p.name for p in site.glob("*.html")) == ["en.html", "index.html", "sv.html"]


@pytest.mark.parametrize("page", ["index.html", "sv.html"])
def test_the_export_tells_only_its_own_story(site: Path, page: str) -> None:
    text = (site / page).read_text(encoding="utf-8")
    leaked = [word for word in OTHER_STORY if word in text]
    assert leaked == []
    title = "A tiny alliance" if page == "index.html" else "En liten allians"
    assert f"<title>{title}" in text


def test_status_words_come_from_the_story(tiny: explainer.Dataset) -> None:
    spec = explainer.dashboard(tiny, "sv").spec
    details = json.dumps(spec, ensure_ascii=False)
    assert "Anslöt sig den" in details, "story.yml's words for 'joined'"
    assert spec["styles"]["joined"]["name"] == "Anslöt sig"


def test_the_plain_form_says_what_the_view_shows(tiny: explainer.Dataset) -> None:
    assert repr(explainer.dashboard(tiny, "en")) == (
        "A map and a timeline of 4 events, 1 January 2020 to January 2021."
    )
    assert repr(explainer.dashboard(tiny, "sv")).startswith("En karta och en tidslinje med 4")


def test_map_views_are_the_storys(tiny: explainer.Dataset) -> None:
    views = explainer.dashboard(tiny, "sv").spec["views"]
    assert [v["name"] for v in views] == ["Världen", "Närbild"]


def test_unknown_language_is_refused(tiny: explainer.Dataset) -> None:
    with pytest.raises(ValueError, match="lang must be one of en, sv"):
        explainer.dashboard(tiny, "de")
    with pytest.raises(ValueError, match="lang must be one of"):
        explainer.members_on_list(tiny, "de")


def test_a_story_without_record_sets_needs_no_files_for_them(
    data_copy: Callable[..., Path],
) -> None:
    data = data_copy(TINY)
    manifest = data.parent / "story.yml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text[: text.index("# Sets of short")] + text[text.index("map:"):],
                        encoding="utf-8")  # fmt: skip
    (data / "targets.yml").unlink()
    (data / "targets.meta.yml").unlink()
    dataset = explainer.load_dataset(data)
    assert dataset.records == {}
    with pytest.raises(ValueError, match="no record set 'targets'"):
        explainer.records_table(dataset, "targets")


def test_a_record_set_table_takes_its_words_from_story_yml(tiny: explainer.Dataset) -> None:
    english = explainer.records_table(tiny, "targets").data
    assert "<caption>The policy targets (1); published wording:" in english
    assert "<th scope='col'>Target</th>" in english
    swedish = explainer.records_table(tiny, "targets", "sv").data
    assert "<caption>De politiska målen (1); publicerad lydelse:" in swedish
    assert "<th scope='col'>Mål</th>" in swedish


def test_hostile_text_stays_text(data_copy: Callable[..., Path]) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    data = data_copy(TINY)
    path = data / "countries.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("ISL,Iceland,", f"ISL,{hostile},"),
                    encoding="utf-8")  # fmt: skip
    dataset = explainer.load_dataset(data)
    names = [c["name"] for c in explainer.dashboard(dataset, "en").spec["countries"]]
    assert hostile in names, "names reach the browser as plain strings"
    members = explainer.members_on_list(dataset, "en")
    assert hostile in [c["name"] for c in members.state["countries"]]
    # The front end writes text only with textContent: no HTML sink in any module, nor
    # in the bundle that every surface loads.
    scripts = [*(SRC / "front").glob("*.js"), SRC / "static" / "explainer.js"]
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, (script.name, sink)


def test_a_plain_figure_in_a_notebook_comes_after_plotly_js(
    data_copy: Callable[..., Path], tmp_path: Path
) -> None:
    import nbformat

    project = data_copy(TINY).parent
    path = project / "notebooks" / "story-en.ipynb"
    notebook = nbformat.read(path, as_version=4)
    figure = "import plotly.graph_objects as go\n\ngo.Figure(go.Scatter(x=[0, 1], y=[1, 0]))"
    notebook.cells.append(nbformat.v4.new_code_cell(figure))
    nbformat.write(notebook, path)
    text = export(tmp_path / "site", lang="en", project=project).read_text(encoding="utf-8")
    assert text.count("Plotly.newPlot(") == 1, "an author's own figure"
    assert text.index("<script>\n/**\n* plotly.js") < text.index("Plotly.newPlot(")
