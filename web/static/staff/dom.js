/* Small DOM helpers. Server text always goes in as text (textContent), never as HTML. */

export const $ = (id) => document.getElementById(id);

/* el("a", {href, text, className, onclick}, [children]): false/null attributes are left out. */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/* The status line under the header. Set after a tick so screen readers announce repeats too. */
export function say(text) {
  const box = $("staff-message");
  box.textContent = "";
  window.setTimeout(() => { box.textContent = text || ""; }, 50);
}

export const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

export const clock = (ms) =>
  new Date(ms).toLocaleTimeString("da-DK", { hour: "2-digit", minute: "2-digit" });

export function formatDate(value) {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const text = date.toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
  return /T/.test(String(value)) ? `${text} kl. ${clock(date)}` : text;
}
