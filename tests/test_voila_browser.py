"""The presenter's page: `explainer serve` in a real Chromium, offline, by keyboard."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

import explainer
from explainer.views._moments import default_event

from .browser import (
    ARTIFACTS,
    LIVE,
    PHONE,
    OfflinePage,
    axe_violations,
)
from .view_checks import READY, assert_agrees, hover_names, moment, stage_figures, view_state

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(story_server: str) -> str:
    return story_server


LIVE_SELECTED = "() => [...globalThis.__explainerViews.views].map((v) => v.model.get('selected'))"


def open_story(
    offline_page: Callable[..., OfflinePage], url: str, size: tuple[int, int] = (1280, 720)
) -> Page:
    """A story page in Voilà, its view drawn and its kernel's widget joined.

    The view is painted before the kernel comes (a test of its own checks that); here
    the test waits for the widget too, because anywidget gives a widget two seconds to
    start and a long task of the test's own (axe on a busy machine) could take them.
    """
    page = offline_page(*size).page
    page.goto(url)
    page.wait_for_selector(READY, timeout=120_000)
    page.wait_for_function(LIVE, timeout=120_000)
    return page


def test_first_screen_answers_and_a_moment_opens_on_the_view(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset
) -> None:
    page = open_story(offline_page, server + "/")
    assert_agrees(page, dataset, default_event(dataset), "en", announced=False)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("main .xpl-linked").count() == 1
    assert page.locator(".jp-CodeCell .jp-InputArea-editor").count() == 0, "no code is shown"
    assert "import explainer" not in page.content()
    # A reader's first screen: the title, the content note and the answer (the
    # standfirst and the key points) above the view.
    for selector in ("h1", ".xpl-tag-content-note", ".xpl-tag-lead >> nth=-1"):
        box = page.locator(selector).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 720, selector
    # A presenter's bookmark of a moment opens on the view: the timeline and the whole
    # map on the screen without scrolling.
    bookmarked = open_story(offline_page, server + "/#launch-2012")
    for selector in (".xpl-events", ".xpl-plot"):
        box = bookmarked.locator(selector).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 720, selector
    assert axe_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "voila-en-1280x720.png"))


def test_the_page_paints_before_its_kernel_joins_and_a_key_pressed_then_counts(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset
) -> None:
    opened = offline_page(1280, 720)
    page = opened.page
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    page.goto(server + "/", wait_until="commit")
    page.wait_for_selector(READY, timeout=120_000)
    # Painted from the page's own data island: no connection to a kernel yet.
    assert sockets == [], "the first view waited for the kernel"
    assert page.evaluate(LIVE) is False
    assert_agrees(page, dataset, default_event(dataset), "en", announced=False)
    page.get_by_role("listbox").focus()
    page.keyboard.press("End")
    assert_agrees(page, dataset, dataset.events[-1], "en")
    # The kernel's widget joins the painted view, without drawing it again, and keeps
    # what the reader chose before it came.
    first_map = page.evaluate_handle("() => document.querySelector('.xpl-plotly')")
    page.wait_for_function(LIVE, timeout=120_000)
    assert any("/api/kernels/" in url for url in sockets)
    assert page.evaluate(LIVE_SELECTED) == [dataset.events[-1].id]
    page.wait_for_timeout(1000)  # the kernel would send its own value back if it refused
    assert page.evaluate(LIVE_SELECTED) == [dataset.events[-1].id]
    assert page.locator(".xpl-linked").count() == 1
    assert page.evaluate("(node) => node === document.querySelector('.xpl-plotly')", first_map)
    # A key now goes through the live model.
    page.keyboard.press("Home")
    assert_agrees(page, dataset, dataset.events[0], "en")
    assert page.evaluate(LIVE_SELECTED) == [dataset.events[0].id]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "voila-en-live.png"))


def test_arrow_keys_step_through_every_event_without_the_kernel(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset
) -> None:
    page = open_story(offline_page, server + "/")
    page.get_by_role("listbox").focus()
    page.keyboard.press("Home")
    for index, event in enumerate(dataset.events):
        if index:
            page.keyboard.press("ArrowDown")
        assert_agrees(page, dataset, event, "en")
        assert view_state(page)["hash"] == f"#{event.id}"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.className").find("xpl-") >= 0


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)], ids=["1920x1080", "1280x720"])
def test_the_stage_and_a_clicker_work_as_in_the_export(
    offline_page: Callable[..., OfflinePage],
    server: str,
    dataset: explainer.Dataset,
    size: tuple[int, int],
) -> None:
    page = open_story(offline_page, server + "/#launch-2012", size)
    page.keyboard.press("f")
    page.wait_for_selector(".xpl-linked.xpl-stage")
    page.wait_for_timeout(500)
    figures = stage_figures(page)
    assert figures["map"] >= 0.6, figures
    assert figures["events"] == len(dataset.events)
    ids = [e.id for e in dataset.events]
    for expected in ids[ids.index("launch-2012") + 1 : ids.index("washington-2014") + 1]:
        page.keyboard.press("PageDown")
        assert moment(page) == expected
    assert axe_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / f"voila-stage-{size[0]}x{size[1]}.png"))


def test_the_notes_window_follows_the_live_view_both_ways(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset
) -> None:
    page = open_story(offline_page, server + "/#launch-2012")
    with page.expect_popup() as opened:
        page.keyboard.press("n")
    notes = opened.value
    canada = dataset.event("canada-2013")
    page.keyboard.press("f")
    page.keyboard.press("PageDown")
    notes.wait_for_function("() => document.body.dataset.moment === 'canada-2013'")
    assert canada.notes is not None
    assert notes.locator(".xpl-notes-now .xpl-notes-text").text_content() == canada.notes.get("en")
    notes.keyboard.press("PageDown")
    assert_agrees(page, dataset, dataset.event("croatia-eu-2013"), "en")
    notes.close()


def test_the_address_is_the_view_back_and_forward_included(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset
) -> None:
    page = open_story(offline_page, server + "/#canada-2013&view=europe")
    assert_agrees(page, dataset, dataset.event("canada-2013"), "en", announced=False)
    assert page.locator(".xpl-plot").get_attribute("data-view") == "europe"
    page.get_by_role("option", name=dataset.event("launch-2012").title.get("en")).click()
    page.get_by_role("option", name=dataset.event("washington-2014").title.get("en")).click()
    page.go_back()
    assert_agrees(page, dataset, dataset.event("launch-2012"), "en")
    assert view_state(page)["hash"] == "#launch-2012&view=europe"


def test_an_address_with_an_event_opens_on_it(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset
) -> None:
    page = open_story(offline_page, server + "/#canada-2013")
    assert_agrees(page, dataset, dataset.event("canada-2013"), "en", announced=False)
    assert view_state(page)["title"].startswith("17 June 2013")


def test_the_language_link_opens_the_swedish_page_at_the_same_moment(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset
) -> None:
    page = open_story(offline_page, server + "/#washington-2014")
    page.locator(".xpl-page-link").click()
    page.wait_for_selector(READY, timeout=120_000)
    assert page.url.endswith("/explainer-sv.ipynb#washington-2014")
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert "Innehållsvarning" in (page.locator("main").text_content() or "")
    assert_agrees(page, dataset, dataset.event("washington-2014"), "sv", announced=False)
    assert axe_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "voila-sv-washington.png"))


def test_phone_layout_is_one_column_and_fits(
    offline_page: Callable[..., OfflinePage], server: str
) -> None:
    page = open_story(offline_page, server + "/explainer-sv.ipynb", PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE[0]
    assert page.locator(".xpl-plot").bounding_box()["width"] >= 340  # type: ignore[index]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "voila-sv-phone.png"))


def test_the_data_page_is_accessible(offline_page: Callable[..., OfflinePage], server: str) -> None:
    page = offline_page().page
    page.goto(server + "/data-and-sources.ipynb")
    page.wait_for_selector("text=What you should know about this data", timeout=120_000)
    assert page.locator(".jp-CodeCell .jp-InputArea-editor").count() == 0
    # Laid out as the published page: prose and tables read from the left.
    aligned = page.evaluate(
        "() => [...document.querySelectorAll('main p, main li, main td, main th')]"
        ".map((e) => getComputedStyle(e).textAlign)"
    )
    assert aligned and set(aligned) <= {"left", "start"}, set(aligned)
    assert axe_violations(page) == []


def test_hover_in_the_europe_view(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset
) -> None:
    page = open_story(offline_page, server + "/#washington-2014")
    page.locator(".xpl-views button").nth(1).click()
    page.wait_for_function("() => document.querySelector('.xpl-plot').dataset.view === 'europe'")
    page.wait_for_timeout(300)
    named = hover_names(page, dataset, "en")
    for iso3 in ("BEL", "NLD", "LUX", "SRB", "XKX", "MNE", "ALB", "HRV", "SVN", "MLT", "GEO"):
        assert named[iso3] == dataset.countries[iso3].name("en"), iso3


def test_two_viewers_have_independent_state(
    offline_page: Callable[..., OfflinePage], server: str
) -> None:
    first = open_story(offline_page, server + "/")
    second = open_story(offline_page, server + "/")
    first.get_by_role("option", name="Canada joins the alliance").click()
    second.get_by_role("option", name="Second ministerial conference").click()
    first.wait_for_function("() => location.hash === '#canada-2013'")
    second.wait_for_function("() => location.hash === '#washington-2014'")
    assert view_state(first)["title"].startswith("17 June 2013")


EXECUTE = """async ([kernelId, code]) => {
  const ws = new WebSocket(`ws://${location.host}/api/kernels/${kernelId}/channels`);
  await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = fail; });
  const replies = [];
  ws.onmessage = (event) => replies.push(JSON.parse(event.data).header.msg_type);
  const send = (type, content) => ws.send(JSON.stringify({
    header: {msg_id: crypto.randomUUID(), username: "test", session: crypto.randomUUID(),
             msg_type: type, version: "5.3", date: new Date().toISOString()},
    parent_header: {}, metadata: {}, content, channel: "shell", buffers: []}));
  send("execute_request", {code, silent: false, store_history: false,
                           user_expressions: {}, allow_stdin: false, stop_on_error: true});
  send("kernel_info_request", {});
  await new Promise((ok) => setTimeout(ok, 3000));
  ws.close();
  return replies;
}"""


def test_kernel_refuses_code_sent_from_the_browser(
    offline_page: Callable[..., OfflinePage], server: str, tmp_path: Path
) -> None:
    page = open_story(offline_page, server + "/")
    html = page.content()
    config = html.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>")[0]
    kernel_id = json.loads(config)["kernelId"]
    marker = tmp_path / "executed"
    code = f"open({str(marker)!r}, 'w').write('the kernel ran code from a browser')"
    replies = page.evaluate(EXECUTE, [kernel_id, code])
    assert "kernel_info_reply" in replies, "the channel works for allowed messages"
    assert "execute_reply" not in replies
    assert not marker.exists(), "an execute_request from the browser ran"


def test_plotly_is_served_once_as_a_cacheable_file(server: str) -> None:
    with urllib.request.urlopen(
        server + "/explainer/static/vendor/plotly-basic.min.js", timeout=30
    ) as response:
        assert response.status == 200
        assert "max-age=86400" in response.headers["Cache-Control"]
        assert response.read(200).lstrip().startswith(b"/**")


@pytest.mark.parametrize(
    "path",
    [
        "/voila/files/pyproject.toml",
        "/voila/files/explainer-en.ipynb",
        "/voila/files/../pyproject.toml",
        "/voila/api/contents/explainer-en.ipynb",
        "/voila/tree",
        "/voila/render/explainer-en.ipynb",
        "/api/contents",
        "/explainer-en.ipynb?download=1&format=json",
        "/sanitize.cfg",
        "/explainer/static/plotly.js",
        "/explainer/static/../_serve.py",
        # The review's two server errors: a template's static folder climbed out of.
        "/voila/templates/explainer/static/..%2findex.html.j2",
        "/voila/templates/lab/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/voila/templates/explainer/static/..%5cindex.html.j2",
    ],
)
def test_forbidden_paths_are_refused(server: str, path: str) -> None:
    try:
        with urllib.request.urlopen(server + path, timeout=30) as response:
            body = response.read().decode("utf-8", "replace")
            status = response.status
    except urllib.error.HTTPError as error:
        status, body = error.code, ""
    if status == 200:
        # Only a rendered page may come back: never the notebook's source.
        assert '"cell_type"' not in body and "import explainer" not in body
    else:
        assert status in {400, 403, 404}


def test_error_pages_are_ours_and_link_nothing_from_elsewhere(server: str) -> None:
    remote = re.compile(r"<(?:link|script|img)\b[^>]*\b(?:href|src)=[\"']?(?:https?:)?//", re.I)
    # 404, 400 (a query parameter) and 403 (a foreign Host: DNS rebinding)
    for path, host, code in (
        ("/no-such-page", None, 404),
        ("/?template=lab", None, 400),
        ("/", "evil.example", 403),
    ):
        request = urllib.request.Request(server + path)
        if host:
            request.add_header("Host", host)
        try:
            urllib.request.urlopen(request, timeout=30)
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", "replace")
            assert error.code == code, (path, host)
        else:
            pytest.fail(f"{path} answered 200")
        assert not remote.search(body), (code, remote.search(body))
        if code != 403:
            assert '<body class="xpl-page">' in body
            assert "/explainer/static/explainer.css" in body
        assert "cdn" not in body.lower() and "https://" not in body


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_search_works_as_in_the_export(
    offline_page: Callable[..., OfflinePage], server: str, dataset: explainer.Dataset, lang: str
) -> None:
    page = open_story(offline_page, server + f"/explainer-{lang}.ipynb#washington-2014")
    box = page.get_by_role("combobox")
    box.fill("sver")
    option = page.locator(".xpl-search-list [role=option]").first
    assert (option.text_content() or "").startswith(dataset.countries["SWE"].name(lang))
    page.keyboard.press("Enter")
    found = page.locator(".xpl-found").text_content() or ""
    status = dataset.status_on("SWE", dataset.event("washington-2014").last_day)
    assert {"en": "5 December 2012", "sv": "5 december 2012"}[lang] in found
    assert dataset.sources[status.sources[0]].label(lang) in found
    changed = page.locator(".xpl-plot").get_attribute("data-changed") or ""
    assert set(changed.split()) == {"ARM", "BIH", "CRI", "ISR", "XKX", "MEX", "VNM"}
    assert axe_violations(page) == []
    page.get_by_role("listbox").first.focus()
    for _ in range(3):  # the outline stays while the reader steps
        page.keyboard.press("ArrowUp")
        assert page.locator(".xpl-outline-found[data-iso3=SWE]").count() == 1
    box.press("Escape")
    box.press("Escape")
    assert box.input_value() == "" and page.locator(".xpl-outline-found").count() == 0
