// The linked view: timeline, map, quote cards, members table and a spoken announcement,
// driven in the browser from precomputed moments (one per event). The same module runs
// as an anywidget (JupyterLab, Voilà) and in the exported page, where a small static
// model stands in for the widget's. All text is set with textContent: nothing from the
// data is ever parsed as HTML.

const TINY_PX = 9; // a country smaller than this on screen gets a marker
const MARKER_MAX = 6; // px
const MARKER_MIN = 3; // px: plotly's own hover radius never goes below 3 px
const NEAREST_PX = 10; // pointer in the sea near a tiny state still names it
const PLOTLY_PATH = "explainer/static/plotly-basic.min.js";

let counter = 0;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function safeUrl(url) {
  return /^https?:\/\//i.test(url || "") ? url : "";
}

function link(label, url) {
  const href = safeUrl(url);
  if (!href) return document.createTextNode(label);
  const a = element("a", "", label);
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

function sourceList(node, sources) {
  (sources || []).forEach((source, i) => {
    if (i) node.append(document.createTextNode("; "));
    node.append(link(source.label, source.url));
  });
}

function reducedMotion() {
  return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

// plotly.js comes once per page: inlined in the exported page, else as a file the
// server hands out (and the browser caches), never inside the widget's state.
function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  const loading = document.querySelector("script[data-explainer-plotly]");
  if (loading && !window.__explainerPlotly) {
    // The page already asked for it (Voilà's template): wait for that copy.
    window.__explainerPlotly = new Promise((resolve, reject) => {
      loading.addEventListener("load", () => (window.Plotly ? resolve(window.Plotly) : reject(new Error("no Plotly"))));
      loading.addEventListener("error", () => reject(new Error(`could not load ${loading.src}`)));
    });
  }
  if (!window.__explainerPlotly) {
    window.__explainerPlotly = new Promise((resolve, reject) => {
      let base = "/";
      const config = document.getElementById("jupyter-config-data");
      if (config) {
        try {
          base = JSON.parse(config.textContent).baseUrl || "/";
        } catch (error) {
          base = "/";
        }
      }
      const script = document.createElement("script");
      script.src = base.replace(/\/?$/, "/") + PLOTLY_PATH;
      script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error("no Plotly")));
      script.onerror = () => reject(new Error(`could not load ${script.src}`));
      document.head.append(script);
    });
  }
  return window.__explainerPlotly;
}

// -- geometry: which country is under the pointer -------------------------------------

function rings(trace) {
  const result = [];
  let ring = [];
  for (let i = 0; i < trace.x.length; i++) {
    const x = trace.x[i];
    const y = trace.y[i];
    if (x === null || y === null) {
      if (ring.length > 2) result.push(ring);
      ring = [];
    } else {
      ring.push([x, y]);
    }
  }
  if (ring.length > 2) result.push(ring);
  return result;
}

function bounds(parts) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  parts.forEach((ring) =>
    ring.forEach(([x, y]) => {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }),
  );
  return [x0, y0, x1, y1];
}

function inside(parts, x, y) {
  let odd = false;
  for (const ring of parts) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

// -- the view -----------------------------------------------------------------------

function render({ model, el }) {
  const spec = model.get("spec") || {};
  const labels = spec.labels || {};
  const events = spec.events || [];
  const byId = new Map(events.map((event) => [event.id, event]));
  const prefix = `xpl-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  const deepLinks = Boolean(document.body && document.body.dataset.explainerDeepLinks);

  const root = element("div", "xpl-view");
  root.lang = spec.lang || "en";

  // Toolbar: views, play, other languages.
  const toolbar = element("div", "xpl-toolbar");
  const viewGroup = element("div", "xpl-views");
  viewGroup.setAttribute("role", "group");
  viewGroup.setAttribute("aria-label", labels.views || "Map view");
  const viewButtons = (spec.views || []).map((view) => {
    const button = element("button", "xpl-button", view.name);
    button.type = "button";
    button.dataset.view = view.id;
    button.addEventListener("click", () => {
      model.set("view", view.id);
      model.save_changes();
    });
    viewGroup.append(button);
    return button;
  });
  const play = element("button", "xpl-button xpl-play");
  play.type = "button";
  const pages = element("nav", "xpl-pages");
  const pageLinks = (model.get("pages") || []).map((page) => {
    const a = element("a", "xpl-page-link", page.label);
    a.lang = page.lang;
    a.hreflang = page.lang;
    a.dataset.href = page.href;
    a.href = page.href;
    pages.append(a);
    return a;
  });
  pages.setAttribute("aria-label", labels.languages || "Languages");
  toolbar.append(viewGroup, play, pages);

  // Timeline.
  const timeline = element("section", "xpl-timeline");
  const timelineHeading = element("h2", "xpl-heading", labels.timeline);
  timelineHeading.id = `${prefix}-timeline`;
  timeline.setAttribute("aria-labelledby", timelineHeading.id);
  const help = element("p", "xpl-help", labels.help);
  help.id = `${prefix}-help`;
  const list = element("ol", "xpl-events");
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-labelledby", timelineHeading.id);
  list.setAttribute("aria-describedby", help.id);
  list.tabIndex = 0;
  events.forEach((event, index) => {
    const item = element("li", "xpl-event");
    item.id = `${prefix}-event-${index}`;
    item.setAttribute("role", "option");
    item.dataset.id = event.id;
    item.append(element("span", "xpl-event-date", event.date), element("span", "xpl-event-title", event.title));
    item.addEventListener("click", () => {
      select(event.id);
      list.focus({ preventScroll: true });
    });
    list.append(item);
  });
  const detail = element("div", "xpl-detail");
  timeline.append(timelineHeading, help, list, detail);

  // Map.
  const mapSection = element("section", "xpl-map");
  const mapTitle = element("h2", "xpl-map-title");
  mapTitle.id = `${prefix}-map-title`;
  mapSection.setAttribute("aria-labelledby", mapTitle.id);
  const mapSubtitle = element("p", "xpl-map-subtitle");
  const plotBox = element("div", "xpl-plot");
  plotBox.setAttribute("role", "img");
  const description = element("p", "xpl-map-description");
  description.id = `${prefix}-map-description`;
  plotBox.setAttribute("aria-label", labels.map || "Map");
  plotBox.setAttribute("aria-describedby", description.id);
  const plot = element("div", "xpl-plotly");
  // Small-state markers are drawn over the plot in an SVG layer of their own: moving
  // them with the view costs plotly no redraw.
  const svgNS = "http://www.w3.org/2000/svg";
  const markerLayer = document.createElementNS(svgNS, "svg");
  markerLayer.setAttribute("class", "xpl-markers");
  markerLayer.setAttribute("aria-hidden", "true");
  const tip = element("div", "xpl-tip");
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  plotBox.append(plot, markerLayer, tip);
  const legend = element("ul", "xpl-legend");
  legend.setAttribute("aria-label", labels.legend || "Key");
  const downloads = element("p", "xpl-downloads");
  const png = element("button", "xpl-button xpl-download", labels.download_png);
  png.type = "button";
  const svg = element("button", "xpl-button xpl-download", labels.download_svg);
  svg.type = "button";
  const csv = element("a", "xpl-download-csv", labels.download_csv);
  if (spec.csv) {
    csv.download = spec.csv.name;
    csv.href = URL.createObjectURL(new Blob([spec.csv.text], { type: "text/csv;charset=utf-8" }));
  }
  downloads.append(png, svg, csv);
  const problem = element("p", "xpl-problem");
  problem.setAttribute("role", "alert");
  problem.hidden = true;
  mapSection.append(mapTitle, mapSubtitle, plotBox, description, legend, downloads, problem);

  // Quotes.
  const quotes = element("section", "xpl-quotes");
  const quotesHeading = element("h2", "xpl-heading", labels.quotes);
  quotesHeading.id = `${prefix}-quotes`;
  quotes.setAttribute("aria-labelledby", quotesHeading.id);
  const cards = element("div", "xpl-cards");
  quotes.append(quotesHeading, cards);

  // Members table.
  const members = element("section", "xpl-members");
  const membersHeading = element("h2", "xpl-heading", labels.members);
  membersHeading.id = `${prefix}-members`;
  members.setAttribute("aria-labelledby", membersHeading.id);
  // Explicit roles: on a phone the rows stack (display: block), which drops the table's
  // implicit roles in some browsers.
  const table = element("table", "xpl-table");
  table.setAttribute("role", "table");
  const caption = element("caption");
  const head = element("thead");
  head.setAttribute("role", "rowgroup");
  const headRow = element("tr");
  headRow.setAttribute("role", "row");
  const columns = [labels.country, labels.status, labels.details, labels.group, labels.sources].filter(Boolean);
  columns.forEach((text) => {
    const th = element("th", "", text);
    th.scope = "col";
    th.setAttribute("role", "columnheader");
    headRow.append(th);
  });
  head.append(headRow);
  const body = element("tbody");
  body.setAttribute("role", "rowgroup");
  table.append(caption, head, body);
  const tableBox = element("div", "xpl-table-box");
  tableBox.append(table);
  members.append(membersHeading, tableBox);

  const live = element("div", "xpl-sr-only");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  const note = element("p", "xpl-note");
  note.setAttribute("role", "status");
  note.hidden = true;

  const grid = element("div", "xpl-grid");
  grid.append(timeline, mapSection, quotes);
  root.append(toolbar, note, grid, members, live);
  el.append(root);

  // Legend: a swatch (fill, pattern, marker) and a name per status.
  function svgNode(tag, attributes) {
    const node = document.createElementNS(svgNS, tag);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  }
  const symbols = {
    circle: () => svgNode("circle", { cx: 29, cy: 9, r: 5 }),
    "circle-open": () => svgNode("circle", { cx: 29, cy: 9, r: 5, fill: "none" }),
    diamond: () => svgNode("path", { d: "M29,3 l6,6 l-6,6 l-6,-6 z" }),
    square: () => svgNode("rect", { x: 24, y: 4, width: 10, height: 10 }),
    "square-open": () => svgNode("rect", { x: 24, y: 4, width: 10, height: 10, fill: "none" }),
    "triangle-up": () => svgNode("path", { d: "M29,3 l6,11 h-12 z" }),
    x: () => svgNode("path", { d: "M25,5 l8,8 M33,5 l-8,8", "stroke-width": 2.2 }),
  };
  (spec.legend || []).forEach((kind) => {
    const style = spec.styles[kind];
    const item = element("li", "xpl-key");
    const swatch = svgNode("svg", { width: 38, height: 18, viewBox: "0 0 38 18", "aria-hidden": "true", focusable: "false" });
    let fill = style.fill;
    if (style.pattern) {
      const id = `${prefix}-pattern-${kind}`;
      const pattern = svgNode("pattern", { id, width: 12, height: 12, patternUnits: "userSpaceOnUse" });
      pattern.append(svgNode("rect", { width: 12, height: 12, fill: style.fill }));
      const drawn = {
        "/": () => svgNode("path", { d: "M-2,6 l8,-8 M0,12 l12,-12 M6,14 l8,-8", stroke: style.line, "stroke-width": 1.4 }),
        ".": () => svgNode("path", { d: "M3,3 h0.01 M9,9 h0.01", stroke: style.line, "stroke-width": 2.6, "stroke-linecap": "round" }),
        x: () => svgNode("path", { d: "M0,0 l12,12 M12,0 l-12,12", stroke: style.line, "stroke-width": 1.2 }),
      }[style.pattern];
      if (drawn) pattern.append(drawn());
      const defs = svgNode("defs", {});
      defs.append(pattern);
      swatch.append(defs);
      fill = `url(#${id})`;
    }
    const rect = svgNode("rect", { x: 1, y: 2, width: 18, height: 14, fill, stroke: style.line, "stroke-width": 1.2 });
    if (style.dash !== "solid") rect.setAttribute("stroke-dasharray", "3,2");
    const symbol = (symbols[style.symbol] || symbols.circle)();
    if (!symbol.getAttribute("fill")) symbol.setAttribute("fill", style.fill);
    symbol.setAttribute("stroke", "#222");
    if (!symbol.getAttribute("stroke-width")) symbol.setAttribute("stroke-width", 1.2);
    swatch.append(rect, symbol);
    item.append(swatch, document.createTextNode(style.name));
    legend.append(item);
  });

  // -- state --------------------------------------------------------------------------

  const countries = spec.countries || [];
  const shapes = countries.map((country) => {
    const trace = spec.figure.data[country.trace];
    const parts = rings(trace);
    return { parts, box: bounds(parts) };
  });
  let gd = null; // the plotly graph div, once drawn
  let shownKinds = countries.map(() => null);
  let markerCodes = []; // indices of countries with a marker in the current view
  let markerRadii = [];
  let timer = null;
  let disposed = false;

  const position = () => events.findIndex((event) => event.id === model.get("selected"));
  const current = () => byId.get(model.get("selected")) || byId.get(spec.default) || events[0];

  function select(id) {
    if (!byId.has(id)) return;
    model.set("selected", id);
    model.save_changes();
  }

  function step(delta) {
    const index = position();
    const next = Math.max(0, Math.min(events.length - 1, (index < 0 ? 0 : index) + delta));
    select(events[next].id);
  }

  // -- drawing ------------------------------------------------------------------------

  // Style-only attribute names: plotly repaints these without recomputing the traces.
  function fillUpdate(kind) {
    const style = spec.styles[kind];
    return {
      fillcolor: style.fill,
      "fillpattern.shape": style.pattern,
      "fillpattern.fgcolor": style.line,
      "fillpattern.bgcolor": style.fill,
      "line.color": style.line,
      "line.dash": style.dash,
    };
  }

  function paintMap(moment) {
    if (!gd) return;
    const changed = [];
    const update = {};
    moment.countries.forEach((cell, i) => {
      if (shownKinds[i] === cell[0]) return;
      shownKinds[i] = cell[0];
      changed.push(countries[i].trace);
      Object.entries(fillUpdate(cell[0])).forEach(([key, value]) => (update[key] = update[key] || []).push(value));
    });
    if (changed.length) window.Plotly.restyle(gd, update, changed);
    paintMarkers(moment);
  }

  // The traces as the first moment shows them, so that the first drawing is the only one.
  function styledTraces(moment) {
    const data = spec.figure.data.map((trace) => Object.assign({}, trace));
    moment.countries.forEach((cell, i) => {
      const trace = data[countries[i].trace];
      const style = spec.styles[cell[0]];
      trace.fillcolor = style.fill;
      trace.fillpattern = Object.assign({}, trace.fillpattern, { shape: style.pattern, fgcolor: style.line, bgcolor: style.fill });
      trace.line = Object.assign({}, trace.line, { color: style.line, dash: style.dash });
      shownKinds[i] = cell[0];
    });
    return data;
  }

  const markerShapes = {
    circle: (r) => `M${r},0A${r},${r} 0 1,1 -${r},0A${r},${r} 0 1,1 ${r},0Z`,
    "circle-open": (r) => `M${r},0A${r},${r} 0 1,1 -${r},0A${r},${r} 0 1,1 ${r},0Z`,
    diamond: (r) => `M${r * 1.3},0L0,${r * 1.3}L-${r * 1.3},0L0,-${r * 1.3}Z`,
    square: (r) => `M${r},${r}H-${r}V-${r}H${r}Z`,
    "square-open": (r) => `M${r},${r}H-${r}V-${r}H${r}Z`,
    "triangle-up": (r) => `M-${r * 1.15},${r * 0.9}H${r * 1.15}L0,-${r * 1.2}Z`,
    x: (r) => `M-${r},-${r}L${r},${r}M${r},-${r}L-${r},${r}`,
  };

  function paintMarkers(moment) {
    markerLayer.replaceChildren();
    if (!gd) return;
    markerCodes.forEach((i, k) => {
      const style = spec.styles[moment.countries[i][0]];
      const [x, y] = toPixels(countries[i].anchor);
      const open = style.symbol.endsWith("-open") || style.symbol === "x";
      const path = document.createElementNS(svgNS, "path");
      path.setAttribute("d", (markerShapes[style.symbol] || markerShapes.circle)(markerRadii[k]));
      path.setAttribute("transform", `translate(${x.toFixed(1)},${y.toFixed(1)})`);
      path.setAttribute("fill", open ? "none" : style.fill);
      path.setAttribute("stroke", "#222");
      path.setAttribute("stroke-width", style.symbol === "x" ? 2 : 1.2);
      path.dataset.iso3 = countries[i].iso3;
      markerLayer.append(path);
    });
  }

  function axes() {
    const layout = gd && gd._fullLayout;
    return layout ? [layout.xaxis, layout.yaxis] : [null, null];
  }

  function toPixels([x, y]) {
    const [xa, ya] = axes();
    return [xa._offset + xa.c2p(x), ya._offset + ya.c2p(y)];
  }

  function kmPerPixel() {
    const [xa] = axes();
    return Math.abs(xa.range[1] - xa.range[0]) / xa._length;
  }

  // Small states get a marker whose radius stays under half the distance to any other
  // country's anchor, so that a marker never covers the point where a neighbour is
  // pointed at; where even 3 px would, the shape and the nearest-centre rule do.
  function placeMarkers() {
    if (!gd) return;
    const scale = kmPerPixel();
    const points = countries.map((country) => toPixels(country.anchor));
    markerCodes = [];
    markerRadii = [];
    countries.forEach((country, i) => {
      if (country.size_km / scale >= TINY_PX) return;
      let nearest = Infinity;
      points.forEach((p, j) => {
        if (j !== i) nearest = Math.min(nearest, Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
      });
      const radius = Math.min(MARKER_MAX, 0.45 * nearest);
      if (radius >= MARKER_MIN) {
        markerCodes.push(i);
        markerRadii.push(Math.round(radius * 10) / 10);
      }
    });
    plotBox.dataset.kmPerPx = scale.toFixed(2);
    plotBox.dataset.markers = markerCodes.map((i) => countries[i].iso3).join(" ");
  }

  function countryAt(px, py) {
    const [xa, ya] = axes();
    if (!xa) return -1;
    // Markers are drawn on top, so they are hit first.
    let best = -1;
    let bestDistance = Infinity;
    markerCodes.forEach((i, k) => {
      const [mx, my] = toPixels(countries[i].anchor);
      const distance = Math.hypot(mx - px, my - py);
      if (distance <= markerRadii[k] && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    });
    if (best >= 0) return best;
    const x = xa.p2c(px - xa._offset);
    const y = ya.p2c(py - ya._offset);
    for (let i = 0; i < shapes.length; i++) {
      const [x0, y0, x1, y1] = shapes[i].box;
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && inside(shapes[i].parts, x, y)) return i;
    }
    // In the sea or a country in no list: the nearest small state within a few pixels.
    const scale = kmPerPixel();
    countries.forEach((country, i) => {
      if (country.size_km / scale >= TINY_PX) return;
      const [cx, cy] = toPixels(country.anchor);
      const distance = Math.hypot(cx - px, cy - py);
      if (distance <= NEAREST_PX && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    });
    return best;
  }

  function showTip(event) {
    if (!gd) return;
    const box = plotBox.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    const index = countryAt(px, py);
    if (index < 0) {
      hideTip();
      return;
    }
    const cell = current().countries[index];
    tip.replaceChildren(element("strong", "", countries[index].name));
    const [detail, group, sources] = [cell[1], cell[2], cell[3]].map((i) => spec.strings[i]);
    [detail, group, sources ? labels.source.replace("{source}", sources) : ""].forEach((line) => {
      if (line) tip.append(element("span", "", line));
    });
    tip.dataset.iso3 = countries[index].iso3;
    tip.hidden = false;
    // Keep the label inside the plot: right of the pointer, else left; wrap to fit.
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    let left = px + 14;
    if (left + width > box.width - 4) left = Math.max(4, px - 14 - width);
    let top = py + 14;
    if (top + height > box.height - 4) top = Math.max(4, py - 14 - height);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  function hideTip() {
    tip.hidden = true;
    delete tip.dataset.iso3;
  }

  function drawQuotes(moment) {
    cards.replaceChildren();
    if (!moment.quotes.length) {
      cards.append(element("p", "xpl-muted", labels.no_quotes));
      return;
    }
    moment.quotes.forEach((quote) => {
      const figure = element("figure", "xpl-quote");
      figure.dataset.quote = quote.id;
      const block = element("blockquote");
      block.lang = quote.lang;
      if (safeUrl(quote.cite)) block.cite = quote.cite;
      quote.paragraphs.forEach((p) => block.append(element("p", "", p)));
      const figcaption = element("figcaption");
      figcaption.append(document.createTextNode("— "), element("cite", "", quote.speaker));
      figcaption.append(document.createTextNode(` · ${quote.about}`), element("br"));
      figcaption.append(document.createTextNode(`${quote.source_label}: `));
      sourceList(figcaption, quote.sources);
      figure.append(block, figcaption);
      quote.notes.forEach((text) => figure.append(element("p", "xpl-quote-note", text)));
      if (quote.original) {
        const details = element("details");
        details.append(element("summary", "", quote.original.summary));
        const original = element("blockquote");
        original.lang = quote.original.lang;
        quote.original.paragraphs.forEach((p) => original.append(element("p", "", p)));
        details.append(original);
        figure.append(details);
      }
      cards.append(figure);
    });
  }

  function drawTable(moment) {
    caption.textContent = moment.caption;
    body.replaceChildren();
    if (!moment.rows.length) {
      const row = element("tr");
      row.setAttribute("role", "row");
      const cell = element("td", "", labels.no_members);
      cell.setAttribute("role", "cell");
      cell.colSpan = labels.group ? 5 : 4;
      row.append(cell);
      body.append(row);
      return;
    }
    moment.rows.forEach((i) => {
      const cell = moment.countries[i];
      const row = element("tr");
      row.setAttribute("role", "row");
      row.dataset.iso3 = countries[i].iso3;
      row.dataset.status = cell[0];
      const name = element("th", "", countries[i].name);
      name.scope = "row";
      name.setAttribute("role", "rowheader");
      const texts = labels.group ? [cell[1], cell[2], cell[3]] : [cell[1], cell[3]];
      const cells = [spec.styles[cell[0]].name, ...texts.map((i) => spec.strings[i])].map((text, column) => {
        const td = element("td", "", text);
        td.setAttribute("role", "cell");
        td.dataset.label = columns[column + 1]; // shown before the value when rows stack (phone)
        return td;
      });
      row.append(name, ...cells);
      body.append(row);
    });
  }

  function drawDetail(moment) {
    detail.replaceChildren(
      element("p", "xpl-detail-date", moment.place ? `${moment.date} · ${moment.place}` : moment.date),
      element("h3", "xpl-detail-title", moment.title),
      element("p", "xpl-detail-text", moment.text),
    );
    const sources = element("p", "xpl-detail-sources", `${labels.sources}: `);
    sourceList(sources, moment.sources);
    detail.append(sources);
  }

  function show(announce) {
    const moment = current();
    if (!moment) return;
    const index = events.indexOf(moment);
    [...list.children].forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
    const item = list.children[index];
    if (item) {
      list.setAttribute("aria-activedescendant", item.id);
      // Scroll the list (only the list, never the page) to keep the selection in view.
      if (list.scrollHeight > list.clientHeight) {
        const top = item.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
        if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
          list.scrollTo({ top: Math.max(0, top - list.clientHeight / 3), behavior: reducedMotion() ? "auto" : "smooth" });
        }
      }
    }
    mapTitle.textContent = moment.map_title;
    mapSubtitle.textContent = moment.map_subtitle;
    mapSubtitle.hidden = !moment.map_subtitle;
    description.textContent = moment.description;
    plotBox.dataset.moment = moment.id;
    paintMap(moment);
    drawDetail(moment);
    drawQuotes(moment);
    drawTable(moment);
    if (announce) live.textContent = `${moment.announce} ${moment.description}`;
    pageLinks.forEach((a) => (a.href = `${a.dataset.href}#${moment.id}`));
    if (deepLinks) {
      if (location.hash !== `#${moment.id}`) history.replaceState(history.state, "", `#${moment.id}`);
      // Every link on the page to another language's page keeps the moment too.
      const targets = new Set(pageLinks.map((a) => a.dataset.href));
      document.querySelectorAll("a[href]").forEach((a) => {
        const [path] = a.getAttribute("href").split("#");
        if (targets.has(path)) a.setAttribute("href", `${path}#${moment.id}`);
      });
    }
    if (!tip.hidden) hideTip();
  }

  function applyView() {
    const views = spec.views || [];
    const wanted = wantedView();
    if (!wanted) return;
    viewButtons.forEach((button) => button.setAttribute("aria-pressed", button.dataset.view === wanted.id ? "true" : "false"));
    plotBox.dataset.view = wanted.id;
    fitHeight(wanted === views[0] ? wanted : null);
    if (!gd) return;
    window.Plotly.relayout(gd, viewLayout(wanted)).then(() => {
      placeMarkers();
      paintMarkers(current());
    });
  }

  function viewLayout(view) {
    const constrain = view === (spec.views || [])[0] ? "domain" : "range";
    return {
      "xaxis.range": view.x.slice(),
      "yaxis.range": view.y.slice(),
      "xaxis.constrain": constrain,
      "yaxis.constrain": constrain,
    };
  }

  function wantedView() {
    const views = spec.views || [];
    return views.find((v) => v.id === model.get("view")) || views[0];
  }

  // The whole-map view is as tall as the map at this width (no empty bands); zoomed
  // views take the height the stylesheet gives them.
  let fitted = null;
  function fitHeight(view) {
    fitted = view;
    if (!view || !plotBox.clientWidth) {
      plotBox.style.height = "";
      return;
    }
    const ratio = (view.y[1] - view.y[0]) / (view.x[1] - view.x[0]);
    plotBox.style.height = `${Math.round(plotBox.clientWidth * ratio) + 8}px`;
  }

  function drawPlay() {
    const playing = timer !== null;
    play.textContent = playing ? `❚❚ ${labels.pause}` : `▶ ${labels.play}`;
    play.setAttribute("aria-pressed", playing ? "true" : "false");
  }

  function stopPlaying() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    drawPlay();
  }

  play.addEventListener("click", () => {
    if (timer !== null) {
      stopPlaying();
      return;
    }
    if (position() >= events.length - 1) select(events[0].id);
    timer = setInterval(() => {
      if (position() >= events.length - 1) stopPlaying();
      else step(1);
    }, model.get("interval_ms") || 4000);
    drawPlay();
  });

  list.addEventListener("keydown", (event) => {
    const keys = {
      ArrowDown: () => step(1),
      ArrowRight: () => step(1),
      ArrowUp: () => step(-1),
      ArrowLeft: () => step(-1),
      Home: () => select(events[0].id),
      End: () => select(events[events.length - 1].id),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  // The image has the map, its markers and its headline, as the page shows them.
  async function download(format) {
    const moment = current();
    const source = [moment.map_title, moment.map_subtitle].filter(Boolean).join(" — ");
    const kinds = markerCodes.map((i) => spec.styles[moment.countries[i][0]]);
    const markerTrace = {
      type: "scatter", mode: "markers", hoverinfo: "skip", showlegend: false,
      x: markerCodes.map((i) => countries[i].anchor[0]),
      y: markerCodes.map((i) => countries[i].anchor[1]),
      marker: { size: markerRadii.map((r) => 2 * r), color: kinds.map((k) => k.fill),
                symbol: kinds.map((k) => k.symbol), line: { color: "#222", width: 1.2 } },
    };
    const layout = Object.assign({}, gd.layout, {
      title: { text: source, x: 0.01, xanchor: "left", font: { size: 18 } },
      margin: { l: 8, r: 8, t: 48, b: 8 },
    });
    const figure = { data: [...gd.data, markerTrace], layout };
    const url = await window.Plotly.toImage(figure, { format, width: 1200, height: 640 });
    const a = document.createElement("a");
    a.href = url;
    a.download = `${spec.csv ? spec.csv.name.replace(/\.csv$/, "") : "map"}-${moment.id}.${format}`;
    document.body.append(a);
    a.click();
    a.remove();
  }
  png.addEventListener("click", () => download("png"));
  svg.addEventListener("click", () => download("svg"));

  plotBox.addEventListener("pointermove", showTip);
  plotBox.addEventListener("pointerdown", showTip);
  plotBox.addEventListener("pointerleave", hideTip);

  let opening = true; // the first view is shown, not announced
  const onSelected = () => show(!opening);
  const onView = () => applyView();
  model.on("change:selected", onSelected);
  model.on("change:view", onView);

  // Opening: the moment the address names, else the model's, else the default.
  const wanted = deepLinks ? decodeURIComponent(location.hash.slice(1)) : "";
  if (wanted && byId.has(wanted)) {
    if (model.get("selected") !== wanted) select(wanted);
  } else {
    if (wanted) {
      note.textContent = (labels.unknown_moment || "").replace("{date}", (byId.get(spec.default) || events[0]).date);
      note.hidden = false;
    }
    if (!byId.has(model.get("selected"))) select(spec.default || events[0].id);
  }
  drawPlay();
  applyView();
  show(false);
  opening = false;

  let resizeObserver = null;
  loadPlotly()
    .then((Plotly) => {
      if (disposed) return null;
      const layout = Object.assign({}, spec.figure.layout, { autosize: true });
      const view = wantedView();
      if (view) {
        layout.xaxis = Object.assign({}, layout.xaxis, { range: view.x.slice(), constrain: viewLayout(view)["xaxis.constrain"] });
        layout.yaxis = Object.assign({}, layout.yaxis, { range: view.y.slice(), constrain: viewLayout(view)["yaxis.constrain"] });
      }
      const config = { displayModeBar: false, responsive: true, staticPlot: true, locale: spec.lang };
      return Plotly.newPlot(plot, styledTraces(current()), layout, config);
    })
    .then((div) => {
      if (!div || disposed) return;
      gd = div;
      placeMarkers();
      paintMap(current());
      root.dataset.ready = "true";
      let width = plotBox.clientWidth;
      resizeObserver = new ResizeObserver(() => {
        if (!gd || !plot.offsetWidth) return;
        if (fitted && plotBox.clientWidth !== width) fitHeight(fitted);
        width = plotBox.clientWidth;
        window.Plotly.Plots.resize(gd).then(() => {
          placeMarkers();
          paintMarkers(current());
        });
      });
      resizeObserver.observe(plotBox);
    })
    .catch((error) => {
      problem.textContent = labels.plotly_missing;
      problem.hidden = false;
      console.warn("explainer: the map could not be drawn", error);
    });

  return () => {
    disposed = true;
    stopPlaying();
    model.off("change:selected", onSelected);
    model.off("change:view", onView);
    if (resizeObserver) resizeObserver.disconnect();
    if (gd && window.Plotly) window.Plotly.purge(gd);
    if (csv.href.startsWith("blob:")) URL.revokeObjectURL(csv.href);
  };
}

export default { render };
