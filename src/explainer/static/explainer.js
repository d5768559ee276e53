// src/explainer/front/attach.js
var REGISTRY = "__explainerViews";
function registry() {
  if (!globalThis[REGISTRY]) globalThis[REGISTRY] = { views: /* @__PURE__ */ new Set(), live: /* @__PURE__ */ new Set() };
  return globalThis[REGISTRY];
}
function liveKernel(model) {
  try {
    const kernel = model.widget_manager && model.widget_manager.kernel;
    return kernel && kernel.id || "";
  } catch (error) {
    return "";
  }
}
function belong(view, live) {
  if (!view.key || view.key !== live.key) return false;
  const kernel = view.kernel ? view.kernel() : "";
  return !kernel || !live.kernel || kernel === live.kernel;
}
function registerView(view) {
  const { views, live } = registry();
  views.add(view);
  const match = [...live].reverse().find((entry) => belong(view, entry));
  if (match) view.model.switchTo(match.model);
  return () => views.delete(view);
}
function registerLive(model) {
  const entry = { key: model.get("key") || "", kernel: liveKernel(model), model };
  const { views, live } = registry();
  live.add(entry);
  views.forEach((view) => {
    if (belong(view, entry)) view.model.switchTo(model);
  });
  const forget = () => {
    live.delete(entry);
    views.forEach((view) => {
      if (view.model.current === model) view.model.detach();
    });
  };
  model.on("destroy", forget);
  return forget;
}

// src/explainer/front/dom.js
var SVG_NS = "http://www.w3.org/2000/svg";
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== void 0 && text !== null) node.textContent = text;
  return node;
}
function svgNode(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
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
  return node;
}
function reducedMotion() {
  return Boolean(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
}
var counter = 0;
function uniquePrefix() {
  counter += 1;
  return `xpl-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

// src/explainer/front/cards.js
function blockquote(lang, paragraphs, cite) {
  const block = element("blockquote");
  block.lang = lang;
  if (safeUrl(cite)) block.cite = cite;
  paragraphs.forEach((p) => block.append(element("p", "", p)));
  return block;
}
function quoteCard(quote) {
  const figure = element("figure", "xpl-quote");
  figure.dataset.quote = quote.id;
  const caption = element("figcaption");
  caption.append(document.createTextNode("\u2014 "), element("cite", "", quote.speaker));
  caption.append(document.createTextNode(` \xB7 ${quote.about}`), element("br"));
  caption.append(document.createTextNode(`${quote.source_label}: `));
  sourceList(caption, quote.sources);
  figure.append(blockquote(quote.lang, quote.paragraphs, quote.cite), caption);
  quote.notes.forEach((text) => figure.append(element("p", "xpl-quote-note", text)));
  if (quote.original) {
    const details = element("details");
    details.append(element("summary", "", quote.original.summary));
    details.append(blockquote(quote.original.lang, quote.original.paragraphs, quote.cite));
    figure.append(details);
  }
  return figure;
}
function changesList(moment, labels) {
  const changes = moment.changes;
  if (!changes) return null;
  const names = (list2) => list2.join(", ");
  const lines = [
    changes.founded ? labels.changes_founded.replace("{count}", changes.founded) : "",
    changes.joined.length ? labels.changes_joined.replace("{names}", names(changes.joined)) : "",
    changes.left.length ? labels.changes_left.replace("{names}", names(changes.left)) : "",
    changes.unlisted.length ? labels.changes_unlisted.replace("{names}", names(changes.unlisted)) : "",
    changes.grouped.length ? labels.changes_grouped.replace("{group}", labels.group).replace("{names}", names(changes.grouped)) : ""
  ].filter(Boolean);
  if (!lines.length) return null;
  const box = element("div", "xpl-changes");
  const list = element("ul");
  lines.forEach((line) => list.append(element("li", "", line)));
  box.append(element("p", "xpl-changes-heading", labels.changes_heading), list);
  return box;
}
function eventCard(moment, labels) {
  const card = element("div", "xpl-detail");
  card.append(
    element("p", "xpl-detail-date", moment.place ? `${moment.date} \xB7 ${moment.place}` : moment.date),
    element("h3", "xpl-detail-title", moment.title),
    element("p", "xpl-detail-text", moment.text),
    // The key fact, for the stage (which shows it instead of the whole text).
    element("p", "xpl-detail-lead", moment.lead || moment.text),
    sourceList(element("p", "xpl-detail-sources", `${labels.sources}: `), moment.sources)
  );
  const changes = changesList(moment, labels);
  if (changes) card.insertBefore(changes, card.lastChild);
  return card;
}
var Cards = class {
  constructor(labels, prefix) {
    this.labels = labels;
    this.section = element("section", "xpl-cards");
    this.section.setAttribute("aria-label", labels.event);
    this.event = element("div", "xpl-card-event");
    this.quotes = element("div", "xpl-card-quotes");
    const heading = element("h3", "xpl-heading xpl-quotes-heading", labels.quotes);
    heading.id = `${prefix}-quotes`;
    this.quotes.setAttribute("aria-labelledby", heading.id);
    this.quotesHeading = heading;
    this.section.append(this.event, this.quotes);
  }
  show(moment) {
    this.event.replaceChildren(eventCard(moment, this.labels));
    this.quotes.replaceChildren();
    this.quotes.hidden = !moment.quotes.length;
    if (!moment.quotes.length) return;
    this.quotes.append(this.quotesHeading, ...moment.quotes.map(quoteCard));
  }
};
function mountQuotes(host, state) {
  const root = element("div", "xpl-view xpl-quote-list");
  root.lang = state.lang;
  (state.groups || []).forEach((group) => {
    const section = element("section", "xpl-quote-group");
    section.append(element("h3", "", group.heading), ...group.quotes.map(quoteCard));
    root.append(section);
  });
  if (!(state.groups || []).length) root.append(element("p", "xpl-muted", state.empty));
  host.replaceChildren(root);
  return { dispose() {
  } };
}

// src/explainer/front/address.js
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    return text;
  }
}
var PAPERS = /* @__PURE__ */ new Set(["a4", "letter"]);
function parseHash(hash) {
  const [first, ...rest] = (hash || "").replace(/^#/, "").split("&");
  const address = { event: decode(first || ""), view: "", embed: false, handout: false, paper: "" };
  rest.forEach((part) => {
    const [key, value = ""] = part.split("=");
    if (key === "view") address.view = decode(value);
    if (key === "embed" || key === "handout") address[key] = true;
    if (key === "paper" && PAPERS.has(value.toLowerCase())) address.paper = value.toLowerCase();
  });
  return address;
}
function formatHash(event, view, firstView, embed = false) {
  const tail = view && view !== firstView ? `&view=${encodeURIComponent(view)}` : "";
  return `#${encodeURIComponent(event)}${tail}${embed ? "&embed" : ""}`;
}
function withHash(href, hash) {
  const [path] = (href || "").split("#");
  return `${path}${hash}`;
}
function historyMode(how) {
  return how === "jump" ? "push" : "replace";
}

// src/explainer/front/announce.js
function announcement(moment) {
  return (moment.announce || "").trim();
}

// src/explainer/front/controls.js
function button(className, text, shortcut) {
  const node = element("button", `xpl-button ${className}`, text);
  node.type = "button";
  if (shortcut) node.setAttribute("aria-keyshortcuts", shortcut);
  return node;
}
function viewButtons(spec, labels, onView) {
  const group = element("div", "xpl-views");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", labels.views || "Map view");
  const buttons = (spec.views || []).map((view) => {
    const node = button("", view.name);
    node.dataset.view = view.id;
    node.addEventListener("click", () => onView(view.id));
    group.append(node);
    return node;
  });
  return { group, buttons };
}
function languageLinks(pages, labels) {
  const nav = element("nav", "xpl-pages");
  nav.setAttribute("aria-label", labels.languages || "Languages");
  const links = (pages || []).map((page) => {
    const a = element("a", "xpl-page-link", page.label);
    a.lang = a.hreflang = page.lang;
    a.dataset.href = a.href = page.href;
    nav.append(a);
    return a;
  });
  return { nav, links };
}
function toolbar(spec, pages, actions) {
  const labels = spec.labels || {};
  const bar = element("div", "xpl-toolbar");
  const views = viewButtons(spec, labels, actions.view);
  const play = button("xpl-play", labels.play);
  const stage = button("xpl-stage-button", labels.stage, "F");
  stage.addEventListener("click", actions.stage);
  const notes = button("xpl-notes-button", labels.notes, "N");
  notes.addEventListener("click", actions.notes);
  const handout = button("xpl-handout-button", labels.handout);
  handout.addEventListener("click", actions.handout);
  const embed = button("xpl-embed-button", labels.embed);
  embed.setAttribute("aria-expanded", "false");
  embed.addEventListener("click", actions.embed);
  const languages = languageLinks(pages, labels);
  bar.append(views.group, play, stage, notes, handout, embed, languages.nav);
  return { bar, buttons: views.buttons, play, stage, notes, handout, embed, links: languages.links };
}

// src/explainer/front/downloads.js
function imageName(spec, moment, format) {
  const stem = spec.csv ? spec.csv.name.replace(/\.csv$/, "") : "map";
  return `${stem}-${moment.id}.${format}`;
}
function save(url, name) {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}
async function downloadImage(spec, map, moment, format) {
  const figure = map.figureForImage(moment);
  if (!figure) return;
  const title = [moment.map_title, moment.map_subtitle].filter(Boolean).join(" \u2014 ");
  const layout = Object.assign({}, figure.layout, {
    title: { text: title, x: 0.01, xanchor: "left", font: { size: 18 } },
    margin: { l: 8, r: 8, t: 48, b: 8 }
  });
  const url = await window.Plotly.toImage({ data: figure.data, layout }, { format, width: 1200, height: 640 });
  save(url, imageName(spec, moment, format));
}
var Downloads = class {
  constructor(spec, map, current) {
    const labels = spec.labels;
    this.section = element("p", "xpl-downloads");
    const png = element("button", "xpl-button xpl-download", labels.download_png);
    const svg = element("button", "xpl-button xpl-download", labels.download_svg);
    png.type = svg.type = "button";
    png.addEventListener("click", () => downloadImage(spec, map, current(), "png"));
    svg.addEventListener("click", () => downloadImage(spec, map, current(), "svg"));
    this.csv = element("a", "xpl-download-csv", labels.download_csv);
    if (spec.csv) {
      this.csv.download = spec.csv.name;
      this.csv.href = URL.createObjectURL(new Blob([spec.csv.text], { type: "text/csv;charset=utf-8" }));
    }
    this.section.append(png, svg, this.csv);
  }
  dispose() {
    if (this.csv.href.startsWith("blob:")) URL.revokeObjectURL(this.csv.href);
  }
};

// src/explainer/front/embed.js
function publishedUrl(location2, lang, published) {
  const base = published ? new URL(published, location2.href).href : location2.href.replace(/[#?].*$/, "").replace(/[^/]*$/, "");
  return `${base}${lang}.html`;
}
var LISTENER = 'addEventListener("message",function(e){document.querySelectorAll("iframe[data-explainer]").forEach(function(f){if(f.contentWindow===e.source&&e.data&&e.data.type==="explainer:height")f.style.height=e.data.height+"px"})});';
function snippet(url, hash, title) {
  const escaped = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const src = escaped(`${url}${hash}&embed`);
  return `<iframe data-explainer src="${src}" title="${escaped(title)}" width="100%" height="520" style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>
<script>${LISTENER}<\/script>`;
}
var EmbedPanel = class {
  constructor(labels) {
    this.section = element("div", "xpl-embed-panel");
    this.section.hidden = true;
    const id = `xpl-embed-${Math.random().toString(36).slice(2, 7)}`;
    const label = element("label", "", labels.embed_help);
    label.htmlFor = id;
    this.code = element("textarea", "xpl-embed-code");
    this.code.id = id;
    this.code.readOnly = true;
    this.code.rows = 4;
    this.copy = element("button", "xpl-button", labels.embed_copy);
    this.copy.type = "button";
    this.copy.addEventListener("click", () => this.copyCode(labels));
    this.section.append(label, this.code, this.copy);
  }
  show(text) {
    this.code.value = text;
    this.section.hidden = false;
    this.code.focus();
    this.code.select();
  }
  hide() {
    this.section.hidden = true;
  }
  copyCode(labels) {
    this.code.select();
    const done = () => this.copy.textContent = labels.embed_copied;
    if (navigator.clipboard) navigator.clipboard.writeText(this.code.value).then(done, () => {
    });
    else done();
  }
};
function reportHeight() {
  if (window.parent === window) return () => {
  };
  const send = () => window.parent.postMessage({ type: "explainer:height", height: document.documentElement.scrollHeight }, "*");
  const observer = new ResizeObserver(send);
  observer.observe(document.body);
  send();
  return () => observer.disconnect();
}

// src/explainer/front/geometry.js
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
  parts.forEach(
    (ring) => ring.forEach(([x, y]) => {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    })
  );
  return [x0, y0, x1, y1];
}
function inside(parts, x, y) {
  let odd = false;
  for (const ring of parts) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < (xj - xi) * (y - yi) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}
function countryShapes(figure, countries) {
  return countries.map((country) => {
    const parts = rings(figure.data[country.trace]);
    return { parts, box: bounds(parts) };
  });
}
function shapeAt(shapes, x, y) {
  for (let i = 0; i < shapes.length; i++) {
    const [x0, y0, x1, y1] = shapes[i].box;
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && inside(shapes[i].parts, x, y)) return i;
  }
  return -1;
}
function nearest(points, candidates, px, py, limit) {
  let best = -1;
  let bestDistance = Infinity;
  candidates.forEach((i, k) => {
    const within = typeof limit === "function" ? limit(i, k) : limit;
    const distance = Math.hypot(points[i][0] - px, points[i][1] - py);
    if (distance <= within && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

// src/explainer/front/legend.js
var SYMBOLS = {
  circle: () => svgNode("circle", { cx: 29, cy: 9, r: 5 }),
  "circle-open": () => svgNode("circle", { cx: 29, cy: 9, r: 5, fill: "none" }),
  diamond: () => svgNode("path", { d: "M29,3 l6,6 l-6,6 l-6,-6 z" }),
  square: () => svgNode("rect", { x: 24, y: 4, width: 10, height: 10 }),
  "square-open": () => svgNode("rect", { x: 24, y: 4, width: 10, height: 10, fill: "none" }),
  "triangle-up": () => svgNode("path", { d: "M29,3 l6,11 h-12 z" }),
  x: () => svgNode("path", { d: "M25,5 l8,8 M33,5 l-8,8", "stroke-width": 2.2 })
};
var HATCHING = {
  "/": (line) => svgNode("path", { d: "M-2,6 l8,-8 M0,12 l12,-12 M6,14 l8,-8", stroke: line, "stroke-width": 1.4 }),
  ".": (line) => svgNode("path", { d: "M3,3 h0.01 M9,9 h0.01", stroke: line, "stroke-width": 2.6, "stroke-linecap": "round" }),
  x: (line) => svgNode("path", { d: "M0,0 l12,12 M12,0 l-12,12", stroke: line, "stroke-width": 1.2 })
};
function swatchFill(swatch2, style, id) {
  if (!style.pattern) return style.fill;
  const pattern = svgNode("pattern", { id, width: 12, height: 12, patternUnits: "userSpaceOnUse" });
  pattern.append(svgNode("rect", { width: 12, height: 12, fill: style.fill }));
  const drawn = HATCHING[style.pattern];
  if (drawn) pattern.append(drawn(style.line));
  const defs = svgNode("defs");
  defs.append(pattern);
  swatch2.append(defs);
  return `url(#${id})`;
}
function swatch(style, id) {
  const svg = svgNode("svg", { width: 38, height: 18, viewBox: "0 0 38 18", "aria-hidden": "true", focusable: "false" });
  const fill = swatchFill(svg, style, id);
  const rect = svgNode("rect", { x: 1, y: 2, width: 18, height: 14, fill, stroke: style.line, "stroke-width": 1.2 });
  if (style.dash !== "solid") rect.setAttribute("stroke-dasharray", "3,2");
  const symbol = (SYMBOLS[style.symbol] || SYMBOLS.circle)();
  if (!symbol.getAttribute("fill")) symbol.setAttribute("fill", style.fill);
  symbol.setAttribute("stroke", "#222");
  if (!symbol.getAttribute("stroke-width")) symbol.setAttribute("stroke-width", 1.2);
  svg.append(rect, symbol);
  return svg;
}
function createLegend(spec, prefix) {
  const list = element("ul", "xpl-legend");
  list.setAttribute("aria-label", spec.labels.legend || "Key");
  (spec.legend || []).forEach((kind) => {
    const item = element("li", "xpl-key");
    item.dataset.kind = kind;
    const style = spec.styles[kind];
    const name = element("span", "xpl-key-name", style.name);
    item.append(swatch(style, `${prefix}-pattern-${kind}`), name);
    if (style.explain) item.append(element("small", "xpl-key-explain", style.explain));
    list.append(item);
  });
  return list;
}

// src/explainer/front/markers.js
var TINY_PX = 9;
var MARKER_MAX = 6;
var MARKER_MIN = 3;
var NEAREST_PX = 10;
function isTiny(country, kmPerPx) {
  return country.size_km / kmPerPx < TINY_PX;
}
function placeMarkers(countries, points, kmPerPx) {
  const codes = [];
  const radii = [];
  countries.forEach((country, i) => {
    if (!isTiny(country, kmPerPx)) return;
    let closest = Infinity;
    points.forEach((p, j) => {
      if (j !== i) closest = Math.min(closest, Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
    });
    const radius = Math.min(MARKER_MAX, 0.45 * closest);
    if (radius >= MARKER_MIN) {
      codes.push(i);
      radii.push(Math.round(radius * 10) / 10);
    }
  });
  return { codes, radii };
}
var SHAPES = {
  circle: (r) => `M${r},0A${r},${r} 0 1,1 -${r},0A${r},${r} 0 1,1 ${r},0Z`,
  diamond: (r) => `M${r * 1.3},0L0,${r * 1.3}L-${r * 1.3},0L0,-${r * 1.3}Z`,
  square: (r) => `M${r},${r}H-${r}V-${r}H${r}Z`,
  "triangle-up": (r) => `M-${r * 1.15},${r * 0.9}H${r * 1.15}L0,-${r * 1.2}Z`,
  x: (r) => `M-${r},-${r}L${r},${r}M${r},-${r}L-${r},${r}`
};
function markerPath(symbol, r) {
  const base = (symbol || "circle").replace(/-open$/, "");
  return (SHAPES[base] || SHAPES.circle)(r);
}
function isOpen(symbol) {
  return /-open$/.test(symbol || "") || symbol === "x";
}

// src/explainer/front/plotly.js
var PLOTLY_PATH = "explainer/static/vendor/plotly-basic.min.js";
function baseUrl() {
  const config = document.getElementById("jupyter-config-data");
  if (!config) return "/";
  try {
    return JSON.parse(config.textContent).baseUrl || "/";
  } catch (error) {
    return "/";
  }
}
function whenLoaded(script) {
  return new Promise((resolve, reject) => {
    script.addEventListener("load", () => window.Plotly ? resolve(window.Plotly) : reject(new Error("no Plotly")));
    script.addEventListener("error", () => reject(new Error(`could not load ${script.src}`)));
  });
}
function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__explainerPlotly) {
    let script = document.querySelector("script[data-explainer-plotly]");
    if (!script) {
      script = document.createElement("script");
      script.dataset.explainerPlotly = "true";
      script.src = baseUrl().replace(/\/?$/, "/") + PLOTLY_PATH;
      document.head.append(script);
    }
    window.__explainerPlotly = whenLoaded(script);
  }
  return window.__explainerPlotly;
}

// src/explainer/front/map.js
function fillUpdate(style) {
  return {
    fillcolor: style.fill,
    "fillpattern.shape": style.pattern,
    "fillpattern.fgcolor": style.line,
    "fillpattern.bgcolor": style.fill,
    "line.color": style.line,
    "line.dash": style.dash
  };
}
function viewLayout(view, first) {
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
  const pinned = element("div", "xpl-map-pinned");
  pinned.append(head, box);
  section.append(pinned, description, legend, problem);
  return { section, pinned, title, subtitle, box, description, plot, markers, tip, legend, problem };
}
var MapView = class {
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
    this.found = -1;
    this.focus = null;
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
        "stroke-width": style.symbol === "x" ? 2 : 1.2
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
    moment.countries.forEach((cell2, i) => {
      if (this.shown[i] === cell2[0]) return;
      this.shown[i] = cell2[0];
      changed.push(this.countries[i].trace);
      Object.entries(fillUpdate(this.spec.styles[cell2[0]])).forEach(([key, value]) => (update[key] = update[key] || []).push(value));
    });
    if (changed.length) window.Plotly.restyle(this.gd, update, changed);
    this.paintMarkers(moment);
  }
  // The traces as the moment shows them, so that the first drawing is the only one.
  styledTraces(moment) {
    moment.countries.forEach((cell2, i) => this.shown[i] = cell2[0]);
    return tracesFor(this.spec, moment);
  }
  countryAt(px, py) {
    const [xa, ya] = this.axes();
    if (!xa) return -1;
    const points = this.countries.map((c) => this.toPixels(c.anchor));
    const onMarker = nearest(points, this.markers.codes, px, py, (i, k) => this.markers.radii[k]);
    if (onMarker >= 0) return onMarker;
    const inShape = shapeAt(this.shapes, xa.p2c(px - xa._offset), ya.p2c(py - ya._offset));
    if (inShape >= 0) return inShape;
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
    const shown = /* @__PURE__ */ new Set(["not_member", ...moment.countries.map((cell2) => cell2[0])]);
    this.parts.legend.querySelectorAll(".xpl-key").forEach((item) => item.hidden = !shown.has(item.dataset.kind));
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
};
function tracesFor(spec, moment) {
  const data = spec.figure.data.map((trace) => Object.assign({}, trace));
  moment.countries.forEach((cell2, i) => {
    const trace = data[spec.countries[i].trace];
    const style = spec.styles[cell2[0]];
    trace.fillcolor = style.fill;
    trace.fillpattern = Object.assign({}, trace.fillpattern, { shape: style.pattern, fgcolor: style.line, bgcolor: style.fill });
    trace.line = Object.assign({}, trace.line, { color: style.line, dash: style.dash });
  });
  return data;
}
function tipLines(spec, cell2) {
  const [detail, group, sources] = [cell2[1], cell2[2], cell2[3]].map((i) => spec.strings[i]);
  return [detail, group, sources ? (cell2[4] > 1 ? spec.labels.sources_line : spec.labels.source).replace("{source}", sources) : ""].filter(Boolean);
}
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
function markerTrace(spec, countries, markers, moment) {
  const kinds = markers.codes.map((i) => spec.styles[moment.countries[i][0]]);
  return {
    type: "scatter",
    mode: "markers",
    hoverinfo: "skip",
    showlegend: false,
    x: markers.codes.map((i) => countries[i].anchor[0]),
    y: markers.codes.map((i) => countries[i].anchor[1]),
    marker: { size: markers.radii.map((r) => 2 * r), color: kinds.map((k) => k.fill), symbol: kinds.map((k) => k.symbol), line: { color: "#222", width: 1.2 } }
  };
}

// src/explainer/front/text.js
function fold(text) {
  return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
function matches(name, query) {
  const wanted = fold(query);
  return !wanted || fold(name).includes(wanted);
}
function suggest(countries, query, limit = 8) {
  const wanted = fold(query);
  if (!wanted) return [];
  const found = [];
  countries.forEach((country, index) => {
    let best = null;
    (country.search || [country.name]).forEach((term) => {
      const folded = fold(term);
      const rank = folded.startsWith(wanted) ? 0 : ` ${folded}`.includes(` ${wanted}`) ? 1 : folded.includes(wanted) ? 2 : 3;
      if (rank < 3 && (!best || rank < best.rank)) best = { rank, term };
    });
    if (best) found.push({ index, name: country.name, via: best.term, rank: best.rank });
  });
  found.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return found.slice(0, limit).map(({ index, name, via }) => ({ index, name, via: fold(via) === fold(name) ? "" : via }));
}

// src/explainer/front/table.js
function columnLabels(labels) {
  return [labels.country, labels.status, labels.details, labels.group, labels.sources].filter(Boolean);
}
function cell(tag, text, role) {
  const node = element(tag, "", text);
  node.setAttribute("role", role);
  return node;
}
function rowCells(spec, moment, i) {
  const status = moment.countries[i];
  const texts = spec.labels.group ? [status[1], status[2], status[3]] : [status[1], status[3]];
  return [spec.styles[status[0]].name, ...texts.map((n) => spec.strings[n])];
}
function fillBody(body, spec, moment, columns) {
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
      td.dataset.label = columns[column + 1];
      return td;
    });
    row.append(name, ...cells);
    body.append(row);
  });
}
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
var MembersTable = class {
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
};

// src/explainer/front/handout.js
var SMALL = { width: 232, height: 118 };
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
    element("p", "", moment.lead)
  );
  figure.append(map, caption);
  return { figure, map };
}
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
var Handout = class {
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
    this.section.append(
      element("h2", "", labels.handout_steps),
      grid,
      element("h2", "", last.caption),
      membersList(spec, last),
      element("h2", "", labels.sources),
      sourcesList(spec)
    );
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
};

// src/explainer/front/keys.js
var STEPS = {
  ArrowDown: "next",
  ArrowRight: "next",
  PageDown: "next",
  " ": "next",
  ArrowUp: "previous",
  ArrowLeft: "previous",
  PageUp: "previous",
  Home: "first",
  End: "last"
};
var COMMANDS = {
  f: "stage",
  F: "stage",
  Escape: "leave",
  b: "blank",
  B: "blank",
  ".": "blank",
  n: "notes",
  N: "notes"
};
function typing(target) {
  if (!target) return false;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || "") || Boolean(target.isContentEditable);
}
function onButton(target) {
  return Boolean(target) && /^(BUTTON|A|SUMMARY)$/.test(target.tagName || "");
}
function keyAction(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return null;
  if (event.key === " " && onButton(event.target)) return null;
  if (event.key === " " && event.shiftKey) return "previous";
  return STEPS[event.key] || COMMANDS[event.key] || null;
}
function isStep(action) {
  return ["next", "previous", "first", "last"].includes(action);
}
function stepIndex(action, index, count) {
  if (!count) return -1;
  const from = index < 0 ? 0 : index;
  const to = { next: from + 1, previous: from - 1, first: 0, last: count - 1 }[action];
  return to === void 0 ? from : Math.max(0, Math.min(count - 1, to));
}

// src/explainer/front/notes.js
function copyStyles(from, to) {
  from.querySelectorAll('style, link[rel="stylesheet"]').forEach((node) => to.head.append(to.importNode(node, true)));
}
function clock(locale) {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
}
function elapsed(ms) {
  const seconds = Math.floor(ms / 1e3);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}
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
var NotesWindow = class {
  constructor(view, labels, lang, locale, name) {
    this.view = view;
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
    [["previous", "\u25C0", this.labels.previous_step], ["next", "\u25B6", this.labels.next_step]].forEach(([action, sign, label]) => {
      const button2 = doc.createElement("button");
      button2.type = "button";
      button2.className = "xpl-button";
      button2.textContent = `${sign} ${label}`;
      button2.addEventListener("click", () => this.view.act(action));
      nav.append(button2);
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
      const text = `${format.format(/* @__PURE__ */ new Date())} \xB7 ${this.labels.notes_elapsed.replace("{time}", elapsed(Date.now() - started))}`;
      this.win.document.querySelector(".xpl-notes-clock").textContent = text;
      return null;
    };
    this.stopClock();
    update();
    this.timer = setInterval(update, 1e3);
  }
  stopClock() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
  dispose() {
    this.stopClock();
    if (this.open) this.win.close();
  }
};

// src/explainer/front/play.js
var Player = class {
  constructor(button2, labels, intervalMs, stepper) {
    this.button = button2;
    this.labels = labels;
    this.intervalMs = intervalMs;
    this.stepper = stepper;
    this.timer = null;
    button2.addEventListener("click", () => this.playing ? this.stop() : this.start());
    this.draw();
  }
  get playing() {
    return this.timer !== null;
  }
  start() {
    if (this.stepper.atEnd()) this.stepper.restart();
    this.timer = setInterval(() => {
      if (this.stepper.atEnd()) this.stop();
      else this.stepper.next();
    }, this.intervalMs() || 4e3);
    this.draw();
  }
  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.draw();
  }
  draw() {
    this.button.textContent = this.playing ? `\u275A\u275A ${this.labels.pause}` : `\u25B6 ${this.labels.play}`;
    this.button.setAttribute("aria-pressed", this.playing ? "true" : "false");
  }
};

// src/explainer/front/search.js
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
var Search = class {
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
      ArrowDown: () => open ? this.move(this.active + 1) : this.update(),
      ArrowUp: () => open && this.move(this.active - 1),
      Enter: () => open && this.active >= 0 && this.choose(Number(this.list.children[this.active].dataset.index)),
      Escape: () => open ? this.close() : this.clear()
    };
    if (!keys[event.key]) return;
    event.preventDefault();
    event.stopPropagation();
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
    const cell2 = moment.countries[index];
    const [detail, group, sources] = [cell2[1], cell2[2], cell2[3]].map((i) => spec.strings[i]);
    const heading = spec.labels.search_found.replace("{country}", this.countries[index].name).replace("{date}", moment.date);
    this.card.replaceChildren(element("p", "xpl-found-title", heading), element("p", "", [detail, group].filter(Boolean).join(" \xB7 ")));
    if (sources) this.card.append(element("p", "xpl-found-sources", (cell2[4] > 1 ? spec.labels.sources_line : spec.labels.source).replace("{source}", sources)));
  }
};

// src/explainer/front/stage.js
var Stage = class {
  constructor(root, labels, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.active = false;
    this.cover = element("div", "xpl-blank");
    this.cover.hidden = true;
    this.cover.setAttribute("role", "status");
    this.cover.append(element("p", "xpl-sr-only", labels.blanked));
    this.cover.addEventListener("click", () => this.blank(false));
    this.onFullscreen = () => {
      if (this.active && !document.fullscreenElement && this.wentFullscreen) this.leave();
    };
    document.addEventListener("fullscreenchange", this.onFullscreen);
  }
  get blanked() {
    return !this.cover.hidden;
  }
  enter() {
    if (this.active) return;
    this.active = true;
    this.root.classList.add("xpl-stage");
    document.documentElement.classList.add("xpl-staged");
    this.wentFullscreen = false;
    const request = this.root.requestFullscreen && document.fullscreenEnabled ? this.root.requestFullscreen() : null;
    if (request) request.then(() => this.wentFullscreen = true).catch(() => {
    });
    this.onChange(true);
  }
  leave() {
    if (!this.active) return;
    this.active = false;
    this.blank(false);
    this.root.classList.remove("xpl-stage");
    document.documentElement.classList.remove("xpl-staged");
    if (document.fullscreenElement === this.root) document.exitFullscreen().catch(() => {
    });
    this.onChange(false);
  }
  toggle() {
    if (this.active) this.leave();
    else this.enter();
  }
  // On the stage the cover is inside the view (all that a full screen shows); off it,
  // it covers the whole window.
  blank(on = !this.blanked) {
    if (on) (this.active ? this.root : document.body).append(this.cover);
    this.cover.hidden = !on;
  }
  dispose() {
    this.leave();
    this.cover.remove();
    document.removeEventListener("fullscreenchange", this.onFullscreen);
  }
};

// src/explainer/front/stepbar.js
function stepButton(sign, label, onClick) {
  const button2 = element("button", "xpl-button xpl-step-button", sign);
  button2.type = "button";
  button2.setAttribute("aria-label", label);
  button2.addEventListener("click", onClick);
  return button2;
}
var StepBar = class {
  constructor(labels, act) {
    this.section = element("div", "xpl-stepbar");
    this.previous = stepButton("\u25C0", labels.previous_step, () => act("previous"));
    this.next = stepButton("\u25B6", labels.next_step, () => act("next"));
    this.text = element("p", "xpl-stepbar-text");
    this.date = element("span", "xpl-stepbar-date");
    this.title = element("span", "xpl-stepbar-title");
    this.text.append(this.date, this.title);
    this.section.append(this.previous, this.text, this.next);
  }
  show(moment, index, count) {
    this.date.textContent = moment.date;
    this.title.textContent = moment.title;
    this.previous.disabled = index <= 0;
    this.next.disabled = index >= count - 1;
  }
};
function swipeToStep(node, act) {
  let start = null;
  node.addEventListener("pointerdown", (event) => {
    if (event.pointerType !== "mouse") start = [event.clientX, event.clientY];
  });
  node.addEventListener("pointerup", (event) => {
    if (!start) return;
    const [dx, dy] = [event.clientX - start[0], event.clientY - start[1]];
    start = null;
    if (Math.abs(dx) > 50 && Math.abs(dy) < Math.abs(dx) / 2) act(dx < 0 ? "next" : "previous");
  });
  node.addEventListener("pointercancel", () => start = null);
}

// src/explainer/front/timeline.js
var Timeline = class {
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
    [...this.list.children].forEach((item2, i) => item2.setAttribute("aria-selected", i === index ? "true" : "false"));
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
};

// src/explainer/front/timescale.js
var DAY_MS = 864e5;
function dayNumber(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}
function isoDay(number) {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}
function position(day, start, end, width) {
  return end > start ? (day - start) / (end - start) * width : 0;
}
function stagger(xs, widths, rows = 3) {
  const ends = Array(rows).fill(-Infinity);
  return xs.map((x, i) => {
    let row = ends.findIndex((end) => x - widths[i] / 2 >= end + 4);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = x + widths[i] / 2;
    return row;
  });
}
function periodOn(periods, day) {
  let found = periods[0];
  periods.forEach((period) => {
    if (dayNumber(period.from) <= day) found = period;
  });
  return found;
}
var TimeScale = class {
  constructor(spec, prefix, actions) {
    this.spec = spec;
    this.actions = actions;
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
    this.range.setAttribute("aria-valuetext", new Intl.DateTimeFormat(this.spec.locale || this.spec.lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(/* @__PURE__ */ new Date(`${shown}T00:00:00Z`)));
  }
  toggle(on = this.section.hidden) {
    this.section.hidden = !on;
    if (on) this.place();
    return on;
  }
  dispose() {
    this.resize.disconnect();
  }
};

// src/explainer/front/linked.js
var LinkedView = class {
  constructor(el, model, options = {}) {
    this.model = model;
    this.spec = model.get("spec") || {};
    this.events = this.spec.events || [];
    this.byId = new Map(this.events.map((event) => [event.id, event]));
    this.deepLinks = Boolean(options.deepLinks);
    this.published = options.published || "";
    this.prefix = uniquePrefix();
    this.how = "open";
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
      embed: () => this.toggleEmbed()
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
    this.scrubDay = null;
    this.timescale = new TimeScale(this.spec, this.prefix, {
      choose: (id) => this.choose(id),
      scrub: (day) => this.scrub(day)
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
      next: () => this.select(this.events[Math.min(this.position() + 1, this.events.length - 1)].id, "step")
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
    const button2 = element("button", "xpl-button xpl-timescale-button", this.spec.labels.time_scale);
    button2.type = "button";
    button2.setAttribute("aria-pressed", "false");
    button2.setAttribute("aria-controls", this.timescale.section.id);
    button2.addEventListener("click", () => {
      button2.setAttribute("aria-pressed", this.timescale.toggle() ? "true" : "false");
    });
    return button2;
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
      act: (action) => this.act(action)
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
    this.onPageKey = (event) => this.onKey(event, false);
    this.onAddress = () => this.followHash();
    document.addEventListener("keydown", this.onPageKey);
    window.addEventListener("hashchange", this.onAddress);
    window.addEventListener("popstate", this.onAddress);
  }
  // Keys inside the view do everything; on the rest of the page, only the stage, the
  // notes, and (on the stage) every key: a clicker's focus is anywhere.
  onKey(event, inside2) {
    if (!inside2 && this.root.contains(event.target)) return;
    const action = keyAction(event);
    if (!action) return;
    const everywhere = this.stage.active || this.embedded;
    if (!inside2 && !everywhere && !["stage", "notes"].includes(action)) return;
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
      if (this.deepLinks && !wanted.embed && this.root.scrollIntoView) this.root.scrollIntoView({ block: "start" });
    } else {
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
    const date = format.format(/* @__PURE__ */ new Date(`${isoDay(day)}T00:00:00Z`));
    const period = periodOn(this.spec.periods, day);
    const title = period.count ? labels.time_title.replace("{date}", date).replace("{count}", period.count) : labels.time_before.replace("{date}", date).replace("{start}", labels.start);
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
    this.tools.links.forEach((a) => a.href = withHash(a.dataset.href, plain));
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
};

// src/explainer/front/model.js
function staticModel(state) {
  const handlers = /* @__PURE__ */ new Map();
  return {
    get: (name) => state[name],
    set(name, value) {
      const changed = state[name] !== value;
      state[name] = value;
      if (changed) (handlers.get(`change:${name}`) || []).forEach((handler) => handler());
    },
    save_changes() {
    },
    on(name, handler) {
      handlers.set(name, [...handlers.get(name) || [], handler]);
    },
    off(name, handler) {
      handlers.set(name, (handlers.get(name) || []).filter((h) => h !== handler));
    }
  };
}
var SwitchableModel = class {
  constructor(initial, names = ["selected", "view"]) {
    this.fallback = initial;
    this.current = initial;
    this.names = names;
    this.handlers = [];
    this.touched = /* @__PURE__ */ new Set();
    this.live = false;
  }
  get(name) {
    return this.current.get(name);
  }
  set(name, value) {
    if (!this.live) this.touched.add(name);
    this.current.set(name, value);
  }
  save_changes() {
    try {
      this.current.save_changes();
    } catch (error) {
      console.warn("explainer: the live view lost its kernel; going on without it", error);
      this.detach();
    }
  }
  on(event, handler) {
    this.handlers.push([event, handler]);
    this.current.on(event, handler);
  }
  off(event, handler) {
    this.handlers = this.handlers.filter(([e, h]) => !(e === event && h === handler));
    this.current.off(event, handler);
  }
  // Move to `next` (the live model): the reader's own changes go to it, its other
  // values come to the view (each change fires as if it had just happened).
  switchTo(next) {
    if (next === this.current) return;
    const before = Object.fromEntries(this.names.map((name) => [name, this.current.get(name)]));
    this.handlers.forEach(([event, handler]) => this.current.off(event, handler));
    this.current = next;
    this.live = true;
    const carried = this.names.filter((name) => this.touched.has(name) && next.get(name) !== before[name]);
    carried.forEach((name) => next.set(name, before[name]));
    if (carried.length) next.save_changes();
    this.handlers.forEach(([event, handler]) => next.on(event, handler));
    this.names.filter((name) => !carried.includes(name) && next.get(name) !== before[name]).forEach((name) => this.handlers.filter(([e]) => e === `change:${name}`).forEach(([, h]) => h()));
  }
  // Back to the page's own model (the kernel closed the widget), keeping what is shown.
  detach() {
    if (!this.live) return;
    const values = this.names.map((name) => [name, this.current.get(name)]);
    this.handlers.forEach(([event, handler]) => this.current.off(event, handler));
    this.current = this.fallback;
    this.live = false;
    this.handlers.forEach(([event, handler]) => this.fallback.on(event, handler));
    values.forEach(([name, value]) => this.fallback.set(name, value));
  }
};

// src/explainer/front/members.js
function mountMembers(host, state) {
  const root = element("div", "xpl-view xpl-members-view");
  root.lang = state.lang;
  const table = new MembersTable(state, `xpl-members-${Math.random().toString(36).slice(2, 7)}`, false);
  let url = "";
  if (state.csv) {
    url = URL.createObjectURL(new Blob([state.csv.text], { type: "text/csv;charset=utf-8" }));
    const link2 = element("a", "xpl-download-csv", state.labels.download_csv);
    link2.download = state.csv.name;
    link2.href = url;
    root.append(element("p", "xpl-downloads"));
    root.lastChild.append(link2);
  }
  table.show(state.moment);
  root.append(table.section);
  host.replaceChildren(root);
  return {
    dispose() {
      if (url) URL.revokeObjectURL(url);
    }
  };
}

// src/explainer/front/index.js
var MIME_TYPE = "application/vnd.explainer.view+json";
var KINDS = { quotes: mountQuotes, members: mountMembers };
function mount(host, payload, options = {}) {
  host.replaceChildren();
  if (KINDS[payload.kind]) return KINDS[payload.kind](host, payload.state || {});
  const model = new SwitchableModel(staticModel(Object.assign({}, payload.state)));
  const view = new LinkedView(host, model, options);
  const unregister = registerView({ key: payload.key || "", kernel: options.kernel, model });
  return {
    view,
    dispose() {
      unregister();
      view.dispose();
    }
  };
}
function mountAll(options = {}) {
  const mounted = [];
  document.querySelectorAll("script[data-explainer-view]").forEach((island) => {
    const host = document.getElementById(island.dataset.explainerView);
    if (!host || host.dataset.explainerMounted) return;
    host.dataset.explainerMounted = "true";
    mounted.push(mount(host, JSON.parse(island.textContent), options));
  });
  return mounted;
}
function painted(mounted, ms = 4e3) {
  const drawn = Promise.all(mounted.map((m) => m.view ? m.view.map.ready : null));
  return Promise.race([drawn, new Promise((resolve) => setTimeout(resolve, ms))]);
}
function initialize({ model }) {
  return registerLive(model);
}
function render({ model, el }) {
  const view = new LinkedView(el, model, {});
  return () => view.dispose();
}
var index_default = { initialize, render };
export {
  MIME_TYPE,
  index_default as default,
  mount,
  mountAll,
  painted
};
