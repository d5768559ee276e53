// The timeline: one option per event in a listbox that keeps keyboard focus while the
// reader steps (the active option is aria-activedescendant, so a screen reader names it).

import { element, reducedMotion } from "./dom.js";

export class Timeline {
  constructor(events, labels, prefix, onPick) {
    this.section = element("section", "xpl-timeline");
    const heading = element("h2", "xpl-heading", labels.timeline);
    heading.id = `${prefix}-timeline`;
    this.section.setAttribute("aria-labelledby", heading.id);
    const help = element("p", "xpl-help", labels.help);
    help.id = `${prefix}-help`;
    this.list = element("ol", "xpl-events");
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-labelledby", heading.id);
    this.list.setAttribute("aria-describedby", help.id);
    this.list.tabIndex = 0;
    events.forEach((event, index) => this.list.append(this.option(event, index, prefix, onPick)));
    this.section.append(heading, help, this.list);
  }

  option(event, index, prefix, onPick) {
    const item = element("li", "xpl-event");
    item.id = `${prefix}-event-${index}`;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    item.dataset.id = event.id;
    item.append(element("span", "xpl-event-date", event.date), element("span", "xpl-event-title", event.title));
    item.addEventListener("click", () => {
      onPick(event.id);
      this.list.focus({ preventScroll: true });
    });
    return item;
  }

  show(index) {
    [...this.list.children].forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
    const item = this.list.children[index];
    if (!item) return;
    this.list.setAttribute("aria-activedescendant", item.id);
    this.reveal(item);
  }

  // Scroll the list (only the list, never the page) to keep the selection in view.
  reveal(item) {
    const list = this.list;
    if (list.scrollHeight <= list.clientHeight) return;
    const top = item.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTo({ top: Math.max(0, top - list.clientHeight / 3), behavior: reducedMotion() ? "auto" : "smooth" });
    }
  }
}
