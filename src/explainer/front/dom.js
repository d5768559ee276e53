// Small DOM helpers. Every text from the data is set with textContent: nothing from a
// story is ever parsed as HTML.

export const SVG_NS = "http://www.w3.org/2000/svg";

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

export function svgNode(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  return node;
}

// Only web addresses become links: no javascript:, data: or relative tricks from data.
export function safeUrl(url) {
  return /^https?:\/\//i.test(url || "") ? url : "";
}

export function link(label, url) {
  const href = safeUrl(url);
  if (!href) return document.createTextNode(label);
  const a = element("a", "", label);
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

export function sourceList(node, sources) {
  (sources || []).forEach((source, i) => {
    if (i) node.append(document.createTextNode("; "));
    node.append(link(source.label, source.url));
  });
  return node;
}

export function reducedMotion() {
  return Boolean(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
}

// Ids unique on the page, however many views it holds.
let counter = 0;
export function uniquePrefix() {
  counter += 1;
  return `xpl-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}
