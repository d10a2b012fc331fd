"""Take the README screenshot: the real window under Xvfb with a highlighted draft.

Run: xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from composer.app import app_icon, make_window  # noqa: E402

REPORT = ROOT.parent / "shared" / "orders" / "order-report-mfn-us.tsv"
DRAFT = (
    "Hello Sarah,\n\n"
    "We hope the oak shelf arrived safely 😀 If you love it, please leave us a 5-star review! "
    "If anything is wrong, contact us first at help@maplecraftgoods.com before leaving a "
    "review.\n\n"
    "As a thank-you, use code THANKS15 for 15% off your next order. We recieved many "
    "compliments on this shelf.\n\n"
    "Kind regards,\nMaple Craft Goods"
)


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: Path) -> int:
    app = QApplication(sys.argv)
    app.setWindowIcon(app_icon())
    with tempfile.TemporaryDirectory() as data:
        w = make_window(data)
        w.resize(1440, 900)
        w.move(0, 0)
        w.show()
        if REPORT.exists():
            w.import_orders(REPORT)
            sarah = next(o for o in w.session.orders.all() if o.buyer_name == "Sarah Miller")
            w.orders_panel.select_order(sarah.order_id)
            delivered = date.today() - timedelta(days=9)
            w.orders_panel.delivery_edit.setDate(
                QDate.fromString(delivered.isoformat(), Qt.DateFormat.ISODate))
        w.set_reason("review-request")
        w.subject_edit.setPlainText("[Important] About your oak shelf")
        w.body_editor.setPlainText(DRAFT)
        w.body_editor.setFocus()
        pump(2500)
        subprocess.run(["import", "-window", "root", str(out)], check=True)
        print(f"wrote {out} ({w.problem_count()} problems, Send enabled: "
              f"{w.send_button.isEnabled()})")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png"))
