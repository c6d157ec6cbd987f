/* Unsaved changes are kept as drafts in sessionStorage (this tab only) until they are saved
 * or discarded on purpose: across a lost session, a reload or a trip to another page. */

const PREFIX = "jobcenter-staff-draft:";
const keyOf = (kind, id) => `${PREFIX}${kind}/${id ?? "ny"}`;

/* {version, body, at} or null */
export function loadDraft(kind, id) {
  try {
    return JSON.parse(window.sessionStorage.getItem(keyOf(kind, id)) || "null");
  } catch {
    return null;
  }
}

export function keepDraft(kind, id, version, body) {
  window.sessionStorage.setItem(keyOf(kind, id), JSON.stringify({ version, body, at: Date.now() }));
}

export const dropDraft = (kind, id) => window.sessionStorage.removeItem(keyOf(kind, id));

export const draftKeys = () =>
  Object.keys(window.sessionStorage).filter((key) => key.startsWith(PREFIX));

export const dropAllDrafts = () =>
  draftKeys().forEach((key) => window.sessionStorage.removeItem(key));
