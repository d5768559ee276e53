// The linked view: timeline, map, event card and quotes, members table and a spoken
// announcement, all showing one moment. Moments are precomputed (one per event), so
// stepping needs nothing from a kernel; the model holds which event and which map view.

import { hashFor, momentFromHash, withMoment } from "./address.js";
import { announcement } from "./announce.js";
import { Cards } from "./cards.js";
import { element, uniquePrefix } from "./dom.js";
import { Downloads } from "./downloads.js";
import { keyAction, stepIndex } from "./keys.js";
import { MapView } from "./map.js";
import { Player } from "./play.js";
import { MembersTable } from "./table.js";
import { Timeline } from "./timeline.js";

function toolbar(spec, model, labels) {
  const bar = element("div", "xpl-toolbar");
  const group = element("div", "xpl-views");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", labels.views || "Map view");
  const buttons = (spec.views || []).map((view) => {
    const button = element("button", "xpl-button", view.name);
    button.type = "button";
    button.dataset.view = view.id;
    button.addEventListener("click", () => {
      model.set("view", view.id);
      model.save_changes();
    });
    group.append(button);
    return button;
  });
  const play = element("button", "xpl-button xpl-play");
  play.type = "button";
  const pages = element("nav", "xpl-pages");
  pages.setAttribute("aria-label", labels.languages || "Languages");
  const links = (model.get("pages") || []).map((page) => {
    const a = element("a", "xpl-page-link", page.label);
    a.lang = a.hreflang = page.lang;
    a.dataset.href = a.href = page.href;
    pages.append(a);
    return a;
  });
  bar.append(group, play, pages);
  return { bar, buttons, play, links };
}

export class LinkedView {
  constructor(el, model, options = {}) {
    this.model = model;
    this.spec = model.get("spec") || {};
    this.events = this.spec.events || [];
    this.byId = new Map(this.events.map((event) => [event.id, event]));
    this.deepLinks = Boolean(options.deepLinks);
    const prefix = uniquePrefix();
    const labels = this.spec.labels || {};
    this.root = element("div", "xpl-view xpl-linked");
    this.root.lang = this.spec.lang || "en";
    this.tools = toolbar(this.spec, model, labels);
    this.timeline = new Timeline(this.events, labels, prefix, (id) => this.select(id));
    this.map = new MapView(this.spec, prefix, () => this.current());
    this.cards = new Cards(labels, prefix);
    this.table = new MembersTable(this.spec, prefix);
    this.downloads = new Downloads(this.spec, this.map, () => this.current());
    this.live = element("div", "xpl-sr-only");
    this.live.setAttribute("role", "status");
    this.live.setAttribute("aria-live", "polite");
    this.note = element("p", "xpl-note");
    this.note.setAttribute("role", "status");
    this.note.hidden = true;
    this.layout(el);
    this.player = new Player(this.tools.play, labels, () => model.get("interval_ms"), {
      atEnd: () => this.position() >= this.events.length - 1,
      restart: () => this.select(this.events[0].id),
      next: () => this.step("next"),
    });
    this.listen();
    this.open();
  }

  layout(el) {
    const side = element("div", "xpl-side");
    side.append(this.timeline.section, this.cards.section);
    const main = element("div", "xpl-main");
    main.append(this.map.section, this.downloads.section);
    const grid = element("div", "xpl-grid");
    grid.append(main, side);
    this.root.append(this.tools.bar, this.note, grid, this.table.section, this.live);
    el.append(this.root);
  }

  listen() {
    this.onSelected = () => this.show(!this.opening);
    this.onView = () => this.applyView();
    this.model.on("change:selected", this.onSelected);
    this.model.on("change:view", this.onView);
    this.timeline.list.addEventListener("keydown", (event) => {
      const action = keyAction(event);
      if (!action) return;
      event.preventDefault();
      this.step(action);
    });
    this.map.ready.then((gd) => {
      if (gd) this.root.dataset.ready = "true";
    });
  }

  // Opening: the moment the address names, else the model's, else the default.
  open() {
    this.opening = true;
    const wanted = this.deepLinks ? momentFromHash(location.hash) : "";
    if (wanted && this.byId.has(wanted)) {
      if (this.model.get("selected") !== wanted) this.select(wanted);
    } else {
      if (wanted) this.unknownMoment();
      if (!this.byId.has(this.model.get("selected"))) this.select(this.spec.default || this.events[0].id);
    }
    this.applyView();
    this.show(false);
    this.opening = false;
  }

  unknownMoment() {
    const fallback = this.byId.get(this.spec.default) || this.events[0];
    this.note.textContent = (this.spec.labels.unknown_moment || "").replace("{date}", fallback.date);
    this.note.hidden = false;
  }

  position() {
    return this.events.findIndex((event) => event.id === this.model.get("selected"));
  }

  current() {
    return this.byId.get(this.model.get("selected")) || this.byId.get(this.spec.default) || this.events[0];
  }

  select(id) {
    if (!this.byId.has(id)) return;
    this.model.set("selected", id);
    this.model.save_changes();
  }

  step(action) {
    const index = stepIndex(action, this.position(), this.events.length);
    if (index >= 0) this.select(this.events[index].id);
  }

  show(announce) {
    const moment = this.current();
    if (!moment) return;
    this.timeline.show(this.events.indexOf(moment));
    this.map.show(moment);
    this.cards.show(moment);
    this.table.show(moment);
    if (announce) this.live.textContent = announcement(moment);
    this.followAddress(moment);
  }

  // Links to the other languages keep the moment; so does the address, where the page
  // owns it (not inside JupyterLab).
  followAddress(moment) {
    this.tools.links.forEach((a) => (a.href = withMoment(a.dataset.href, moment.id)));
    if (!this.deepLinks) return;
    if (location.hash !== hashFor(moment.id)) history.replaceState(history.state, "", hashFor(moment.id));
    const targets = new Set(this.tools.links.map((a) => a.dataset.href));
    document.querySelectorAll("a[href]").forEach((a) => {
      const [path] = a.getAttribute("href").split("#");
      if (targets.has(path)) a.setAttribute("href", withMoment(path, moment.id));
    });
  }

  applyView() {
    const wanted = (this.spec.views || []).find((v) => v.id === this.model.get("view")) || (this.spec.views || [])[0];
    if (!wanted) return;
    this.tools.buttons.forEach((b) => b.setAttribute("aria-pressed", b.dataset.view === wanted.id ? "true" : "false"));
    this.map.setView(wanted.id);
  }

  dispose() {
    this.player.stop();
    this.model.off("change:selected", this.onSelected);
    this.model.off("change:view", this.onView);
    this.map.dispose();
    this.downloads.dispose();
  }
}
