/*
 * Staff content editor for Jobcenter Randers' chat: native ES modules, no build step.
 * Routes (#/<kind>, #/<kind>/<key>, #/<kind>/ny, #/stale), the session's life (renewal,
 * warning, signing in again without losing the open form) and the unsaved-changes guards.
 */

import { failed } from "./api.js";
import { $, say } from "./dom.js";
import { dropAllDrafts, draftKeys } from "./drafts.js";
import { isDirty, openEditor, remember, save, showEdit } from "./editor.js";
import { allKinds, kindOf, loadKinds, recordTitle } from "./kinds.js";
import { setupPreview } from "./preview.js";
import {
  endSession, onSessionEvents, renewWhileInUse, restoreSession, session,
} from "./session.js";
import { hideWarning, setupWarning, showLogin, showWarning, signInAgain } from "./signin.js";
import { showList, showStale } from "./views.js";

function parseHash() {
  let hash = window.location.hash.replace(/^#\/?/, "");
  const at = hash.indexOf("?");
  const query = at === -1 ? {} : Object.fromEntries(new URLSearchParams(hash.slice(at + 1)));
  if (at !== -1) hash = hash.slice(0, at);
  return { parts: hash.split("/").filter(Boolean).map(decodeURIComponent), query };
}

async function route() {
  if (!session()) {
    showLogin("", route);
    return;
  }
  leaveEditor();
  try {
    await loadKinds();
  } catch (error) {
    failed(error); // a lost session has shown the login page already
    return;
  }
  const { parts, query } = parseHash();
  if (parts[0] === "stale") {
    showStale();
    return;
  }
  const kind = kindOf(parts[0]) || allKinds()[0];
  if (parts.length > 1) showEdit(kind, parts[1] === "ny" ? null : parts[1]);
  else showList(kind, query);
}

/* Leaving a form with unsaved changes keeps them as a draft, and says so. */
function leaveEditor() {
  const editor = openEditor();
  if (!editor || !isDirty(editor)) return;
  remember(editor);
  const what = editor.record ? `„${recordTitle(editor.kind, editor.record)}“` : "den nye post";
  say(`Dine ændringer i ${what} er ikke gemt endnu. De er gemt som kladde og hentes frem, ` +
    "når du åbner posten igen.");
}

/* The session ran out or was refused: an open form stays, and the dialog signs in again. */
function expired(reason) {
  const editor = openEditor();
  if (!editor) {
    endSession();
    showLogin(`${reason} Log ind igen.`, route);
    return;
  }
  const unsaved = isDirty(editor);
  if (unsaved) remember(editor);
  signInAgain({
    reason,
    unsaved,
    resubmit: (again) => {
      $("staff-user-name").textContent = `Logget ind som ${session().username}`;
      if (again) save(editor, editor.version);
      else say("Du er logget ind igen.");
    },
    cancelled: () => say("Du er ikke logget ind. Dine ændringer er gemt som kladde i browseren; " +
      "tryk Gem for at logge ind og gemme dem."),
  });
}

function logOut() {
  const editor = openEditor();
  if (editor) remember(editor);
  const question = "Du har ændringer, der ikke er gemt. Log ud og kassér dem?";
  if (draftKeys().length && !window.confirm(question)) return;
  dropAllDrafts();
  endSession();
  showLogin("Du er logget ud.", route);
}

function start() {
  const script = document.querySelector("script[data-bot-url]");
  setupPreview((script?.dataset.botUrl || "http://localhost:5005").replace(/\/+$/, ""));
  setupWarning();
  onSessionEvents({ warn: showWarning, renewed: hideWarning, expired });
  renewWhileInUse();
  $("logout-button").addEventListener("click", logOut);
  window.addEventListener("hashchange", route);
  window.addEventListener("beforeunload", (event) => {
    const editor = openEditor();
    if (editor && isDirty(editor)) {
      remember(editor);
      event.preventDefault();
    }
  });
  if (restoreSession()) route();
  else showLogin("", route);
}

start();
