"""The presenter's page: `explainer serve` in a real Chromium, offline, by keyboard."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import ARTIFACTS, free_port, offline_page, require_chromium, running

pytestmark = pytest.mark.browser
TITLE = ".js-plotly-plot .gtitle"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    require_chromium()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "explainer._cli", "serve", "--no-browser", f"--port={port}"]
    # Wait for the preheated pools (2 kernels a notebook) before any page is opened;
    # the readiness probe asks for a static file, which starts no kernel.
    markers = tuple(
        f"Kernel pool of {nb} is filled" for nb in ("explainer-en.ipynb", "explainer-sv.ipynb")
    )
    with running(command, f"{url}/voila/labextensions/anywidget/package.json", 300, markers):
        yield url


def open_story(browser: object, url: str, path: str = "/") -> tuple[object, list[str]]:
    page, remote = offline_page(browser, width=1280, height=720)
    page.goto(url + path)  # type: ignore[attr-defined]
    page.wait_for_selector(".gaexp-events [role=option]", timeout=90_000)  # type: ignore[attr-defined]
    page.wait_for_selector(".js-plotly-plot .scatterlayer path.js-fill")  # type: ignore[attr-defined]
    page.locator(".gaexp-dashboard").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    return page, remote


def map_title(page: object) -> str:
    return str(page.locator(TITLE).first.text_content())  # type: ignore[attr-defined]


def wait_for_title(page: object, text: str) -> None:
    page.wait_for_function(  # type: ignore[attr-defined]
        "t => (document.querySelector('.js-plotly-plot .gtitle') || {}).textContent?.includes(t)",
        arg=text,
        timeout=15_000,
    )


def test_page_draws_offline_without_errors(browser: object, server: str) -> None:
    page, remote = open_story(browser, server)
    fills = page.locator(".js-plotly-plot .scatterlayer path.js-fill").count()  # type: ignore[attr-defined]
    assert fills >= 57
    code_inputs = page.locator(".jp-CodeCell .jp-InputArea-editor").count()  # type: ignore[attr-defined]
    assert code_inputs == 0, "no code is shown"
    assert "import explainer" not in page.content()  # type: ignore[attr-defined]
    assert page.evaluate("document.documentElement.lang") == "en"  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "voila-en-1280x720.png"))  # type: ignore[attr-defined]
    assert remote == [], f"non-local requests attempted: {remote}"
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_clicking_an_event_moves_the_map_and_the_quotes(browser: object, server: str) -> None:
    page, remote = open_story(browser, server)
    assert "before the launch" in map_title(page)
    page.get_by_role("option", name="Second ministerial conference").click()  # type: ignore[attr-defined]
    wait_for_title(page, "30 September 2014: 54 countries")
    quotes = page.locator(".gaexp-quote blockquote")  # type: ignore[attr-defined]
    quotes.nth(2).wait_for()
    assert quotes.count() == 3
    assert "The threat to young people" in quotes.first.text_content()
    status = page.locator('tr[data-iso3="ARM"]').get_attribute("data-status")  # type: ignore[attr-defined]
    assert status == "joined_undated"
    page.screenshot(path=str(ARTIFACTS / "voila-en-washington.png"))  # type: ignore[attr-defined]
    assert remote == []


def test_keyboard_alone_steps_the_timeline(browser: object, server: str) -> None:
    page, remote = open_story(browser, server)
    listbox = page.get_by_role("listbox")  # type: ignore[attr-defined]
    listbox.focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    wait_for_title(page, "5 December 2012: 48 countries")
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    wait_for_title(page, "17 June 2013")
    live = page.locator("[aria-live=polite]").first.text_content()  # type: ignore[attr-defined]
    assert live == "17 June 2013: Canada joins the alliance."
    page.keyboard.press("End")  # type: ignore[attr-defined]
    wait_for_title(page, "2016")
    page.keyboard.press("Home")  # type: ignore[attr-defined]
    wait_for_title(page, "December 2011")
    selected = page.locator("[role=option][aria-selected=true]").text_content()  # type: ignore[attr-defined]
    assert "Malmström and Holder meet" in selected
    # Tab reaches the play button and the language switch too.
    page.keyboard.press("Shift+Tab")  # type: ignore[attr-defined]
    focused = page.evaluate("document.activeElement.textContent")  # type: ignore[attr-defined]
    assert "Play" in focused
    assert remote == []


def test_language_switch_changes_the_page_in_place(browser: object, server: str) -> None:
    page, remote = open_story(browser, server)
    page.get_by_role("button", name="Svenska").click()  # type: ignore[attr-defined]
    wait_for_title(page, "december 2011: före lanseringen")
    assert page.locator(".gaexp-timeline-heading").text_content() == "Tidslinje"  # type: ignore[attr-defined]
    assert "Malmström och Holder möts" in page.locator(".gaexp-events").text_content()  # type: ignore[attr-defined]
    assert "Grundande medlem" in page.locator(".gaexp-legend").text_content()  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "voila-sv-switched.png"))  # type: ignore[attr-defined]
    assert remote == []


def test_swedish_story_is_served_beside_the_english(browser: object, server: str) -> None:
    page, remote = open_story(browser, server, "/explainer-sv.ipynb")
    assert page.evaluate("document.documentElement.lang") == "sv"  # type: ignore[attr-defined]
    assert "Tidslinje" in page.locator(".gaexp-timeline-heading").text_content()  # type: ignore[attr-defined]
    assert remote == []


def test_two_viewers_have_independent_state(browser: object, server: str) -> None:
    first, _ = open_story(browser, server)
    second, _ = open_story(browser, server)
    first.get_by_role("option", name="Canada joins the alliance").click()  # type: ignore[attr-defined]
    wait_for_title(first, "17 June 2013")
    second.get_by_role("option", name="Second ministerial conference").click()  # type: ignore[attr-defined]
    wait_for_title(second, "30 September 2014")
    assert "17 June 2013" in map_title(first)


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
    browser: object, server: str, tmp_path: Path
) -> None:
    page, _ = open_story(browser, server)
    html = page.content()  # type: ignore[attr-defined]
    config = html.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>")[0]
    kernel_id = json.loads(config)["kernelId"]
    marker = tmp_path / "executed"
    code = f"open({str(marker)!r}, 'w').write('the kernel ran code from a browser')"
    replies = page.evaluate(EXECUTE, [kernel_id, code])  # type: ignore[attr-defined]
    assert "kernel_info_reply" in replies, "the channel works for allowed messages"
    assert "execute_reply" not in replies
    assert not marker.exists(), "an execute_request from the browser ran"


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
        assert status in {403, 404}
