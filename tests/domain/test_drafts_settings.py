"""The draft and the settings survive restarts; buyers' names stay out of them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from composer.domain.drafts import Draft, DraftStore
from composer.domain.paths import ENV_VAR
from composer.domain.placeholders import fill, personal_values, values_from_order
from composer.domain.settings import (
    Settings,
    SettingsStore,
    remember_data_dir,
    remembered_data_dir,
    resolve_data_dir,
)
from composer.domain.template_io import export_csv, export_json, export_txt
from composer.domain.templates import TemplateLibrary

BUYER, EMAIL = "Erika Mustermann", "x7k2p9q4r1@marketplace.amazon.de"
ORDER_ID = "302-1234567-7654321"


@dataclass
class Item:
    product_name: str
    asin: str = "B0ABCDEF12"
    sku: str = "TK-12"


@dataclass
class Order:
    order_id: str = ORDER_ID
    buyer_name: str = BUYER
    recipient_name: str = "Max Mustermann"
    buyer_email: str = EMAIL
    purchase_date: datetime = datetime(2026, 11, 2, 10, 50)
    items: tuple[Item, ...] = (Item("Teekanne 1,2 l"),)


def test_draft_is_restored_after_a_restart(tmp_path):
    assert DraftStore(tmp_path).load() == (None, None)
    draft = Draft("return", "DE", ORDER_ID, "Ihre Rücksendung", "Zeile 1\nZeile 2 ✓")
    DraftStore(tmp_path).save(draft)
    assert DraftStore(tmp_path).load() == (draft, None)
    DraftStore(tmp_path).clear()
    assert DraftStore(tmp_path).load() == (None, None)


def test_draft_file_keeps_the_order_id_not_the_buyer(tmp_path):
    order = Order()
    template = TemplateLibrary.open(tmp_path)[0].get("starter-de-return")
    values = values_from_order(order, seller_name="Teehaus Nord")
    body = (fill(template.body, values)[0] + "\nFrau Mustermann bat um Rückruf, Erika sagt, "
            f"Max Mustermann nimmt das Paket an. Kopie an {EMAIL}.")
    draft = Draft("return", "DE", order.order_id, fill(template.subject, values)[0], body)
    assert BUYER in draft.body

    store = DraftStore(tmp_path)
    store.save(draft, personal=personal_values(order))
    raw = (tmp_path / "draft.json").read_text(encoding="utf-8")
    assert ORDER_ID in raw and "Teehaus Nord" in raw
    assert "Erika" not in raw and "Mustermann" not in raw and EMAIL not in raw
    assert "Guten Tag {buyer_name}," in raw

    restored, _ = DraftStore(tmp_path).load()
    assert restored.order_id == ORDER_ID
    assert restored.with_personal(personal_values(order)) == draft


def test_saving_a_draft_as_a_template_turns_order_values_into_placeholders(tmp_path):
    order = Order()
    values = values_from_order(order) | personal_values(order)
    draft = Draft("invoice", "DE", ORDER_ID, f"Rechnung {ORDER_ID}",
                  f"Guten Tag {BUYER},\n\nanbei die Rechnung für Teekanne 1,2 l.")
    lib = TemplateLibrary.open(tmp_path)[0]
    t = lib.add_from_draft(draft, "Meine Rechnung", values)
    assert t.subject == "Rechnung {order_id}"
    assert t.body == "Guten Tag {buyer_name},\n\nanbei die Rechnung für {product_name}."


def test_no_file_the_app_writes_holds_the_buyers_name_or_email(tmp_path):
    order = Order()
    values = values_from_order(order, seller_name="Teehaus Nord") | personal_values(order)
    lib = TemplateLibrary.open(tmp_path)[0]
    template = lib.get("starter-de-invoice")
    draft = Draft("invoice", "DE", ORDER_ID, fill(template.subject, values)[0],
                  fill(template.body, values)[0] + f"\nKopie an {EMAIL}")
    DraftStore(tmp_path).save(draft, personal=personal_values(order))
    lib.add_from_draft(draft, "From the draft", values)
    SettingsStore(tmp_path).save(Settings("DE", "Teehaus Nord", ("Teekanne",)))
    export_json(lib.templates, tmp_path / "export.json")
    export_csv(lib.templates, tmp_path / "export.csv")
    export_txt(lib.templates, tmp_path / "txt")

    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) > 20
    for path in files:
        text = path.read_bytes().decode("utf-8-sig")
        for secret in ("Erika", "Mustermann", EMAIL):
            assert secret not in text, f"{secret} in {path.name}"


def test_settings_round_trip_and_defaults(tmp_path):
    store = SettingsStore(tmp_path)
    assert store.load() == (Settings(), None)
    s = Settings("DE", "Teehaus Nord").with_word("Teekanne").with_word("Ärmel")
    s = s.with_word(" Teekanne ").with_word("")
    assert s.user_words == ("Ärmel", "Teekanne")
    store.save(s.without_word("Ärmel"))
    assert SettingsStore(tmp_path).load() == (Settings("DE", "Teehaus Nord", ("Teekanne",)), None)


def test_a_bad_value_falls_back_to_its_default_without_losing_the_rest(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps(
        {"version": 1, "default_marketplace": "Mars", "seller_name": "Teehaus Nord",
         "user_words": ["Teekanne", 7]}), encoding="utf-8")
    settings, notice = SettingsStore(tmp_path).load()
    assert notice is None
    assert settings == Settings("US", "Teehaus Nord", ("Teekanne",))


def test_the_data_folder_is_chosen_by_flag_then_environment_then_the_remembered_one(
        tmp_path, monkeypatch):
    config = tmp_path / "config"
    monkeypatch.delenv(ENV_VAR, raising=False)
    remember_data_dir(tmp_path / "chosen", config)
    assert resolve_data_dir(None, config) == (tmp_path / "chosen").resolve()
    assert (tmp_path / "chosen").is_dir()
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_data_dir(None, config) == tmp_path / "env"
    assert resolve_data_dir(tmp_path / "flag", config) == tmp_path / "flag"
    monkeypatch.delenv(ENV_VAR)
    remember_data_dir(None, config)
    assert remembered_data_dir(config) is None
