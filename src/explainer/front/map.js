// The map: the countries' shapes drawn once by plotly.js, recoloured per moment with
// style-only restyles, small-state markers in an SVG layer of their own, a hover label
// that names the country under the pointer, and World/Europe-style views.

import { SVG_NS, element, svgNode } from "./dom.js";
import { countryShapes, nearest, shapeAt } from "./geometry.js";
import { createLegend } from "./legend.js";
import { NEAREST_PX, isOpen, isTiny, markerPath, placeMarkers } from "./markers.js";
import { loadPlotly } from "./plotly.js";

// Style-only attribute names: plotly repaints these without recomputing the traces.
function fillUpdate(style) {
  return {
    fillcolor: style.fill,
    "fillpattern.shape": style.pattern,
    "fillpattern.fgcolor": style.line,
    "fillpattern.bgcolor": style.fill,
    "line.color": style.line,
    "line.dash": style.dash,
  };
}

// The first (widest) view shrinks the plot to the map's shape; zoomed views fill the
// plot area and show more than they ask for rather than less.
export function viewLayout(view, first) {
  const constrain = first ? "domain" : "range";
  return { "xaxis.range": view.x.slice(), "yaxis.range": view.y.slice(), "xaxis.constrain": constrain, "yaxis.constrain": constrain };
}

function mapSkeleton(spec, prefix) {
  const labels = spec.labels;
  const section = element("section", "xpl-map");
  const title = element("h2", "xpl-map-title");
  title.id = `${prefix}-map-title`;
  section.setAttribute("aria-labelledby", title.id);
  const subtitle = element("p", "xpl-map-subtitle");
  const box = element("div", "xpl-plot");
  box.setAttribute("role", "img");
  box.setAttribute("aria-label", labels.map || "Map");
  const description = element("p", "xpl-map-description");
  description.id = `${prefix}-map-description`;
  // Read out as the headline (with the date) and then the sentence on what it shows.
  box.setAttribute("aria-describedby", `${title.id} ${description.id}`);
  const plot = element("div", "xpl-plotly");
  const markers = document.createElementNS(SVG_NS, "svg");
  markers.setAttribute("class", "xpl-markers");
  markers.setAttribute("aria-hidden", "true");
  const tip = element("div", "xpl-tip");
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  box.append(plot, markers, tip);
  const problem = element("p", "xpl-problem");
  problem.setAttribute("role", "alert");
  problem.hidden = true;
  const head = element("div", "xpl-map-head");
  head.append(title, subtitle);
  const legend = createLegend(spec, prefix);
  // What stays on screen on a phone while the reader steps: the headline and the map
  // (and the step bar the view puts under it).
  const pinned = element("div", "xpl-map-pinned");
  pinned.append(head, box);
  section.append(pinned, description, legend, problem);
  return { section, pinned, title, subtitle, box, description, plot, markers, tip, legend, problem };
}

export class MapView {
  constructor(spec, prefix, current) {
    this.spec = spec;
    this.current = current;
    this.parts = mapSkeleton(spec, prefix);
    this.section = this.parts.section;
    this.countries = spec.countries || [];
    this.views = spec.views || [];
    this.shapes = countryShapes(spec.figure, this.countries);
    this.gd = null;
    this.shown = this.countries.map(() => null);
    this.markers = { codes: [], radii: [] };
    this.view = this.views[0];
    this.staged = false;
    this.found = -1; // the country a reader looked for
    this.focus = null; // a closer view around it, where it is small
    this.disposed = false;
    this.resize = null;
    const box = this.parts.box;
    box.addEventListener("pointermove", (event) => this.showTip(event));
    box.addEventListener("pointerdown", (event) => this.showTip(event));
    box.addEventListener("pointerleave", () => this.hideTip());
    this.fitHeight();
    this.ready = this.draw().catch((error) => {
      this.parts.problem.textContent = spec.labels.plotly_missing;
      this.parts.problem.hidden = false;
      console.warn("explainer: the map could not be drawn", error);
      return null;
    });
  }

  axes() {
    return this.gd ? [this.gd._fullLayout.xaxis, this.gd._fullLayout.yaxis] : [null, null];
  }

  toPixels([x, y]) {
    const [xa, ya] = this.axes();
    return [xa._offset + xa.c2p(x), ya._offset + ya.c2p(y)];
  }

  kmPerPixel() {
    const [xa] = this.axes();
    return Math.abs(xa.range[1] - xa.range[0]) / xa._length;
  }

  placeAll() {
    if (!this.gd) return;
    this.scalable();
    const scale = this.kmPerPixel();
    this.markers = placeMarkers(this.countries, this.countries.map((c) => this.toPixels(c.anchor)), scale);
    this.parts.box.dataset.kmPerPx = scale.toFixed(2);
    this.parts.box.dataset.markers = this.markers.codes.map((i) => this.countries[i].iso3).join(" ");
  }

  // Every layer of the drawing scales with its box (a printed page is narrower than the
  // screen the map was drawn for): a viewBox of the size it was drawn at.
  scalable() {
    const { width, height } = this.gd._fullLayout;
    this.parts.box.querySelectorAll("svg").forEach((svg) => svg.setAttribute("viewBox", `0 0 ${width} ${height}`));
    this.parts.box.style.setProperty("--xpl-plot-ratio", `${width} / ${height}`);
  }

  paintMarkers(moment) {
    const layer = this.parts.markers;
    layer.replaceChildren();
    if (!this.gd) return;
    this.paintOutlines(moment);
    this.markers.codes.forEach((i, k) => {
      const style = this.spec.styles[moment.countries[i][0]];
      const [x, y] = this.toPixels(this.countries[i].anchor);
      const path = svgNode("path", {
        d: markerPath(style.symbol, this.markers.radii[k]),
        transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`,
        fill: isOpen(style.symbol) ? "none" : style.fill,
        stroke: "#222",
        "stroke-width": style.symbol === "x" ? 2 : 1.2,
      });
      path.dataset.iso3 = this.countries[i].iso3;
      layer.append(path);
    });
  }

  // Outlines, not only colour: dashed round each country whose standing changed since
  // the step before, solid and thick round the one a reader looked for.
  paintOutlines(moment) {
    const outline = (i, className) => {
      const d = this.shapes[i].parts.map((ring) => `M${ring.map((p) => this.toPixels(p).map((v) => v.toFixed(1)).join(",")).join("L")}Z`).join("");
      const path = svgNode("path", { d, class: className });
      path.dataset.iso3 = this.countries[i].iso3;
      this.parts.markers.append(path);
    };
    (moment.changed || []).forEach((i) => outline(i, "xpl-outline-changed"));
    if (this.found >= 0) outline(this.found, "xpl-outline-found");
    this.parts.box.dataset.changed = (moment.changed || []).map((i) => this.countries[i].iso3).join(" ");
  }

  // The country a reader looked for (-1: none): outlined, and shown closer where small.
  setFound(index) {
    this.found = index;
    const country = this.countries[index];
    this.focus = null;
    if (country && this.gd && isTiny(country, this.kmPerPixel())) {
      const half = Math.max(country.size_km * 10, 900);
      const [x, y] = country.anchor;
      this.focus = { id: "focus", x: [x - half * 2, x + half * 2], y: [y - half, y + half] };
    }
    this.parts.box.dataset.found = country ? country.iso3 : "";
    this.relayout();
  }

  paint(moment) {
    if (!this.gd) return;
    const changed = [];
    const update = {};
    moment.countries.forEach((cell, i) => {
      if (this.shown[i] === cell[0]) return;
      this.shown[i] = cell[0];
      changed.push(this.countries[i].trace);
      Object.entries(fillUpdate(this.spec.styles[cell[0]])).forEach(([key, value]) => (update[key] = update[key] || []).push(value));
    });
    if (changed.length) window.Plotly.restyle(this.gd, update, changed);
    this.paintMarkers(moment);
  }

  // The traces as the moment shows them, so that the first drawing is the only one.
  styledTraces(moment) {
    moment.countries.forEach((cell, i) => (this.shown[i] = cell[0]));
    return tracesFor(this.spec, moment);
  }

  countryAt(px, py) {
    const [xa, ya] = this.axes();
    if (!xa) return -1;
    const points = this.countries.map((c) => this.toPixels(c.anchor));
    // Markers are drawn on top, so they are hit first.
    const onMarker = nearest(points, this.markers.codes, px, py, (i, k) => this.markers.radii[k]);
    if (onMarker >= 0) return onMarker;
    const inShape = shapeAt(this.shapes, xa.p2c(px - xa._offset), ya.p2c(py - ya._offset));
    if (inShape >= 0) return inShape;
    // In the sea, or a country in no list: the nearest small state within a few pixels.
    const scale = this.kmPerPixel();
    const tiny = this.countries.map((c, i) => i).filter((i) => isTiny(this.countries[i], scale));
    return nearest(points, tiny, px, py, NEAREST_PX);
  }

  showTip(event) {
    if (!this.gd) return;
    const { box, tip } = this.parts;
    const rect = box.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    const index = this.countryAt(px, py);
    if (index < 0) {
      this.hideTip();
      return;
    }
    const country = this.countries[index];
    tip.replaceChildren(element("strong", "", country.name));
    tipLines(this.spec, this.current().countries[index]).forEach((line) => tip.append(element("span", "", line)));
    tip.dataset.iso3 = country.iso3;
    tip.hidden = false;
    placeTip(tip, px, py, rect);
  }

  hideTip() {
    this.parts.tip.hidden = true;
    delete this.parts.tip.dataset.iso3;
  }

  // The whole map shrinks its plot to the map's shape, except on the stage, where every
  // view fills the screen's space (no empty bands, more ocean instead).
  fitted() {
    return this.view === this.views[0] && !this.staged;
  }

  // The whole-map view is as tall as the map at this width (no empty bands); zoomed
  // views, and the stage, take the height the stylesheet gives them.
  fitHeight() {
    const box = this.parts.box;
    if (!this.fitted() || !box.clientWidth) {
      box.style.height = "";
      return;
    }
    const ratio = (this.view.y[1] - this.view.y[0]) / (this.view.x[1] - this.view.x[0]);
    box.style.height = `${Math.round(box.clientWidth * ratio) + 8}px`;
  }

  setView(id) {
    const wanted = this.views.find((v) => v.id === id) || this.views[0];
    if (!wanted) return;
    this.view = wanted;
    this.focus = null;
    this.parts.box.dataset.view = wanted.id;
    this.relayout();
  }

  setStage(on) {
    this.staged = on;
    this.relayout();
  }

  relayout() {
    this.fitHeight();
    if (!this.gd) return;
    const view = this.focus || this.view;
    window.Plotly.relayout(this.gd, viewLayout(view, this.fitted() && !this.focus)).then(() => this.refit());
  }

  refit() {
    this.placeAll();
    this.paintMarkers(this.current());
  }

  // The key lists only the statuses this moment shows (the countries in no list are
  // always there, drawn as no members).
  showLegend(moment) {
    const shown = new Set(["not_member", ...moment.countries.map((cell) => cell[0])]);
    this.parts.legend.querySelectorAll(".xpl-key").forEach((item) => (item.hidden = !shown.has(item.dataset.kind)));
  }

  show(moment) {
    this.showLegend(moment);
    const { title, subtitle, description, box, tip } = this.parts;
    title.textContent = moment.map_title;
    subtitle.textContent = moment.map_subtitle;
    subtitle.hidden = !moment.map_subtitle;
    description.textContent = moment.description;
    box.dataset.moment = moment.id;
    this.paint(moment);
    if (!tip.hidden) this.hideTip();
  }

  // The membership of any day (a span of time), under the headline for that day.
  showPeriod(period, title) {
    this.show({ id: `day-${period.from}`, countries: period.countries, changed: [], map_title: title, map_subtitle: "", description: title });
  }

  watchSize() {
    const box = this.parts.box;
    let width = box.clientWidth;
    this.resize = new ResizeObserver(() => {
      if (!this.gd || !this.parts.plot.offsetWidth) return;
      if (box.clientWidth !== width) this.fitHeight();
      width = box.clientWidth;
      window.Plotly.Plots.resize(this.gd).then(() => this.refit());
    });
    this.resize.observe(box);
  }

  async draw() {
    const Plotly = await loadPlotly();
    if (this.disposed) return null;
    const layout = Object.assign({}, this.spec.figure.layout, { autosize: true });
    const ranges = viewLayout(this.view, this.fitted());
    layout.xaxis = Object.assign({}, layout.xaxis, { range: ranges["xaxis.range"], constrain: ranges["xaxis.constrain"] });
    layout.yaxis = Object.assign({}, layout.yaxis, { range: ranges["yaxis.range"], constrain: ranges["yaxis.constrain"] });
    const config = { displayModeBar: false, responsive: true, staticPlot: true, locale: this.spec.lang };
    const gd = await Plotly.newPlot(this.parts.plot, this.styledTraces(this.current()), layout, config);
    if (this.disposed) return null;
    this.gd = gd;
    this.placeAll();
    this.paint(this.current());
    this.watchSize();
    return gd;
  }

  // The map as a plotly figure with its markers, for a PNG or SVG image.
  figureForImage(moment) {
    if (!this.gd) return null;
    return { data: [...this.gd.data, markerTrace(this.spec, this.countries, this.markers, moment)], layout: this.gd.layout };
  }

  dispose() {
    this.disposed = true;
    if (this.resize) this.resize.disconnect();
    if (this.gd && window.Plotly) window.Plotly.purge(this.gd);
  }
}

// The map's traces coloured as a moment shows them (the figure's own are left alone).
export function tracesFor(spec, moment) {
  const data = spec.figure.data.map((trace) => Object.assign({}, trace));
  moment.countries.forEach((cell, i) => {
    const trace = data[spec.countries[i].trace];
    const style = spec.styles[cell[0]];
    trace.fillcolor = style.fill;
    trace.fillpattern = Object.assign({}, trace.fillpattern, { shape: style.pattern, fgcolor: style.line, bgcolor: style.fill });
    trace.line = Object.assign({}, trace.line, { color: style.line, dash: style.dash });
  });
  return data;
}

// The hover label's lines under the country name: status detail, group, sources.
function tipLines(spec, cell) {
  const [detail, group, sources] = [cell[1], cell[2], cell[3]].map((i) => spec.strings[i]);
  return [detail, group, sources ? (cell[4] > 1 ? spec.labels.sources_line : spec.labels.source).replace("{source}", sources) : ""].filter(Boolean);
}

// Keep the label inside the plot: right of the pointer, else left; wrap to fit.
function placeTip(tip, px, py, rect) {
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  let left = px + 14;
  if (left + width > rect.width - 4) left = Math.max(4, px - 14 - width);
  let top = py + 14;
  if (top + height > rect.height - 4) top = Math.max(4, py - 14 - height);
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

// The small-state markers as a plotly trace, for an image of the map.
function markerTrace(spec, countries, markers, moment) {
  const kinds = markers.codes.map((i) => spec.styles[moment.countries[i][0]]);
  return {
    type: "scatter", mode: "markers", hoverinfo: "skip", showlegend: false,
    x: markers.codes.map((i) => countries[i].anchor[0]),
    y: markers.codes.map((i) => countries[i].anchor[1]),
    marker: { size: markers.radii.map((r) => 2 * r), color: kinds.map((k) => k.fill), symbol: kinds.map((k) => k.symbol), line: { color: "#222", width: 1.2 } },
  };
}
