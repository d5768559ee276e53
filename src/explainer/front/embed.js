// Embedding: a snippet for someone else's page (an <iframe> of the published page at
// the moment shown, and a line that lets the frame set its height), and the embedded
// page's side: a compact view that tells its host how tall it is.

import { element } from "./dom.js";

// Where the published page of a language is: beside this page (an exported page), or
// below the server's /published/ (Voilà).
export function publishedUrl(location, lang, published) {
  const base = published ? new URL(published, location.href).href : location.href.replace(/[#?].*$/, "").replace(/[^/]*$/, "");
  return `${base}${lang}.html`;
}

const LISTENER =
  'addEventListener("message",function(e){document.querySelectorAll("iframe[data-explainer]").forEach(function(f){' +
  'if(f.contentWindow===e.source&&e.data&&e.data.type==="explainer:height")f.style.height=e.data.height+"px"})});';

export function snippet(url, hash, title) {
  const escaped = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const src = escaped(`${url}${hash}&embed`);
  return (
    `<iframe data-explainer src="${src}" title="${escaped(title)}" width="100%" height="520" ` +
    `style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>\n` +
    `<script>${LISTENER}</script>`
  );
}

export class EmbedPanel {
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
    const done = () => (this.copy.textContent = labels.embed_copied);
    if (navigator.clipboard) navigator.clipboard.writeText(this.code.value).then(done, () => {});
    else done();
  }
}

// The embedded page tells its host page how tall it is, whenever that changes.
export function reportHeight() {
  if (window.parent === window) return () => {};
  const send = () => window.parent.postMessage({ type: "explainer:height", height: document.documentElement.scrollHeight }, "*");
  const observer = new ResizeObserver(send);
  observer.observe(document.body);
  send();
  return () => observer.disconnect();
}
