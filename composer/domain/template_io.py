"""Templates in and out: JSON (exact), CSV (for spreadsheets), a folder of text files."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from composer.domain.compliance import TemplateVerdict, check_template
from composer.domain.storage import atomic_write_bytes, atomic_write_json, read_input
from composer.domain.templates import (
    VERSION,
    Template,
    TemplateLibrary,
    clean_name,
    new_id,
    now_iso,
    validation_problems,
)
from composer.rules import Checker

Clash = Literal["skip", "replace", "keep-both"]
CLASH_POLICIES = ("skip", "replace", "keep-both")
CSV_COLUMNS = ("name", "reason", "marketplace", "subject", "body", "id", "created", "updated")
_REQUIRED = ("name", "reason", "marketplace", "body")


class TemplateFileError(ValueError):
    """A file that is not a templates file at all (as opposed to one bad template in it)."""


# export
def export_json(templates: Iterable[Template], path: Path) -> None:
    atomic_write_json(Path(path), {"version": VERSION,
                                   "templates": [t.to_dict() for t in templates]})


def export_csv(templates: Iterable[Template], path: Path) -> None:
    """UTF-8 with a byte-order mark, so Excel shows umlauts; one row per template."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for t in templates:
        row = t.to_dict()
        writer.writerow([row[c] for c in CSV_COLUMNS])
    atomic_write_bytes(Path(path), buf.getvalue().encode("utf-8-sig"))


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def file_name_for(name: str, taken: set[str]) -> str:
    """A file name that is valid on Windows, macOS and Linux and not yet in `taken`."""
    stem = _UNSAFE.sub("-", name).strip(" .-")[:80].rstrip(" .") or "template"
    if stem.upper() in _RESERVED:
        stem = f"{stem}-template"
    candidate, n = stem, 1
    while f"{candidate}.txt".casefold() in taken:
        n += 1
        candidate = f"{stem} ({n})"
    taken.add(f"{candidate}.txt".casefold())
    return f"{candidate}.txt"


def export_txt(templates: Iterable[Template], folder: Path) -> list[Path]:
    """One `.txt` per template: `Subject: ...` on the first line, a blank line, the text."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise TemplateFileError(f"{folder} is a file; text export needs a folder")
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    written = []
    for t in templates:
        path = folder / file_name_for(t.name, taken)
        text = f"Subject: {t.subject}\n\n{t.body}\n"
        atomic_write_bytes(path, text.encode("utf-8"))
        written.append(path)
    return written


# import
@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (name in file, new name)
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (where, what is wrong)
    noncompliant: list[TemplateVerdict] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.renamed)


def _decode(path: Path) -> str:
    data = read_input(path, TemplateFileError)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # "CSV" saved by Excel on Windows
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise TemplateFileError(f"{path}: not UTF-8 text; save it as UTF-8") from None


def read_json_entries(path: Path) -> Iterator[tuple[str, Any]]:
    try:
        raw = json.loads(_decode(path))
    except json.JSONDecodeError as exc:
        raise TemplateFileError(f"{path}: not valid JSON (line {exc.lineno})") from None
    if isinstance(raw, dict):
        if raw.get("version", VERSION) != VERSION:
            raise TemplateFileError(f"{path}: templates file version {raw.get('version')!r} "
                                    "is newer than this app understands")
        raw = raw.get("templates")
    if not isinstance(raw, list):
        raise TemplateFileError(f"{path}: no list of templates in it")
    for i, entry in enumerate(raw, 1):
        name = entry.get("name") if isinstance(entry, dict) else None
        yield (f"template {i}" + (f" ({name})" if isinstance(name, str) else "")), entry


def read_csv_entries(path: Path) -> Iterator[tuple[str, Any]]:
    text = _decode(path)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise TemplateFileError(f"{path}: no column {', '.join(missing)} in the header row")
    for n, row in enumerate(reader, 2):  # spreadsheet row numbers: the header is row 1
        if not any(cell.strip() for cell in row):
            continue
        # cells typed in a spreadsheet may carry Windows line breaks; messages use \n
        entry = {h: (row[i].replace("\r\n", "\n") if i < len(row) else "")
                 for i, h in enumerate(header)}
        yield f"row {n} ({entry['name']})", entry


def template_from_entry(entry: Any, reasons: Iterable[str]) -> tuple[Template | None, str]:
    """A template from one imported record, or (None, what is wrong with it)."""
    if not isinstance(entry, dict):
        return None, "not a template record"
    values: dict[str, str] = {}
    for f in fields(Template):
        value = entry.get(f.name)
        if value is None or (value == "" and f.name in ("id", "created", "updated")):
            value = None
        elif not isinstance(value, str):
            return None, f"{f.name} is not text"
        values[f.name] = value  # type: ignore[assignment]
    missing = [k for k in _REQUIRED if values.get(k) is None]
    if missing:
        return None, f"missing {', '.join(missing)}"
    stamp = now_iso()
    t = Template(id=values["id"] or new_id(), name=clean_name(values["name"]),
                 reason=values["reason"].strip(), marketplace=values["marketplace"].strip().upper(),
                 subject=values["subject"] or "", body=values["body"],
                 created=values["created"] or stamp, updated=values["updated"] or stamp)
    problems = validation_problems(t, reasons)
    return (None, "; ".join(problems)) if problems else (t, "")


def _merge(library: TemplateLibrary, t: Template, on_clash: Clash,
           report: ImportReport) -> Template | None:
    same_id = next((x for x in library.templates if x.id == t.id), None)
    same_name = library.find_name(t.name)
    existing = same_name or same_id
    if existing is None:
        library.put(t, save=False)
        report.added.append(t.name)
        return t
    if on_clash == "skip":
        report.skipped.append(t.name)
        return None
    if on_clash == "replace":
        if same_id is not None and same_name is not None and same_id is not same_name:
            library.delete(same_id.id, save=False)  # the file's version takes both places
        new = replace(t, id=existing.id)
        library.put(new, save=False)
        report.replaced.append(t.name)
        return new
    new = replace(t, id=new_id() if same_id else t.id, name=library.unique_name(t.name))
    library.put(new, save=False)
    if new.name == t.name:  # only the id was taken
        report.added.append(t.name)
    else:
        report.renamed.append((t.name, new.name))
    return new


def import_templates(library: TemplateLibrary, path: Path, *, fmt: str | None = None,
                     on_clash: Clash = "skip", checker: Checker | None = None,
                     words: Iterable[str] = ()) -> ImportReport:
    """Merge a JSON or CSV file into `library`, saved once; bad records are reported, not taken."""
    if on_clash not in CLASH_POLICIES:
        raise ValueError(f"on_clash must be one of {CLASH_POLICIES}")
    path = Path(path)
    fmt = fmt or format_from_name(path, ("json", "csv"))
    entries = list(read_json_entries(path) if fmt == "json" else read_csv_entries(path))
    report = ImportReport()
    merged = []
    for where, entry in entries:
        t, problem = template_from_entry(entry, library.reasons)
        if t is None:
            report.invalid.append((where, problem))
            continue
        got = _merge(library, t, on_clash, report)
        if got is not None:
            merged.append(got)
    if merged:
        library.save()
        checker = checker or Checker()
        verdicts = (check_template(t, checker, words=words) for t in merged)
        report.noncompliant = [v for v in verdicts if not v.compliant]
    return report


def format_from_name(path: Path, allowed: tuple[str, ...]) -> str:
    """`json`/`csv` from the file's extension; `txt` for a folder or a name without one."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in allowed:
        return suffix
    if "txt" in allowed and (suffix in ("", "txt") or Path(path).is_dir()):
        return "txt"
    raise TemplateFileError(f"{path}: cannot tell the format from the name; "
                            f"give --format {'|'.join(allowed)}")
