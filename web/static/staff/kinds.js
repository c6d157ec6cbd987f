/*
 * What each kind of record looks like, from GET /api/staff/kinds: the record's JSON Schema
 * with Danish labels (title), help (description) and choice labels (x-labels). The editor
 * keeps no field list of its own; this module turns the schema into form fields:
 * key → read-only once created; reference → choose among that kind's records; enum →
 * select; boolean → ja/nej/ved ikke; date/time/integer → their inputs; list of strings →
 * one per line; list of objects → repeated rows; long text → textarea.
 */

import { read } from "./api.js";

const LONG_TEXT = 500; // longer maxLength than this gets a textarea
let kinds = null;

export async function loadKinds() {
  if (!kinds) kinds = new Map((await read("/api/staff/kinds")).map((k) => [k.name, kindSpec(k)]));
  return kinds;
}

export const allKinds = () => [...kinds.values()];
export const kindOf = (name) => kinds.get(name);

function kindSpec(kind) {
  const props = kind.schema.properties;
  const numbered = props[kind.key].type === "integer";
  const fields = kind.fields.map((name) => fieldSpec(name, kind.schema, kind));
  return { ...kind, numbered, fields };
}

const nullable = (prop) => (prop.anyOf || []).some((option) => option.type === "null");

function fieldSpec(name, schema, kind) {
  const prop = schema.properties[name];
  const value = (prop.anyOf || []).find((option) => option.type !== "null") || prop;
  const spec = {
    name,
    label: prop.title || name,
    help: prop.description,
    default: prop.default,
    createOnly: kind?.key === name,
    required: (schema.required || []).includes(name) && !nullable(prop) && !("default" in prop),
  };
  const target = kind?.references[name];
  if (target) return { ...spec, type: "ref", target, help: null };
  if (value.enum) {
    const labels = prop["x-labels"] || {};
    const options = value.enum.map((v) => [v, labels[v] || v]);
    return { ...spec, type: "select", required: false, options };
  }
  if (value.type === "boolean") return { ...spec, type: "bool3" };
  if (value.type === "integer") return { ...spec, type: "number" };
  if (value.type === "array" && value.items.$ref) {
    const row = kind.schema.$defs[value.items.$ref.split("/").pop()];
    const columns = Object.keys(row.properties).map((column) => fieldSpec(column, row, null));
    return { ...spec, type: "repeat", item: row.title, columns };
  }
  if (value.type === "array") return { ...spec, type: "list" };
  if (value.format === "date" || value.format === "time") return { ...spec, type: value.format };
  return { ...spec, type: (value.maxLength || 0) > LONG_TEXT ? "textarea" : "text" };
}

/* Human text for a field's value (lists, conflicts, history). */
export function display(value, spec) {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    if (!value.length) return "—";
    if (spec?.type === "repeat") return value.map((row) => rowText(row, spec.columns)).join("\n");
    return value.map((item) => display(item)).join("\n");
  }
  const option = spec?.options?.find(([key]) => key === value);
  if (option) return option[1];
  if (value === true) return "Ja";
  if (value === false) return "Nej";
  return typeof value === "object" ? rowText(value, []) : String(value);
}

function rowText(row, columns) {
  const known = columns.length ? columns : Object.keys(row).map((name) => ({ name, label: name }));
  return known.filter((c) => ![null, undefined, ""].includes(row[c.name]))
    .map((c) => `${c.label}: ${display(row[c.name], c)}`).join(", ");
}

export function recordTitle(kind, record) {
  let title = record[kind.title];
  if (Array.isArray(title)) [title] = title;
  const key = record[kind.key];
  return kind.numbered ? `${key}. ${title || ""}` : String(title || key);
}

export const fieldOf = (kind, name) => kind.fields.find((field) => field.name === name);
