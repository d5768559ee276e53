// The members table: the map's text alternative, one row per listed country, members
// first. Explicit roles, because on a phone the rows stack (display: block), which drops
// a table's implicit roles in some browsers.

import { element } from "./dom.js";
import { matches } from "./text.js";

export function columnLabels(labels) {
  return [labels.country, labels.status, labels.details, labels.group, labels.sources].filter(Boolean);
}

function cell(tag, text, role) {
  const node = element(tag, "", text);
  node.setAttribute("role", role);
  return node;
}

export function rowCells(spec, moment, i) {
  const status = moment.countries[i];
  const texts = spec.labels.group ? [status[1], status[2], status[3]] : [status[1], status[3]];
  return [spec.styles[status[0]].name, ...texts.map((n) => spec.strings[n])];
}

// The table's rows for a moment: a row per country, or one that says there are none.
export function fillBody(body, spec, moment, columns) {
  body.replaceChildren();
  if (!moment.rows.length) {
    const row = element("tr");
    row.setAttribute("role", "row");
    const empty = cell("td", spec.labels.no_members, "cell");
    empty.colSpan = columns.length;
    row.append(empty);
    body.append(row);
    return;
  }
  moment.rows.forEach((i) => {
    const row = element("tr");
    row.setAttribute("role", "row");
    row.dataset.iso3 = spec.countries[i].iso3;
    row.dataset.status = moment.countries[i][0];
    const name = cell("th", spec.countries[i].name, "rowheader");
    name.scope = "row";
    const cells = rowCells(spec, moment, i).map((text, column) => {
      const td = cell("td", text, "cell");
      td.dataset.label = columns[column + 1]; // shown before the value when rows stack (phone)
      return td;
    });
    row.append(name, ...cells);
    body.append(row);
  });
}

// Folded away until asked for: the heading says how many, a button shows the table and
// a field finds a country in it.
function disclosure(labels, box, prefix, onFilter) {
  const bar = element("div", "xpl-members-bar");
  const toggle = element("button", "xpl-button xpl-members-toggle", labels.members_show);
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", box.id);
  const filter = element("input", "xpl-members-filter");
  filter.type = "search";
  filter.id = `${prefix}-members-filter`;
  filter.hidden = true;
  const label = element("label", "xpl-sr-only", labels.members_filter);
  label.htmlFor = filter.id;
  filter.placeholder = labels.members_filter;
  filter.addEventListener("input", () => onFilter(filter.value));
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.textContent = open ? labels.members_hide : labels.members_show;
    box.hidden = !open;
    filter.hidden = !open;
  });
  bar.append(toggle, label, filter);
  return bar;
}

export class MembersTable {
  constructor(spec, prefix, folded = true) {
    this.spec = spec;
    this.columns = columnLabels(spec.labels);
    this.section = element("section", "xpl-members");
    const heading = element("h2", "xpl-heading", spec.labels.members);
    heading.id = `${prefix}-members`;
    this.section.setAttribute("aria-labelledby", heading.id);
    this.count = element("p", "xpl-members-count");
    const table = element("table", "xpl-table");
    table.setAttribute("role", "table");
    this.caption = element("caption");
    const head = element("thead");
    head.setAttribute("role", "rowgroup");
    const headRow = element("tr");
    headRow.setAttribute("role", "row");
    this.columns.forEach((text) => {
      const th = cell("th", text, "columnheader");
      th.scope = "col";
      headRow.append(th);
    });
    head.append(headRow);
    this.body = element("tbody");
    this.body.setAttribute("role", "rowgroup");
    table.append(this.caption, head, this.body);
    const box = element("div", "xpl-table-box");
    box.id = `${prefix}-members-table`;
    box.append(table);
    this.query = "";
    if (folded) {
      box.hidden = true;
      this.section.append(heading, this.count, disclosure(spec.labels, box, prefix, (q) => this.filter(q)), box);
    } else {
      // A table of its own sits under the page's heading: its caption, which gives the
      // date, names the section, so that two such tables are told apart.
      this.caption.id = `${prefix}-members-caption`;
      this.section.setAttribute("aria-labelledby", this.caption.id);
      this.section.append(box);
    }
  }

  show(moment) {
    this.caption.textContent = moment.caption;
    this.count.textContent = moment.caption;
    fillBody(this.body, this.spec, moment, this.columns);
    this.filter(this.query);
  }

  filter(query) {
    this.query = query;
    this.body.querySelectorAll("tr[data-iso3]").forEach((row) => {
      row.hidden = !matches(row.querySelector("th").textContent, query);
    });
  }
}
