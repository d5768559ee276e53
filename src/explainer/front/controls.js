// The view's toolbar: the map's views, Play, the stage and the notes, and links to the
// story in its other languages.

import { element } from "./dom.js";

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

export function toolbar(spec, pages, actions) {
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
