"""Jinja2 environment over the templates shipped in the package (reports/ in the repository)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

TEMPLATE_PACKAGE = "scanner.templates"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# What can start Markdown or HTML: emphasis, code, links and images, raw HTML, table cells, and an
# underscore at a word's edge (inside a word GitHub never reads it as emphasis).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|~]|(?<!\w)_|_(?!\w))")


def _load(name: str) -> str:
    resource = resources.files(TEMPLATE_PACKAGE).joinpath(name)
    if not resource.is_file():
        raise jinja2.TemplateNotFound(name)
    return resource.read_text(encoding="utf-8")


def md(value: Any) -> str:
    """Text from the warehouse (names, comments, messages) as inert Markdown: no raw HTML, no links,
    no table breaks, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _CONTROL.sub(" ", str(value)))


def code(value: Any, cell: bool = False) -> str:
    """An inline code span that holds any name: the fence is longer than any backtick run inside it;
    in a table cell a pipe is escaped, as GitHub's tables require even inside code."""
    text = _CONTROL.sub(" ", str(value))
    if cell:
        text = text.replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_BREAK_AFTER = re.compile(r"([._/])")


def breakable(name: Any) -> Markup:
    """A table name that wraps on a phone only after a dot, underscore or slash, never mid-word."""
    return Markup(_BREAK_AFTER.sub(r"\1<wbr>", str(escape(name))))  # noqa: S704 - escaped first


def plain(value: Any) -> str:
    """Text shown verbatim (a SQL statement in a fenced block): exact, except that control characters
    from a hostile name never reach the file, where a `cat` would run them."""
    return _CONTROL.sub("\ufffd", str(value)).replace("```", "`\u200b``")


def number(value: Any) -> str:
    return f"{int(value):,}" if value is not None else "—"


@cache
def environment(autoescape: bool) -> jinja2.Environment:
    # Markdown output is not HTML: its names go through `md` and `code`; the HTML environment autoescapes.
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        autoescape=autoescape,  # noqa: S701
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda x: f"{100 * float(x):.1f} %"
    env.filters["md"] = md
    env.filters["code"] = code
    env.filters["cell"] = lambda value: code(value, cell=True)
    env.filters["number"] = number
    env.filters["plain"] = plain
    env.filters["breakable"] = breakable
    env.tests["search"] = lambda value, pattern: re.search(pattern, str(value)) is not None
    env.filters["status_text"] = status_text
    return env


def status_text(finding: dict[str, Any]) -> str:
    suppressed = finding.get("suppressed")
    if suppressed:
        return f"Suppressed until {suppressed['expires']} by {suppressed['owner']}: {suppressed['reason']}"
    accepted = [x["rule"] for x in finding["facets"] if x.get("suppressed")]
    note = f" ({', '.join(accepted)} accepted)" if accepted else ""
    state = finding.get("baseline_state")
    if state == "new":
        return "Open — new in this run" + note
    if state == "unchanged":
        return f"Open — first seen {finding['first_seen']}, still present" + note
    if state == "updated":
        return f"Open — first seen {finding['first_seen']}, changed since the last run" + note
    return "Open" + note
