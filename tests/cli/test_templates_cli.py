"""`seller-composer templates ...` as a seller would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "composer", *args]
    if data is not None:
        cmd += ["--data-dir", str(data)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def test_list_shows_the_starters_and_data_dir_works_before_or_after(tmp_path):
    after = run("templates", "list", data=tmp_path)
    before = subprocess.run([sys.executable, "-m", "composer", "--data-dir", str(tmp_path),
                             "templates", "list"], capture_output=True, text=True, timeout=120)
    assert after.returncode == before.returncode == 0, after.stderr
    assert after.stdout == before.stdout
    assert "Review request (EN)" in after.stdout and "Rechnung (DE)" in after.stdout
    assert after.stdout.rstrip().endswith("18 templates")
    listed = json.loads(run("templates", "list", "--format", "json", data=tmp_path).stdout)
    assert len(listed) == 18 and {t["marketplace"] for t in listed} == {"US", "DE"}


def test_check_passes_the_starters_and_fails_a_coupon(tmp_path):
    ok = run("templates", "check", data=tmp_path)
    assert ok.returncode == 0, ok.stdout
    assert ok.stdout.rstrip().endswith("18 compliant, 0 not compliant")

    promo = tmp_path / "promo.csv"
    promo.write_text("name,reason,marketplace,subject,body\n"
                     "Promo,customer-inquiry,US,,Use the coupon code SPRING at checkout.\n",
                     encoding="utf-8")
    imported = run("templates", "import", str(promo), data=tmp_path)
    assert imported.returncode == 1
    assert "imported but not compliant: Promo" in imported.stdout

    bad = run("templates", "check", data=tmp_path)
    assert bad.returncode == 1
    assert "FAIL  Promo" in bad.stdout and "[promotion." in bad.stdout
    assert bad.stdout.rstrip().endswith("18 compliant, 1 not compliant")


def test_export_then_import_json_into_another_folder(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    src = tmp_path / "mine.csv"
    src.write_text('name,reason,marketplace,subject,body\n'
                   '"Rückfrage, kurz",additional-information,DE,Bestellung {order_id},'
                   '"Guten Tag {buyer_name},\n\nwelche Größe wünschen Sie?"\n', encoding="utf-8")
    assert run("templates", "import", str(src), data=a).returncode == 0
    out = tmp_path / "all.json"
    exported = run("templates", "export", str(out), data=a)
    assert exported.returncode == 0 and "exported 19 templates" in exported.stdout

    first = run("templates", "import", str(out), data=b)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "added: Rückfrage, kurz" in first.stdout and "18 skipped" in first.stdout
    assert (json.loads(run("templates", "list", "--format", "json", data=b).stdout)
            == json.loads(out.read_text(encoding="utf-8"))["templates"])

    both = run("templates", "import", str(out), "--on-clash", "keep-both", data=b)
    assert both.returncode == 0 and "added as 'Rückfrage, kurz (2)'" in both.stdout
    assert "38 templates" in run("templates", "list", data=b).stdout


def test_export_csv_and_text_folder(tmp_path):
    assert run("templates", "export", str(tmp_path / "t.csv"), data=tmp_path).returncode == 0
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbfname,")
    folder = tmp_path / "texts"
    done = run("templates", "export", str(folder), "--format", "txt", data=tmp_path)
    assert done.returncode == 0
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 18
    assert (folder / "Rechnung (DE).txt").read_text(encoding="utf-8").startswith(
        "Subject: Rechnung zu Ihrer Bestellung {order_id}\n\nGuten Tag {buyer_name},")


def test_import_rejects_unknown_reasons_and_says_which(tmp_path):
    src = tmp_path / "in.json"
    src.write_text(json.dumps([{"name": "Spam", "reason": "newsletter", "marketplace": "US",
                                "body": "News!"}]), encoding="utf-8")
    done = run("templates", "import", str(src), data=tmp_path)
    assert done.returncode == 1
    assert "not imported: template 1 (Spam): unknown contact reason 'newsletter'" in done.stderr
    assert "Spam" not in run("templates", "list", data=tmp_path).stdout


def test_usage_errors_exit_2_with_one_line(tmp_path):
    cases = [
        ("templates", "import", str(tmp_path / "missing.json")),
        ("templates", "export", str(tmp_path / "out.xlsx")),
        ("templates", "import", str(tmp_path / "x.json"), "--on-clash", "merge"),
        ("templates",),
    ]
    (tmp_path / "x.json").write_text("[]", encoding="utf-8")
    for args in cases:
        done = run(*args, data=tmp_path)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, args


def test_a_damaged_templates_file_is_reported_and_moved_aside(tmp_path):
    (tmp_path / "templates.json").write_text('{"version": 1, "templ', encoding="utf-8")
    done = run("templates", "list", data=tmp_path)
    assert done.returncode == 0
    assert "templates.json was damaged" in done.stderr and "starter templates" in done.stderr
    assert "18 templates" in done.stdout
    assert len(list(tmp_path.glob("templates.json.corrupt-*"))) == 1


def test_the_data_folder_can_come_from_the_environment(tmp_path):
    (tmp_path / "templates.json").write_text('{"version": 1, "templates": []}', encoding="utf-8")
    env = {**os.environ, "SELLER_COMPOSER_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "composer", "templates", "list"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0 and done.stdout.strip() == "0 templates"
