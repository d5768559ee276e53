// The presenter's notes, in a second window (N): the current and the next step, their
// notes, a clock and the time since the notes opened. The two windows follow each
// other: a step in either moves both. The notes window is built from this page (an
// about:blank window shares its origin), so it works from file:// as over http.

import { element } from "./dom.js";
import { keyAction } from "./keys.js";

function copyStyles(from, to) {
  from.querySelectorAll('style, link[rel="stylesheet"]').forEach((node) => to.head.append(to.importNode(node, true)));
}

function clock(locale) {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
}

function elapsed(ms) {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

// One step in the notes window: its date, title and notes.
function stepBlock(doc, heading, moment, labels) {
  const block = doc.createElement("section");
  block.className = "xpl-notes-step";
  const h = doc.createElement("h2");
  h.textContent = heading;
  block.append(h);
  if (!moment) {
    const p = doc.createElement("p");
    p.textContent = labels.notes_end;
    block.append(p);
    return block;
  }
  const date = doc.createElement("p");
  date.className = "xpl-detail-date";
  date.textContent = moment.date;
  const title = doc.createElement("h3");
  title.textContent = moment.title;
  const notes = doc.createElement("p");
  notes.className = "xpl-notes-text";
  notes.textContent = moment.notes || labels.notes_none;
  block.append(date, title, notes);
  return block;
}

export class NotesWindow {
  constructor(view, labels, lang, locale, name) {
    this.view = view; // { current(), next(), act(action) }
    this.labels = labels;
    this.lang = lang;
    this.locale = locale;
    this.name = name;
    this.win = null;
    this.timer = null;
  }

  get open() {
    return Boolean(this.win && !this.win.closed);
  }

  show() {
    if (!this.open) return;
    const doc = this.win.document;
    doc.querySelector(".xpl-notes-now").replaceChildren(stepBlock(doc, this.labels.notes_now, this.view.current(), this.labels));
    doc.querySelector(".xpl-notes-next").replaceChildren(stepBlock(doc, this.labels.notes_next, this.view.next(), this.labels));
    doc.body.dataset.moment = this.view.current().id;
  }

  openWindow() {
    if (this.open) {
      this.win.focus();
      return true;
    }
    this.win = window.open("", this.name, "popup,width=960,height=640");
    if (!this.win) return false;
    this.build();
    this.show();
    return true;
  }

  build() {
    const doc = this.win.document;
    doc.documentElement.lang = this.lang;
    doc.title = this.labels.notes_title;
    doc.head.replaceChildren();
    doc.body.replaceChildren();
    copyStyles(document, doc);
    doc.body.className = "xpl-page xpl-notes";
    const top = doc.importNode(element("header", "xpl-notes-bar"), true);
    const main = doc.importNode(element("main", "xpl-notes-main"), true);
    main.append(doc.importNode(element("div", "xpl-notes-now"), true), doc.importNode(element("div", "xpl-notes-next"), true));
    top.append(doc.importNode(element("h1", "", this.labels.notes_title), true), this.stepButtons(doc));
    top.append(doc.importNode(element("p", "xpl-notes-clock"), true));
    doc.body.append(top, main);
    doc.addEventListener("keydown", (event) => this.onKey(event));
    this.tick(Date.now());
    this.win.addEventListener("pagehide", () => this.stopClock());
  }

  stepButtons(doc) {
    const nav = doc.createElement("nav");
    nav.className = "xpl-notes-steps";
    [["previous", "◀", this.labels.previous_step], ["next", "▶", this.labels.next_step]].forEach(([action, sign, label]) => {
      const button = doc.createElement("button");
      button.type = "button";
      button.className = "xpl-button";
      button.textContent = `${sign} ${label}`;
      button.addEventListener("click", () => this.view.act(action));
      nav.append(button);
    });
    return nav;
  }

  onKey(event) {
    const action = keyAction(event);
    if (!action || action === "notes") return;
    event.preventDefault();
    this.view.act(action);
  }

  tick(started) {
    const format = clock(this.locale);
    const update = () => {
      if (!this.open) return this.stopClock();
      const text = `${format.format(new Date())} · ${this.labels.notes_elapsed.replace("{time}", elapsed(Date.now() - started))}`;
      this.win.document.querySelector(".xpl-notes-clock").textContent = text;
      return null;
    };
    this.stopClock();
    update();
    this.timer = setInterval(update, 1000);
  }

  stopClock() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  dispose() {
    this.stopClock();
    if (this.open) this.win.close();
  }
}

export { elapsed };
