"""Is a template fit to send once its placeholders are filled? The engine decides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from composer.domain.templates import Template
from composer.rules import CheckContext, Checker, Diagnostic, is_sendable


@dataclass(frozen=True)
class TemplateVerdict:
    template: Template
    diagnostics: tuple[Diagnostic, ...]
    compliant: bool
    problem: str = ""  # why it could not be checked at all (a reason no longer known...)

    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def check_template(template: Template, checker: Checker, *, seller_name: str = "",
                   words: Iterable[str] = ()) -> TemplateVerdict:
    """Check a template as a message, except that placeholders such as {buyer_name} may stay."""
    context = CheckContext(allow_placeholders=True, seller_name=seller_name,
                           words=frozenset(words))
    try:
        diags = checker.check(template.body, reason=template.reason,
                              marketplace=template.marketplace,
                              subject=template.subject or None, context=context)
    except ValueError as exc:  # unknown reason or marketplace: it cannot be sent as it is
        return TemplateVerdict(template, (), False, str(exc))
    return TemplateVerdict(template, tuple(diags), is_sendable(diags))


def check_templates(templates: Iterable[Template], checker: Checker, *, seller_name: str = "",
                    words: Iterable[str] = ()) -> list[TemplateVerdict]:
    words = frozenset(words)
    return [check_template(t, checker, seller_name=seller_name, words=words) for t in templates]
