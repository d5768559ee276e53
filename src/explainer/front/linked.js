// The linked view: timeline, map, event card and quotes, members table and a spoken
// announcement, all showing one moment. Moments are precomputed (one per event), so
// stepping needs nothing from a kernel; the model holds which event and which map view.
// For a talk: a stage (F), clicker keys, a blank screen (B) and notes in a second
// window (N); on a page that owns its address, the address follows the view.

import { formatHash, historyMode, parseHash, withHash } from "./address.js";
import { announcement } from "./announce.js";
import { Cards } from "./cards.js";
import { toolbar } from "./controls.js";
import { element, uniquePrefix } from "./dom.js";
import { Downloads } from "./downloads.js";
import { EmbedPanel, publishedUrl, reportHeight, snippet } from "./embed.js";
import { Handout } from "./handout.js";
import { isStep, keyAction, stepIndex } from "./keys.js";
import { MapView } from "./map.js";
import { NotesWindow } from "./notes.js";
import { Player } from "./play.js";
import { Search } from "./search.js";
import { Stage } from "./stage.js";
import { StepBar, swipeToStep } from "./stepbar.js";
import { MembersTable } from "./table.js";
import { Timeline } from "./timeline.js";
import { TimeScale, dayNumber, isoDay, periodOn } from "./timescale.js";

export class LinkedView {
  constructor(el, model, options = {}) {
    this.model = model;
    this.spec = model.get("spec") || {};
    this.events = this.spec.events || [];
    this.byId = new Map(this.events.map((event) => [event.id, event]));
    this.deepLinks = Boolean(options.deepLinks);
    this.published = options.published || "";
    this.prefix = uniquePrefix();
    this.how = "open"; // how the next change of moment came about (history)
    this.build(el);
    this.listen();
    this.open();
  }

  build(el) {
    const labels = this.spec.labels || {};
    this.root = element("div", "xpl-view xpl-linked");
    this.root.lang = this.spec.lang || "en";
    this.tools = toolbar(this.spec, this.model.get("pages"), {
      view: (id) => this.setView(id),
      stage: () => this.act("stage"),
      notes: () => this.act("notes"),
      handout: () => this.handout.print(),
      embed: () => this.toggleEmbed(),
    });
    this.timeline = new Timeline(this.events, labels, this.prefix, (id) => this.choose(id));
    this.map = new MapView(this.spec, this.prefix, () => this.current());
    this.cards = new Cards(labels, this.prefix);
    this.table = new MembersTable(this.spec, this.prefix);
    this.downloads = new Downloads(this.spec, this.map, () => this.current());
    this.stepbar = new StepBar(labels, (action) => this.act(action));
    this.embedPanel = new EmbedPanel(labels);
    this.handout = new Handout(this.spec);
    this.search = new Search(this.spec, this.prefix, (index) => this.find(index));
    this.found = -1;
    this.scrubDay = null; // a day chosen on the time scale, between events
    this.timescale = new TimeScale(this.spec, this.prefix, {
      choose: (id) => this.choose(id),
      scrub: (day) => this.scrub(day),
    });
    this.live = element("div", "xpl-sr-only");
    this.live.setAttribute("role", "status");
    this.live.setAttribute("aria-live", "polite");
    this.note = element("p", "xpl-note");
    this.note.setAttribute("role", "status");
    this.note.hidden = true;
    this.layout(el);
    this.stage = new Stage(this.root, labels, (on) => this.staged(on));
    const locale = this.spec.locale || this.root.lang;
    this.notes = new NotesWindow(this.notesSide(), labels, this.root.lang, locale, `${this.prefix}-notes`);
    this.player = new Player(this.tools.play, labels, () => this.model.get("interval_ms"), {
      atEnd: () => this.position() >= this.events.length - 1,
      restart: () => this.select(this.events[0].id, "step"),
      next: () => this.select(this.events[Math.min(this.position() + 1, this.events.length - 1)].id, "step"),
    });
  }

  layout(el) {
    const side = element("div", "xpl-side");
    side.append(this.search.section, this.timeline.section, this.cards.section);
    const main = element("div", "xpl-main");
    this.map.parts.pinned.append(this.stepbar.section);
    main.append(this.map.section, this.timescale.section, this.downloads.section);
    this.timeline.section.prepend(this.timeScaleButton());
    const grid = element("div", "xpl-grid");
    grid.append(main, side);
    this.root.append(this.tools.bar, this.embedPanel.section, this.note, grid, this.table.section, this.live);
    el.append(this.root);
  }

  timeScaleButton() {
    const button = element("button", "xpl-button xpl-timescale-button", this.spec.labels.time_scale);
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    button.setAttribute("aria-controls", this.timescale.section.id);
    button.addEventListener("click", () => {
      button.setAttribute("aria-pressed", this.timescale.toggle() ? "true" : "false");
    });
    return button;
  }

  // A country found with the search (-1: none): outlined on the map, described in its card.
  find(index) {
    this.found = index;
    this.map.setFound(index);
    this.search.show(index, this.current(), this.spec);
  }

  // A day between events: the map shows its membership; the card, the last event before.
  scrub(day) {
    const events = this.events.filter((e) => dayNumber(e.first_day) <= day);
    const event = events[events.length - 1] || this.events[0];
    this.scrubDay = day;
    this.select(event.id, "scrub");
    if (event.id === this.model.get("selected")) this.show(false);
  }

  // What the notes window sees of this view, and how it steps it.
  notesSide() {
    return {
      current: () => this.current(),
      next: () => this.events[this.position() + 1] || null,
      act: (action) => this.act(action),
    };
  }

  listen() {
    this.onSelected = () => this.show(!this.opening);
    this.onView = () => this.applyView();
    this.model.on("change:selected", this.onSelected);
    this.model.on("change:view", this.onView);
    this.root.addEventListener("keydown", (event) => this.onKey(event, true));
    swipeToStep(this.map.parts.box, (action) => this.act(action));
    this.map.ready.then((gd) => {
      if (gd) this.root.dataset.ready = "true";
    });
    if (!this.deepLinks) return;
    // A page of our own: its keys reach the view from anywhere on the page, and the
    // address (edited, Back, Forward) moves the view.
    this.onPageKey = (event) => this.onKey(event, false);
    this.onAddress = () => this.followHash();
    document.addEventListener("keydown", this.onPageKey);
    window.addEventListener("hashchange", this.onAddress);
    window.addEventListener("popstate", this.onAddress);
  }

  // Keys inside the view do everything; on the rest of the page, only the stage, the
  // notes, and (on the stage) every key: a clicker's focus is anywhere.
  onKey(event, inside) {
    if (!inside && this.root.contains(event.target)) return;
    const action = keyAction(event);
    if (!action) return;
    const everywhere = this.stage.active || this.embedded; // a clicker's focus is anywhere
    if (!inside && !everywhere && !["stage", "notes"].includes(action)) return;
    if (action === "leave" && !this.stage.active && !this.stage.blanked) return;
    event.preventDefault();
    this.act(action);
  }

  act(action) {
    if (isStep(action)) {
      this.player.stop();
      this.stage.blank(false);
      this.step(action);
    } else if (action === "stage") this.stage.toggle();
    else if (action === "leave" && this.stage.blanked) this.stage.blank(false);
    else if (action === "leave") this.stage.leave();
    else if (action === "blank") this.stage.blank();
    else if (action === "notes") this.openNotes();
  }

  openNotes() {
    if (!this.notes.openWindow()) {
      this.note.textContent = this.spec.labels.notes_blocked;
      this.note.hidden = false;
    }
  }

  staged(on) {
    this.map.setStage(on);
    this.tools.stage.setAttribute("aria-pressed", on ? "true" : "false");
    this.tools.stage.textContent = on ? this.spec.labels.stage_leave : this.spec.labels.stage;
    if (on) this.timeline.list.focus({ preventScroll: true });
  }

  // Opening: the moment (and view) the address names, else the model's, else the default.
  open() {
    this.opening = true;
    const wanted = this.deepLinks ? parseHash(location.hash) : parseHash("");
    this.modes(wanted);
    if (wanted.event && this.byId.has(wanted.event)) {
      if (this.model.get("selected") !== wanted.event) this.select(wanted.event, "open");
      // An address that names a moment (a presenter's bookmark) opens on the view, not
      // on the story's first lines above it.
      if (this.deepLinks && !wanted.embed && this.root.scrollIntoView) this.root.scrollIntoView({ block: "start" });
    } else {
      // An address may name a part of the page (a heading) rather than an event.
      if (wanted.event && !document.getElementById(wanted.event)) this.unknownMoment();
      if (!this.byId.has(this.model.get("selected"))) this.select(this.spec.default || this.events[0].id, "open");
    }
    if (wanted.view && this.viewById(wanted.view)) this.setView(wanted.view, "open");
    this.applyView();
    this.show(false);
    this.opening = false;
  }

  // An embedded view (compact, telling its host its height) or the handout, as the
  // address asks.
  modes(wanted) {
    this.embedded = wanted.embed;
    if (wanted.embed) {
      document.documentElement.classList.add("xpl-embed");
      const whole = element("a", "xpl-embed-open", this.spec.labels.embed_open);
      whole.href = location.href.replace(/&embed\b/, "");
      whole.target = "_blank";
      whole.rel = "noopener";
      this.tools.bar.append(whole);
      this.stopReporting = reportHeight();
    }
    if (wanted.handout) {
      document.documentElement.classList.add("xpl-handout-mode");
      if (wanted.paper) {
        const sheet = element("style", "", `@page { size: ${wanted.paper === "a4" ? "A4" : "letter"}; }`);
        document.head.append(sheet);
      }
      this.handout.build();
    }
  }

  toggleEmbed() {
    const open = this.embedPanel.section.hidden;
    this.tools.embed.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) return this.embedPanel.hide();
    const views = this.spec.views || [];
    const hash = formatHash(this.current().id, this.model.get("view"), views.length ? views[0].id : "");
    const url = publishedUrl(location, this.spec.lang, this.published);
    return this.embedPanel.show(snippet(url, hash, this.spec.title || document.title));
  }

  unknownMoment() {
    const fallback = this.byId.get(this.spec.default) || this.events[0];
    this.note.textContent = (this.spec.labels.unknown_moment || "").replace("{date}", fallback.date);
    this.note.hidden = false;
  }

  followHash() {
    const wanted = parseHash(location.hash);
    if (this.byId.has(wanted.event) && wanted.event !== this.model.get("selected")) this.select(wanted.event, "address");
    const view = this.viewById(wanted.view) ? wanted.view : (this.spec.views || [])[0].id;
    if (view !== this.model.get("view")) this.setView(view, "address");
  }

  position() {
    return this.events.findIndex((event) => event.id === this.model.get("selected"));
  }

  current() {
    return this.byId.get(this.model.get("selected")) || this.byId.get(this.spec.default) || this.events[0];
  }

  viewById(id) {
    return (this.spec.views || []).find((v) => v.id === id);
  }

  select(id, how = "jump") {
    if (!this.byId.has(id)) return;
    if (how !== "scrub") this.scrubDay = null;
    this.how = how;
    this.model.set("selected", id);
    this.model.save_changes();
  }

  // A click on an event: a deliberate jump, which stops Play.
  choose(id) {
    this.player.stop();
    this.select(id, "jump");
  }

  step(action) {
    const index = stepIndex(action, this.position(), this.events.length);
    if (index >= 0) this.select(this.events[index].id, ["first", "last"].includes(action) ? "jump" : "step");
  }

  setView(id, how = "jump") {
    this.how = how;
    this.model.set("view", id);
    this.model.save_changes();
  }

  show(announce) {
    const moment = this.current();
    if (!moment) return;
    this.timeline.show(this.events.indexOf(moment));
    this.stepbar.show(moment, this.events.indexOf(moment), this.events.length);
    this.map.show(moment);
    this.timescale.show(moment, this.scrubDay);
    if (this.scrubDay === null) this.search.show(this.found, moment, this.spec);
    else this.showDay(this.scrubDay);
    this.cards.show(moment);
    this.table.show(moment);
    if (announce) this.live.textContent = announcement(moment);
    this.followAddress();
    this.notes.show();
  }

  // A day on the time scale: the map and the found country's card show that day.
  showDay(day) {
    const labels = this.spec.labels;
    const format = new Intl.DateTimeFormat(this.spec.locale || this.spec.lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const date = format.format(new Date(`${isoDay(day)}T00:00:00Z`));
    const period = periodOn(this.spec.periods, day);
    const title = period.count
      ? labels.time_title.replace("{date}", date).replace("{count}", period.count)
      : labels.time_before.replace("{date}", date).replace("{start}", labels.start);
    this.map.showPeriod(period, title);
    this.search.show(this.found, { date, countries: period.countries }, this.spec);
  }

  // Links to the other languages keep the moment and the view; so does the address,
  // where the page owns it (not inside JupyterLab).
  followAddress() {
    const views = this.spec.views || [];
    const first = views.length ? views[0].id : "";
    const hash = formatHash(this.current().id, this.model.get("view"), first, this.embedded);
    const plain = formatHash(this.current().id, this.model.get("view"), first);
    this.tools.links.forEach((a) => (a.href = withHash(a.dataset.href, plain)));
    const how = this.how;
    this.how = "step";
    if (!this.deepLinks) return;
    if (how !== "address" && location.hash !== hash) history[`${historyMode(how)}State`](history.state, "", hash);
    const targets = new Set(this.tools.links.map((a) => a.dataset.href));
    document.querySelectorAll("a[href]").forEach((a) => {
      const [path] = a.getAttribute("href").split("#");
      if (targets.has(path)) a.setAttribute("href", withHash(path, plain));
    });
  }

  applyView() {
    const wanted = this.viewById(this.model.get("view")) || (this.spec.views || [])[0];
    if (!wanted) return;
    this.tools.buttons.forEach((b) => b.setAttribute("aria-pressed", b.dataset.view === wanted.id ? "true" : "false"));
    this.map.setView(wanted.id);
    if (!this.opening) this.followAddress();
  }

  dispose() {
    this.player.stop();
    this.model.off("change:selected", this.onSelected);
    this.model.off("change:view", this.onView);
    if (this.onPageKey) document.removeEventListener("keydown", this.onPageKey);
    if (this.onAddress) {
      window.removeEventListener("hashchange", this.onAddress);
      window.removeEventListener("popstate", this.onAddress);
    }
    this.stage.dispose();
    this.notes.dispose();
    this.timescale.dispose();
    if (this.stopReporting) this.stopReporting();
    this.map.dispose();
    this.downloads.dispose();
  }
}
