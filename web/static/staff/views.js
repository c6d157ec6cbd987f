/* The frame (navigation, who is signed in), the list of a kind's records and the stale list. */

import { failed, listRecords, read } from "./api.js";
import { $, el, formatDate } from "./dom.js";
import { allKinds, kindOf, recordTitle } from "./kinds.js";
import { session } from "./session.js";

const STALE = "Skal kontrolleres";

function showFrame(current) {
  for (const id of ["staff-nav", "staff-preview", "staff-user"]) $(id).hidden = false;
  $("staff-user-name").textContent = `Logget ind som ${session().username}`;
  const links = [...allKinds().map((k) => [k.name, k.heading]), ["stale", STALE]];
  $("staff-nav-list").replaceChildren(...links.map(([name, text]) => el("li", {}, [
    el("a", { href: `#/${name}`, text, "aria-current": name === current && "page" }),
  ])));
}

/* A fresh page in <main> with its heading; returns {main, heading}. */
export function startView(title, current) {
  showFrame(current);
  document.title = `${title} – redigering af Jobcenter Randers' chat`;
  const heading = el("h1", { tabindex: "-1", text: title });
  $("main").replaceChildren(heading);
  return { main: $("main"), heading };
}

export async function showList(kind, query) {
  const { main, heading } = startView(kind.heading, kind.name);
  const search = el("input", { id: "list-search", type: "search", autocomplete: "off" });
  search.value = query.q || "";
  const staleOnly = el("input", { id: "list-stale", type: "checkbox" });
  staleOnly.checked = query.stale === "1";
  const count = el("p", { id: "list-count", role: "status" });
  const table = el("table", { className: "records" });
  main.append(
    el("p", {}, [el("a", { href: `#/${kind.name}/ny`, className: "button",
      text: `Opret ${kind.label}` })]),
    el("form", { className: "list-controls", role: "search",
      onsubmit: (event) => event.preventDefault() }, [
      el("div", { className: "field" }, [
        el("label", { for: "list-search", text: `Søg i ${kind.heading.toLowerCase()}` }), search,
      ]),
      el("div", { className: "field field--check" }, [
        staleOnly,
        el("label", { for: "list-stale", text: "Vis kun poster, der skal kontrolleres" }),
      ]),
    ]),
    count,
    table,
  );
  heading.focus();
  try {
    const records = await listRecords(kind.name);
    const render = () =>
      renderTable(kind, table, count, records, search.value.trim(), staleOnly.checked);
    search.addEventListener("input", render);
    staleOnly.addEventListener("change", render);
    render();
  } catch (error) {
    failed(error, count);
  }
}

function renderTable(kind, table, count, records, needle, staleOnly) {
  const shown = records.filter((r) => (!staleOnly || r.stale) &&
    JSON.stringify(r).toLowerCase().includes(needle.toLowerCase()));
  const th = (text) => el("th", { scope: "col", text });
  table.replaceChildren(
    el("caption", { className: "visually-hidden", text: kind.heading }),
    el("thead", {}, [el("tr", {}, [th("Navn"), th("Id"), th("Sidst kontrolleret"), th("Status")])]),
    el("tbody", {}, shown.map((record) => {
      const id = String(record[kind.key]);
      const status = [record.stale && STALE, record.status === "draft" && "Kladde",
        record.deleted && "Slettet"].filter(Boolean);
      return el("tr", {}, [
        el("td", {}, [el("a", { href: `#/${kind.name}/${encodeURIComponent(id)}`,
          text: recordTitle(kind, record) })]),
        el("td", { text: id }),
        el("td", { text: formatDate(record.last_verified) }),
        el("td", { className: record.stale ? "status-stale" : "",
          text: status.join(", ") || "OK" }),
      ]);
    })),
  );
  count.textContent = shown.length === records.length ? `${records.length} poster` :
    `${shown.length} af ${records.length} poster vises`;
}

export async function showStale() {
  const { main, heading } = startView(STALE, "stale");
  const info = el("p", { role: "status", text: "Henter …" });
  const list = el("ul", { className: "stale-list" });
  main.append(info, list);
  heading.focus();
  try {
    const items = await read("/api/staff/stale"); // [{kind, key, title, last_verified}]
    info.textContent = items.length ? `${items.length} poster er ikke kontrolleret længe.` :
      "Alle poster er kontrolleret for nylig.";
    list.replaceChildren(...items.map((item) => el("li", {}, [
      el("a", { href: `#/${item.kind}/${encodeURIComponent(item.key)}`,
        text: `${kindOf(item.kind).heading}: ${item.title}` }),
      ` – sidst kontrolleret ${formatDate(item.last_verified)}`,
    ])));
  } catch (error) {
    failed(error, info);
  }
}
