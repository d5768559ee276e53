// The handout: the whole story on paper. Every event as a small map with its date,
// headline and key fact (small multiples), the members on the last date with their
// dates, and the sources. Built in the page from the same moments, printed from there
// (the Handout button), or shown by the address `#…&handout` (`explainer export
// --handout` prints that to a PDF file).

import { element, safeUrl } from "./dom.js";
import { tracesFor, viewLayout } from "./map.js";
import { loadPlotly } from "./plotly.js";
import { rowCells } from "./table.js";

const SMALL = { width: 232, height: 118 }; // px: three to a row on A4 or US Letter

async function smallMap(Plotly, spec, moment, node) {
  const view = spec.views[0];
  const ranges = viewLayout(view, true);
  const layout = Object.assign({}, spec.figure.layout, SMALL, { autosize: false, margin: { l: 1, r: 1, t: 1, b: 1 } });
  layout.xaxis = Object.assign({}, layout.xaxis, { range: ranges["xaxis.range"], constrain: "domain" });
  layout.yaxis = Object.assign({}, layout.yaxis, { range: ranges["yaxis.range"], constrain: "domain" });
  await Plotly.newPlot(node, tracesFor(spec, moment), layout, { staticPlot: true, displayModeBar: false });
}

function stepFigure(moment) {
  const figure = element("figure", "xpl-handout-step");
  const map = element("div", "xpl-handout-map");
  map.setAttribute("role", "img");
  map.setAttribute("aria-label", moment.description);
  const caption = element("figcaption");
  caption.append(
    element("p", "xpl-handout-date", moment.date),
    element("h3", "", moment.title),
    element("p", "xpl-handout-count", moment.map_title),
    element("p", "", moment.lead),
  );
  figure.append(map, caption);
  return { figure, map };
}

// Each country with its standing and dates ("Joined on 17 June 2013"), in columns.
function membersList(spec, moment) {
  const list = element("ul", "xpl-handout-members");
  moment.rows.forEach((i) => {
    const [, detail] = rowCells(spec, moment, i);
    const item = element("li");
    item.append(element("b", "", spec.countries[i].name), document.createTextNode(`: ${detail}`));
    list.append(item);
  });
  return list;
}

function sourcesList(spec) {
  const list = element("ol", "xpl-handout-sources");
  (spec.sources || []).forEach((source) => {
    const item = element("li");
    item.append(element("b", "", source.label), document.createTextNode(`: ${source.publisher}, ${source.title} (${source.date})`));
    if (safeUrl(source.url)) item.append(document.createTextNode(`. ${source.url}`));
    list.append(item);
  });
  return list;
}

export class Handout {
  constructor(spec) {
    this.spec = spec;
    this.section = null;
    this.ready = null;
  }

  build() {
    if (this.section) return this.ready;
    const { spec } = this;
    const labels = spec.labels;
    this.section = element("section", "xpl-handout xpl-view");
    this.section.lang = spec.lang;
    this.section.append(element("h1", "", spec.title));
    if (spec.content_note) this.section.append(element("p", "xpl-handout-note", spec.content_note));
    const grid = element("div", "xpl-handout-grid");
    const maps = spec.events.map((moment) => {
      const { figure, map } = stepFigure(moment);
      grid.append(figure);
      return [moment, map];
    });
    const last = spec.events[spec.events.length - 1];
    this.section.append(element("h2", "", labels.handout_steps), grid, element("h2", "", last.caption),
      membersList(spec, last), element("h2", "", labels.sources), sourcesList(spec));
    document.body.append(this.section);
    this.ready = loadPlotly().then(async (Plotly) => {
      for (const [moment, node] of maps) await smallMap(Plotly, spec, moment, node);
      this.section.dataset.ready = "true";
    });
    return this.ready;
  }

  async print() {
    await this.build();
    const root = document.documentElement;
    root.classList.add("xpl-printing-handout");
    window.addEventListener("afterprint", () => root.classList.remove("xpl-printing-handout"), { once: true });
    window.print();
  }
}
