// The map's key: a swatch (fill, hatching, outline and marker) and a name per status,
// so that no status is told apart by colour alone.

import { element, svgNode } from "./dom.js";

const SYMBOLS = {
  circle: () => svgNode("circle", { cx: 29, cy: 9, r: 5 }),
  "circle-open": () => svgNode("circle", { cx: 29, cy: 9, r: 5, fill: "none" }),
  diamond: () => svgNode("path", { d: "M29,3 l6,6 l-6,6 l-6,-6 z" }),
  square: () => svgNode("rect", { x: 24, y: 4, width: 10, height: 10 }),
  "square-open": () => svgNode("rect", { x: 24, y: 4, width: 10, height: 10, fill: "none" }),
  "triangle-up": () => svgNode("path", { d: "M29,3 l6,11 h-12 z" }),
  x: () => svgNode("path", { d: "M25,5 l8,8 M33,5 l-8,8", "stroke-width": 2.2 }),
};

const HATCHING = {
  "/": (line) => svgNode("path", { d: "M-2,6 l8,-8 M0,12 l12,-12 M6,14 l8,-8", stroke: line, "stroke-width": 1.4 }),
  ".": (line) => svgNode("path", { d: "M3,3 h0.01 M9,9 h0.01", stroke: line, "stroke-width": 2.6, "stroke-linecap": "round" }),
  x: (line) => svgNode("path", { d: "M0,0 l12,12 M12,0 l-12,12", stroke: line, "stroke-width": 1.2 }),
};

// The fill of a swatch: a colour, or a hatching pattern defined inside the swatch.
function swatchFill(swatch, style, id) {
  if (!style.pattern) return style.fill;
  const pattern = svgNode("pattern", { id, width: 12, height: 12, patternUnits: "userSpaceOnUse" });
  pattern.append(svgNode("rect", { width: 12, height: 12, fill: style.fill }));
  const drawn = HATCHING[style.pattern];
  if (drawn) pattern.append(drawn(style.line));
  const defs = svgNode("defs");
  defs.append(pattern);
  swatch.append(defs);
  return `url(#${id})`;
}

export function swatch(style, id) {
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

export function createLegend(spec, prefix) {
  const list = element("ul", "xpl-legend");
  list.setAttribute("aria-label", spec.labels.legend || "Key");
  (spec.legend || []).forEach((kind) => {
    const item = element("li", "xpl-key");
    item.dataset.kind = kind;
    const style = spec.styles[kind];
    const name = element("span", "xpl-key-name", style.name);
    item.append(swatch(style, `${prefix}-pattern-${kind}`), name);
    // What an uncertain status means, in a sentence, under its name.
    if (style.explain) item.append(element("small", "xpl-key-explain", style.explain));
    list.append(item);
  });
  return list;
}
