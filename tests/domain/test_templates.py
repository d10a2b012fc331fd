"""Templates: the library, placeholders, import/export and the starter set."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from composer.domain.compliance import check_template
from composer.domain.placeholders import (
    FIELDS,
    fill,
    personal_values,
    placeholders_in,
    unfill,
    values_from_order,
)
from composer.domain.reasons import load_reasons
from composer.domain.template_io import (
    TemplateFileError,
    export_csv,
    export_json,
    export_txt,
    import_templates,
)
from composer.domain.templates import Template, TemplateLibrary, fill_template, load_starters

TRICKY = 'Hello {buyer_name},\n\n"Größe", 3 \u00d7 4 cm; naïve café\n=SUM(A1) — 日本語 ✓\n'


def empty_library(folder: Path) -> TemplateLibrary:
    return TemplateLibrary.open(folder, starters=[])[0]


@dataclass
class Item:
    product_name: str
    asin: str | None = None
    sku: str | None = None


@dataclass
class Order:  # the shape composer.domain.orders.Order has; read with getattr
    order_id: str
    buyer_name: str | None = None
    purchase_date: datetime | None = None
    delivery_date: datetime | None = None
    items: tuple[Item, ...] = ()


# the library
def test_new_library_starts_with_starters_and_changes_persist(tmp_path):
    lib, notice = TemplateLibrary.open(tmp_path)
    assert notice is None and len(lib) == 18
    added = lib.add("Late parcel", "order-fulfillment-issue", "uk", "Order {order_id}",
                    "Hello {buyer_name},\n\nYour parcel is delayed.")
    lib.rename(added.id, "Delayed parcel")
    copy = lib.duplicate(added.id)
    lib.delete(lib.find_name("Invoice (EN)").id)

    again = TemplateLibrary.open(tmp_path)[0]
    names = [t.name for t in again.templates]
    assert "Delayed parcel" in names and "Delayed parcel (2)" in names
    assert "Invoice (EN)" not in names and len(again) == 19
    assert again.get(copy.id).body == added.body
    assert again.get(added.id).marketplace == "UK"
    raw = json.loads((tmp_path / "templates.json").read_text(encoding="utf-8"))
    assert raw["version"] == 1 and len(raw["templates"]) == 19


def test_deleted_starters_stay_deleted_until_restored(tmp_path):
    lib = TemplateLibrary.open(tmp_path)[0]
    for t in lib.templates:
        lib.delete(t.id)
    assert len(TemplateLibrary.open(tmp_path)[0]) == 0
    lib.add("Rechnung (DE)", "invoice", "DE", "", "Meine eigene Rechnung.")
    back = lib.restore_starters()
    assert len(back) == 17 and lib.find_name("Rechnung (DE)").body == "Meine eigene Rechnung."
    assert len(TemplateLibrary.open(tmp_path)[0]) == 18


def test_library_refuses_bad_templates(tmp_path):
    lib = empty_library(tmp_path)
    lib.add("Invoice", "invoice", "DE", "", "Anbei die Rechnung.")
    with pytest.raises(ValueError, match="already exists"):
        lib.add("invoice ", "invoice", "DE", "", "Noch eine.")
    with pytest.raises(ValueError, match="unknown contact reason"):
        lib.add("Promo", "marketing", "US", "", "Text")
    with pytest.raises(ValueError, match="unknown marketplace"):
        lib.add("Japan", "invoice", "JP", "", "Text")
    with pytest.raises(ValueError, match="empty"):
        lib.add("Blank", "invoice", "US", "", "  \n")
    assert [t.name for t in TemplateLibrary.open(tmp_path)[0].templates] == ["Invoice"]


def test_search_matches_name_subject_and_text_by_reason_and_marketplace(tmp_path):
    lib = TemplateLibrary.open(tmp_path)[0]
    assert {t.name for t in lib.search("rechnung")} == {"Rechnung (DE)"}
    assert {t.id for t in lib.search("", reason="return")} == {
        "starter-en-return", "starter-de-return"}
    assert lib.search("Bestellung", marketplace="us") == []
    assert len(lib.search("design confirm", marketplace="US")) == 1


# placeholders
def test_fill_fills_what_it_can_and_leaves_the_rest():
    text = "Hi {buyer_name}, order {order_id} ({product_name}) arrives {delivery_date}. {{x}}"
    values = {"buyer_name": "Jörg {order_id}", "order_id": "111-2222222-3333333",
              "product_name": "  "}
    filled, unfilled = fill(text, values)
    assert filled == ("Hi Jörg {order_id}, order 111-2222222-3333333 ({product_name}) "
                      "arrives {delivery_date}. {{x}}")
    assert unfilled == ["product_name", "delivery_date"]


def test_unfill_is_the_inverse_of_fill_for_whole_words_only():
    values = {"buyer_name": "Anna Bell", "buyer_first_name": "Anna", "order_id": "1-2-3"}
    text = "Hello Anna Bell, dear Anna, Annabel and Annas, order 1-2-3, ANNA."
    bare = unfill(text, values)
    assert bare == ("Hello {buyer_name}, dear {buyer_first_name}, Annabel and Annas, "
                    "order {order_id}, ANNA.")
    assert fill(bare, values)[0] == text


def test_first_and_last_names_come_from_the_buyer_name():
    assert values_from_order(Order("1", "Dr. Erika Maria Mustermann")) == {
        "order_id": "1", "buyer_name": "Dr. Erika Maria Mustermann",
        "buyer_first_name": "Erika", "buyer_last_name": "Mustermann"}
    assert personal_values(Order("1", "E. Mustermann")) == {"buyer_name": "E. Mustermann"}


def test_every_insert_menu_field_is_a_placeholder_with_a_label():
    assert len(FIELDS) == 11 and all(f.label for f in FIELDS)
    assert placeholders_in(" ".join(f.token for f in FIELDS)) == [f.name for f in FIELDS]


def test_applying_a_starter_to_an_order_fills_its_fields():
    order = Order("302-1234567-7654321", "Erika Mustermann", datetime(2026, 11, 2, 10, 50),
                  None, (Item("Teekanne 1,2 l", "B0ABCDEF12", "TK-12"),))
    values = values_from_order(order, seller_name="Teehaus Nord", marketplace="DE")
    assert values["purchase_date"] == "02.11.2026" and "delivery_date" not in values
    starter = next(t for t in load_starters() if t.id == "starter-de-invoice")
    subject, body, unfilled = fill_template(starter, values)
    assert subject == "Rechnung zu Ihrer Bestellung 302-1234567-7654321"
    assert "Guten Tag Erika Mustermann," in body and "302-1234567-7654321" in body
    assert body.rstrip().endswith("Teehaus Nord") and unfilled == []
    note, unfilled = fill("Lieferung am {delivery_date}, Artikel {sku}", values)
    assert note == "Lieferung am {delivery_date}, Artikel TK-12"
    assert unfilled == ["delivery_date"]


def test_order_dates_are_written_the_marketplace_way():
    order = Order("1", delivery_date=datetime(2026, 3, 4, 9, 0))
    assert values_from_order(order, marketplace="US")["delivery_date"] == "03/04/2026"
    assert values_from_order(order, marketplace="UK")["delivery_date"] == "04/03/2026"
    assert values_from_order(order)["delivery_date"] == date(2026, 3, 4).isoformat()


# starters
def test_one_starter_per_reason_in_english_and_german():
    starters = load_starters()
    assert len(starters) == 18 and len({t.id for t in starters}) == 18
    for market in ("US", "DE"):
        assert sorted(t.reason for t in starters if t.marketplace == market) == sorted(
            load_reasons())
    for t in starters:
        assert "{buyer_name}" in t.body and "{order_id}" in t.body + t.subject


@pytest.mark.parametrize("starter", load_starters(), ids=lambda t: t.id)
def test_starter_is_compliant_with_placeholders_allowed(starter, checker):
    verdict = check_template(starter, checker)
    problems = [(d.rule, (starter.body if d.field == "text" else starter.subject)[d.start:d.end])
                for d in verdict.errors()]
    assert verdict.compliant, problems


def test_a_template_whose_reason_is_no_longer_known_is_not_compliant(checker):
    t = Template("x", "Old", "thank-you-note", "US", "", "Hello.", "", "")
    verdict = check_template(t, checker)
    assert not verdict.compliant and "thank-you-note" in verdict.problem


def test_a_template_with_a_coupon_is_not_compliant(checker):
    t = Template("x", "Promo", "customer-inquiry", "US", "", "Hello {buyer_name},\n\n"
                 "Use the coupon code SPRING at checkout.", "", "")
    verdict = check_template(t, checker)
    assert not verdict.compliant and any(d.category == "promotion" for d in verdict.errors())


# export / import
def _custom(tmp_path: Path) -> TemplateLibrary:
    lib = empty_library(tmp_path / "a")
    lib.add("Rückfrage, \"Größe\"", "additional-information", "DE", "Bestellung {order_id}",
            TRICKY)
    lib.add("Simple", "invoice", "US", "", "Please find the invoice attached.")
    return lib


def test_json_export_then_import_gives_identical_templates(tmp_path):
    lib = _custom(tmp_path)
    export_json(lib.templates, tmp_path / "out.json")
    other = empty_library(tmp_path / "b")
    report = import_templates(other, tmp_path / "out.json")
    assert other.templates == lib.templates and report.invalid == []
    assert TemplateLibrary.open(tmp_path / "b")[0].templates == lib.templates


def test_csv_round_trips_names_reasons_and_texts(tmp_path):
    lib = _custom(tmp_path)
    export_csv(lib.templates, tmp_path / "out.csv")
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfname,reason,marketplace,subject,body")
    other = empty_library(tmp_path / "b")
    import_templates(other, tmp_path / "out.csv")
    assert other.templates == lib.templates
    assert other.find_name('Rückfrage, "Größe"').body == TRICKY


def test_csv_from_a_german_spreadsheet_with_semicolons_imports(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("Name;Reason;Marketplace;Subject;Body\r\n"
                     'Rechnung kurz;invoice;de;;"Anbei die Rechnung;\r\nGrüße"\r\n'
                     .encode("cp1252"))
    lib = empty_library(tmp_path / "lib")
    report = import_templates(lib, path)
    assert report.added == ["Rechnung kurz"]
    t = lib.templates[0]
    assert (t.marketplace, t.body) == ("DE", "Anbei die Rechnung;\nGrüße")


def test_import_reports_bad_records_and_imports_the_rest(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"version": 1, "templates": [
        {"name": "Good", "reason": "return", "marketplace": "US", "body": "About your return."},
        {"name": "Bad reason", "reason": "marketing", "marketplace": "US", "body": "x"},
        {"name": "Bad market", "reason": "return", "marketplace": "JP", "body": "x"},
        {"name": "No text", "reason": "return", "marketplace": "US"},
        "not an object",
    ]}), encoding="utf-8")
    lib = empty_library(tmp_path / "lib")
    report = import_templates(lib, path)
    assert [t.name for t in lib.templates] == ["Good"]
    problems = dict(report.invalid)
    assert "unknown contact reason 'marketing'" in problems["template 2 (Bad reason)"]
    assert "unknown marketplace 'JP'" in problems["template 3 (Bad market)"]
    assert "missing body" in problems["template 4 (No text)"]
    assert len(report.invalid) == 4


def test_import_names_the_non_compliant_templates(tmp_path, checker):
    path = tmp_path / "in.csv"
    path.write_text("name,reason,marketplace,subject,body\n"
                    "Promo,customer-inquiry,US,,Use the coupon code SPRING at checkout.\n"
                    "Fine,customer-inquiry,US,,The lamp is blue.\n", encoding="utf-8")
    lib = empty_library(tmp_path / "lib")
    report = import_templates(lib, path, checker=checker)
    assert [v.template.name for v in report.noncompliant] == ["Promo"]
    assert len(lib) == 2  # imported, and reported


@pytest.mark.parametrize("policy", ["skip", "replace", "keep-both"])
def test_clash_policies(tmp_path, policy):
    lib = empty_library(tmp_path / "lib")
    mine = lib.add("Invoice", "invoice", "US", "", "Mine.")
    path = tmp_path / "in.json"
    path.write_text(json.dumps([{"name": "invoice", "reason": "invoice", "marketplace": "US",
                                 "body": "Theirs."}]), encoding="utf-8")
    report = import_templates(lib, path, on_clash=policy)
    lib = TemplateLibrary.open(tmp_path / "lib")[0]
    bodies = {t.name: t.body for t in lib.templates}
    if policy == "skip":
        assert bodies == {"Invoice": "Mine."} and report.skipped == ["invoice"]
    elif policy == "replace":
        assert bodies == {"invoice": "Theirs."} and lib.templates[0].id == mine.id
    else:
        assert bodies == {"Invoice": "Mine.", "invoice (2)": "Theirs."}
        assert report.renamed == [("invoice", "invoice (2)")]


def test_import_of_a_file_that_is_not_templates_fails_whole(tmp_path):
    lib = empty_library(tmp_path / "lib")
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    for name, match in (("x.json", "not valid JSON"), ("x.csv", "no column name"),
                        ("missing.json", "no such file")):
        with pytest.raises(TemplateFileError, match=match):
            import_templates(lib, tmp_path / name)
    assert len(lib) == 0 and not (tmp_path / "lib" / "templates.json").exists()


def test_text_export_writes_one_file_per_template_with_the_subject_first(tmp_path):
    lib = empty_library(tmp_path / "lib")
    lib.add("Return: a/b?", "return", "US", "Your return", "About your return.")
    lib.add("Return- a-b-", "return", "UK", "", "Second.")
    lib.add("CON", "invoice", "US", "Invoice", "Third.")
    paths = export_txt(lib.templates, tmp_path / "out")
    assert [p.name for p in paths] == ["Return- a-b.txt", "Return- a-b (2).txt",
                                       "CON-template.txt"]
    assert paths[0].read_text(encoding="utf-8") == "Subject: Your return\n\nAbout your return.\n"
    assert paths[1].read_text(encoding="utf-8").startswith("Subject: \n\nSecond.")


def test_keep_both_gives_a_renamed_template_a_new_id_and_keeps_its_name(tmp_path):
    lib = _custom(tmp_path)
    export_json(lib.templates, tmp_path / "out.json")
    simple = lib.find_name("Simple")
    lib.rename(simple.id, "Simple, renamed since")
    report = import_templates(lib, tmp_path / "out.json", on_clash="keep-both")
    assert report.added == ["Simple"]
    assert report.renamed == [('Rückfrage, "Größe"', 'Rückfrage, "Größe" (2)')]
    assert len(lib) == 4 and len({t.id for t in lib.templates}) == 4
