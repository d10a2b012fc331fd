"""Render resources/icons/seller-composer.svg to the PNG, ICO and ICNS files the bundles need.

Run after editing the SVG and commit the results:

    .venv/bin/python packaging/render_icons.py

Only Qt (QtSvg, part of PySide6-Essentials) is used, so no Pillow: the .ico and .icns
containers are written here directly with PNG payloads, which Windows (Vista+) and macOS
(10.7+) both read.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "seller-composer.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png_name(size: int) -> str:
    return f"seller-composer-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent size x size canvas, encoded as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG for Qt's renderer")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG (width/height 0 means 256)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, payload = b"", b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding each PNG under its element type."""
    body = b"".join(
        ICNS_TYPES[s] + struct.pack(">I", 8 + len(pngs[s])) + pngs[s]
        for s in sorted(pngs) if s in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(svg: Path = SVG, out: Path = ICONS) -> list[Path]:
    pngs = {s: render_png(svg, s) for s in SIZES}
    written = []
    for s, data in pngs.items():
        written.append(out / png_name(s))
        written[-1].write_bytes(data)
    (out / "seller-composer.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "seller-composer.icns").write_bytes(icns_bytes(pngs))
    written += [out / "seller-composer.ico", out / "seller-composer.icns"]
    return written


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    for path in render_all():
        print(f"{path.relative_to(ICONS.parent.parent)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
