"""`seller-composer templates list|export|import|check`.

Exit codes: 0 done; 1 `check` found a non-compliant template, or `import` rejected a record
or took in a non-compliant one; 2 bad usage or an unreadable file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer.domain.compliance import TemplateVerdict, check_templates
from composer.domain.settings import SettingsStore, resolve_data_dir
from composer.domain.template_io import (
    CLASH_POLICIES,
    TemplateFileError,
    export_csv,
    export_json,
    export_txt,
    format_from_name,
    import_templates,
)
from composer.domain.templates import TemplateLibrary
from composer.rules import Checker

EXIT_OK, EXIT_NONCOMPLIANT, EXIT_USAGE = 0, 1, 2


def _usage_error(message: str) -> Exception:
    from composer.cli import UsageError  # the CLI imports this module, not the other way

    return UsageError(message)


def _data_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", default=argparse.SUPPRESS,
                   help="folder for orders, templates, drafts and history")


def register(subparsers: argparse._SubParsersAction) -> None:
    t = subparsers.add_parser("templates", help="list, export, import and check templates")
    _data_args(t)
    sub = t.add_subparsers(dest="templates_command", parser_class=type(t), required=True,
                           metavar="{list,export,import,check}")

    ls = sub.add_parser("list", help="list the templates")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    ls.set_defaults(func=cmd_list)

    ex = sub.add_parser("export", help="write the templates to a JSON or CSV file or a folder")
    ex.add_argument("file", help="FILE.json, FILE.csv, or a folder for --format txt")
    ex.add_argument("--format", choices=("json", "csv", "txt"),
                    help="default: from the file's extension (a folder: txt)")
    ex.set_defaults(func=cmd_export)

    im = sub.add_parser("import", help="merge templates from a JSON or CSV file")
    im.add_argument("file", help="FILE.json or FILE.csv")
    im.add_argument("--format", choices=("json", "csv"), help="default: from the extension")
    im.add_argument("--on-clash", choices=CLASH_POLICIES, default="skip",
                    help="when a template of that name exists: skip it (default), replace "
                         "it, or keep both (the import becomes 'Name (2)')")
    im.set_defaults(func=cmd_import)

    ck = sub.add_parser("check", help="check every template; exit 1 if any is not compliant")
    ck.add_argument("--format", choices=("text", "json"), default="text")
    ck.set_defaults(func=cmd_check)

    for p in (ls, ex, im, ck):
        _data_args(p)


def _open_library(args: argparse.Namespace) -> TemplateLibrary:
    folder = resolve_data_dir(getattr(args, "data_dir", None))
    library, notice = TemplateLibrary.open(folder)
    if notice is not None:
        print(f"seller-composer: warning: {notice}; starting from the starter templates",
              file=sys.stderr)
    return library


def cmd_list(args: argparse.Namespace) -> int:
    library = _open_library(args)
    if args.format == "json":
        print(json.dumps([t.to_dict() for t in library.templates], ensure_ascii=False,
                         indent=2))
        return EXIT_OK
    rows = [(t.name, t.reason, t.marketplace) for t in library.templates]
    width = max((len(r[0]) for r in rows), default=0)
    for name, reason, market in rows:
        print(f"{name:<{width}}  {market:<2}  {reason}")
    print(f"{len(rows)} templates")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    library = _open_library(args)
    path = Path(args.file)
    try:
        fmt = args.format or format_from_name(path, ("json", "csv", "txt"))
        if fmt == "json":
            export_json(library.templates, path)
        elif fmt == "csv":
            export_csv(library.templates, path)
        else:
            export_txt(library.templates, path)
    except TemplateFileError as exc:
        raise _usage_error(str(exc)) from None
    except OSError as exc:
        raise _usage_error(f"{path}: {exc.strerror or exc}") from None
    print(f"exported {len(library)} templates to {path}")
    return EXIT_OK


def _problems(v: TemplateVerdict) -> list[str]:
    out = [f"    {v.problem}"] if v.problem else []
    for d in v.errors():
        src = v.template.body if d.field == "text" else v.template.subject
        snippet = src[d.start:d.end].replace("\n", " ")
        where = "" if d.field == "text" else "subject: "
        out.append(f"    {where}{d.message} [{d.rule}]" + (f": {snippet!r}" if snippet else ""))
    return out


def _settings(args: argparse.Namespace):
    settings, _ = SettingsStore(resolve_data_dir(getattr(args, "data_dir", None))).load()
    return settings


def cmd_import(args: argparse.Namespace) -> int:
    library = _open_library(args)
    settings = _settings(args)
    try:
        report = import_templates(library, Path(args.file), fmt=args.format,
                                  on_clash=args.on_clash, checker=Checker(),
                                  words=settings.user_words)
    except TemplateFileError as exc:
        raise _usage_error(str(exc)) from None
    for label, names in (("added", report.added), ("replaced", report.replaced),
                         ("skipped (already in the library)", report.skipped)):
        for name in names:
            print(f"{label}: {name}")
    for old, new in report.renamed:
        print(f"added as {new!r}: {old}")
    for where, problem in report.invalid:
        print(f"not imported: {where}: {problem}", file=sys.stderr)
    for v in report.noncompliant:
        print(f"imported but not compliant: {v.template.name}")
        print("\n".join(_problems(v)))
    print(f"{report.imported} imported, {len(report.skipped)} skipped, "
          f"{len(report.invalid)} rejected, {len(report.noncompliant)} not compliant")
    return EXIT_NONCOMPLIANT if report.invalid or report.noncompliant else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    library = _open_library(args)
    settings = _settings(args)
    verdicts = check_templates(library.templates, Checker(), seller_name=settings.seller_name,
                               words=settings.user_words)
    if args.format == "json":
        print(json.dumps([{"id": v.template.id, "name": v.template.name,
                           "compliant": v.compliant, "problem": v.problem or None,
                           "diagnostics": [d.to_dict() for d in v.diagnostics]}
                          for v in verdicts], ensure_ascii=False, indent=2))
    else:
        for v in verdicts:
            print(f"{'ok  ' if v.compliant else 'FAIL'}  {v.template.name}")
            for line in _problems(v):
                print(line)
        bad = sum(not v.compliant for v in verdicts)
        print(f"{len(verdicts) - bad} compliant, {bad} not compliant")
    return EXIT_OK if all(v.compliant for v in verdicts) else EXIT_NONCOMPLIANT
