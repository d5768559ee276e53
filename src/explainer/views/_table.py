"""The membership data as a CSV download (the members table is drawn by the front end)."""

from __future__ import annotations

import base64
import csv
import html
import io

from ..language._i18n import translations
from ..model._dataset import Dataset
from ..model._status import StatusKind

# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV
# Injection"); such cells get a leading apostrophe, which spreadsheets show as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as text a spreadsheet will not evaluate (``=1+1`` becomes ``'=1+1``)."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def csv_download_name(dataset: Dataset) -> str:
    """The file name the membership CSV downloads as (``story.yml``)."""
    return dataset.manifest.download_name


def membership_csv(dataset: Dataset) -> str:
    """The membership data as CSV: one row per country, lists, EU, dates, sources.

    Sources are given by their web address (or their id where none is known); cells a
    spreadsheet would run as a formula are made plain text.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    days = [lst.date.isoformat() for lst in dataset.lists]
    group = dataset.manifest.group
    writer.writerow(
        [
            "iso3",
            *(f"name_{lang}" for lang in dataset.languages),
            *(f"in_list_{day}" for day in days),
            *(f"{group.id}_on_{day}" for day in days if group),
            "joined",
            "joined_date",
            "note",
            "sources",
        ]
    )
    # Each country's standing as of the last list, or the last change if there is none.
    last = dataset.lists[-1].date if dataset.lists else dataset.changes[-1].date
    for iso3, country in sorted(dataset.countries.items()):
        status = dataset.status_on(iso3, last)
        joined = {
            StatusKind.FOUNDING: ("founding", status.since),
            StatusKind.JOINED: ("joined", status.since),
            StatusKind.JOINED_UNDATED: ("joined, date not published", None),
        }.get(status.kind, (status.kind.value.replace("_", " "), None))
        undated = next((u for u in dataset.undated if u.iso3 == iso3), None)
        home = dataset.languages[0]
        notes = [undated.note if undated else "", country.note.get(home) if country.note else ""]
        urls = sorted({dataset.sources[s].url or s for s in status.sources})
        cells = [
            iso3,
            *(country.name(lang) for lang in dataset.languages),
            *("yes" if iso3 in lst.members else "no" for lst in dataset.lists),
            *(
                ("yes" if dataset.in_group_on(iso3, lst.date) else "no")
                for lst in dataset.lists
                if group
            ),
            joined[0],
            joined[1].isoformat() if joined[1] else "",
            " ".join(n for n in notes if n),
            " ".join(urls),
        ]
        writer.writerow(spreadsheet_safe(cell) for cell in cells)
    return out.getvalue()


def csv_download_link(dataset: Dataset, lang: str) -> str:
    """A link that downloads :func:`membership_csv`, working with no server behind it."""
    _ = translations(lang).gettext
    payload = base64.b64encode(membership_csv(dataset).encode("utf-8")).decode("ascii")
    label = html.escape(_("Download the membership data (CSV)"))
    return (
        f'<a class="xpl-download" download="{csv_download_name(dataset)}" '
        f'href="data:text/csv;charset=utf-8;base64,{payload}">{label}</a>'
    )
