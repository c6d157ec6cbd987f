/* The record form, built from the kind's fields (kinds.js): inputs, repeated rows, reading
 * the form back into a record body, and 422 messages at the fields and in a summary. */

import { capital, el } from "./dom.js";
import { fieldOf } from "./kinds.js";

export const fieldId = (name, index, column) =>
  `f-${name}${index === undefined ? "" : `-${index}-${column}`}`;
const rowErrorId = (name, index) => `f-${name}-${index}-row-error`;

/* The inputs for `values` ({} for a new record); editor.refs: options of reference fields. */
export function renderFields(editor, values) {
  return editor.kind.fields.map((field) =>
    field.type === "repeat" ? renderRepeat(field, values[field.name] || []) :
      renderField(editor, field, values[field.name]));
}

function renderField(editor, field, value) {
  const id = fieldId(field.name);
  const input = renderInput(field, value, id, editor.refs[field.name]);
  if (field.createOnly && editor.record) input.readOnly = true;
  input.setAttribute("aria-describedby", `${field.help ? `${id}-help ` : ""}${id}-error`);
  return el("div", { className: "field", "data-field": field.name }, [
    el("label", { for: id, text: field.label + (field.required ? " (skal udfyldes)" : "") }),
    field.help ? el("p", { id: `${id}-help`, className: "hint", text: field.help }) : null,
    input,
    el("p", { id: `${id}-error`, className: "field-error" }),
  ]);
}

function renderInput(field, value, id, refOptions) {
  const blank = value === null || value === undefined;
  let input;
  if (field.type === "textarea" || field.type === "list") {
    input = el("textarea", { id, name: field.name, rows: field.type === "list" ? 4 : 5 });
    input.value = field.type === "list" ? (value || []).join("\n") : value || "";
  } else if (["select", "bool3", "ref"].includes(field.type)) {
    let options = field.options;
    if (field.type === "bool3") options = [["", "Ved ikke"], [true, "Ja"], [false, "Nej"]];
    if (field.type === "ref") {
      options = [...(refOptions || [["", "Vælg"]])];
      if (!blank && !options.some(([key]) => key === value)) options.push([value, value]);
    }
    input = el("select", { id, name: field.name },
      options.map(([key, label]) => el("option", { value: String(key), text: label })));
    input.value = String(blank ? field.default ?? options[0][0] : value);
  } else {
    const type = { date: "date", time: "time", number: "number" }[field.type] || "text";
    input = el("input", { id, name: field.name, type });
    input.value = blank ? "" : String(value);
  }
  if (field.required) input.setAttribute("aria-required", "true");
  return input;
}

/* Repeated rows (weekly slots, exceptions). Removing a row re-renders the rest in order. */
function renderRepeat(field, rows) {
  const errorId = `${fieldId(field.name)}-error`;
  const list = el("div", { className: "repeat-rows" });
  const add = el("button", { type: "button", className: "button button--quiet repeat-add",
    text: `Tilføj ${field.item}` });
  const group = el("fieldset", { className: "repeat", "data-field": field.name,
    "aria-describedby": errorId }, [
    el("legend", { text: field.label }), list,
    el("p", { id: errorId, className: "field-error" }), add,
  ]);
  const draw = (values) => list.replaceChildren(...values.map((row, index) => rowNode(row, index)));
  function rowNode(row, index) {
    const legend = `${capital(field.item)} ${index + 1}`;
    return el("fieldset", { className: "repeat-row" }, [
      el("legend", { text: legend }),
      ...field.columns.map((column) => {
        const id = fieldId(field.name, index, column.name);
        const input = renderInput(column, row[column.name], id);
        input.dataset.column = column.name;
        input.setAttribute("aria-describedby", `${id}-error ${rowErrorId(field.name, index)}`);
        return el("div", { className: "field field--inline" }, [
          el("label", { for: id, text: column.label }), input,
          el("p", { id: `${id}-error`, className: "field-error" }),
        ]);
      }),
      el("button", { type: "button", className: "button button--quiet",
        text: `Fjern ${field.item} ${index + 1}`, onclick: () => {
          const values = readRows(group, field);
          values.splice(index, 1);
          draw(values);
          add.focus();
        } }),
      el("p", { id: rowErrorId(field.name, index), className: "field-error row-error" }),
    ]);
  }
  add.addEventListener("click", () => {
    const values = readRows(group, field);
    draw([...values, {}]);
    list.lastChild.querySelector("input, select").focus();
  });
  draw(rows);
  return group;
}

function readRows(group, field) {
  return [...group.querySelectorAll(".repeat-row")].map((row) => Object.fromEntries(field.columns
    .map((c) => [c.name, readValue(c, row.querySelector(`[data-column="${c.name}"]`).value)])));
}

/* The form as a record body: empty optional fields become null; the key only when creating. */
export function readForm(editor) {
  const body = {};
  for (const field of editor.kind.fields) {
    if (field.createOnly && editor.record) continue;
    body[field.name] = field.type === "repeat" ?
      readRows(editor.form.querySelector(`[data-field="${field.name}"]`), field) :
      readValue(field, editor.form.elements[field.name].value);
  }
  return body;
}

function readValue(field, raw) {
  const value = String(raw).trim();
  if (field.type === "list") return value.split("\n").map((s) => s.trim()).filter(Boolean);
  if (field.type === "bool3") return value === "" ? null : value === "true";
  if (field.type === "number") return value === "" ? null : Number(value);
  if (field.type === "select") return raw;
  return value === "" ? null : value;
}

export function clearErrors(editor) {
  editor.errors.hidden = true;
  editor.errors.replaceChildren();
  editor.form.querySelectorAll(".field-error").forEach((p) => { p.textContent = ""; });
  editor.form.querySelectorAll("[aria-invalid]").forEach((i) => i.removeAttribute("aria-invalid"));
}

/* 422 errors: a summary above the form (linked to the fields) and a message at each field. */
export function showErrors(editor, errors, fallback = "Ugyldige data.") {
  clearErrors(editor);
  if (!Array.isArray(errors) || !errors.length) errors = [{ loc: [], msg: fallback }];
  const items = errors.map((error) => {
    const loc = (error.loc || []).filter((part) => part !== "body");
    const target = locateField(editor, loc);
    const text = loc.length ? `${fieldLabel(editor.kind, loc)}: ${error.msg}` : error.msg;
    if (!target) return el("li", { text });
    target.message.textContent = error.msg;
    target.input?.setAttribute("aria-invalid", "true");
    return el("li", {}, [el("a", { href: `#${target.focusId}`, text, onclick: (event) => {
      event.preventDefault();
      document.getElementById(target.focusId).focus();
    } })]);
  });
  editor.errors.replaceChildren(el("h2", { text: "Posten blev ikke gemt" }), el("ul", {}, items));
  editor.errors.hidden = false;
  editor.errors.setAttribute("role", "alert");
  editor.errors.focus();
}

function locateField(editor, [name, index, column]) {
  if (name === undefined) return null;
  const byId = (id) => document.getElementById(id);
  if (typeof index === "number") {
    const input = typeof column === "string" ? byId(fieldId(name, index, column)) : null;
    if (input) return { input, message: byId(`${input.id}-error`), focusId: input.id };
    // A whole-row error (e.g. end before start): under the row, focus on its first input.
    const first = byId(fieldId(name, index, fieldOf(editor.kind, name)?.columns?.[0].name));
    const message = byId(rowErrorId(name, index));
    if (first && message) return { input: null, message, focusId: first.id };
  }
  const message = byId(`${fieldId(name)}-error`);
  if (!message) return null;
  const input = byId(fieldId(name));
  const first = input ||
    editor.form.querySelector(`[data-field="${name}"] :is(input, select, button)`);
  return { input, message, focusId: first.id || (first.id = `${fieldId(name)}-first`) };
}

function fieldLabel(kind, [name, index, column]) {
  const field = fieldOf(kind, name);
  if (!field) return [name, index, column].filter((p) => p !== undefined).join(".");
  if (field.type !== "repeat" || typeof index !== "number") return field.label;
  const col = field.columns.find((c) => c.name === column);
  return `${capital(field.item)} ${index + 1}${col ? `, ${col.label.toLowerCase()}` : ""}`;
}
