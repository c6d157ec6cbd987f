/* Calls to the facts service with the staff token. A 401 (or a token whose time is up)
 * expires the session and rejects with SessionEnded; main.js decides what the page does. */

import { say } from "./dom.js";
import { expire, isLive, session } from "./session.js";

export class SessionEnded extends Error {}

const GONE = "Din session er udløbet eller ugyldig.";

/* Resolves {status, ok, data}; `version` is sent as If-Match. */
export async function request(method, path, { body, version } = {}) {
  if (!isLive()) {
    expire(GONE);
    throw new SessionEnded();
  }
  const headers = { Accept: "application/json", Authorization: `Bearer ${session().token}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (version !== undefined && version !== null) headers["If-Match"] = `"${version}"`;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "omit",
    cache: "no-store",
  });
  if (response.status === 401) {
    expire(GONE);
    throw new SessionEnded();
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  return { status: response.status, ok: response.ok, data };
}

export function problem(result) {
  if (typeof result.data?.detail === "string") return result.data.detail;
  if (result.status === 403) return "Du har ikke rettighed til at gøre dette.";
  if (result.status === 404) return "Posten findes ikke.";
  return `Der skete en fejl (HTTP ${result.status}). Prøv igen.`;
}

/* For catch: a lost session is dealt with in main.js; anything else is said in `box` (or the
 * status line): the service's own message, or that it does not answer. */
export function failed(error, box) {
  if (error instanceof SessionEnded) return;
  const text = error instanceof TypeError ?
    "Tjenesten svarer ikke. Tjek forbindelsen og prøv igen." : error.message;
  if (box) box.textContent = text;
  else say(text);
}

export async function read(path) {
  const result = await request("GET", path);
  if (!result.ok) throw new Error(problem(result));
  return result.data;
}

export const recordPath = (kind, id) => `/api/staff/${kind}/${encodeURIComponent(id)}`;
export const listRecords = (kind) => read(`/api/staff/${kind}`);
export const getRecord = (kind, id) => read(recordPath(kind, id));
