"""The story's own text on a page, section by section, and how readable it is.

What counts as the story: the standfirst, the key points, each section under a level-2
heading and the box, as the exported page shows them; not the title, the content note,
the views' output or the folded appendix. Each section's "Sources:" line is a list of
citations, not prose: it is kept apart and not measured.

Sentences end at ".", "!" or "?" before a capital, a digit or a quotation mark; each
list item is a sentence, and so is a lead-in ending in ":". Words are runs of letters,
digits and joining marks. LIX (Björnsson) is words per sentence plus the share of words
longer than six letters, in percent; Flesch reading ease is textstat's (pinned).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

CITATION = re.compile(r"^(Sources?|Källor|Källa):")
WORD = re.compile(r"[\wÅÄÖåäöéü’'–-]+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”“'(])")


@dataclass
class Section:
    """One section of the story: its name, its prose (as sentences) and its citations."""

    name: str
    sentences: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)

    @property
    def prose(self) -> str:
        return " ".join(self.sentences)

    @property
    def words(self) -> list[str]:
        return words(self.prose)


def words(text: str) -> list[str]:
    """The words of ``text``."""
    return [w for w in WORD.findall(text) if re.search(r"\w", w)]


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph."""
    return [s for s in SENTENCE_END.split(text.strip()) if re.search(r"\w", s)]


def lix(text: str) -> float:
    """LIX: words per sentence + 100 × share of words of more than six letters."""
    found = words(text)
    long = [w for w in found if len(re.sub(r"[^\w]", "", w)) > 6]
    return len(found) / len(sentences(text)) + 100 * len(long) / len(found)


def _blocks(cell: Tag) -> list[str]:
    """A cell's paragraphs and list items as sentences-ready text, headings left out."""
    found = []
    for node in cell.find_all(["p", "li"]):
        if node.find_parent(["li"]) is not None and node.name == "p":
            continue  # a paragraph inside a list item is read with the item
        text = " ".join(node.get_text(" ").split())
        if not text:
            continue
        bold = node.find("strong")
        if bold is not None and bold.get_text(" ").split() == text.split() and len(words(text)) < 6:
            continue  # a short line in bold is a heading ("In short")
        if node.name == "li":
            text = text.rstrip(";,.") + "."
            text = text[:1].upper() + text[1:]
        elif text.endswith(":"):
            text = text[:-1] + "."
        found.append(text)
    return found


def story_sections(page_html: str) -> list[Section]:
    """The story's sections on an exported or served page (see the module's docstring)."""
    soup = BeautifulSoup(page_html, "html.parser")
    main = soup.find("main")
    assert isinstance(main, Tag), "a story page has a <main>"
    sections: list[Section] = []
    lead = 0
    for cell in main.find_all("div", class_="xpl-cell", recursive=False):
        classes = list(cell.get("class") or [])
        if cell.find("h1") or "xpl-tag-content-note" in classes or "xpl-output" in classes:
            continue
        heading = cell.find("h2")
        if "xpl-tag-lead" in classes:
            lead += 1
            sections.append(Section(f"lead {lead}"))
        elif "xpl-tag-box" in classes:
            strong = cell.find("strong")
            sections.append(Section(strong.get_text() if strong else "box"))
        elif heading is not None:
            sections.append(Section(heading.get_text().strip().rstrip("¶")))
        elif not sections:
            sections.append(Section("(before the first heading)"))
        section = sections[-1]
        for block in _blocks(cell):
            if CITATION.match(block):
                section.citations.append(block)
            elif section.name.startswith(block.rstrip(".")):
                continue  # the box's title, in bold, is its heading
            else:
                section.sentences += sentences(block)
    return sections


def _shown(island: object) -> str:
    """An island's JSON without the downloads it carries (files, not text on the page)."""

    def without_downloads(node: object) -> object:
        if isinstance(node, dict):
            return {k: without_downloads(v) for k, v in node.items() if k != "csv"}
        if isinstance(node, list):
            return [without_downloads(v) for v in node]
        return node

    return json.dumps(without_downloads(island), ensure_ascii=False)


def visible_text_outside_scripts(page_html: str) -> str:
    """Every text of a page but its scripts' and styles' (islands' JSON included)."""
    soup = BeautifulSoup(page_html, "html.parser")
    islands = [
        _shown(json.loads(s.get_text())) for s in soup.find_all("script", type="application/json")
    ]
    for node in soup(["script", "style"]):
        node.decompose()
    return soup.get_text(" ") + "\n".join(islands)
