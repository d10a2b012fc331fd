"""`seller-composer check|reasons|orders|templates`: the engine from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from composer import __version__
from composer.domain.reasons import LANGUAGES, MARKETPLACES
from composer.domain.storage import read_input
from composer.rules import CheckContext, Checker, Diagnostic, is_sendable

EXIT_OK, EXIT_NONCOMPLIANT, EXIT_USAGE = 0, 1, 2
MAX_INPUT = 5_000_000  # characters; a buyer message is 2,000 at most


class UsageError(Exception):
    """Bad usage or input: one line on stderr, exit 2."""


def read_text(name: str) -> str:
    """The message from FILE or '-' (stdin), refusing binary and non-UTF-8 input."""
    data = sys.stdin.buffer.read() if name == "-" else read_input(name, UsageError)
    if b"\x00" in data:
        raise UsageError(f"{name}: looks like a binary file, not a text message")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{name}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again"
        ) from None
    if len(text) > MAX_INPUT:
        raise UsageError(f"{name}: {len(text):,} characters is too long for a message")
    return text.replace("\r\n", "\n")


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def format_text(name: str, body: str, subject: str | None, diags: list[Diagnostic]) -> str:
    out = []
    for d in diags:
        src = body if d.field == "text" else (subject or "")
        where = name if d.field == "text" else f"{name}[subject]"
        line, col = _line_col(src, d.start)
        out.append(f"{where}:{line}:{col}: {d.severity}: {d.message} [{d.rule}]")
        snippet = src[d.start:d.end].replace("\n", " ")
        if snippet:
            out.append(f"    {snippet}")
        if d.suggestions:
            out.append(f"    fix: {' / '.join(s or '(remove it)' for s in d.suggestions)}")
    errors = sum(d.severity == "error" for d in diags)
    verdict = "compliant" if is_sendable(diags) else "not compliant"
    out.append(f"{name}: {verdict} ({errors} errors, {len(diags) - errors} other notes)")
    return "\n".join(out)


def _validate(checker: Checker, reason: str, marketplace: str) -> None:
    if reason not in checker.reasons:
        raise UsageError(f"unknown reason {reason!r}; see `seller-composer reasons`")
    if marketplace.upper() not in MARKETPLACES:
        raise UsageError(
            f"unknown marketplace {marketplace!r}; one of {' '.join(MARKETPLACES)}")


def cmd_check(args: argparse.Namespace) -> int:
    checker = Checker()
    if args.batch:
        return run_batch(checker, args.batch)
    if args.reason is None or args.marketplace is None:
        raise UsageError("check needs --reason and --marketplace (or --batch FILE.jsonl)")
    _validate(checker, args.reason, args.marketplace)
    name = args.file or "-"
    body = read_text(name)
    ctx = CheckContext(language=args.language)
    diags = checker.check(body, reason=args.reason, marketplace=args.marketplace,
                          subject=args.subject, context=ctx)
    if args.format == "json":
        print(json.dumps({"compliant": is_sendable(diags),
                          "diagnostics": [d.to_dict() for d in diags]},
                         ensure_ascii=False, indent=2))
    else:
        print(format_text("<stdin>" if name == "-" else name, body, args.subject, diags))
    return EXIT_OK if is_sendable(diags) else EXIT_NONCOMPLIANT


_BATCH_KEYS = ("rule", "category", "severity", "field", "start", "end", "message")


def run_batch(checker: Checker, path: str) -> int:
    """One JSON object out per line in; a bad line is reported and the rest still runs."""
    lines = read_text(path).splitlines()
    all_ok = True
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            text = rec.get("text")
            if not isinstance(text, str):
                raise ValueError("missing 'text'")
            reason = rec.get("reason", "customer-inquiry")
            marketplace = rec.get("marketplace", "US")
            _validate(checker, reason, marketplace)
            diags = checker.check(text, reason=reason, marketplace=marketplace,
                                  subject=rec.get("subject") or None,
                                  context=CheckContext(language=rec.get("language")))
        except (ValueError, UsageError) as exc:
            print(json.dumps({"line": n, "error": str(exc)}), flush=False)
            all_ok = False
            continue
        ok = is_sendable(diags)
        all_ok &= ok
        print(json.dumps({"id": rec.get("id"), "compliant": ok,
                          "diagnostics": [{k: d.to_dict()[k] for k in _BATCH_KEYS}
                                          for d in diags]}, ensure_ascii=False))
    return EXIT_OK if all_ok else EXIT_NONCOMPLIANT


def cmd_reasons(args: argparse.Namespace) -> int:
    checker = Checker()
    if args.format == "json":
        print(json.dumps([{"id": r.id, "title": r.title, "limit": r.limit,
                           "proactive": r.proactive} for r in checker.reasons.values()],
                         indent=2))
    else:
        width = max(len(r) for r in checker.reasons)
        for r in checker.reasons.values():
            print(f"{r.id:<{width}}  {r.title}")
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="seller-composer",
                description="Write Amazon buyer messages that pass the messaging rules. "
                            "With no command, opens the app.")
    p.add_argument("--version", action="version", version=f"seller-composer {__version__}")
    p.add_argument("--data-dir", help="folder for orders, templates, drafts and history")
    # Packaging tests: show the window, wait for the first check, then quit.
    p.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="check a message against the messaging rules")
    c.add_argument("file", nargs="?", help="message file, or - for standard input")
    c.add_argument("--reason", help="contact reason id (see `seller-composer reasons`)")
    c.add_argument("--marketplace", help=" ".join(MARKETPLACES))
    c.add_argument("--subject", help="the message subject")
    c.add_argument("--language", choices=LANGUAGES,
                   help="the buyer's preferred language, if not the marketplace's")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--batch", metavar="FILE.jsonl",
                   help="check one JSON object per line; prints JSON Lines")
    c.set_defaults(func=cmd_check)

    r = sub.add_parser("reasons", help="list the contact reasons")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.set_defaults(func=cmd_reasons)

    for register in _extra_commands():
        register(sub)
    return p


def _extra_commands():
    """Subcommands that live with their domain (orders, templates), if present."""
    import importlib

    for name in ("composer.domain.orders_cli", "composer.domain.templates_cli"):
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        yield mod.register


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            from composer.app import run_app

            return run_app(args.data_dir, smoke_test=args.smoke_test)
        return args.func(args)
    except UsageError as exc:
        print(f"seller-composer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
