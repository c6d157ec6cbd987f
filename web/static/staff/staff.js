/*
 * Staff content editor for Jobcenter Randers' chat (plain JS, no build step).
 *
 * Auth: OAuth2 password form → bearer token kept in sessionStorage (never a cookie, so
 * requests cannot be forged cross-site). Logs out when the token expires or any call
 * answers 401. Saves send If-Match; a 412 shows both versions side by side.
 * All server text is inserted with textContent.
 */
(function () {
  "use strict";

  var SCRIPT = document.currentScript || document.querySelector('script[src*="staff.js"]');
  var BOT_URL = String((SCRIPT && SCRIPT.dataset.botUrl) || "http://localhost:5005")
    .replace(/\/+$/, "");
  var API = "";
  var TOKEN_KEY = "jobcenter-staff-session";

  /* ---------- what each kind of record looks like ---------- */

  var WEEKDAYS = [
    ["monday", "Mandag"], ["tuesday", "Tirsdag"], ["wednesday", "Onsdag"],
    ["thursday", "Torsdag"], ["friday", "Fredag"], ["saturday", "Lørdag"], ["sunday", "Søndag"]
  ];
  var TOPICS = [
    ["locations", "Steder"], ["advisory_hours", "Åbningstider og rådgivning"],
    ["offers", "Tilbud"], ["codex", "Kodeks"], ["process", "Sagsforløb og frister"],
    ["org", "Organisation"], ["smalltalk", "Småsnak"], ["human", "Kontakt til et menneske"]
  ];
  var PROVENANCE = [
    { name: "source", label: "Kilde", type: "text", required: true,
      help: "Hvor oplysningen kommer fra, fx rapportens afsnit eller din afdeling." },
    { name: "last_verified", label: "Sidst kontrolleret", type: "date" }
  ];

  function fields(list) { return list.concat(PROVENANCE); }

  var KINDS = {
    places: {
      label: "Steder", one: "sted", id: "slug", title: "name",
      fields: fields([
        { name: "slug", label: "Kort id (slug)", type: "text", required: true, createOnly: true,
          help: "Små bogstaver, tal og bindestreg, fx huset-tvaers." },
        { name: "name", label: "Navn", type: "text", required: true },
        { name: "aliases", label: "Andre navne og stavemåder", type: "list",
          help: "Én pr. linje, gerne også almindelige stavefejl." },
        { name: "description", label: "Hvad man kan få hjælp til", type: "textarea" },
        { name: "street", label: "Vej", type: "text" },
        { name: "house_number", label: "Husnummer", type: "text" },
        { name: "postcode", label: "Postnummer", type: "text" },
        { name: "city", label: "By", type: "text" },
        { name: "area_note", label: "Beliggenhed (fri tekst)", type: "text" },
        { name: "phone", label: "Telefon", type: "text" },
        { name: "email", label: "E-mail", type: "text" },
        { name: "url", label: "Link til mere information", type: "text" },
        { name: "accessibility", label: "Tilgængelighed", type: "textarea" }
      ])
    },
    sessions: {
      label: "Åbningstider og rådgivning", one: "åbningstid", id: "slug", title: "title",
      fields: fields([
        { name: "slug", label: "Kort id (slug)", type: "text", required: true, createOnly: true },
        { name: "place", label: "Sted", type: "place", required: true },
        { name: "title", label: "Titel", type: "text", required: true },
        { name: "kind", label: "Type", type: "select",
          options: [["advisory", "Åben rådgivning"], ["opening_hours", "Åbningstid"]] },
        { name: "description", label: "Hvad man kan få hjælp til", type: "textarea" },
        { name: "appointment_needed", label: "Skal man bestille tid?", type: "bool3" },
        { name: "frequency_note", label: "Hvor ofte (når tiderne ikke kendes)", type: "text",
          help: "Fx „to gange om ugen“." },
        { name: "valid_from", label: "Gælder fra", type: "date" },
        { name: "valid_to", label: "Gælder til", type: "date" },
        { name: "slots", label: "Faste ugentlige tider", type: "repeat", item: "tidsrum",
          columns: [
            { name: "weekday", label: "Ugedag", type: "select", options: WEEKDAYS },
            { name: "start", label: "Fra", type: "time" },
            { name: "end", label: "Til", type: "time" },
            { name: "staff", label: "Hvem er der", type: "text" },
            { name: "notes", label: "Bemærkning", type: "text" }
          ] },
        { name: "exceptions", label: "Undtagelser", type: "repeat", item: "undtagelse",
          columns: [
            { name: "date", label: "Dato", type: "date", required: true },
            { name: "kind", label: "Type", type: "select",
              options: [["closed", "Lukket"], ["extra", "Ekstra åbning"]] },
            { name: "start", label: "Fra", type: "time" },
            { name: "end", label: "Til", type: "time" },
            { name: "note", label: "Bemærkning", type: "text" }
          ] }
      ])
    },
    offers: {
      label: "Tilbud", one: "tilbud", id: "slug", title: "name",
      fields: fields([
        { name: "slug", label: "Kort id (slug)", type: "text", required: true, createOnly: true },
        { name: "name", label: "Navn", type: "text", required: true },
        { name: "aliases", label: "Andre navne og stavemåder", type: "list", help: "Én pr. linje." },
        { name: "audience", label: "Målgruppe", type: "select",
          options: [["citizen", "Borgere"], ["company", "Virksomheder"]] },
        { name: "target_groups", label: "Hvem er det for", type: "list", help: "Én pr. linje." },
        { name: "description", label: "Hvad er det", type: "textarea" },
        { name: "how_to_get", label: "Sådan får man det", type: "textarea" },
        { name: "unit", label: "Enhed (slug)", type: "text" },
        { name: "url", label: "Link", type: "text" }
      ])
    },
    codex: {
      label: "Kodeks", one: "punkt", id: "number", title: "title",
      fields: fields([
        { name: "number", label: "Nummer", type: "number", required: true, createOnly: true },
        { name: "title", label: "Overskrift", type: "text", required: true },
        { name: "description", label: "Beskrivelse", type: "textarea", required: true }
      ])
    },
    "process-rules": {
      label: "Sagsforløb og frister", one: "regel", id: "slug", title: "situation",
      fields: fields([
        { name: "slug", label: "Kort id (slug)", type: "text", required: true, createOnly: true },
        { name: "situation", label: "Situation (slug)", type: "text", required: true,
          help: "Fx sygedagpenge eller ledighedsydelse." },
        { name: "target_group", label: "Målgruppe", type: "text" },
        { name: "what_happens", label: "Hvad sker der", type: "textarea", required: true },
        { name: "deadline", label: "Frist", type: "text" },
        { name: "rule_type", label: "Regeltype", type: "select",
          options: [["local", "Lokal regel"], ["national", "National regel"]] }
      ])
    },
    "org-units": {
      label: "Organisation", one: "enhed", id: "slug", title: "name",
      fields: fields([
        { name: "slug", label: "Kort id (slug)", type: "text", required: true, createOnly: true },
        { name: "name", label: "Navn", type: "text", required: true },
        { name: "short_name", label: "Forkortelse", type: "text" },
        { name: "description", label: "Beskrivelse", type: "textarea" }
      ])
    },
    faq: {
      label: "Spørgsmål og svar", one: "spørgsmål", id: "slug", title: "questions",
      fields: fields([
        { name: "slug", label: "Kort id (slug)", type: "text", required: true, createOnly: true },
        { name: "questions", label: "Spørgsmål", type: "list", required: true,
          help: "Én formulering pr. linje, sådan som borgere spørger." },
        { name: "answer", label: "Svar", type: "textarea", required: true },
        { name: "topic", label: "Emne", type: "select", options: TOPICS },
        { name: "status", label: "Status", type: "select",
          options: [["draft", "Kladde"], ["published", "Udgivet"]] },
        { name: "url", label: "Link", type: "text" }
      ])
    },
    texts: {
      label: "Chattens tekster", one: "tekst", id: "key", title: "title",
      fields: fields([
        { name: "key", label: "Nøgle", type: "text", required: true, createOnly: true },
        { name: "title", label: "Titel", type: "text" },
        { name: "body", label: "Tekst", type: "textarea", required: true }
      ])
    }
  };
  var KIND_ORDER = ["places", "sessions", "offers", "codex", "process-rules", "org-units",
    "faq", "texts"];
  var META_FIELDS = ["version", "stale", "deleted", "updated_at", "updated_by", "sessions"];

  /* ---------- small DOM helpers ---------- */

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === "text") { node.textContent = value; } else if (key === "className") {
        node.className = value;
      } else if (key.indexOf("on") === 0) {
        node.addEventListener(key.slice(2), value);
      } else { node.setAttribute(key, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function say(text) {
    var box = $("staff-message");
    box.textContent = "";
    // Re-insert after a tick so screen readers announce repeated messages too.
    window.setTimeout(function () { box.textContent = text || ""; }, 50);
  }

  function formatDate(value) {
    if (!value) { return "—"; }
    var d = new Date(value);
    if (isNaN(d.getTime())) { return String(value); }
    var text = d.toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
    return /T/.test(String(value)) ? text + " kl. " +
      d.toLocaleTimeString("da-DK", { hour: "2-digit", minute: "2-digit" }) : text;
  }

  function weekdayName(value) {
    for (var i = 0; i < WEEKDAYS.length; i++) {
      if (WEEKDAYS[i][0] === value) { return WEEKDAYS[i][1].toLowerCase(); }
    }
    return value;
  }

  /* Human text for any field value (used in lists, conflicts and history). */
  function display(value) {
    if (value === null || value === undefined || value === "") { return "—"; }
    if (value === true) { return "Ja"; }
    if (value === false) { return "Nej"; }
    if (Array.isArray(value)) {
      if (!value.length) { return "—"; }
      return value.map(display).join("\n");
    }
    if (typeof value === "object") {
      if (value.weekday) {
        return weekdayName(value.weekday) +
          (value.start ? " " + value.start + "–" + (value.end || "") : " (tid ikke angivet)") +
          (value.staff ? " (" + value.staff + ")" : "") + (value.notes ? ": " + value.notes : "");
      }
      if (value.date && value.kind) {
        return value.date + " " + (value.kind === "closed" ? "lukket" : "ekstra åbning") +
          (value.start ? " " + value.start + "–" + value.end : "") +
          (value.note ? ": " + value.note : "");
      }
      return Object.keys(value).map(function (k) { return k + ": " + display(value[k]); })
        .join(", ");
    }
    return String(value);
  }

  function recordTitle(kind, record) {
    var spec = KINDS[kind];
    var value = record[spec.title];
    if (Array.isArray(value)) { value = value[0]; }
    if (kind === "codex") { return record.number + ". " + (record.title || ""); }
    return value || String(record[spec.id]);
  }

  /* ---------- session (bearer token in sessionStorage) ---------- */

  var session = null;
  var expiryTimer = null;

  function tokenExpiry(token, expiresIn) {
    if (expiresIn) { return Date.now() + Number(expiresIn) * 1000; }
    try {
      var payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      var claims = JSON.parse(window.atob(payload));
      if (claims.exp) { return claims.exp * 1000; }
    } catch (e) { /* not a JWT we can read: fall back to a short session */ }
    return Date.now() + 30 * 60 * 1000;
  }

  function startSession(data) {
    session = data;
    window.sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
    armExpiry();
  }

  function restoreSession() {
    try {
      var stored = JSON.parse(window.sessionStorage.getItem(TOKEN_KEY) || "null");
      if (stored && stored.token && stored.expiresAt > Date.now()) {
        session = stored;
        armExpiry();
        return true;
      }
    } catch (e) { /* corrupt: log in again */ }
    window.sessionStorage.removeItem(TOKEN_KEY);
    return false;
  }

  function armExpiry() {
    window.clearTimeout(expiryTimer);
    var left = Math.max(0, session.expiresAt - Date.now());
    expiryTimer = window.setTimeout(function () {
      endSession("Din session er udløbet. Log ind igen.");
    }, Math.min(left, 2147483000));
  }

  function endSession(reason) {
    session = null;
    window.clearTimeout(expiryTimer);
    window.sessionStorage.removeItem(TOKEN_KEY);
    showLogin(reason);
  }

  /* ---------- HTTP ---------- */

  function SessionEnded() { this.name = "SessionEnded"; }

  /* Calls the facts service. Resolves {status, data, etag}; a 401 ends the session. */
  function request(method, path, options) {
    options = options || {};
    if (!session || session.expiresAt <= Date.now()) {
      endSession("Din session er udløbet. Log ind igen.");
      return Promise.reject(new SessionEnded());
    }
    var headers = { Accept: "application/json", Authorization: "Bearer " + session.token };
    if (options.body !== undefined) { headers["Content-Type"] = "application/json"; }
    if (options.version !== undefined && options.version !== null) {
      headers["If-Match"] = '"' + options.version + '"';
    }
    return fetch(API + path, {
      method: method,
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "omit",
      cache: "no-store"
    }).then(function (response) {
      if (response.status === 401) {
        endSession("Din session er udløbet eller ugyldig. Log ind igen.");
        throw new SessionEnded();
      }
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
        return { status: response.status, data: data, etag: response.headers.get("ETag") };
      });
    });
  }

  function problem(result) {
    var data = result.data || {};
    if (typeof data.message === "string") { return data.message; }
    if (typeof data.detail === "string") { return data.detail; }
    if (result.status === 403) { return "Du har ikke rettighed til at gøre dette."; }
    if (result.status === 404) { return "Posten findes ikke."; }
    return "Der skete en fejl (HTTP " + result.status + "). Prøv igen.";
  }

  function failed(error) {
    if (error instanceof SessionEnded) { return; }
    say("Tjenesten svarer ikke. Tjek forbindelsen og prøv igen.");
  }

  function itemsOf(data) {
    if (Array.isArray(data)) { return data; }
    if (data && Array.isArray(data.items)) { return data.items; }
    return [];
  }

  function publicPath(kind) { return "/api/" + kind; }

  /* All records of a kind: the staff list (drafts and all) when offered, else the public one. */
  function listRecords(kind) {
    return request("GET", "/api/staff/" + kind).then(function (result) {
      if (result.status === 200) { return itemsOf(result.data); }
      return request("GET", publicPath(kind)).then(function (pub) {
        if (pub.status === 200) { return itemsOf(pub.data); }
        throw new Error(problem(pub));
      });
    });
  }

  function recordPath(kind, id) {
    return "/api/staff/" + kind + "/" + encodeURIComponent(id);
  }

  /* One record with its current version: staff GET, public GET, or found in the list. */
  function getRecord(kind, id) {
    return request("GET", recordPath(kind, id)).then(function (result) {
      if (result.status === 200 && result.data) { return result.data; }
      return request("GET", publicPath(kind) + "/" + encodeURIComponent(id))
        .then(function (pub) {
          if (pub.status === 200 && pub.data) { return pub.data; }
          return listRecords(kind).then(function (records) {
            var found = records.filter(function (r) {
              return String(r[KINDS[kind].id]) === String(id);
            })[0];
            if (!found) { throw new Error("Posten findes ikke."); }
            return found;
          });
        });
    });
  }

  /* ---------- login ---------- */

  function showLogin(reason) {
    $("staff-nav").hidden = true;
    $("staff-preview").hidden = true;
    $("staff-user").hidden = true;
    document.title = "Log ind – Jobcenter Randers' chat";
    var main = $("main");
    clear(main);
    var error = el("div", { id: "login-error", className: "error-summary", role: "alert" });
    if (reason) { error.textContent = reason; } else { error.hidden = true; }
    var form = el("form", { id: "login-form", className: "login-form", novalidate: true }, [
      el("div", { className: "field" }, [
        el("label", { for: "login-username", text: "Brugernavn" }),
        el("input", { id: "login-username", name: "username", type: "text",
          autocomplete: "username", required: true })
      ]),
      el("div", { className: "field" }, [
        el("label", { for: "login-password", text: "Adgangskode" }),
        el("input", { id: "login-password", name: "password", type: "password",
          autocomplete: "current-password", required: true })
      ]),
      el("button", { type: "submit", className: "button", text: "Log ind" })
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      login(form, error);
    });
    main.appendChild(el("h1", { tabindex: "-1", text: "Log ind" }));
    main.appendChild(el("p", { text: "Log ind for at rette det, chatten fortæller borgerne." }));
    main.appendChild(error);
    main.appendChild(form);
    $("login-username").focus();
  }

  function login(form, error) {
    var username = form.username.value.trim();
    var password = form.password.value;
    if (!username || !password) {
      error.hidden = false;
      error.textContent = "Skriv både brugernavn og adgangskode.";
      return;
    }
    var body = new URLSearchParams();
    body.set("grant_type", "password");
    body.set("username", username);
    body.set("password", password);
    fetch(API + "/api/auth/token", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: body.toString(),
      credentials: "omit"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok || !data.access_token) {
          error.hidden = false;
          if (response.status === 401 || response.status === 400) {
            error.textContent = "Forkert brugernavn eller adgangskode.";
          } else if (response.status === 429 && typeof data.detail === "string") {
            error.textContent = data.detail; /* "For mange forkerte forsøg. Prøv igen om …" */
          } else {
            error.textContent = "Du kunne ikke logges ind (HTTP " + response.status + ").";
          }
          form.password.value = "";
          form.password.focus();
          return;
        }
        startSession({
          token: data.access_token,
          username: username,
          expiresAt: tokenExpiry(data.access_token, data.expires_in)
        });
        route();
      });
    }).catch(function () {
      error.hidden = false;
      error.textContent = "Tjenesten svarer ikke. Prøv igen om lidt.";
    });
  }

  /* ---------- frame (navigation, user, preview) ---------- */

  function showFrame(current) {
    $("staff-nav").hidden = false;
    $("staff-preview").hidden = false;
    $("staff-user").hidden = false;
    $("staff-user-name").textContent = "Logget ind som " + session.username;
    var list = $("staff-nav-list");
    clear(list);
    KIND_ORDER.concat(["stale"]).forEach(function (kind) {
      var label = kind === "stale" ? "Skal kontrolleres" : KINDS[kind].label;
      var link = el("a", { href: "#/" + kind, text: label });
      if (kind === current) { link.setAttribute("aria-current", "page"); }
      list.appendChild(el("li", {}, [link]));
    });
  }

  function startView(title, kind) {
    showFrame(kind);
    document.title = title + " – redigering af Jobcenter Randers' chat";
    var main = $("main");
    clear(main);
    var heading = el("h1", { tabindex: "-1", text: title });
    main.appendChild(heading);
    return { main: main, heading: heading };
  }

  /* ---------- list view ---------- */

  function showList(kind, query) {
    var spec = KINDS[kind];
    var view = startView(spec.label, kind);
    var main = view.main;
    var search = el("input", { id: "list-search", type: "search", autocomplete: "off" });
    search.value = query.q || "";
    var staleOnly = el("input", { id: "list-stale", type: "checkbox" });
    staleOnly.checked = query.stale === "1";
    var controls = el("form", { className: "list-controls", role: "search" }, [
      el("div", { className: "field" }, [
        el("label", { for: "list-search", text: "Søg i " + spec.label.toLowerCase() }), search
      ]),
      el("div", { className: "field field--check" }, [
        staleOnly, el("label", { for: "list-stale", text: "Vis kun poster, der skal kontrolleres" })
      ])
    ]);
    controls.addEventListener("submit", function (event) { event.preventDefault(); });
    var count = el("p", { id: "list-count", role: "status" });
    var table = el("table", { className: "records" });
    main.appendChild(el("p", {}, [
      el("a", { href: "#/" + kind + "/ny", className: "button", text: "Opret " + spec.one })
    ]));
    main.appendChild(controls);
    main.appendChild(count);
    main.appendChild(table);
    view.heading.focus();

    listRecords(kind).then(function (records) {
      function render() {
        renderRecordTable(kind, table, count, records, search.value, staleOnly.checked);
      }
      search.addEventListener("input", render);
      staleOnly.addEventListener("change", render);
      render();
    }).catch(function (error) {
      if (error instanceof SessionEnded) { return; }
      count.textContent = error.message || "Listen kunne ikke hentes.";
    });
  }

  function matches(record, needle) {
    if (!needle) { return true; }
    return JSON.stringify(record).toLowerCase().indexOf(needle.toLowerCase()) !== -1;
  }

  function renderRecordTable(kind, table, count, records, needle, staleOnly) {
    var spec = KINDS[kind];
    var shown = records.filter(function (r) {
      return matches(r, needle.trim()) && (!staleOnly || r.stale);
    });
    clear(table);
    table.appendChild(el("caption", { className: "visually-hidden", text: spec.label }));
    table.appendChild(el("thead", {}, [el("tr", {}, [
      el("th", { scope: "col", text: "Navn" }),
      el("th", { scope: "col", text: "Id" }),
      el("th", { scope: "col", text: "Sidst kontrolleret" }),
      el("th", { scope: "col", text: "Status" })
    ])]));
    var body = el("tbody");
    shown.forEach(function (record) {
      var id = String(record[spec.id]);
      var status = [];
      if (record.stale) { status.push("Skal kontrolleres"); }
      if (record.status === "draft") { status.push("Kladde"); }
      if (record.deleted) { status.push("Slettet"); }
      body.appendChild(el("tr", {}, [
        el("td", {}, [el("a", { href: "#/" + kind + "/" + encodeURIComponent(id),
          text: recordTitle(kind, record) })]),
        el("td", { text: id }),
        el("td", { text: formatDate(record.last_verified) }),
        el("td", { className: record.stale ? "status-stale" : "", text: status.join(", ") || "OK" })
      ]));
    });
    table.appendChild(body);
    count.textContent = shown.length === records.length ?
      records.length + " poster" : shown.length + " af " + records.length + " poster vises";
  }

  /* ---------- stale view ---------- */

  function showStale() {
    var view = startView("Skal kontrolleres", "stale");
    var info = el("p", { role: "status", text: "Henter …" });
    var list = el("ul", { className: "stale-list" });
    view.main.appendChild(info);
    view.main.appendChild(list);
    view.heading.focus();
    request("GET", "/api/staff/stale").then(function (result) {
      if (result.status !== 200) { info.textContent = problem(result); return; }
      var items = staleItems(result.data);
      info.textContent = items.length ?
        items.length + " poster er ikke kontrolleret længe." :
        "Alle poster er kontrolleret for nylig.";
      items.forEach(function (item) {
        var kind = item.kind;
        var id = item.id;
        var label = (KINDS[kind] ? KINDS[kind].label + ": " : "") + item.title;
        list.appendChild(el("li", {}, [
          KINDS[kind] ? el("a", { href: "#/" + kind + "/" + encodeURIComponent(id), text: label }) :
            document.createTextNode(label),
          " – sidst kontrolleret " + formatDate(item.last_verified)
        ]));
      });
    }).catch(failed);
  }

  /* Accepts a list of records with a kind field or an object {kind: [records]}. */
  function staleItems(data) {
    var out = [];
    function add(kind, record) {
      kind = String(kind || record.kind || "").replace(/_/g, "-");
      var spec = KINDS[kind];
      // The stale list gives {kind, key, title, last_verified}; whole records work too.
      var id = record.key !== undefined ? record.key :
        (spec ? record[spec.id] : record.slug || record.number);
      var title = typeof record.title === "string" && record.title ? record.title :
        (spec ? recordTitle(kind, record) : String(record.name || id));
      out.push({ kind: kind, id: id, last_verified: record.last_verified, title: title });
    }
    if (Array.isArray(data)) {
      data.forEach(function (r) { add(r.kind, r.record || r); });
    } else if (data && typeof data === "object") {
      Object.keys(data).forEach(function (kind) {
        if (Array.isArray(data[kind])) { data[kind].forEach(function (r) { add(kind, r); }); }
      });
    }
    return out;
  }

  /* ---------- edit view ---------- */

  function showEdit(kind, id) {
    var spec = KINDS[kind];
    var isNew = id === null;
    var view = startView(isNew ? "Opret " + spec.one : spec.label, kind);
    var main = view.main;
    var editor = { kind: kind, id: id, record: null, version: null, main: main };
    if (isNew) {
      buildEditor(editor, {});
      view.heading.focus();
      return;
    }
    var loading = el("p", { role: "status", text: "Henter posten …" });
    main.appendChild(loading);
    Promise.all([getRecord(kind, id), kind === "sessions" ? placeOptions() : null])
      .then(function (results) {
        main.removeChild(loading);
        editor.places = results[1];
        editor.record = results[0];
        editor.version = results[0].version;
        view.heading.textContent = spec.label + ": " + recordTitle(kind, results[0]);
        document.title = view.heading.textContent + " – redigering af Jobcenter Randers' chat";
        buildEditor(editor, results[0]);
        view.heading.focus();
      }).catch(function (error) {
        if (error instanceof SessionEnded) { return; }
        loading.textContent = error.message || "Posten kunne ikke hentes.";
      });
  }

  var placeCache = null;
  function placeOptions() {
    if (placeCache) { return Promise.resolve(placeCache); }
    return listRecords("places").then(function (places) {
      placeCache = places.map(function (p) { return [p.slug, p.name]; });
      return placeCache;
    }).catch(function () { return null; });
  }

  function buildEditor(editor, record) {
    var spec = KINDS[editor.kind];
    var main = editor.main;
    if (editor.record) { main.appendChild(recordFacts(editor)); }
    editor.errors = el("div", { id: "form-errors", className: "error-summary", tabindex: "-1",
      hidden: true });
    editor.conflict = el("section", { id: "conflict", className: "conflict", tabindex: "-1",
      hidden: true, "aria-labelledby": "conflict-heading" });
    editor.form = el("form", { id: "record-form", className: "record-form", novalidate: true });
    spec.fields.forEach(function (field) {
      editor.form.appendChild(renderField(editor, field, record[field.name]));
    });
    var actions = el("div", { className: "form-actions" }, [
      el("button", { type: "submit", className: "button", text: "Gem" })
    ]);
    if (editor.record) {
      if (editor.kind === "faq" && editor.record.status === "draft") {
        actions.appendChild(el("button", { type: "button", className: "button button--quiet",
          text: "Udgiv", onclick: function () { publish(editor); } }));
      }
      actions.appendChild(el("button", { type: "button", className: "button button--danger",
        text: "Slet", onclick: function () { remove(editor); } }));
    }
    editor.form.appendChild(actions);
    editor.form.addEventListener("submit", function (event) {
      event.preventDefault();
      save(editor, editor.version);
    });
    main.appendChild(editor.errors);
    main.appendChild(editor.conflict);
    main.appendChild(editor.form);
    if (editor.record) { main.appendChild(historySection(editor)); }
  }

  function recordFacts(editor) {
    var r = editor.record;
    var items = [
      ["Version", String(r.version)],
      ["Sidst kontrolleret", formatDate(r.last_verified) + (r.stale ? " – skal kontrolleres" : "")]
    ];
    if (r.updated_by) { items.push(["Senest ændret af", r.updated_by]); }
    if (r.updated_at) { items.push(["Senest ændret", formatDate(r.updated_at)]); }
    if (r.deleted) { items.push(["Status", "Slettet"]); }
    var dl = el("dl", { className: "record-facts", id: "record-facts" });
    items.forEach(function (item) {
      dl.appendChild(el("dt", { text: item[0] }));
      dl.appendChild(el("dd", { text: item[1] }));
    });
    return dl;
  }

  /* ---------- form fields ---------- */

  function fieldId(name, index, sub) {
    return "f-" + name + (index === undefined ? "" : "-" + index + "-" + sub);
  }

  function renderField(editor, field, value) {
    if (field.type === "repeat") { return renderRepeat(editor, field, value || []); }
    var id = fieldId(field.name);
    var wrapper = el("div", { className: "field", "data-field": field.name });
    var label = el("label", { for: id, text: field.label + (field.required ? " (skal udfyldes)" : "") });
    wrapper.appendChild(label);
    var describedBy = [];
    if (field.help) {
      wrapper.appendChild(el("p", { id: id + "-help", className: "hint", text: field.help }));
      describedBy.push(id + "-help");
    }
    var input = renderInput(editor, field, value, id);
    if (field.createOnly && editor.record) { input.setAttribute("readonly", ""); }
    describedBy.push(id + "-error");
    input.setAttribute("aria-describedby", describedBy.join(" "));
    wrapper.appendChild(input);
    wrapper.appendChild(el("p", { id: id + "-error", className: "field-error" }));
    return wrapper;
  }

  function renderInput(editor, field, value, id) {
    var input;
    if (field.type === "textarea" || field.type === "list") {
      input = el("textarea", { id: id, name: field.name, rows: field.type === "list" ? 4 : 5 });
      input.value = field.type === "list" ? (value || []).join("\n") : (value || "");
    } else if (field.type === "select" || field.type === "bool3" || field.type === "place") {
      input = el("select", { id: id, name: field.name });
      var options = field.options;
      if (field.type === "bool3") { options = [["", "Ved ikke"], ["true", "Ja"], ["false", "Nej"]]; }
      if (field.type === "place") { options = placeSelectOptions(editor.places, value); }
      options.forEach(function (opt) { input.appendChild(el("option", { value: opt[0], text: opt[1] })); });
      input.value = value === null || value === undefined ? (field.type === "place" ? "" : options[0][0]) :
        String(value);
    } else {
      var type = { date: "date", time: "time", number: "number" }[field.type] || "text";
      input = el("input", { id: id, name: field.name, type: type });
      input.value = value === null || value === undefined ? "" : String(value);
    }
    if (field.required) { input.setAttribute("aria-required", "true"); }
    return input;
  }

  function placeSelectOptions(places, value) {
    var options = [["", "Vælg sted"]].concat(places || []);
    if (value && !options.some(function (o) { return o[0] === value; })) {
      options.push([value, value]);
    }
    return options;
  }

  function renderRepeat(editor, field, rows) {
    var group = el("fieldset", { className: "repeat", "data-field": field.name,
      "aria-describedby": fieldId(field.name) + "-error" });
    group.appendChild(el("legend", { text: field.label }));
    var list = el("div", { className: "repeat-rows" });
    group.appendChild(list);
    group.appendChild(el("p", { id: fieldId(field.name) + "-error", className: "field-error" }));
    function addRow(row, focus) {
      var index = list.children.length;
      var rowNode = el("fieldset", { className: "repeat-row" });
      var legend = el("legend", { text: capital(field.item) + " " + (index + 1) });
      rowNode.appendChild(legend);
      field.columns.forEach(function (column) {
        var id = fieldId(field.name, index, column.name);
        var input = renderInput(editor, column, row[column.name], id);
        input.setAttribute("data-column", column.name);
        input.setAttribute("aria-describedby", id + "-error " + rowErrorId(field.name, index));
        rowNode.appendChild(el("div", { className: "field field--inline" }, [
          el("label", { for: id, text: column.label }), input,
          el("p", { id: id + "-error", className: "field-error" })
        ]));
      });
      var removeButton = el("button", { type: "button", className: "button button--quiet",
        text: "Fjern " + field.item + " " + (index + 1) });
      removeButton.addEventListener("click", function () {
        list.removeChild(rowNode);
        renumber(list, field);
        group.querySelector(".repeat-add").focus();
      });
      rowNode.appendChild(removeButton);
      rowNode.appendChild(el("p", { id: rowErrorId(field.name, index),
        className: "field-error row-error" }));
      list.appendChild(rowNode);
      if (focus) { rowNode.querySelector("input, select").focus(); }
    }
    rows.forEach(function (row) { addRow(row, false); });
    group.appendChild(el("button", { type: "button", className: "button button--quiet repeat-add",
      text: "Tilføj " + field.item, onclick: function () { addRow({}, true); } }));
    return group;
  }

  /* Keeps ids, legends and button texts in step with the row numbers after a removal. */
  function renumber(list, field) {
    Array.prototype.forEach.call(list.children, function (rowNode, index) {
      rowNode.querySelector("legend").textContent = capital(field.item) + " " + (index + 1);
      rowNode.querySelector("button").textContent = "Fjern " + field.item + " " + (index + 1);
      field.columns.forEach(function (column) {
        var id = fieldId(field.name, index, column.name);
        var input = rowNode.querySelector('[data-column="' + column.name + '"]');
        var wrapper = input.parentNode;
        input.id = id;
        input.setAttribute("aria-describedby", id + "-error " + rowErrorId(field.name, index));
        wrapper.querySelector("label").setAttribute("for", id);
        wrapper.querySelector(".field-error").id = id + "-error";
      });
      rowNode.querySelector(".row-error").id = rowErrorId(field.name, index);
    });
  }

  function rowErrorId(name, index) { return "f-" + name + "-" + index + "-row-error"; }

  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  /* Reads the form back into a record body (empty optional fields become null). */
  function readForm(editor) {
    var spec = KINDS[editor.kind];
    var body = {};
    spec.fields.forEach(function (field) {
      if (field.createOnly && editor.record) { return; }
      if (field.type === "repeat") {
        var rows = editor.form.querySelectorAll('[data-field="' + field.name + '"] .repeat-row');
        body[field.name] = Array.prototype.map.call(rows, function (rowNode) {
          var row = {};
          field.columns.forEach(function (column) {
            var input = rowNode.querySelector('[data-column="' + column.name + '"]');
            row[column.name] = readValue(column, input.value);
          });
          return row;
        });
        return;
      }
      body[field.name] = readValue(field, editor.form.elements[field.name].value);
    });
    return body;
  }

  function readValue(field, raw) {
    var value = String(raw);
    if (field.type === "list") {
      return value.split("\n").map(function (s) { return s.trim(); })
        .filter(function (s) { return s; });
    }
    if (field.type === "bool3") { return value === "" ? null : value === "true"; }
    if (field.type === "number") { return value.trim() === "" ? null : Number(value); }
    if (field.type === "textarea" || field.type === "text" || field.type === "place" ||
      field.type === "date" || field.type === "time") {
      return value.trim() === "" ? null : value.trim();
    }
    return value;
  }

  /* ---------- saving ---------- */

  function save(editor, version, bodyOverride) {
    var kind = editor.kind;
    var body = bodyOverride || readForm(editor);
    var spec = KINDS[kind];
    var isNew = !editor.record;
    var id = isNew ? body[spec.id] : editor.id;
    if (isNew && (id === null || id === undefined || id === "")) {
      showErrors(editor, [{ loc: ["body", spec.id], msg: "skal udfyldes" }]);
      return Promise.resolve();
    }
    if (isNew) {
      // The id goes in the address, not in the body.
      body = Object.assign({}, body);
      delete body[spec.id];
    }
    clearErrors(editor);
    var call = isNew ?
      request("POST", recordPath(kind, id), { body: body }) :
      request("PUT", recordPath(kind, id), { body: body, version: version });
    return call.then(function (result) {
      if (result.status === 200 || result.status === 201) {
        editor.conflict.hidden = true;
        placeCache = kind === "places" ? null : placeCache;
        say(isNew ? "Posten er oprettet." : "Ændringerne er gemt.");
        if (isNew) {
          window.location.hash = "#/" + kind + "/" + encodeURIComponent(id);
        } else {
          reloadEditor(editor, result.data);
        }
      } else if (result.status === 412) {
        showConflict(editor, body, result.data && result.data.current);
      } else if (result.status === 422) {
        showErrors(editor, (result.data && result.data.detail) || [], result.data);
      } else {
        showErrors(editor, [{ loc: [], msg: problem(result) }]);
      }
    }).catch(failed);
  }

  function reloadEditor(editor, saved) {
    var record = saved && saved.version !== undefined ? saved : null;
    var next = record ? Promise.resolve(record) : getRecord(editor.kind, editor.id);
    next.then(function (fresh) {
      var heading = editor.main.querySelector("h1");
      clear(editor.main);
      editor.main.appendChild(heading);
      editor.record = fresh;
      editor.version = fresh.version;
      buildEditor(editor, fresh);
      heading.focus();
    }).catch(failed);
  }

  function clearErrors(editor) {
    editor.errors.hidden = true;
    clear(editor.errors);
    Array.prototype.forEach.call(editor.form.querySelectorAll(".field-error"), function (p) {
      p.textContent = "";
    });
    Array.prototype.forEach.call(editor.form.querySelectorAll("[aria-invalid]"), function (i) {
      i.removeAttribute("aria-invalid");
    });
  }

  function fieldLabel(kind, loc) {
    var spec = KINDS[kind];
    var field = spec.fields.filter(function (f) { return f.name === loc[0]; })[0];
    if (!field) { return loc.join("."); }
    if (field.type === "repeat" && typeof loc[1] === "number") {
      var column = field.columns.filter(function (c) { return c.name === loc[2]; })[0];
      return capital(field.item) + " " + (loc[1] + 1) + (column ? ", " + column.label.toLowerCase() : "");
    }
    return field.label;
  }

  /* 422 errors: a summary above the form (linked to the fields) and a message at each field. */
  function showErrors(editor, errors, data) {
    clearErrors(editor);
    if (!Array.isArray(errors) || !errors.length) {
      errors = [{ loc: [], msg: (data && (data.message || data.detail)) || "Ugyldige data." }];
    }
    var list = el("ul");
    errors.forEach(function (error) {
      var loc = (error.loc || []).filter(function (p) { return p !== "body"; });
      var target = locateField(editor, loc);
      var text = loc.length ? fieldLabel(editor.kind, loc) + ": " + error.msg : error.msg;
      if (target) {
        target.message.textContent = error.msg;
        if (target.input) { target.input.setAttribute("aria-invalid", "true"); }
        list.appendChild(el("li", {}, [el("a", { href: "#" + target.focusId, text: text,
          onclick: function (event) {
            event.preventDefault();
            document.getElementById(target.focusId).focus();
          } })]));
      } else {
        list.appendChild(el("li", { text: text }));
      }
    });
    editor.errors.appendChild(el("h2", { text: "Posten blev ikke gemt" }));
    editor.errors.appendChild(list);
    editor.errors.hidden = false;
    editor.errors.setAttribute("role", "alert");
    editor.errors.focus();
  }

  function locateField(editor, loc) {
    if (!loc.length) { return null; }
    var name = loc[0];
    var id = typeof loc[1] === "number" && typeof loc[2] === "string" ?
      fieldId(name, loc[1], loc[2]) : null;
    var input = id ? document.getElementById(id) : null;
    if (!input && typeof loc[1] === "number") {
      // A whole-row error (e.g. end before start): shown under the row, focus on its first input.
      var first = document.getElementById(fieldId(name, loc[1], firstColumn(editor.kind, name)));
      var rowMessage = document.getElementById(rowErrorId(name, loc[1]));
      if (first && rowMessage) {
        return { input: null, message: rowMessage, focusId: first.id };
      }
    }
    if (input) {
      return { input: input, message: document.getElementById(input.id + "-error"),
        focusId: input.id };
    }
    input = document.getElementById(fieldId(name));
    var message = document.getElementById(fieldId(name) + "-error");
    if (!message) { return null; }
    var focusId = input ? input.id : fieldId(name);
    if (!input) {
      var first = editor.form.querySelector('[data-field="' + name + '"] input, [data-field="' +
        name + '"] select, [data-field="' + name + '"] button');
      focusId = first ? first.id || ensureId(first) : focusId;
    }
    return { input: input, message: message, focusId: focusId };
  }

  function firstColumn(kind, name) {
    var field = KINDS[kind].fields.filter(function (f) { return f.name === name; })[0];
    return field && field.columns ? field.columns[0].name : "";
  }

  var autoId = 0;
  function ensureId(node) {
    if (!node.id) { autoId += 1; node.id = "auto-" + autoId; }
    return node.id;
  }

  /* ---------- conflicts (412) ---------- */

  function showConflict(editor, mine, current) {
    var box = editor.conflict;
    clear(box);
    box.appendChild(el("h2", { id: "conflict-heading", text: "Nogen har ændret posten imens" }));
    if (!current) {
      box.appendChild(el("p", { text: "Hent posten igen for at se den gemte version." }));
      box.hidden = false;
      box.focus();
      return;
    }
    box.appendChild(el("p", { text: "Din ændring er ikke gemt. Sammenlign din version med den, " +
      "der er gemt nu (version " + current.version + (current.updated_by ? ", gemt af " +
      current.updated_by : "") + "), og vælg, hvad der skal gælde." }));
    var differing = [], same = [];
    KINDS[editor.kind].fields.forEach(function (field) {
      if (!(field.name in mine)) { return; }
      var pair = [field.label, display(mine[field.name]), display(current[field.name])];
      (pair[1] !== pair[2] ? differing : same).push(pair);
    });
    box.appendChild(el("div", { className: "table-scroll" }, [
      conflictTable("Felter der er forskellige", differing, true)
    ]));
    if (same.length) {
      box.appendChild(el("details", { className: "conflict-same" }, [
        el("summary", { text: "Felter uden forskel (" + same.length + ")" }),
        el("div", { className: "table-scroll" }, [conflictTable("Felter uden forskel", same, false)])
      ]));
    }
    box.appendChild(el("div", { className: "form-actions" }, [
      el("button", { type: "button", className: "button", text: "Gem min version alligevel",
        onclick: function () { save(editor, current.version, mine); } }),
      el("button", { type: "button", className: "button button--quiet",
        text: "Brug den gemte version",
        onclick: function () { say("Den gemte version er hentet."); reloadEditor(editor, current); } })
    ]));
    box.hidden = false;
    box.focus();
  }

  function conflictTable(caption, rows, differs) {
    var table = el("table", { className: "conflict-table" });
    table.appendChild(el("caption", { className: "visually-hidden", text: caption }));
    table.appendChild(el("thead", {}, [el("tr", {}, [
      el("th", { scope: "col", text: "Felt" }),
      el("th", { scope: "col", text: "Din version" }),
      el("th", { scope: "col", text: "Gemt version" })
    ])]));
    var body = el("tbody");
    rows.forEach(function (row) {
      body.appendChild(el("tr", { className: differs ? "differs" : "" }, [
        el("th", { scope: "row" }, [row[0], differs ? el("span", { className: "badge",
          text: " forskellig" }) : null]),
        el("td", { className: "pre", text: row[1] }),
        el("td", { className: "pre", text: row[2] })
      ]));
    });
    if (!rows.length) {
      body.appendChild(el("tr", {}, [el("td", { colspan: "3",
        text: "Ingen forskelle – den gemte version er den samme som din." })]));
    }
    table.appendChild(body);
    return table;
  }

  /* ---------- publish, delete ---------- */

  function publish(editor) {
    request("POST", recordPath(editor.kind, editor.id) + "/publish", { version: editor.version })
      .then(function (result) {
        if (result.status === 200 || result.status === 201) {
          say("Spørgsmålet er udgivet.");
          reloadEditor(editor, result.data);
        } else if (result.status === 412) {
          showConflict(editor, readForm(editor), result.data && result.data.current);
        } else {
          showErrors(editor, [{ loc: [], msg: problem(result) }]);
        }
      }).catch(failed);
  }

  function remove(editor) {
    if (!window.confirm("Vil du slette „" + recordTitle(editor.kind, editor.record) +
      "“? Posten kan gendannes fra historikken.")) { return; }
    request("DELETE", recordPath(editor.kind, editor.id), { version: editor.version })
      .then(function (result) {
        if (result.status === 200 || result.status === 204) {
          say("Posten er slettet.");
          window.location.hash = "#/" + editor.kind;
        } else if (result.status === 412) {
          showConflict(editor, readForm(editor), result.data && result.data.current);
        } else {
          showErrors(editor, [{ loc: [], msg: problem(result) }]);
        }
      }).catch(failed);
  }

  /* ---------- history and revert ---------- */

  function historySection(editor) {
    var section = el("section", { className: "history", "aria-labelledby": "history-heading" });
    var list = el("ol", { className: "history-list", id: "history-list" });
    var status = el("p", { role: "status" });
    var button = el("button", { type: "button", className: "button button--quiet",
      "aria-controls": "history-list", text: "Vis historik" });
    button.addEventListener("click", function () { loadHistory(editor, list, status); });
    section.appendChild(el("h2", { id: "history-heading", text: "Historik" }));
    section.appendChild(button);
    section.appendChild(status);
    section.appendChild(list);
    return section;
  }

  function loadHistory(editor, list, status) {
    status.textContent = "Henter historik …";
    request("GET", recordPath(editor.kind, editor.id) + "/history").then(function (result) {
      if (result.status !== 200) { status.textContent = problem(result); return; }
      var versions = itemsOf(result.data).slice().sort(function (a, b) {
        return (b.version || 0) - (a.version || 0);
      });
      clear(list);
      status.textContent = versions.length + " versioner.";
      versions.forEach(function (entry) { list.appendChild(historyEntry(editor, entry)); });
    }).catch(failed);
  }

  function historyEntry(editor, entry) {
    var item = el("li", { className: "history-entry" });
    item.appendChild(el("p", {}, [el("strong", { text: "Version " + entry.version }),
      " – " + (ACTIONS[entry.action] || entry.action || "ændret") + " " +
      formatDate(entry.when) + " af " + (entry.who || "ukendt")]));
    var changes = changeLines(entry.changes, editor.kind);
    if (changes.length) {
      var ul = el("ul", { className: "changes" });
      changes.forEach(function (line) { ul.appendChild(el("li", { className: "pre", text: line })); });
      item.appendChild(ul);
    }
    if (entry.version !== editor.version) {
      item.appendChild(el("button", { type: "button", className: "button button--quiet",
        text: "Gendan version " + entry.version,
        onclick: function () { revert(editor, entry.version); } }));
    } else {
      item.appendChild(el("p", { className: "hint", text: "Den gældende version." }));
    }
    return item;
  }

  var ACTIONS = {
    create: "oprettet", update: "rettet", "delete": "slettet", publish: "udgivet",
    revert: "gendannet", "import": "indlæst"
  };

  /* `changes` is {field: {from, to}}; lists, strings and {old, new} are understood too. */
  function changeLines(changes, kind) {
    if (!changes) { return []; }
    if (typeof changes === "string") { return [changes]; }
    if (Array.isArray(changes)) {
      return changes.map(function (c) {
        if (c && typeof c === "object" && c.field) {
          return c.field + ": " + display(c.old !== undefined ? c.old : c.before) + " → " +
            display(c["new"] !== undefined ? c["new"] : c.after);
        }
        return display(c);
      });
    }
    return Object.keys(changes).map(function (field) {
      var change = changes[field];
      var before, after;
      if (Array.isArray(change) && change.length === 2) {
        before = change[0]; after = change[1];
      } else if (change && typeof change === "object" && ("from" in change || "to" in change)) {
        before = change.from; after = change.to;
      } else if (change && typeof change === "object" && ("old" in change || "new" in change)) {
        before = change.old; after = change["new"];
      } else {
        return labelOf(kind, field) + ": " + display(change);
      }
      return labelOf(kind, field) + ": " + display(before) + " → " + display(after);
    });
  }

  function labelOf(kind, name) {
    var field = KINDS[kind] && KINDS[kind].fields.filter(function (f) { return f.name === name; })[0];
    return field ? field.label : name;
  }

  function revert(editor, version) {
    request("POST", recordPath(editor.kind, editor.id) + "/revert/" + version,
      { version: editor.version }).then(function (result) {
      if (result.status === 200 || result.status === 201) {
        say("Version " + version + " er gendannet.");
        reloadEditor(editor, result.data);
      } else if (result.status === 412) {
        showConflict(editor, readForm(editor), result.data && result.data.current);
      } else {
        showErrors(editor, [{ loc: [], msg: problem(result) }]);
      }
    }).catch(failed);
  }

  /* ---------- preview through Rasa ---------- */

  function previewSender() {
    var bytes = new Uint8Array(8);
    window.crypto.getRandomValues(bytes);
    return "staff-preview-" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function setupPreview() {
    var form = $("preview-form");
    var output = $("preview-output");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = $("preview-input").value.trim();
      if (!question) { return; }
      clear(output);
      output.appendChild(el("p", { className: "hint", text: "Chatten tænker …" }));
      var controller = new AbortController();
      var timer = window.setTimeout(function () { controller.abort(); }, 15000);
      fetch(BOT_URL + "/webhooks/rest/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: previewSender(), message: question }),
        signal: controller.signal,
        credentials: "omit"
      }).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      }).then(function (items) {
        window.clearTimeout(timer);
        renderPreview(output, question, Array.isArray(items) ? items : []);
      }).catch(function () {
        window.clearTimeout(timer);
        clear(output);
        output.appendChild(el("p", { className: "error-text",
          text: "Chatten svarer ikke lige nu. Prøv igen om lidt." }));
      });
    });
  }

  function renderPreview(output, question, items) {
    clear(output);
    output.appendChild(el("p", { className: "preview-question" }, [
      el("strong", { text: "Spørgsmål: " }), question
    ]));
    var texts = items.filter(function (i) { return i && typeof i.text === "string"; });
    if (!texts.length) {
      output.appendChild(el("p", { text: "Chatten gav intet svar." }));
    }
    texts.forEach(function (item) {
      output.appendChild(el("p", { className: "preview-answer pre", text: item.text }));
      if (Array.isArray(item.buttons) && item.buttons.length) {
        output.appendChild(el("p", { className: "hint", text: "Knapper: " +
          item.buttons.map(function (b) { return b.title; }).join(", ") }));
      }
    });
  }

  /* ---------- routing ---------- */

  function parseHash() {
    var hash = window.location.hash.replace(/^#\/?/, "");
    var query = {};
    var qIndex = hash.indexOf("?");
    if (qIndex !== -1) {
      new URLSearchParams(hash.slice(qIndex + 1)).forEach(function (v, k) { query[k] = v; });
      hash = hash.slice(0, qIndex);
    }
    var parts = hash.split("/").filter(Boolean).map(decodeURIComponent);
    return { parts: parts, query: query };
  }

  function route() {
    if (!session) { showLogin(); return; }
    var parsed = parseHash();
    var kind = parsed.parts[0] || "places";
    if (kind === "stale") { showStale(); return; }
    if (!KINDS[kind]) { kind = "places"; }
    if (parsed.parts.length > 1) {
      showEdit(kind, parsed.parts[1] === "ny" ? null : parsed.parts[1]);
    } else {
      showList(kind, parsed.query);
    }
  }

  function start() {
    $("logout-button").addEventListener("click", function () { endSession("Du er logget ud."); });
    setupPreview();
    window.addEventListener("hashchange", route);
    if (restoreSession()) { route(); } else { showLogin(); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
