"""The kinds of record: one tuple, import order from references, titles from title_field."""

from __future__ import annotations

import configparser

from api.content_io import ContentFile
from api.kinds import IMPORT_ORDER, KINDS, referenced_first
from api.settings import REPO_ROOT


def test_content_file_sections_come_from_the_kinds():
    assert list(ContentFile.model_fields) == ["version", *(k.section for k in KINDS)]
    assert [k.section for k in KINDS] == [
        "places", "sessions", "offers", "codex", "process_rules", "org_units", "faq", "texts",
    ]  # fmt: skip


def test_import_order_puts_referenced_kinds_first():
    assert set(IMPORT_ORDER) == set(KINDS) and len(IMPORT_ORDER) == len(KINDS)
    for position, kind in enumerate(IMPORT_ORDER):
        for target in kind.references.values():
            assert IMPORT_ORDER.index(target) < position, (kind.name, target.name)
    names = [k.name for k in IMPORT_ORDER]
    assert names.index("org-units") < names.index("offers")
    assert names.index("places") < names.index("sessions")


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
    assert places.out_extras is not None  # a place shows its sessions
    assert pairs == declared | {("places", "sessions")}
