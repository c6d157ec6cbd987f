/* A save that lost the race (412): both versions side by side; the editor chooses. */

import { el } from "./dom.js";
import { display } from "./kinds.js";

/* `mine` is the body that was refused, `current` the record saved meanwhile. */
export function showConflict(editor, mine, current, { keepMine, takeSaved }) {
  const box = editor.conflict;
  box.replaceChildren(el("h2", { id: "conflict-heading", text: "Nogen har ændret posten imens" }));
  box.hidden = false;
  if (!current) {
    box.append(el("p", { text: "Hent posten igen for at se den gemte version." }));
    box.focus();
    return;
  }
  const by = current.updated_by ? `, gemt af ${current.updated_by}` : "";
  box.append(el("p", { text: "Din ændring er ikke gemt. Sammenlign din version med den, der er " +
    `gemt nu (version ${current.version}${by}), og vælg, hvad der skal gælde.` }));
  const differing = [];
  const same = [];
  for (const field of editor.kind.fields.filter((f) => f.name in mine)) {
    const row = [field.label, display(mine[field.name], field),
      display(current[field.name], field)];
    (row[1] === row[2] ? same : differing).push(row);
  }
  box.append(el("div", { className: "table-scroll" }, [
    table("Felter der er forskellige", differing, true),
  ]));
  if (same.length) {
    box.append(el("details", { className: "conflict-same" }, [
      el("summary", { text: `Felter uden forskel (${same.length})` }),
      el("div", { className: "table-scroll" }, [table("Felter uden forskel", same, false)]),
    ]));
  }
  box.append(el("div", { className: "form-actions" }, [
    el("button", { type: "button", className: "button", text: "Gem min version alligevel",
      onclick: () => keepMine(current.version) }),
    el("button", { type: "button", className: "button button--quiet",
      text: "Brug den gemte version", onclick: () => takeSaved(current) }),
  ]));
  box.focus();
}

function table(caption, rows, differs) {
  const th = (text) => el("th", { scope: "col", text });
  const badge = () => (differs ? el("span", { className: "badge", text: " forskellig" }) : null);
  const className = differs ? "differs" : "";
  const body = rows.map(([label, mine, saved]) => el("tr", { className }, [
    el("th", { scope: "row" }, [label, badge()]),
    el("td", { className: "pre", text: mine }),
    el("td", { className: "pre", text: saved }),
  ]));
  if (!rows.length) {
    body.push(el("tr", {}, [el("td", { colspan: "3",
      text: "Ingen forskelle – den gemte version er den samme som din." })]));
  }
  return el("table", { className: "conflict-table" }, [
    el("caption", { className: "visually-hidden", text: caption }),
    el("thead", {}, [el("tr", {}, [th("Felt"), th("Din version"), th("Gemt version")])]),
    el("tbody", {}, body),
  ]);
}
