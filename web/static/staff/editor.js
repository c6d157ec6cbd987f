/*
 * The edit view: one record's form. Saves send the version the editor started from as
 * If-Match; a 412 shows both versions. Unsaved changes are kept as a draft (drafts.js) from
 * the first keystroke until they are saved or discarded on purpose.
 */

import { failed, getRecord, listRecords, problem, recordPath, request } from "./api.js";
import { showConflict } from "./conflict.js";
import { clock, el, formatDate, say } from "./dom.js";
import { dropDraft, keepDraft, loadDraft } from "./drafts.js";
import { clearErrors, readForm, renderFields, showErrors } from "./form.js";
import { historySection } from "./history.js";
import { kindOf, recordTitle } from "./kinds.js";
import { startView } from "./views.js";

let open = null; // the editor whose form is on the page
const choices = new Map(); // kind name -> [[key, title]] for reference fields

/* The editor on the page, if any. */
export const openEditor = () => (open?.form.isConnected ? open : null);

export const isDirty = (editor) => JSON.stringify(readForm(editor)) !== editor.baseline;

/* Keeps the form as a draft when it differs from the saved record, else drops the draft. */
export function remember(editor) {
  window.clearTimeout(editor.timer);
  if (isDirty(editor)) keepDraft(editor.kind.name, editor.id, editor.version, readForm(editor));
  else dropDraft(editor.kind.name, editor.id);
}

export async function showEdit(kind, id) {
  const view = startView(id === null ? `Opret ${kind.label}` : kind.heading, kind.name);
  const loading = el("p", { role: "status", text: "Henter posten …" });
  view.main.append(loading);
  try {
    const [record, refs] = await Promise.all([
      id === null ? null : getRecord(kind.name, id), references(kind),
    ]);
    const editor = { kind, id, refs, main: view.main, heading: view.heading };
    if (record) {
      view.heading.textContent = `${kind.heading}: ${recordTitle(kind, record)}`;
      document.title = `${view.heading.textContent} – redigering af Jobcenter Randers' chat`;
    }
    build(editor, record);
    view.heading.focus();
  } catch (error) {
    failed(error, loading);
  }
}

/* Options for the reference fields (an advisory session's place, an offer's unit). */
async function references(kind) {
  const refs = {};
  for (const field of kind.fields.filter((f) => f.type === "ref")) {
    const target = kindOf(field.target);
    if (!choices.has(target.name)) {
      const records = await listRecords(target.name);
      choices.set(target.name, records.map((r) => [r[target.key], recordTitle(target, r)]));
    }
    refs[field.name] = [["", `Vælg ${target.label}`], ...choices.get(target.name)];
  }
  return refs;
}

function build(editor, record) {
  const { kind } = editor;
  Object.assign(editor, { record, version: record?.version ?? null });
  editor.errors = el("div", { id: "form-errors", className: "error-summary", tabindex: "-1",
    hidden: true });
  editor.conflict = el("section", { id: "conflict", className: "conflict", tabindex: "-1",
    hidden: true, "aria-labelledby": "conflict-heading" });
  editor.note = el("div", { className: "draft-note", role: "status" });
  editor.fields = el("div", {}, renderFields(editor, record || {}));
  const changed = () => {
    window.clearTimeout(editor.timer);
    editor.timer = window.setTimeout(() => remember(editor), 300);
  };
  editor.form = el("form", { id: "record-form", className: "record-form", novalidate: true,
    oninput: changed, onchange: changed, onclick: changed, onsubmit: (event) => {
      event.preventDefault();
      save(editor, editor.version);
    } }, [editor.fields, el("div", { className: "form-actions" }, [
    el("button", { type: "submit", className: "button", text: "Gem" }),
    record && kind.publishable && record.status === "draft" ? el("button", { type: "button",
      className: "button button--quiet", text: "Udgiv", onclick: () => publish(editor) }) : null,
    record ? el("button", { type: "button", className: "button button--danger", text: "Slet",
      onclick: () => remove(editor) }) : null,
  ])]);
  editor.baseline = JSON.stringify(readForm(editor));
  const draft = loadDraft(kind.name, editor.id);
  if (draft) restore(editor, draft);
  editor.main.replaceChildren(...[editor.heading, record && recordFacts(record), editor.note,
    editor.errors, editor.conflict, editor.form,
    record && historySection(editor, (version) => revert(editor, version))].filter(Boolean));
  open = editor;
}

/* Unsaved changes from before (a reload, another page, a lost session) come back as they were,
 * with the version they were made against, so saving them still checks for other edits. */
function restore(editor, draft) {
  editor.version = draft.version;
  editor.fields.replaceChildren(...renderFields(editor, { ...editor.record, ...draft.body }));
  const moved = editor.record && draft.version !== editor.record.version ?
    " Posten er ændret siden; når du gemmer, ser du begge udgaver." : "";
  editor.note.append(
    el("p", { text: `Dine ændringer fra kl. ${clock(draft.at)} er ikke gemt endnu. De er hentet ` +
      `frem her: tryk Gem for at gemme dem.${moved}` }),
    el("button", { type: "button", className: "button button--quiet", text: "Kassér ændringerne",
      onclick: () => {
        dropDraft(editor.kind.name, editor.id);
        reload(editor, editor.record);
        say("Ændringerne er kasseret.");
      } }),
  );
}

function recordFacts(record) {
  const items = [
    ["Version", String(record.version)],
    ["Sidst kontrolleret",
      formatDate(record.last_verified) + (record.stale ? " – skal kontrolleres" : "")],
    record.updated_by && ["Senest ændret af", record.updated_by],
    record.updated_at && ["Senest ændret", formatDate(record.updated_at)],
    record.deleted && ["Status", "Slettet"],
  ].filter(Boolean);
  return el("dl", { className: "record-facts", id: "record-facts" },
    items.flatMap(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })]));
}

function reload(editor, record) {
  build(editor, record);
  editor.heading.focus();
}

function conflict(editor, mine, current) {
  showConflict(editor, mine, current, {
    keepMine: (version) => save(editor, version, mine),
    takeSaved: (saved) => {
      dropDraft(editor.kind.name, editor.id);
      say("Den gemte version er hentet.");
      reload(editor, saved);
    },
  });
}

/* Creates or updates the record; `version` goes out as If-Match. */
export async function save(editor, version, body = readForm(editor)) {
  const { kind } = editor;
  const creating = !editor.record;
  const id = creating ? body[kind.key] : editor.id;
  if (creating && (id === null || id === undefined || id === "")) {
    showErrors(editor, [{ loc: [kind.key], msg: "skal udfyldes" }]);
    return;
  }
  const payload = { ...body };
  if (creating) delete payload[kind.key]; // the key goes in the address
  clearErrors(editor);
  remember(editor);
  try {
    const result = await request(creating ? "POST" : "PUT", recordPath(kind.name, id),
      { body: payload, version: creating ? undefined : version });
    if (result.ok) {
      dropDraft(kind.name, editor.id);
      choices.delete(kind.name);
      say(creating ? "Posten er oprettet." : "Ændringerne er gemt.");
      if (creating) {
        open = null;
        window.location.hash = `#/${kind.name}/${encodeURIComponent(id)}`;
      } else {
        reload(editor, result.data);
      }
    } else if (result.status === 412) {
      conflict(editor, body, result.data?.current);
    } else {
      showErrors(editor, result.data?.detail, problem(result));
    }
  } catch (error) {
    failed(error);
  }
}

/* Publish, delete and revert: the version the editor saw goes out as If-Match too. */
async function act(editor, method, suffix, message, done) {
  try {
    const result = await request(method, recordPath(editor.kind.name, editor.id) + suffix,
      { version: editor.version });
    if (result.ok) {
      say(message);
      done(result.data);
    } else if (result.status === 412) {
      conflict(editor, readForm(editor), result.data?.current);
    } else {
      showErrors(editor, [{ loc: [], msg: problem(result) }]);
    }
  } catch (error) {
    failed(error);
  }
}

function publish(editor) {
  if (isDirty(editor)) {
    showErrors(editor, [{ loc: [], msg: "Gem dine ændringer, før du udgiver." }]);
    return;
  }
  act(editor, "POST", "/publish", "Spørgsmålet er udgivet.", (saved) => reload(editor, saved));
}

function remove(editor) {
  const title = recordTitle(editor.kind, editor.record);
  const question = `Vil du slette „${title}“? Posten kan gendannes fra historikken.`;
  if (!window.confirm(question)) return;
  act(editor, "DELETE", "", "Posten er slettet.", () => {
    dropDraft(editor.kind.name, editor.id);
    open = null;
    window.location.hash = `#/${editor.kind.name}`;
  });
}

function revert(editor, version) {
  if (isDirty(editor) && !window.confirm("Dine ændringer, der ikke er gemt, bliver erstattet " +
    `af version ${version}. Vil du fortsætte?`)) return;
  act(editor, "POST", `/revert/${version}`, `Version ${version} er gendannet.`, (saved) => {
    dropDraft(editor.kind.name, editor.id);
    reload(editor, saved);
  });
}
