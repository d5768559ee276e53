"""A story's own interface catalog (``locale/<code>.po``), read and compiled with Babel."""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from ._reading import FileReader

_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def _texts(message: Message) -> tuple[list[str], list[str]]:
    ids = list(message.id) if isinstance(message.id, tuple | list) else [message.id]
    strings = list(message.string) if isinstance(message.string, tuple | list) else [message.string]
    return [str(i) for i in ids], [str(s or "") for s in strings]


def read_catalog(reader: FileReader, path: Path, code: str) -> bytes | None:
    """The catalog at ``path`` compiled (``.mo`` bytes), or None with its problems.

    A translation may use only its string's ``{placeholders}``: the views fill those in,
    and a misspelt one would fail on a reader's page instead of here.
    """
    text = reader.read_text(path)
    if text is None:
        return None
    try:
        catalog: Catalog = read_po(io.StringIO(text), locale=code, abort_invalid=True)
    except PoFileError as error:  # Babel counts lines from 0
        reader.problem(
            path,
            error.lineno + 1 if error.lineno else 0,
            "(catalog)",
            f"not a gettext catalog: {error}",
        )
        return None
    except ValueError as error:  # an unknown locale in the header, say
        reader.problem(path, 0, "(catalog)", f"not a gettext catalog: {error}")
        return None
    before = len(reader.problems)
    for message in catalog:
        if not message.id:
            continue
        ids, strings = _texts(message)
        wanted = set().union(*(_placeholders(i) for i in ids))
        for string in strings:
            unknown = sorted(_placeholders(string) - wanted)
            if unknown:
                names = ", ".join(f"{{{name}}}" for name in sorted(wanted)) or "none"
                reader.problem(path, message.lineno or 0, "msgstr",
                               f"the translation of {ids[0]!r} uses {{{unknown[0]}}}; the "
                               f"original has {names}")  # fmt: skip
                break
    if len(reader.problems) > before:
        return None
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    return compiled.getvalue()
