// Find a country: a combobox (ARIA 1.2 pattern: an input with a list of suggestions).
// Choosing one outlines it on the map (zoomed in where it is small) and a card says its
// standing at the moment shown, since when, and the source; it stays while stepping.

import { element } from "./dom.js";
import { suggest } from "./text.js";

function option(prefix, i, found) {
  const item = element("li", "xpl-search-option");
  item.id = `${prefix}-found-${i}`;
  item.setAttribute("role", "option");
  item.setAttribute("aria-selected", "false");
  item.dataset.index = String(found.index);
  item.append(element("span", "", found.name));
  if (found.via) item.append(element("span", "xpl-search-via", ` (${found.via})`));
  return item;
}

export class Search {
  constructor(spec, prefix, onChoose) {
    const labels = spec.labels;
    this.labels = labels;
    this.countries = spec.countries || [];
    this.prefix = prefix;
    this.onChoose = onChoose;
    this.active = -1;
    this.section = element("div", "xpl-search");
    const label = element("label", "xpl-search-label", labels.search);
    this.input = element("input", "xpl-search-input");
    this.input.type = "text";
    this.input.id = label.htmlFor = `${prefix}-search`;
    this.input.autocomplete = "off";
    this.input.spellcheck = false;
    this.list = element("ul", "xpl-search-list");
    this.list.id = `${prefix}-search-list`;
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", labels.search);
    this.list.hidden = true;
    this.help = element("p", "xpl-sr-only", labels.search_help);
    this.help.id = `${prefix}-search-help`;
    this.status = element("p", "xpl-search-status");
    this.status.setAttribute("role", "status");
    this.card = element("div", "xpl-found");
    this.card.hidden = true;
    this.combobox();
    this.section.append(label, this.input, this.list, this.help, this.status, this.card);
  }

  combobox() {
    const input = this.input;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);
    input.setAttribute("aria-describedby", this.help.id);
    input.addEventListener("input", () => this.update());
    input.addEventListener("keydown", (event) => this.onKey(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    this.list.addEventListener("pointerdown", (event) => event.preventDefault());
    this.list.addEventListener("click", (event) => {
      const item = event.target.closest("[role=option]");
      if (item) this.choose(Number(item.dataset.index));
    });
  }

  update() {
    const found = suggest(this.countries, this.input.value);
    this.list.replaceChildren(...found.map((f, i) => option(this.prefix, i, f)));
    this.status.textContent = this.input.value.trim() && !found.length ? this.labels.search_none : "";
    this.move(found.length ? 0 : -1);
    this.list.hidden = !found.length;
    this.input.setAttribute("aria-expanded", found.length ? "true" : "false");
  }

  move(to) {
    const options = [...this.list.children];
    this.active = options.length ? Math.max(0, Math.min(options.length - 1, to)) : -1;
    options.forEach((item, i) => item.setAttribute("aria-selected", i === this.active ? "true" : "false"));
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", options[this.active].id);
    else this.input.removeAttribute("aria-activedescendant");
  }

  onKey(event) {
    const open = !this.list.hidden;
    const keys = {
      ArrowDown: () => (open ? this.move(this.active + 1) : this.update()),
      ArrowUp: () => open && this.move(this.active - 1),
      Enter: () => open && this.active >= 0 && this.choose(Number(this.list.children[this.active].dataset.index)),
      Escape: () => (open ? this.close() : this.clear()),
    };
    if (!keys[event.key]) return;
    event.preventDefault();
    event.stopPropagation(); // the view's own keys do not step while typing
    keys[event.key]();
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
  }

  choose(index) {
    this.input.value = this.countries[index].name;
    this.close();
    this.onChoose(index);
  }

  clear() {
    this.input.value = "";
    this.status.textContent = "";
    this.card.hidden = true;
    this.close();
    this.onChoose(-1);
  }

  // The card of the country found, at the moment shown.
  show(index, moment, spec) {
    this.card.hidden = index < 0;
    if (index < 0) return;
    const cell = moment.countries[index];
    const [detail, group, sources] = [cell[1], cell[2], cell[3]].map((i) => spec.strings[i]);
    const heading = spec.labels.search_found.replace("{country}", this.countries[index].name).replace("{date}", moment.date);
    this.card.replaceChildren(element("p", "xpl-found-title", heading), element("p", "", [detail, group].filter(Boolean).join(" · ")));
    if (sources) this.card.append(element("p", "xpl-found-sources", (cell[4] > 1 ? spec.labels.sources_line : spec.labels.source).replace("{source}", sources)));
  }
}
