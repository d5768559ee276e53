// Time as it passed: the events on an axis whose gaps are proportional to the time
// between them (labels stacked where events crowd), and a scrubber that moves through
// every day from the first event to the last, the map following the membership of the
// day (precomputed spans of time, the same as the data gives for any date).

import { element } from "./dom.js";

const DAY_MS = 86400000;

export function dayNumber(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoDay(number) {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

// Where each day falls on an axis `width` pixels long (pure; tested under node).
export function position(day, start, end, width) {
  return end > start ? ((day - start) / (end - start)) * width : 0;
}

// Rows for labels so that none overlaps the one before it in its row.
export function stagger(xs, widths, rows = 3) {
  const ends = Array(rows).fill(-Infinity);
  return xs.map((x, i) => {
    let row = ends.findIndex((end) => x - widths[i] / 2 >= end + 4);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = x + widths[i] / 2;
    return row;
  });
}

// The span of time a day falls in: the last whose first day is not after it.
export function periodOn(periods, day) {
  let found = periods[0];
  periods.forEach((period) => {
    if (dayNumber(period.from) <= day) found = period;
  });
  return found;
}

export class TimeScale {
  constructor(spec, prefix, actions) {
    this.spec = spec;
    this.actions = actions; // { choose(id), scrub(day) }
    this.start = dayNumber(spec.range[0]);
    this.end = dayNumber(spec.range[1]);
    this.section = element("div", "xpl-timescale");
    this.section.id = `${prefix}-timescale`;
    this.section.hidden = true;
    this.axis = element("div", "xpl-axis");
    this.marks = spec.events.map((moment) => this.mark(moment));
    this.axis.append(...this.marks);
    const label = element("label", "xpl-sr-only", spec.labels.time_scrub);
    this.range = element("input", "xpl-scrubber");
    this.range.type = "range";
    this.range.id = label.htmlFor = `${prefix}-scrubber`;
    this.range.min = "0";
    this.range.max = String(this.end - this.start);
    this.range.step = "1";
    this.range.addEventListener("input", () => actions.scrub(this.start + Number(this.range.value)));
    this.section.append(this.axis, label, this.range);
    this.resize = new ResizeObserver(() => this.place());
    this.resize.observe(this.axis);
  }

  mark(moment) {
    const mark = element("button", "xpl-axis-mark");
    mark.type = "button";
    mark.dataset.id = moment.id;
    mark.dataset.day = String(dayNumber(moment.last_day));
    mark.title = `${moment.date}: ${moment.title}`;
    mark.setAttribute("aria-label", mark.title);
    mark.append(element("span", "xpl-axis-dot"), element("span", "xpl-axis-label", moment.date));
    mark.addEventListener("click", () => this.actions.choose(moment.id));
    return mark;
  }

  // Each event at its day; labels stacked where events crowd.
  place() {
    const width = this.axis.clientWidth;
    if (!width) return;
    const xs = this.marks.map((m) => position(Number(m.dataset.day), this.start, this.end, width));
    const widths = this.marks.map((m) => m.querySelector(".xpl-axis-label").offsetWidth);
    stagger(xs, widths).forEach((row, i) => {
      this.marks[i].style.left = `${xs[i]}px`;
      this.marks[i].dataset.row = String(row);
    });
  }

  show(moment, day) {
    this.marks.forEach((m) => m.setAttribute("aria-current", m.dataset.id === moment.id ? "true" : "false"));
    this.range.value = String((day ?? dayNumber(moment.last_day)) - this.start);
    const shown = isoDay(day ?? dayNumber(moment.last_day));
    this.range.setAttribute("aria-valuetext", new Intl.DateTimeFormat(this.spec.locale || this.spec.lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${shown}T00:00:00Z`)));
  }

  toggle(on = this.section.hidden) {
    this.section.hidden = !on;
    if (on) this.place();
    return on;
  }

  dispose() {
    this.resize.disconnect();
  }
}
