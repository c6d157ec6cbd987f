/*
 * The staff session: a bearer token in sessionStorage (never a cookie, so requests cannot be
 * forged cross-site). The token slides: while the editor is in use (keys, pointer, input) it
 * is renewed once half its lifetime has passed (POST /api/auth/renew), up to the service's
 * hard maximum. Before it runs out the page is warned; when it has run out, `expired` is called.
 */

const KEY = "jobcenter-staff-session";
const WARN_SECONDS = 120;
let current = null; // {token, username, expiresAt (ms), lifetime (s), capped}
let timers = [];
let renewing = null;
let events = { warn() {}, renewed() {}, expired() {} };

export const session = () => current;
export const isLive = () => Boolean(current && current.token && current.expiresAt > Date.now());

/* warn(expiresAt, capped), renewed(), expired(reason): set once by main.js. */
export function onSessionEvents(handlers) { events = handlers; }

export function startSession(data, username) {
  current = { username, lifetime: data.expires_in, capped: false };
  extend(data);
}

function extend(data) {
  current.token = data.access_token;
  current.expiresAt = Date.now() + data.expires_in * 1000;
  current.capped = data.expires_in < current.lifetime - 5; // the hard maximum is near
  window.sessionStorage.setItem(KEY, JSON.stringify(current));
  arm();
}

export function restoreSession() {
  try {
    current = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
  } catch {
    current = null;
  }
  if (isLive()) {
    arm();
    return true;
  }
  endSession();
  return false;
}

export function endSession() {
  current = null;
  disarm();
  window.sessionStorage.removeItem(KEY);
}

/* The token is no longer good (its time ran out, or the service said 401). */
export function expire(reason) {
  if (!current) return;
  disarm();
  current.token = null;
  events.expired(reason);
}

function disarm() {
  timers.forEach((timer) => window.clearTimeout(timer));
  timers = [];
}

function arm() {
  disarm();
  const left = current.expiresAt - Date.now();
  const warnBefore = Math.min(WARN_SECONDS, current.lifetime / 3) * 1000;
  timers = [
    window.setTimeout(() => events.warn(current.expiresAt, current.capped), left - warnBefore),
    window.setTimeout(() => expire("Din session er udløbet."), Math.min(left, 2147483000)),
  ];
  events.renewed();
}

export function renew() {
  if (!isLive()) return Promise.resolve(false);
  renewing = renewing || fetch("/api/auth/renew", {
    method: "POST",
    headers: { Accept: "application/json", Authorization: `Bearer ${current.token}` },
    credentials: "omit",
  }).then((response) => (response.ok ? response.json() : null))
    .then((data) => { if (data && isLive()) extend(data); return Boolean(data); })
    .catch(() => false)
    .finally(() => { renewing = null; });
  return renewing;
}

/* Use of the page renews the token once half its lifetime has passed. */
export function renewWhileInUse() {
  const onActivity = () => {
    if (isLive() && current.expiresAt - Date.now() < (current.lifetime * 1000) / 2) renew();
  };
  for (const type of ["keydown", "pointerdown", "input"]) {
    document.addEventListener(type, onActivity, { capture: true, passive: true });
  }
}
