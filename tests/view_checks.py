"""Checks of the linked view in a browser, shared by the Voilà and export tests.

Expected values come from Python (the dataset and its status rules), never from the
page's own data, so a view that shows the wrong moment cannot agree with itself.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

import explainer
from explainer.language._i18n import event_date_label
from explainer.model._schema import Event
from explainer.views._geometry import projected_shapes
from explainer.views._labels import STYLES
from explainer.views._map import map_title
from explainer.views._moments import map_description

READY = ".xpl-linked[data-ready]"
# Members that must be told apart in the Europe view: every European member (and the
# Caucasus), small states included.
EUROPE = {
    "ALB", "ARM", "AUT", "BEL", "BGR", "BIH", "CHE", "CYP", "CZE", "DEU", "DNK", "ESP",
    "EST", "FIN", "FRA", "GBR", "GEO", "GRC", "HRV", "HUN", "IRL", "ITA", "LTU", "LUX",
    "LVA", "MDA", "MLT", "MNE", "NLD", "NOR", "POL", "PRT", "ROU", "SRB", "SVK", "SVN",
    "SWE", "TUR", "UKR", "XKX",
}  # fmt: skip

STATE = """() => {
  const root = document.querySelector('.xpl-view');
  const gd = root.querySelector('.js-plotly-plot');
  const fills = {};
  (gd ? gd.data : []).forEach((t) => {
    if (t.customdata && t.customdata.length === 1 && t.fill === 'toself') {
      fills[t.customdata[0]] = t.fillcolor;
    }
  });
  const rows = {};
  root.querySelectorAll('tbody tr[data-iso3]').forEach((r) => {
    rows[r.dataset.iso3] = r.dataset.status;
  });
  return {
    selected: (root.querySelector('[role=option][aria-selected=true]') || {dataset: {}}).dataset.id,
    moment: root.querySelector('.xpl-plot').dataset.moment,
    title: root.querySelector('.xpl-map-title').textContent,
    subtitle: root.querySelector('.xpl-map-subtitle').textContent,
    description: root.querySelector('.xpl-map-description').textContent,
    announce: root.querySelector('[aria-live=polite]').textContent,
    quotes: [...root.querySelectorAll('.xpl-quote')].map((q) => q.dataset.quote),
    caption: root.querySelector('caption').textContent,
    legend: [...root.querySelectorAll('.xpl-key')].filter((k) => !k.hidden)
      .map((k) => k.dataset.kind),
    rows, fills, hash: location.hash,
  };
}"""

TO_PIXELS = """([x, y]) => {
  const gd = document.querySelector('.xpl-view .js-plotly-plot')
    || document.querySelector('.js-plotly-plot');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.getBoundingClientRect();
  const px = [box.left + xa._offset + xa.c2p(x), box.top + ya._offset + ya.c2p(y)];
  const inside = px[0] > box.left + xa._offset && px[0] < box.left + xa._offset + xa._length
    && px[1] > box.top + ya._offset && px[1] < box.top + ya._offset + ya._length;
  return [px[0], px[1], inside];
}"""


def view_state(page: Page) -> dict[str, Any]:
    """What the linked view shows now: selection, title, quotes, table, fills, address."""
    state: dict[str, Any] = page.evaluate(STATE)
    return state


def expected_state(dataset: explainer.Dataset, event: Event, lang: str) -> dict[str, Any]:
    """What it must show for ``event``, worked out from the data."""
    on = event.last_day
    statuses = dataset.statuses_on(on)
    label = event_date_label(event, lang)
    title, subtitle = map_title(dataset, on, lang, label, dataset.count_of_event(event.id))
    return {
        "selected": event.id,
        "moment": event.id,
        "title": title,
        "subtitle": subtitle,
        "quotes": [q.id for q in dataset.quotes_for(event.id)],
        "statuses": {iso3: s.kind.value for iso3, s in statuses.items()},
        "fills": {iso3: STYLES[s.kind].fill for iso3, s in statuses.items()},
        "members": sum(s.is_member for s in statuses.values()),
    }


def assert_agrees(
    page: Page, dataset: explainer.Dataset, event: Event, lang: str, announced: bool = True
) -> None:
    """Map title, fills, quotes, table and announcement all show ``event``.

    ``announced``: whether the live region should have spoken (not on a page's first view).
    """
    page.wait_for_function(
        "id => document.querySelector('.xpl-plot').dataset.moment === id", arg=event.id
    )
    shown = view_state(page)
    want = expected_state(dataset, event, lang)
    for key in ("selected", "moment", "title", "subtitle", "quotes"):
        assert shown[key] == want[key], (event.id, key, shown[key], want[key])
    assert shown["fills"] == want["fills"], event.id
    # The key names the statuses on the map now, and no other.
    assert set(shown["legend"]) == set(want["statuses"].values()) | {"not_member"}, event.id
    if on_or_after_start := event.last_day >= dataset.start:
        assert shown["rows"] == want["statuses"], event.id
    assert on_or_after_start or not shown["rows"]
    assert str(want["members"]) in shown["caption"]
    spoken = f"{event_date_label(event, lang)}: {event.title.get(lang)}."
    assert shown["announce"].startswith(spoken) if announced else shown["announce"] == ""
    # One sentence saying what the map shows; the headline above it gives the date.
    assert shown["description"] == map_description(dataset, event.last_day, lang), event.id


def anchors(dataset: explainer.Dataset) -> dict[str, tuple[float, float]]:
    """A point inside each listed country (its largest part), in the map's km."""
    return {
        s.iso3: s.anchor
        for s in projected_shapes(dataset)
        if s.iso3 is not None and s.iso3 in dataset.countries
    }


def hover_names(page: Page, dataset: explainer.Dataset, lang: str) -> dict[str, str]:
    """Point at each listed country visible in the view; what the label names."""
    named = {}
    for iso3, point in anchors(dataset).items():
        x, y, inside = page.evaluate(TO_PIXELS, list(point))
        if not inside:
            continue
        page.mouse.move(x, y)
        named[iso3] = page.evaluate(
            "() => { const t = document.querySelector('.xpl-tip');"
            " return t && !t.hidden ? t.querySelector('strong').textContent : ''; }"
        )
    page.mouse.move(0, 0)
    return named


def assert_hover_names_every_country(
    page: Page, dataset: explainer.Dataset, lang: str, required: set[str]
) -> int:
    """Every visible listed country is named right under the pointer; ``required`` are visible."""
    named = hover_names(page, dataset, lang)
    assert required <= set(named), f"not in view: {sorted(required - set(named))}"
    wrong = {
        iso3: label for iso3, label in named.items() if label != dataset.countries[iso3].name(lang)
    }
    assert wrong == {}
    return len(named)


def markers(page: Page) -> list[str]:
    """The small states that have a marker in the current view."""
    codes: str = page.evaluate("() => document.querySelector('.xpl-plot').dataset.markers")
    return codes.split()


def assert_markers_name_their_state(page: Page, dataset: explainer.Dataset, lang: str) -> int:
    """Pointing at each marker's centre names its state."""
    points = anchors(dataset)
    codes = markers(page)
    for iso3 in codes:
        x, y, _ = page.evaluate(TO_PIXELS, list(points[iso3]))
        page.mouse.move(x + 1.5, y - 1.5)  # inside the marker, off the anchor itself
        label = page.evaluate("() => document.querySelector('.xpl-tip strong')?.textContent || ''")
        assert label == dataset.countries[iso3].name(lang), (iso3, label)
    return len(codes)


def moment(page: Page) -> str:
    """The event the map shows now."""
    return str(page.evaluate("() => document.querySelector('.xpl-plot').dataset.moment"))


def stage_figures(page: Page) -> dict[str, float]:
    """On the stage: the map's share of the window, the key fact's type size, the events
    fully on screen."""
    return dict(
        page.evaluate(
            """() => {
      const box = document.querySelector('.xpl-plot').getBoundingClientRect();
      const strip = [...document.querySelectorAll('.xpl-event')]
        .map((e) => e.getBoundingClientRect());
      return {
        map: (box.width * box.height) / (innerWidth * innerHeight),
        body: parseFloat(getComputedStyle(document.querySelector('.xpl-detail-lead')).fontSize),
        events: strip.filter((r) => r.width > 0 && r.top >= 0 && r.bottom <= innerHeight
                                     && r.left >= 0 && r.right <= innerWidth).length,
        scrollable: document.documentElement.scrollHeight > innerHeight
                    && getComputedStyle(document.documentElement).overflow !== 'hidden',
      };
    }"""
        )
    )
