/* "Prøv chatten": asks Rasa with a throwaway sender id and shows the answer as text. */

import { $, el } from "./dom.js";

function previewSender() {
  const bytes = window.crypto.getRandomValues(new Uint8Array(8));
  return `staff-preview-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export function setupPreview(botUrl) {
  const output = $("preview-output");
  $("preview-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = $("preview-input").value.trim();
    if (!question) return;
    output.replaceChildren(el("p", { className: "hint", text: "Chatten tænker …" }));
    try {
      const response = await fetch(`${botUrl}/webhooks/rest/webhook`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: previewSender(), message: question }),
        signal: AbortSignal.timeout(15000),
        credentials: "omit",
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const items = await response.json();
      renderPreview(output, question, Array.isArray(items) ? items : []);
    } catch {
      output.replaceChildren(el("p", { className: "error-text",
        text: "Chatten svarer ikke lige nu. Prøv igen om lidt." }));
    }
  });
}

function renderPreview(output, question, items) {
  const texts = items.filter((item) => typeof item?.text === "string");
  output.replaceChildren(...[
    el("p", { className: "preview-question" }, [el("strong", { text: "Spørgsmål: " }), question]),
    texts.length ? null : el("p", { text: "Chatten gav intet svar." }),
    ...texts.flatMap((item) => [
      el("p", { className: "preview-answer pre", text: item.text }),
      item.buttons?.length ? el("p", { className: "hint",
        text: `Knapper: ${item.buttons.map((b) => b.title).join(", ")}` }) : null,
    ]),
  ].filter(Boolean));
}
