"""The one result type of the engine, and the one verdict on it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

CATEGORIES = (
    "spelling",
    "grammar",
    "contact-info",
    "promotion",
    "review-manipulation",
    "prohibited-content",
    "placeholder",
    "off-reason",
    "length",
    "timing",
    "language",
)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: where it is (code points into `field`), what is wrong, how to fix it."""

    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    message: str
    field: str = "text"
    suggestions: tuple[str, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def to_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = str(self.severity)
        d["suggestions"] = list(self.suggestions)
        return d


def is_sendable(diagnostics: Iterable[Diagnostic]) -> bool:
    """A message may be sent when nothing in it is an error."""
    return not any(d.severity == Severity.ERROR for d in diagnostics)
