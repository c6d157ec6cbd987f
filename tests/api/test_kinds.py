"""The kinds of record: one tuple, import order from references, titles from title_field."""

from __future__ import annotations

import configparser
from collections.abc import Iterator
from typing import get_args

from pydantic import BaseModel

from api.content_io import ContentFile
from api.kinds import IMPORT_ORDER, KINDS, referenced_first
from api.settings import REPO_ROOT


def test_content_file_sections_come_from_the_kinds():
    sections = [k.section for k in KINDS]
    assert list(ContentFile.model_fields) == ["version", *sections, "exported_versions"]
    assert [k.section for k in KINDS] == [
        "places", "advisory_sessions", "offers", "codex", "process_rules", "org_units", "faq",
        "texts",
    ]  # fmt: skip


def test_import_order_puts_referenced_kinds_first():
    assert set(IMPORT_ORDER) == set(KINDS) and len(IMPORT_ORDER) == len(KINDS)
    for position, kind in enumerate(IMPORT_ORDER):
        for target in kind.references.values():
            assert IMPORT_ORDER.index(target) < position, (kind.name, target.name)
    names = [k.name for k in IMPORT_ORDER]
    assert names.index("org-units") < names.index("offers")
    assert names.index("places") < names.index("advisory-sessions")


def test_referenced_first_keeps_the_given_order_otherwise():
    offers = next(k for k in KINDS if k.name == "offers")
    units = next(k for k in KINDS if k.name == "org-units")
    codex = next(k for k in KINDS if k.name == "codex")
    assert referenced_first((codex, offers, units)) == (codex, units, offers)


def test_every_kind_names_its_key_title_and_references_as_fields():
    for kind in KINDS:
        fields = kind.record_schema.model_fields
        assert kind.key_field in fields and kind.title_field in fields, kind.name
        assert kind.key_field not in kind.fields_schema.model_fields, kind.name
        assert set(kind.references) <= set(kind.fields_schema.model_fields), kind.name


def test_stale_list_titles_come_from_each_kinds_title_field(seeded, editor, app):
    app.state.settings.stale_after_days = 1
    stale = seeded.get("/api/staff/stale", headers=editor).json()
    titles = {(s["kind"], s["key"]): s["title"] for s in stale}
    assert titles[("places", "huset-tvaers")] == "Huset Tværs"
    assert titles[("codex", "1")] == "Tryghed og tillid"
    assert titles[("process-rules", "sygedagpenge-samtale")] == "sygedagpenge"
    assert titles[("faq", "praktikplads")].startswith("hvordan")


def test_topic_import_contract_ignores_only_declared_references():
    config = configparser.ConfigParser()
    config.read(REPO_ROOT / ".importlinter", encoding="utf-8")
    ignored = config["importlinter:contract:topics"]["ignore_imports"].split("\n")
    pairs = {
        tuple(side.strip().split(".")[1] for side in line.split("->"))
        for line in ignored
        if "->" in line
    }
    declared = {(k.section, t.section) for k in KINDS for t in k.references.values()}
    places = next(k for k in KINDS if k.name == "places")
    assert places.out_extras is not None  # a place shows its advisory sessions
    assert pairs == declared | {("places", "advisory_sessions")}


def models_in(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    yield model
    for info in model.model_fields.values():
        for arg in get_args(info.annotation) or (info.annotation,):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                yield from models_in(arg)


def test_every_field_has_a_danish_label_next_to_it():
    for kind in KINDS:
        for model in models_in(kind.record_schema):
            for name, info in model.model_fields.items():
                assert info.title, f"{kind.name}: {model.__name__}.{name} has no title"


def test_staff_kinds_gives_each_kinds_schema_with_labels(client, editor):
    assert client.get("/api/staff/kinds").status_code == 401
    response = client.get("/api/staff/kinds", headers=editor)
    assert response.status_code == 200
    kinds = response.json()
    assert [k["name"] for k in kinds] == [k.name for k in KINDS]
    for kind in kinds:
        schema = kind["schema"]
        assert kind["key"] in schema["required"] and kind["title"] in schema["properties"]
        for part in (schema, *schema.get("$defs", {}).values()):
            for name, prop in part["properties"].items():
                if "enum" in prop:  # every choice has a Danish label
                    assert set(prop["x-labels"]) == set(prop["enum"]), (kind["name"], name)
    by_name = {k["name"]: k for k in kinds}
    assert by_name["advisory-sessions"]["references"] == {"place": "places"}
    assert by_name["offers"]["references"] == {"unit": "org-units"}
    assert by_name["faq"]["publishable"] and not by_name["places"]["publishable"]
    assert by_name["process-rules"]["heading"] == "Sagsforløb og frister"
    places = by_name["places"]["schema"]["properties"]
    assert places["aliases"]["title"] == "Andre navne og stavemåder"
    assert places["aliases"]["description"].startswith("Én pr. linje")
    assert places["slug"]["title"] == "Kort id (slug)"
    slot = by_name["advisory-sessions"]["schema"]["$defs"]["Slot"]
    assert (
        slot["title"] == "tidsrum"
        and slot["properties"]["weekday"]["x-labels"]["monday"] == "Mandag"
    )


def test_staff_kinds_give_the_form_order(client, editor):
    for kind in client.get("/api/staff/kinds", headers=editor).json():
        fields = kind["fields"]
        assert sorted(fields) == sorted(kind["schema"]["properties"]), kind["name"]
        assert fields[0] == kind["key"] and fields[-2:] == ["source", "last_verified"]
