/*
 * Chat widget for Jobcenter Randers' assistant.
 *
 * Embed with one tag (no inline script or style needed, works under
 * `script-src 'self'; style-src 'self'`):
 *
 *   <script src="/static/widget/chat-widget.js" defer
 *           data-bot-url="http://localhost:5005"
 *           data-title="Spørg Jobcenter Randers"
 *           data-primary-color="#00587c"
 *           data-lang="da"
 *           data-facts-url="https://facts.example"
 *           data-timeout-ms="10000"></script>
 *
 * data-facts-url defaults to the origin the script was loaded from; data-privacy-url to
 * "/privatliv".
 *
 * Talks to Rasa's REST channel (POST {botUrl}/webhooks/rest/webhook).
 * Bot text is only ever inserted as text nodes; URLs become anchors after
 * their scheme is checked. The conversation lives in sessionStorage.
 */
(function () {
  "use strict";

  var SCRIPT = document.currentScript ||
    document.querySelector('script[src*="chat-widget.js"]');
  if (!SCRIPT || window.__jobcenterChatWidget) { return; }
  window.__jobcenterChatWidget = true;

  var DEFAULT_TIMEOUT_MS = 10000;
  var MAX_LENGTH = 500;
  var URL_PATTERN = /https?:\/\/[^\s<>"'()]+/g;
  var TRAILING_PUNCTUATION = /[.,;:!?]+$/;

  var STRINGS = {
    da: {
      launcher: "Chat med os",
      close: "Luk chatten",
      newChat: "Ny samtale",
      notice: "Skriv ikke dit CPR-nummer eller oplysninger om dit helbred.",
      privacyLink: "Læs om privatliv",
      log: "Samtale",
      inputLabel: "Skriv dit spørgsmål",
      send: "Send",
      you: "Du skrev:",
      bot: "Assistenten skrev:",
      typing: "Assistenten skriver …",
      quickReplies: "Svarmuligheder",
      rateQuestion: "Hjalp svaret?",
      helpful: "Svaret hjalp",
      notHelpful: "Svaret hjalp ikke",
      thanks: "Tak for din vurdering.",
      rateFailed: "Vurderingen kunne ikke gemmes. Prøv igen senere.",
      unreachable: "Assistenten kan ikke svare lige nu. Prøv igen om lidt.",
      slow: "Assistenten svarer ikke lige nu – det tager for lang tid. Prøv igen om lidt.",
      empty: "Assistenten havde ikke noget svar. Prøv at skrive spørgsmålet på en anden måde.",
      routesFallback: "Du kan også kontakte Jobcenter Randers direkte.",
      retry: "Prøv igen",
      tooLong: "Skriv højst " + MAX_LENGTH + " tegn.",
      newTab: "(åbner i et nyt vindue)"
    },
    en: {
      launcher: "Chat with us",
      close: "Close the chat",
      newChat: "New conversation",
      notice: "Do not write your CPR number or details about your health.",
      privacyLink: "Read about privacy",
      log: "Conversation",
      inputLabel: "Write your question",
      send: "Send",
      you: "You wrote:",
      bot: "The assistant wrote:",
      typing: "The assistant is typing …",
      quickReplies: "Suggested replies",
      rateQuestion: "Did the answer help?",
      helpful: "The answer helped",
      notHelpful: "The answer did not help",
      thanks: "Thank you for your rating.",
      rateFailed: "The rating could not be saved. Please try again later.",
      unreachable: "The assistant cannot answer right now. Please try again shortly.",
      slow: "The assistant is not answering right now – it is taking too long. Please try again shortly.",
      empty: "The assistant had no answer. Try asking in a different way.",
      routesFallback: "You can also contact Jobcenter Randers directly.",
      retry: "Try again",
      tooLong: "Write at most " + MAX_LENGTH + " characters.",
      newTab: "(opens in a new window)"
    }
  };

  /* ---------- configuration ---------- */

  function readConfig(script) {
    var data = script.dataset;
    var scriptUrl = new URL(script.src, document.baseURI);
    var lang = (data.lang || "da").toLowerCase();
    return {
      botUrl: stripSlash(data.botUrl || "http://localhost:5005"),
      factsUrl: stripSlash(data.factsUrl || scriptUrl.origin),
      title: data.title || "Spørg Jobcenter Randers",
      primaryColor: data.primaryColor || "#00587c",
      lang: STRINGS[lang] ? lang : "da",
      privacyUrl: data.privacyUrl || "/privatliv",
      timeoutMs: parseInt(data.timeoutMs, 10) > 0 ? parseInt(data.timeoutMs, 10) : DEFAULT_TIMEOUT_MS,
      cssUrl: new URL("chat-widget.css", scriptUrl).href
    };
  }

  function stripSlash(url) { return String(url).replace(/\/+$/, ""); }

  /* ---------- colour contrast (WCAG relative luminance) ---------- */

  function parseHex(hex) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(hex).trim());
    if (!m) { return null; }
    var h = m[1].length === 3 ? m[1].replace(/(.)/g, "$1$1") : m[1];
    return [0, 2, 4].map(function (i) { return parseInt(h.substr(i, 2), 16); });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function toHex(rgb) {
    return "#" + rgb.map(function (v) {
      return ("0" + Math.round(v).toString(16)).slice(-2);
    }).join("");
  }

  /* Returns colours with >= 4.5:1 contrast for text on the primary colour,
     darkening the host's colour when white text would not be readable. */
  function accessiblePalette(hex) {
    var rgb = parseHex(hex) || parseHex("#00587c");
    var white = [255, 255, 255];
    var dark = [26, 26, 26];
    if (contrast(rgb, dark) >= 7 && contrast(rgb, white) < 4.5) {
      // Light brand colour: dark text on it, and a darkened variant for text on white.
      var deep = rgb.slice();
      while (contrast(deep, white) < 4.5) { deep = deep.map(function (v) { return v * 0.9; }); }
      return { primary: toHex(rgb), onPrimary: toHex(dark), accent: toHex(deep) };
    }
    while (contrast(rgb, white) < 4.5) { rgb = rgb.map(function (v) { return v * 0.9; }); }
    return { primary: toHex(rgb), onPrimary: "#ffffff", accent: toHex(rgb) };
  }

  /* ---------- conversation state (sessionStorage) ---------- */

  function storageKey(config) { return "jobcenter-chat:" + config.botUrl; }

  function newSenderId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function freshState() { return { senderId: newSenderId(), open: false, messages: [] }; }

  function loadState(config) {
    try {
      var raw = window.sessionStorage.getItem(storageKey(config));
      var state = raw ? JSON.parse(raw) : null;
      if (state && typeof state.senderId === "string" && Array.isArray(state.messages)) {
        return state;
      }
    } catch (e) { /* storage blocked or corrupt: start over */ }
    return freshState();
  }

  function saveState(config, state) {
    try {
      window.sessionStorage.setItem(storageKey(config), JSON.stringify(state));
    } catch (e) { /* storage full or blocked: the chat still works in this page */ }
  }

  /* ---------- DOM helpers ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  var ICONS = {
    chat: "M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z",
    thumb: "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79" +
      "-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5" +
      " 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z"
  };

  /* A decorative inline SVG icon (no emoji: not every system has an emoji font). */
  function icon(name, rotate) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "cw-icon");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICONS[name]);
    path.setAttribute("fill", "currentColor");
    if (rotate) { path.setAttribute("transform", "rotate(180 12 12)"); }
    svg.appendChild(path);
    return svg;
  }

  function safeHttpUrl(candidate) {
    try {
      var url = new URL(candidate);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /* Appends `text` to `parent` as text nodes, turning http(s) URLs into links. */
  function appendLinkified(parent, text, strings) {
    var value = String(text);
    var last = 0;
    value.replace(URL_PATTERN, function (match, offset) {
      var trimmed = match.replace(TRAILING_PUNCTUATION, "");
      var href = safeHttpUrl(trimmed);
      if (!href) { return match; }
      parent.appendChild(document.createTextNode(value.slice(last, offset)));
      var a = el("a", "cw-link", trimmed);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.appendChild(el("span", "cw-visually-hidden", " " + strings.newTab));
      parent.appendChild(a);
      last = offset + trimmed.length;
      return match;
    });
    parent.appendChild(document.createTextNode(value.slice(last)));
  }

  /* ---------- the widget ---------- */

  function Widget(config) {
    this.config = config;
    this.t = STRINGS[config.lang];
    this.state = loadState(config);
    this.pending = false;
    this.lastUserText = null;
    this.humanRoutes = null;
  }

  Widget.prototype.mount = function () {
    var t = this.t, self = this;
    var root = el("div", "cw-root");
    root.lang = this.config.lang;
    var palette = accessiblePalette(this.config.primaryColor);
    root.style.setProperty("--cw-primary", palette.primary);
    root.style.setProperty("--cw-on-primary", palette.onPrimary);
    root.style.setProperty("--cw-accent", palette.accent);

    var launcher = el("button", "cw-launcher");
    launcher.type = "button";
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "cw-dialog");
    launcher.appendChild(icon("chat"));
    launcher.appendChild(el("span", "cw-launcher-text", t.launcher));

    var dialog = el("div", "cw-dialog");
    dialog.id = "cw-dialog";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "false");
    dialog.setAttribute("aria-labelledby", "cw-title");
    dialog.hidden = true;

    var header = el("div", "cw-header");
    var title = el("h2", "cw-title", this.config.title);
    title.id = "cw-title";
    var reset = el("button", "cw-header-button cw-reset", t.newChat);
    reset.type = "button";
    var close = el("button", "cw-header-button cw-close");
    close.type = "button";
    close.setAttribute("aria-label", t.close);
    close.appendChild(el("span", null, "×")).setAttribute("aria-hidden", "true");
    header.appendChild(title);
    header.appendChild(reset);
    header.appendChild(close);

    var notice = el("p", "cw-notice", t.notice + " ");
    var privacy = el("a", "cw-link", t.privacyLink);
    privacy.href = this.config.privacyUrl;
    notice.appendChild(privacy);

    var log = el("div", "cw-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-relevant", "additions");
    log.setAttribute("aria-label", t.log);
    log.tabIndex = 0;

    var typing = el("div", "cw-typing");
    typing.setAttribute("role", "status");
    typing.hidden = true;
    var dots = el("span", "cw-dots");
    dots.setAttribute("aria-hidden", "true");
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    typing.appendChild(dots);
    typing.appendChild(el("span", "cw-typing-text", t.typing));

    var form = el("form", "cw-form");
    form.noValidate = true;
    var label = el("label", "cw-visually-hidden", t.inputLabel);
    label.htmlFor = "cw-input";
    var input = el("input", "cw-input");
    input.id = "cw-input";
    input.type = "text";
    input.autocomplete = "off";
    input.maxLength = MAX_LENGTH;
    input.placeholder = t.inputLabel;
    var send = el("button", "cw-send", t.send);
    send.type = "submit";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);

    dialog.appendChild(header);
    dialog.appendChild(notice);
    dialog.appendChild(log);
    dialog.appendChild(typing);
    dialog.appendChild(form);
    root.appendChild(dialog);
    root.appendChild(launcher);

    this.nodes = {
      root: root, launcher: launcher, dialog: dialog, log: log,
      typing: typing, form: form, input: input, send: send
    };

    launcher.addEventListener("click", function () {
      if (self.state.open) { self.close(); } else { self.open(true); }
    });
    close.addEventListener("click", function () { self.close(); });
    reset.addEventListener("click", function () { self.reset(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") {
        event.preventDefault();
        self.close();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submitInput();
    });

    document.body.appendChild(root);
    this.renderAll();
    if (this.state.open) { this.open(false); }
  };

  Widget.prototype.open = function (moveFocus) {
    this.state.open = true;
    saveState(this.config, this.state);
    this.nodes.dialog.hidden = false;
    this.nodes.root.classList.add("cw-is-open");
    this.nodes.launcher.setAttribute("aria-expanded", "true");
    this.scrollToEnd();
    if (moveFocus) { this.nodes.input.focus(); }
  };

  Widget.prototype.close = function () {
    this.state.open = false;
    saveState(this.config, this.state);
    this.nodes.dialog.hidden = true;
    this.nodes.root.classList.remove("cw-is-open");
    this.nodes.launcher.setAttribute("aria-expanded", "false");
    this.nodes.launcher.focus();
  };

  /* "Ny samtale" deletes the conversation on the server too. Only this browser knows the id it
     chatted with, so only it can ask (the server stores a keyed hash of the id). */
  Widget.prototype.reset = function () {
    if (this.state.messages.length) {
      fetch(this.config.botUrl + "/webhooks/rest/forget", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: this.state.senderId }),
        credentials: "omit",
        keepalive: true
      }).catch(function () { /* the purge deletes it after the retention period anyway */ });
    }
    this.state = freshState();
    this.state.open = true;
    saveState(this.config, this.state);
    this.lastUserText = null;
    this.renderAll();
    this.nodes.input.value = "";
    this.nodes.input.focus();
  };

  /* ---------- rendering ---------- */

  Widget.prototype.renderAll = function () {
    var log = this.nodes.log;
    while (log.firstChild) { log.removeChild(log.firstChild); }
    var last = this.state.messages.length - 1;
    for (var i = 0; i <= last; i++) {
      log.appendChild(this.renderMessage(this.state.messages[i], i === last));
    }
  };

  Widget.prototype.renderMessage = function (message, isLast) {
    var t = this.t;
    var item = el("div", "cw-msg cw-msg--" + message.from);
    if (message.from === "user" || message.from === "bot") {
      item.appendChild(el("span", "cw-visually-hidden", message.from === "user" ? t.you : t.bot));
    }
    var bubble = el("p", "cw-bubble");
    appendLinkified(bubble, message.text || "", t);
    item.appendChild(bubble);

    if (message.from === "bot" && message.buttons && message.buttons.length && isLast) {
      item.appendChild(this.renderQuickReplies(message.buttons));
    }
    if (message.from === "bot" && message.custom && message.custom.answer_id) {
      item.appendChild(this.renderRating(message));
    }
    if (message.from === "system" && message.retry && isLast && this.lastUserText) {
      item.appendChild(this.renderRetry());
    }
    return item;
  };

  Widget.prototype.renderQuickReplies = function (buttons) {
    var self = this;
    var group = el("div", "cw-quick");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", this.t.quickReplies);
    buttons.forEach(function (button) {
      if (!button || typeof button.title !== "string") { return; }
      var b = el("button", "cw-quick-button", button.title);
      b.type = "button";
      b.addEventListener("click", function () {
        self.sendMessage(button.payload || button.title, button.title);
      });
      group.appendChild(b);
    });
    return group;
  };

  Widget.prototype.renderRating = function (message) {
    var t = this.t, self = this;
    var box = el("div", "cw-rating");
    var question = el("span", "cw-rating-question", t.rateQuestion);
    box.appendChild(question);
    var feedback = el("span", "cw-rating-feedback");
    feedback.setAttribute("role", "status");
    [[true, false, t.helpful], [false, true, t.notHelpful]].forEach(function (spec) {
      var b = el("button", "cw-rate-button");
      b.appendChild(icon("thumb", spec[1]));
      b.type = "button";
      b.setAttribute("aria-label", spec[2]);
      b.setAttribute("aria-pressed", message.rating === spec[0] ? "true" : "false");
      if (message.rating !== undefined && message.rating !== null) {
        b.setAttribute("aria-disabled", "true");
      }
      b.addEventListener("click", function () { self.rate(message, spec[0], box, feedback); });
      box.appendChild(b);
    });
    if (message.rating !== undefined && message.rating !== null) { feedback.textContent = t.thanks; }
    box.appendChild(feedback);
    return box;
  };

  Widget.prototype.renderRetry = function () {
    var self = this;
    var b = el("button", "cw-retry", this.t.retry);
    b.type = "button";
    b.addEventListener("click", function () {
      if (self.lastUserText) { self.sendMessage(self.lastUserText, null); }
    });
    return b;
  };

  Widget.prototype.appendMessage = function (message) {
    this.state.messages.push(message);
    saveState(this.config, this.state);
    // Drop controls that only belong to the newest message (quick replies, retry).
    var stale = this.nodes.log.querySelectorAll(".cw-quick, .cw-retry");
    for (var i = 0; i < stale.length; i++) { stale[i].parentNode.removeChild(stale[i]); }
    this.nodes.log.appendChild(this.renderMessage(message, true));
    this.scrollToEnd();
  };

  Widget.prototype.scrollToEnd = function () {
    this.nodes.log.scrollTop = this.nodes.log.scrollHeight;
  };

  Widget.prototype.setPending = function (pending) {
    this.pending = pending;
    this.nodes.typing.hidden = !pending;
    this.nodes.send.setAttribute("aria-disabled", pending ? "true" : "false");
  };

  /* ---------- talking to Rasa ---------- */

  Widget.prototype.submitInput = function () {
    var text = this.nodes.input.value.trim();
    if (!text || this.pending) { return; }
    if (text.length > MAX_LENGTH) {
      this.appendMessage({ from: "system", text: this.t.tooLong });
      return;
    }
    this.nodes.input.value = "";
    this.sendMessage(text, text);
  };

  /* `message` goes to Rasa; `shown` (if not null) is displayed as the user's bubble. */
  Widget.prototype.sendMessage = function (message, shown) {
    var self = this;
    if (this.pending) { return; }
    if (shown !== null) { this.appendMessage({ from: "user", text: shown }); }
    this.lastUserText = message;
    this.setPending(true);
    this.nodes.input.focus();

    var controller = new AbortController();
    var timedOut = false;
    var timer = window.setTimeout(function () {
      timedOut = true;
      controller.abort();
    }, this.config.timeoutMs);

    fetch(this.config.botUrl + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: this.state.senderId, message: message }),
      signal: controller.signal,
      credentials: "omit"
    }).then(function (response) {
      // 413 (too long) and 429 (too fast) carry a short reply in the bot's own format.
      if (!response.ok && response.status !== 413 && response.status !== 429) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    }).then(function (items) {
      window.clearTimeout(timer);
      self.setPending(false);
      self.showBotItems(Array.isArray(items) ? items : []);
    }).catch(function () {
      window.clearTimeout(timer);
      self.setPending(false);
      self.showFailure(timedOut ? self.t.slow : self.t.unreachable);
    });
  };

  Widget.prototype.showBotItems = function (items) {
    var shown = 0, lastBot = null;
    for (var i = 0; i < items.length; i++) {
      var item = items[i] || {};
      if (typeof item.text === "string" && item.text) {
        lastBot = { from: "bot", text: item.text };
        if (Array.isArray(item.buttons)) { lastBot.buttons = cleanButtons(item.buttons); }
        this.appendMessage(lastBot);
        shown++;
      } else if (item.custom && typeof item.custom === "object" && lastBot) {
        this.attachCustom(lastBot, item.custom);
      } else if (Array.isArray(item.buttons) && lastBot) {
        lastBot.buttons = cleanButtons(item.buttons);
        saveState(this.config, this.state);
        this.nodeFor(lastBot).appendChild(this.renderQuickReplies(lastBot.buttons));
      }
    }
    if (!shown) { this.appendMessage({ from: "system", text: this.t.empty }); }
  };

  function cleanButtons(buttons) {
    return buttons.filter(function (b) { return b && typeof b.title === "string"; })
      .map(function (b) {
        return { title: b.title, payload: typeof b.payload === "string" ? b.payload : b.title };
      });
  }

  Widget.prototype.attachCustom = function (message, custom) {
    if (typeof custom.answer_id !== "string" || !custom.answer_id) { return; }
    message.custom = {
      answer_id: custom.answer_id,
      intent: typeof custom.intent === "string" ? custom.intent : null
    };
    saveState(this.config, this.state);
    this.nodeFor(message).appendChild(this.renderRating(message));
  };

  /* The rendered element of a stored message (the log mirrors state.messages). */
  Widget.prototype.nodeFor = function (message) {
    return this.nodes.log.children[this.state.messages.indexOf(message)];
  };

  Widget.prototype.showFailure = function (reason) {
    var self = this;
    this.fetchHumanRoutes().then(function (routes) {
      self.appendMessage({
        from: "system",
        text: reason + "\n\n" + (routes || self.t.routesFallback),
        retry: true
      });
    });
  };

  Widget.prototype.fetchHumanRoutes = function () {
    var self = this;
    if (this.humanRoutes) { return Promise.resolve(this.humanRoutes); }
    return fetch(this.config.factsUrl + "/api/texts/human_routes", { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (record) {
        var body = record && typeof record.body === "string" ? record.body : null;
        self.humanRoutes = body;
        return body;
      })
      .catch(function () { return null; });
  };

  /* ---------- ratings ---------- */

  Widget.prototype.rate = function (message, helpful, box, feedback) {
    var self = this;
    if (message.rating !== undefined && message.rating !== null) { return; }
    message.rating = helpful;
    saveState(this.config, this.state);
    var buttons = box.querySelectorAll(".cw-rate-button");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-disabled", "true");
      buttons[i].setAttribute("aria-pressed", (i === 0) === helpful ? "true" : "false");
    }
    fetch(this.config.factsUrl + "/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "omit",
      body: JSON.stringify({
        answer_id: message.custom.answer_id,
        intent: message.custom.intent,
        helpful: helpful
      })
    }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      feedback.textContent = self.t.thanks;
    }).catch(function () {
      message.rating = null;
      saveState(self.config, self.state);
      for (var j = 0; j < buttons.length; j++) {
        buttons[j].removeAttribute("aria-disabled");
        buttons[j].setAttribute("aria-pressed", "false");
      }
      feedback.textContent = self.t.rateFailed;
    });
  };

  /* ---------- start ---------- */

  function start() {
    var config = readConfig(SCRIPT);
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = config.cssUrl;
    document.head.appendChild(link);
    var widget = new Widget(config);
    widget.mount();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
