"""The linked dashboard: widget tree, linking, languages, escaping, hostile state."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets
import plotly.graph_objects as go
import pytest
from babel.messages.extract import extract_from_dir

import explainer
from explainer import Dataset
from explainer._dashboard import Dashboard, LanguageSwitch
from explainer._i18n import translations
from explainer._timeline import Timeline

SRC = Path(__file__).resolve().parents[1] / "src" / "explainer"


@pytest.fixture
def board(dataset: Dataset) -> Dashboard:
    return explainer.dashboard(dataset, "en")


def map_status(board: Dashboard, iso3: str) -> str:
    trace = board.map.data[board.map.layout.meta["countries"][iso3]]
    return str(trace.meta["status"])


def test_widget_tree(board: Dashboard) -> None:
    assert isinstance(board, widgets.VBox)
    assert isinstance(board.timeline, Timeline)
    assert isinstance(board.map, go.FigureWidget)
    assert isinstance(board.language, LanguageSwitch)
    assert isinstance(board.errors, widgets.Output)
    assert [e["id"] for e in board.timeline.events] == [e.id for e in board.dataset.events]
    assert not board.map.layout.sliders, "the dashboard's timeline drives the map"


def test_selecting_canada_2013_shows_canada_as_a_member(board: Dashboard) -> None:
    assert map_status(board, "CAN") == "not_member"
    board.select("canada-2013")
    assert map_status(board, "CAN") == "joined"
    assert 'data-iso3="CAN" data-status="joined"' in board.table.value
    assert board.map.layout.title.text.startswith("17 June 2013: 49 countries on record")
    assert "No quote recorded" in board.quotes.value


def test_selecting_washington_shows_54_and_its_quotes(board: Dashboard) -> None:
    board.timeline.selected = "washington-2014"  # as the browser would set it
    assert map_status(board, "ARM") == "joined_undated"
    assert map_status(board, "VNM") == "absent"
    assert board.map.layout.title.text == "30 September 2014: 54 countries"
    assert board.quotes.value.count("<blockquote") == 3
    assert "<cite>Eric Holder</cite>" in board.quotes.value
    assert "Members on 30 September 2014: 54 countries on record" in board.table.value


def test_events_before_the_launch_show_no_members(board: Dashboard) -> None:
    board.select("copenhagen-2012")
    assert map_status(board, "SWE") == "not_member"
    assert "before the launch" in board.map.layout.title.text
    assert "No members yet" in board.table.value


def visible_text(board: Dashboard) -> str:
    """Every string a viewer can see, tags stripped."""
    parts = [board.heading.value, board.quotes.value, board.table.value, board.download.value]
    parts += [str(v) for v in board.timeline.labels.values()]
    for event in board.timeline.events:
        parts += [event["date"], event["title"], event["text"], event["place"], event["announce"]]
    parts.append(board.map.layout.title.text)
    parts += [t.name for t in board.map.data if t.showlegend is not False]
    parts += [t.text for t in board.map.data if isinstance(t.text, str)]
    text = " ".join(parts)
    # Quotes shown in their original language are labelled; leave them out.
    text = re.sub(r"<blockquote lang=\"en\".*?</blockquote>", " ", text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def test_swedish_mode_leaves_no_english_interface_string(board: Dashboard) -> None:
    board.select("washington-2014")
    board.set_language("sv")
    text = visible_text(board)
    sv = translations("sv").gettext
    english = {m for _, _, m, _, _ in extract_from_dir(SRC, [("**.py", "python")])}
    leftovers = []
    for message in english:
        if message in sv(message):
            continue  # the same word in both languages ("EU"), or a name kept with a gloss
        fixed = [p for p in re.split(r"\{\w+\}", message) if len(p.strip()) > 3]
        if fixed and all(p in text for p in fixed):
            leftovers.append(message)
    assert leftovers == []
    assert "Översättning: EU Reporter (delvis maskinöversatt), som publicerad" in board.quotes.value
    assert "Originalspråk: engelska; ingen översättning publicerad" in board.quotes.value
    assert "Andra ministerkonferensen, 54 länder" in text
    assert board.map.layout.title.text == "30 september 2014: 54 länder"


def test_language_switch_back_to_english(board: Dashboard) -> None:
    board.set_language("sv")
    board.set_language("en")
    assert board.timeline.labels["heading"] == "Timeline"
    assert board.timeline.events[0]["title"] == "Malmström and Holder meet"


def test_unknown_event_from_the_browser_is_ignored(
    board: Dashboard, caplog: pytest.LogCaptureFixture
) -> None:
    board.select("canada-2013")
    with caplog.at_level(logging.WARNING):
        board.timeline.set_state({"selected": "<script>nope</script>"})
    assert board.timeline.selected == "canada-2013"
    assert map_status(board, "CAN") == "joined"
    assert "unknown event id" in caplog.text
    assert list(board.errors.outputs) == []


def test_unknown_language_from_the_browser_is_ignored(
    board: Dashboard, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        board.language.set_state({"index": 7})
    assert board.language.value == "en"
    assert "ignoring invalid state" in caplog.text


def test_python_api_refuses_unknown_values(board: Dashboard) -> None:
    with pytest.raises(KeyError):
        board.select("no-such-event")
    with pytest.raises(ValueError, match="lang must be one of"):
        board.set_language("de")


def test_callback_errors_are_shown_not_swallowed(
    board: Dashboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> str:
        raise RuntimeError("quote cards exploded")

    monkeypatch.setattr("explainer._dashboard.quote_cards", broken)
    board.select("launch-2012")
    [output] = board.errors.outputs
    shown = output["data"]["text/html"]
    assert 'role="alert"' in shown
    assert "quote cards exploded" in shown
    assert "Traceback" not in shown


HOSTILE = "<script>alert(1)</script>"


def test_hostile_text_is_escaped_everywhere(data_copy: Callable[..., Path]) -> None:
    root = data_copy()

    def poison(name: str, old: str, new: str) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    poison("countries.csv", "CAN,Canada,Kanada", f"CAN,Canada {HOSTILE},Kanada {HOSTILE}")
    poison("events.yml", "en: Second ministerial conference, 54 countries",
           f'en: "Second ministerial conference {HOSTILE}"')  # fmt: skip
    poison("quotes.yml", "  speaker: Eric Holder", f'  speaker: "Eric Holder {HOSTILE}"')
    poison("quotes.yml", "Together, thanks", f"{HOSTILE} Together, thanks")
    poison("quotes.yml", "en: US Attorney General,", f'en: "US Attorney General {HOSTILE}",')
    poison("sources.csv", "ec-release-2014-09-30,EC release (copy)",
           f'ec-release-2014-09-30,"EC release {HOSTILE}"')  # fmt: skip
    board = explainer.dashboard(explainer.load_dataset(root), "en")
    board.select("washington-2014")
    board.select("canada-2013")
    board.select("washington-2014")
    markup = " ".join([board.quotes.value, board.table.value, board.map.layout.title.text])
    markup += " ".join(t.text for t in board.map.data if isinstance(t.text, str))
    assert "<script>" not in markup
    assert markup.count("&lt;script&gt;") >= 5
    # The timeline hands plain strings to its front end, which sets them as text only.
    titles = [e["title"] for e in board.timeline.events]
    assert f"Second ministerial conference {HOSTILE}" in titles
    assert "innerHTML" not in (SRC / "_timeline.js").read_text(encoding="utf-8")
