/* Signing in: the login page, the "sign in again" dialog that keeps the open form, and the
 * warning before the session runs out. */

import { $, clock, el } from "./dom.js";
import { renew, session, startSession } from "./session.js";

/* A sign-in form; ids start with `prefix`. Calls signedIn() once the session has started. */
function signInForm(prefix, username, signedIn) {
  const error = el("div", { id: `${prefix}-error`, className: "error-summary", role: "alert",
    hidden: true });
  const field = (name, label, type, autocomplete) => el("div", { className: "field" }, [
    el("label", { for: `${prefix}-${name}`, text: label }),
    el("input", { id: `${prefix}-${name}`, name, type, autocomplete, required: true }),
  ]);
  const form = el("form", { className: "login-form", novalidate: true }, [
    field("username", "Brugernavn", "text", "username"),
    field("password", "Adgangskode", "password", "current-password"),
    el("button", { type: "submit", className: "button", text: "Log ind" }),
  ]);
  form.username.value = username || "";
  const fail = (text) => {
    error.hidden = false;
    error.textContent = text;
    form.password.value = "";
    form.password.focus();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = form.username.value.trim();
    if (!name || !form.password.value) {
      fail("Skriv både brugernavn og adgangskode.");
      return;
    }
    const body = new URLSearchParams({ grant_type: "password", username: name,
      password: form.password.value });
    let response, data;
    try {
      response = await fetch("/api/auth/token", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json" },
        body: body.toString(),
        credentials: "omit",
      });
      data = await response.json().catch(() => ({}));
    } catch {
      fail("Tjenesten svarer ikke. Prøv igen om lidt.");
      return;
    }
    if (response.ok && data.access_token) {
      startSession(data, name);
      signedIn();
    } else if (response.status === 401 || response.status === 400) {
      fail("Forkert brugernavn eller adgangskode.");
    } else if (response.status === 429 && typeof data.detail === "string") {
      fail(data.detail); // "For mange forkerte forsøg. Prøv igen om …"
    } else {
      fail(`Du kunne ikke logges ind (HTTP ${response.status}).`);
    }
  });
  return { form, error };
}

export function showLogin(reason, signedIn) {
  for (const id of ["staff-nav", "staff-preview", "staff-user"]) $(id).hidden = true;
  document.title = "Log ind – Jobcenter Randers' chat";
  const { form, error } = signInForm("login", "", signedIn);
  if (reason) {
    error.hidden = false;
    error.textContent = reason;
  }
  $("main").replaceChildren(
    el("h1", { tabindex: "-1", text: "Log ind" }),
    el("p", { text: "Log ind for at rette det, chatten fortæller borgerne." }),
    error,
    form,
  );
  form.username.focus();
}

/*
 * The session ran out while a form was open: sign in again in a modal dialog, above the
 * untouched form. Then, if there are unsaved changes, offer to save them (`resubmit`).
 */
let dialog = null;

export function signInAgain({ reason, unsaved, resubmit, cancelled }) {
  if (dialog) return;
  hideWarning();
  const heading = el("h2", { id: "signin-heading", text: "Log ind igen" });
  const text = el("p", { id: "signin-text", text: reason + (unsaved ?
    " Det, du har skrevet, er ikke gemt endnu, men det er ikke væk: det er gemt som kladde i " +
    "browseren. Log ind igen for at fortsætte." : " Log ind igen for at fortsætte.") });
  const { form, error } = signInForm("signin", session()?.username, () => signedIn());
  dialog = el("dialog", { className: "signin-dialog", "aria-labelledby": "signin-heading",
    "aria-describedby": "signin-text" }, [heading, text, error, form]);
  const close = () => {
    dialog.close();
    dialog.remove();
    dialog = null;
  };
  dialog.addEventListener("cancel", () => {
    close();
    cancelled();
  });
  function signedIn() {
    if (!unsaved) {
      close();
      resubmit(false);
      return;
    }
    heading.textContent = "Du er logget ind igen";
    text.textContent = "Dine ændringer er ikke gemt endnu. Vil du gemme dem nu?";
    const save = el("button", { type: "button", className: "button", text: "Gem ændringerne",
      onclick: () => { close(); resubmit(true); } });
    dialog.replaceChildren(heading, text, el("div", { className: "form-actions" }, [
      save,
      el("button", { type: "button", className: "button button--quiet",
        text: "Fortsæt med at redigere", onclick: () => { close(); resubmit(false); } }),
    ]));
    save.focus();
  }
  document.body.append(dialog);
  dialog.showModal();
  (form.username.value ? form.password : form.username).focus();
}

export function showWarning(expiresAt, capped) {
  $("session-warning-text").textContent = capped ?
    `Af sikkerhedshensyn skal du logge ind igen kl. ${clock(expiresAt)}. ` +
      "Det, du skriver, bliver ikke væk." :
    `Din session udløber kl. ${clock(expiresAt)}, hvis du ikke bruger siden.`;
  $("session-renew").hidden = capped;
  $("session-warning").hidden = false;
}

export function hideWarning() {
  $("session-warning").hidden = true;
}

export function setupWarning() {
  $("session-renew").addEventListener("click", () => renew());
}
