/* A record's versions (who, when, what changed), each but the current one revertible. */

import { failed, read, recordPath } from "./api.js";
import { el, formatDate } from "./dom.js";
import { display, fieldOf } from "./kinds.js";

const ACTIONS = {
  create: "oprettet", update: "rettet", delete: "slettet", publish: "udgivet",
  revert: "gendannet", import: "indlæst",
};

export function historySection(editor, revert) {
  const list = el("ol", { className: "history-list", id: "history-list" });
  const status = el("p", { role: "status" });
  const button = el("button", { type: "button", className: "button button--quiet",
    "aria-controls": "history-list", text: "Vis historik" });
  button.addEventListener("click", async () => {
    status.textContent = "Henter historik …";
    try {
      // newest first
      const versions = await read(`${recordPath(editor.kind.name, editor.id)}/history`);
      status.textContent = `${versions.length} versioner.`;
      list.replaceChildren(...versions.map((entry) => historyEntry(editor, entry, revert)));
    } catch (error) {
      failed(error, status);
    }
  });
  return el("section", { className: "history", "aria-labelledby": "history-heading" }, [
    el("h2", { id: "history-heading", text: "Historik" }), button, status, list,
  ]);
}

function historyEntry(editor, entry, revert) {
  const changes = Object.entries(entry.changes || {}).map(([name, change]) => {
    const field = fieldOf(editor.kind, name);
    const [from, to] = [display(change.from, field), display(change.to, field)];
    return `${field?.label || name}: ${from} → ${to}`;
  });
  const current = entry.version === editor.record.version;
  return el("li", { className: "history-entry" }, [
    el("p", {}, [el("strong", { text: `Version ${entry.version}` }),
      ` – ${ACTIONS[entry.action] || entry.action} ${formatDate(entry.when)} af ${entry.who}`]),
    changes.length ? el("ul", { className: "changes" },
      changes.map((line) => el("li", { className: "pre", text: line }))) : null,
    current ? el("p", { className: "hint", text: "Den gældende version." }) :
      el("button", { type: "button", className: "button button--quiet",
        text: `Gendan version ${entry.version}`, onclick: () => revert(entry.version) }),
  ]);
}
