"""The installable app: the frozen bundle gives the same verdicts as the installed command,
opens its window, and the .deb carries everything a desktop needs.

The bundle tests build with PyInstaller (~15-30 s on 2 cores) once per run; they are marked
slow and still run in CI. They need the `package` extra (`pip install -e '.[package]'`).
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from composer import __version__
from composer.domain.reasons import MARKETPLACES

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.sellercomposer.SellerComposer"
CORPUS = Path("/work/shared/corpus/messages.jsonl")
# What Qt may print on a screenless start that is not an error of ours.
BENIGN_QT = ("This plugin does not support propagateSizeHints()",)


# ---------------------------------------------------------------- icons and desktop metadata

def _render_icons_module():
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_icons_are_rendered_from_the_svg(qapp):
    from PySide6.QtGui import QImage

    icons = _render_icons_module()
    for size in icons.SIZES:
        committed = QImage(str(ICONS / icons.png_name(size)))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = QImage.fromData(icons.render_png(icons.SVG, size))
        assert committed.convertToFormat(QImage.Format.Format_ARGB32) == \
            fresh.convertToFormat(QImage.Format.Format_ARGB32), \
            f"{icons.png_name(size)} is stale: run packaging/render_icons.py"
        centre = committed.pixelColor(size // 2, size // 3)
        assert centre.alpha() == 255  # the bubble is opaque, not an empty canvas


def test_ico_and_icns_hold_every_size():
    icons = _render_icons_module()
    ico = (ICONS / "seller-composer.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"
    assert int.from_bytes(ico[4:6], "little") == len(icons.ICO_SIZES)
    icns = (ICONS / "seller-composer.icns").read_bytes()
    assert icns[:4] == b"icns" and int.from_bytes(icns[4:8], "big") == len(icns)
    for kind in icons.ICNS_TYPES.values():
        assert kind in icns


def test_desktop_entry_launches_the_command_with_the_app_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    de = entry["Desktop Entry"]
    assert de["Type"] == "Application"
    assert de["Exec"].split()[0] == "seller-composer"
    assert de["Icon"] == APP_ID
    assert de["Terminal"] == "false"
    if shutil.which("desktop-file-validate"):
        proc = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
                              capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_metainfo_matches_the_app_and_its_version():
    path = LINUX / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("provides/binary").text == "seller-composer"
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == __version__, "add a <release> for the new version"
    if shutil.which("appstreamcli"):
        proc = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr


# ---------------------------------------------------------------- the frozen bundle

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Build once into a temporary dist/: packaging/build.sh (bundle, and the .deb where
    dpkg-deb exists), or on Windows the same spec through PyInstaller directly."""
    pytest.importorskip("PyInstaller", reason="needs pip install -e '.[package]'")
    out = tmp_path_factory.mktemp("packaging")
    dist, work = out / "dist", out / "build"
    if sys.platform == "win32":
        cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
               str(PACKAGING / "seller-composer.spec")]
    else:
        cmd = ["bash", str(PACKAGING / "build.sh")]
    env = {**os.environ, "PYTHON": sys.executable, "DIST_DIR": str(dist), "BUILD_DIR": str(work)}
    start = time.monotonic()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    print(f"\nbundle build: {time.monotonic() - start:.1f} s")
    return dist


def _cli(dist: Path) -> Path:
    """The bundled command for the terminal (on Windows the console twin of the app)."""
    name = "seller-composer-cli.exe" if sys.platform == "win32" else "seller-composer"
    return dist / "seller-composer" / name


def _gui(dist: Path) -> Path:
    return dist / "seller-composer" / ("seller-composer.exe" if sys.platform == "win32"
                                       else "seller-composer")


def _installed_command() -> list[str]:
    script = Path(sys.executable).parent / (
        "seller-composer.exe" if sys.platform == "win32" else "seller-composer")
    return [str(script)] if script.exists() else [sys.executable, "-m", "composer"]


def _batch_file(tmp_path: Path, checker) -> Path:
    """The shared corpus where present, plus every rule's own examples."""
    lines = []
    if CORPUS.is_file():
        lines += [ln for ln in CORPUS.read_text(encoding="utf-8").splitlines() if ln.strip()]
    market = {lang: m for m, lang in reversed(MARKETPLACES.items())}
    for rule in checker.all_rules():
        for kind, texts in (("fail", rule.examples_fail), ("pass", rule.examples_pass)):
            for i, text in enumerate(texts):
                lines.append(json.dumps({
                    "id": f"{rule.id}/{kind}/{i}", "text": text,
                    "reason": rule.example_reason or "customer-inquiry",
                    "marketplace": market.get(rule.lang, "US"),
                    "subject": rule.example_subject,
                }, ensure_ascii=False))
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(cmd: list[str], tmp_path: Path, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "SELLER_COMPOSER_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=300, **kw)


def _data_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")}


@pytest.mark.slow
def test_bundle_carries_every_resource_file(built):
    bundled = _data_files(_cli(built).parent / "_internal" / "resources")
    source = _data_files(ROOT / "resources")
    assert sorted(bundled) == sorted(source)
    changed = [name for name in source if bundled[name] != source[name]]
    assert not changed, f"changed since the build (edited during the test run?): {changed}"


@pytest.mark.slow
def test_bundle_checks_exactly_like_the_installed_command(built, tmp_path, checker):
    exe = _cli(built)
    batch = _batch_file(tmp_path, checker)
    args = ["check", "--batch", str(batch)]
    frozen = _run([str(exe), *args], tmp_path)
    installed = _run([*_installed_command(), *args], tmp_path)
    assert not frozen.stderr.strip(), frozen.stderr[-3000:]
    assert frozen.returncode == installed.returncode
    got = [json.loads(ln) for ln in frozen.stdout.splitlines()]
    want = [json.loads(ln) for ln in installed.stdout.splitlines()]
    assert len(want) == len(batch.read_text(encoding="utf-8").splitlines())
    assert got == want
    assert not any("error" in r for r in got), [r for r in got if "error" in r][:3]
    # The frozen engine really ran its checks, data files included (spelling, phone numbers).
    hit = {d["category"] for r in got for d in r["diagnostics"]}
    expected = {r.category for r in checker.all_rules() if r.examples_fail} & {
        "contact-info", "promotion", "spelling"}
    assert expected <= hit


@pytest.mark.slow
def test_bundle_single_message_json_matches(built, tmp_path):
    exe = _cli(built)
    msg = tmp_path / "m.txt"
    msg.write_text("Hi Anna, call me on +1 206 555 0100 for 20% off your next order.\n",
                   encoding="utf-8")
    args = ["check", str(msg), "--reason", "customer-inquiry", "--marketplace", "US",
            "--format", "json"]
    frozen = _run([str(exe), *args], tmp_path)
    installed = _run([*_installed_command(), *args], tmp_path)
    assert frozen.returncode == installed.returncode == 1
    assert json.loads(frozen.stdout) == json.loads(installed.stdout)
    assert json.loads(frozen.stdout)["compliant"] is False


@pytest.mark.slow
def test_bundle_reports_its_version_and_reasons(built, tmp_path):
    exe = _cli(built)
    proc = _run([str(exe), "--version"], tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"seller-composer {__version__}"
    frozen = _run([str(exe), "reasons", "--format", "json"], tmp_path)
    installed = _run([*_installed_command(), "reasons", "--format", "json"], tmp_path)
    assert json.loads(frozen.stdout) == json.loads(installed.stdout)


@pytest.mark.slow
def test_bundle_opens_its_window_offscreen(built, tmp_path):
    assert _gui(built).is_file()
    exe = _cli(built)  # on Windows the app's console twin, so its stderr can be read
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "SELLER_COMPOSER_DATA_DIR": str(tmp_path / "data")}
    # --smoke-test: show the window, wait for its first check, exit 0 (1 if the engine failed)
    proc = subprocess.run([str(exe), "--smoke-test"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    stderr = proc.stderr
    noise = [ln for ln in stderr.splitlines() if ln.strip() and ln.strip() not in BENIGN_QT]
    assert not noise, "\n".join(noise[-40:])
    assert (tmp_path / "data").is_dir()  # it got as far as opening its data folder


# ---------------------------------------------------------------- the .deb

def _deb(dist: Path) -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb: only on Debian/Ubuntu")
    debs = sorted(dist.glob("seller-composer_*.deb"))
    assert len(debs) == 1, debs
    return debs[0]


@pytest.mark.slow
def test_deb_control_declares_what_the_bundle_needs(built):
    deb = _deb(built)
    info = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    fields = dict(ln.split(": ", 1) for ln in info.splitlines() if ": " in ln and ln[0] != " ")
    assert fields["Package"] == "seller-composer"
    assert fields["Version"] == __version__
    depends = {d.split()[0] for d in fields["Depends"].split(", ")}
    assert {"libgl1", "libegl1", "libc6"} <= depends
    assert int(fields["Installed-Size"]) > 50_000  # KiB: Qt and Python are inside


@pytest.mark.slow
def test_deb_installs_the_bundle_launcher_icons_and_metadata(built, tmp_path):
    deb = _deb(built)
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    paths = {ln.split()[5]: ln for ln in listing.splitlines()}
    assert "/opt/seller-composer/seller-composer" in paths["./usr/bin/seller-composer"]
    assert paths["./usr/bin/seller-composer"].startswith("l")
    for p in ("./opt/seller-composer/seller-composer",
              "./opt/seller-composer/_internal/resources/reasons.toml",
              "./opt/seller-composer/_internal/spellchecker/resources/en.json.gz",
              f"./usr/share/applications/{APP_ID}.desktop",
              f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
              f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
              "./usr/share/doc/seller-composer/copyright"):
        assert p in paths, p
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in paths
    assert paths["./opt/seller-composer/seller-composer"].startswith("-rwxr-xr-x root/root")

    # Unpacked, the bundle runs through a symlink the way /usr/bin/seller-composer does.
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    link = tmp_path / "seller-composer"
    link.symlink_to(root / "opt" / "seller-composer" / "seller-composer")
    proc = _run([str(link), "--version"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"seller-composer {__version__}"
