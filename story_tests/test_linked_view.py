"""The linked view widget and the moments it is fed with."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir

import explainer
from explainer import Dataset, LinkedView
from explainer.language._i18n import translations
from explainer.views._moments import default_event, map_description

SRC = Path(__file__).resolve().parents[1] / "src" / "explainer"


@pytest.fixture
def view(dataset: Dataset) -> LinkedView:
    return explainer.dashboard(dataset, "en")


def moment(view: LinkedView, event_id: str) -> dict[str, Any]:
    return next(e for e in view.spec["events"] if e["id"] == event_id)


def status_of(view: LinkedView, event_id: str, iso3: str) -> str:
    codes = [c["iso3"] for c in view.spec["countries"]]
    return str(moment(view, event_id)["countries"][codes.index(iso3)][0])


def test_one_moment_per_event_and_the_launch_first(view: LinkedView, dataset: Dataset) -> None:
    assert [m["id"] for m in view.spec["events"]] == [e.id for e in dataset.events]
    assert view.selected == view.spec["default"] == "launch-2012" == default_event(dataset).id
    assert view.view == "world"
    assert [v["id"] for v in view.spec["views"]] == ["world", "europe"]


def test_moments_carry_the_membership_of_their_date(view: LinkedView) -> None:
    assert status_of(view, "launch-2012", "CAN") == "not_member"
    assert status_of(view, "canada-2013", "CAN") == "joined"
    assert status_of(view, "washington-2014", "ARM") == "joined_undated"
    assert status_of(view, "washington-2014", "VNM") == "absent"
    assert status_of(view, "idea-2011", "SWE") == "not_member"
    canada = moment(view, "canada-2013")
    assert canada["map_title"] == "17 June 2013: 49 known members"
    assert (
        canada["announce"]
        == "17 June 2013: Canada joins the alliance. 49 countries: Canada joined."
    )
    washington = moment(view, "washington-2014")
    codes = [c["iso3"] for c in view.spec["countries"]]
    # Six joined without a published date, Vietnam is missing from the list; no other.
    assert {codes[i] for i in washington["changed"]} == {
        "ARM", "BIH", "CRI", "ISR", "XKX", "MEX", "VNM",
    }  # fmt: skip
    assert washington["announce"].endswith("54 countries: 6 joined, Vietnam no longer listed.")
    assert [q["id"] for q in washington["quotes"]] == [
        "malmstrom-2014", "holder-2014", "malmstrom-2014-speech",
    ]  # fmt: skip
    assert washington["caption"] == "Known members on 30 September 2014: 54 countries"
    assert len(washington["rows"]) == 55
    assert moment(view, "idea-2011")["rows"] == [], "no table before the launch"


def test_the_text_alternative_says_what_the_map_shows(dataset: Dataset) -> None:
    on = dataset.event("washington-2014").last_day
    assert map_description(dataset, on, "en") == (
        "The map shows 47 founding members, 1 that joined later, "
        "6 that joined on unpublished dates and Vietnam, no longer listed."
    )
    assert map_description(dataset, on, "sv") == (
        "Kartan visar 47 grundande medlemmar, 1 som gick med senare, "
        "6 som gick med vid tidpunkter som inte har publicerats "
        "och Vietnam, som inte längre finns med i listan."
    )
    canada = dataset.event("canada-2013").last_day
    assert "6 that may have joined" in map_description(dataset, canada, "en")
    before = dataset.event("idea-2011").last_day
    assert map_description(dataset, before, "en") == (
        "No members yet; the record begins on 5 December 2012."
    )


def test_python_sets_and_reads_the_selection(view: LinkedView) -> None:
    seen = []
    view.observe(lambda change: seen.append(change["new"]), names=["selected"])
    view.select("canada-2013")
    assert view.selected == "canada-2013" and seen == ["canada-2013"]
    with pytest.raises(KeyError):
        view.select("no-such-event")


def test_the_browser_may_change_only_the_selection_and_the_view(
    view: LinkedView, caplog: pytest.LogCaptureFixture
) -> None:
    view.set_state({"selected": "washington-2014", "view": "europe"})
    assert (view.selected, view.view) == ("washington-2014", "europe")
    spec = json.dumps(view.spec)
    with caplog.at_level(logging.WARNING):
        view.set_state({"spec": {"events": []}, "pages": [], "interval_ms": 1})
        view.set_state({"selected": "<script>nope</script>"})
        view.set_state({"view": "mars"})
    assert json.dumps(view.spec) == spec and view.interval_ms == 4000
    assert (view.selected, view.view) == ("washington-2014", "europe")
    assert "ignoring browser state" in caplog.text


def test_language_links_point_at_the_other_story(dataset: Dataset) -> None:
    english = explainer.dashboard(dataset, "en")
    swedish = explainer.dashboard(dataset, "sv")
    assert english.pages == [{"lang": "sv", "label": "På svenska", "href": "explainer-sv.ipynb"}]
    assert swedish.pages == [{"lang": "en", "label": "In English", "href": "explainer-en.ipynb"}]


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def test_swedish_view_leaves_no_english_interface_string(dataset: Dataset) -> None:
    spec = explainer.dashboard(dataset, "sv").spec
    # Quotes shown in their original language are labelled as such; leave them out.
    # Ids and status codes are not shown; names, labels and every moment's text are.
    shown: dict[str, Any] = {
        "labels": spec["labels"],
        "styles": [s["name"] for s in spec["styles"].values()],
        "views": [v["name"] for v in spec["views"]],
        "countries": [c["name"] for c in spec["countries"]],
        "events": [],
    }
    for event in spec["events"]:
        visible = {k: v for k, v in event.items() if k not in {"id", "rows", "countries"}}
        visible["countries"] = [
            [spec["strings"][i] for i in cell[1:]] for cell in event["countries"]
        ]
        visible["quotes"] = [
            {k: v for k, v in q.items() if k not in {"id", "lang", "paragraphs", "original"}}
            for q in event["quotes"]
        ]
        shown["events"].append(visible)
    # English inside Swedish quotation marks is verbatim and glossed: not interface text.
    text = re.sub(r"”[^”]*”", " ", " ".join(strings(shown)))
    sv = translations("sv").gettext
    english = {m for _, _, m, _, _ in extract_from_dir(SRC, [("**.py", "python")])}
    leftovers = []
    for message in english:
        if isinstance(message, tuple):
            message = message[0]
        if message in sv(message):
            continue  # the same in both languages ("EU"), or a name kept with a gloss
        fixed = [p for p in re.split(r"\{\w+\}", message) if len(p.strip()) > 3]
        if fixed and all(p in text for p in fixed):
            leftovers.append(message)
    assert leftovers == []
    washington = next(e for e in spec["events"] if e["id"] == "washington-2014")
    assert washington["map_title"] == "30 september 2014: 54 länder"
    assert washington["title"] == "Andra ministerkonferensen: 54 medlemmar, fler än 30 på plats"


def test_the_plain_form_says_what_the_view_shows(view: LinkedView) -> None:
    assert repr(view) == "A map and a timeline of 13 events, December 2011 to 2016."


def test_the_view_is_an_island_beside_its_widget(view: LinkedView) -> None:
    data, _metadata = view._repr_mimebundle_()
    island = data["application/vnd.explainer.view+json"]
    widget = data["application/vnd.jupyter.widget-view+json"]
    assert island["kind"] == "linked"
    # The painted view and the kernel's widget meet by this key.
    assert island["key"] == view.key == view.model_id == widget["model_id"]
    assert island["state"] == {"spec": view.spec, "selected": "launch-2012", "view": "world",
                               "pages": view.pages, "interval_ms": 4000}  # fmt: skip
    assert data["text/plain"] == repr(view)


def test_keys_count_the_views_made_in_a_kernel(dataset: Dataset) -> None:
    first, second = explainer.dashboard(dataset, "en"), explainer.dashboard(dataset, "sv")
    number = int(first.key.removeprefix("explainer-view-"))
    assert second.key == f"explainer-view-{number + 1}"


def test_a_notebook_stores_its_first_view_under_the_first_key() -> None:
    # Run from the start in a fresh kernel (nbval, JupyterLab's Run All), a notebook
    # makes the same output again: the file does not change by being run.
    notebook = json.loads((SRC.parents[1] / "notebooks" / "explainer-en.ipynb").read_text())
    outputs = [o for c in notebook["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    islands = [o["data"]["application/vnd.explainer.view+json"] for o in outputs
               if "application/vnd.explainer.view+json" in o.get("data", {})]  # fmt: skip
    assert [i.get("key") for i in islands] == ["explainer-view-1", None]
    assert all("execution" not in c["metadata"] for c in notebook["cells"]), "no timings"


def test_unknown_language_is_refused(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="lang must be one of"):
        explainer.dashboard(dataset, "de")


@pytest.mark.parametrize(
    "data",
    [
        None,
        "text",
        {"method": "update", "state": ["not", "a", "mapping"]},
        {"method": "update", "state": {"selected": "x"}, "buffer_paths": [["selected"]]},
        {"method": "custom", "content": {"x": 1}},
        {"method": "request_state", "extra": 1},
    ],
)
def test_a_malformed_message_is_one_log_line_without_a_traceback(
    view: LinkedView, caplog: pytest.LogCaptureFixture, data: Any
) -> None:
    # ipywidgets would print a traceback (with server paths) that reaches the page.
    with caplog.at_level(logging.DEBUG):
        view._handle_msg({"content": {"comm_id": view.comm.comm_id, "data": data}, "buffers": []})
    assert not any(record.exc_info for record in caplog.records)
    assert view.selected == "launch-2012"
