// Cards: the current event (date, place, title, what happened, sources) and its quotes,
// verbatim, with speaker, occasion and source, and the original beside a translation.

import { element, safeUrl, sourceList } from "./dom.js";

function blockquote(lang, paragraphs, cite) {
  const block = element("blockquote");
  block.lang = lang;
  if (safeUrl(cite)) block.cite = cite;
  paragraphs.forEach((p) => block.append(element("p", "", p)));
  return block;
}

export function quoteCard(quote) {
  const figure = element("figure", "xpl-quote");
  figure.dataset.quote = quote.id;
  const caption = element("figcaption");
  caption.append(document.createTextNode("— "), element("cite", "", quote.speaker));
  caption.append(document.createTextNode(` · ${quote.about}`), element("br"));
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

// What changed since the step before, in words (the map outlines the same countries).
function changesList(moment, labels) {
  const changes = moment.changes;
  if (!changes) return null;
  const names = (list) => list.join(", ");
  const lines = [
    changes.founded ? labels.changes_founded.replace("{count}", changes.founded) : "",
    changes.joined.length ? labels.changes_joined.replace("{names}", names(changes.joined)) : "",
    changes.left.length ? labels.changes_left.replace("{names}", names(changes.left)) : "",
    changes.unlisted.length ? labels.changes_unlisted.replace("{names}", names(changes.unlisted)) : "",
    changes.grouped.length ? labels.changes_grouped.replace("{group}", labels.group).replace("{names}", names(changes.grouped)) : "",
  ].filter(Boolean);
  if (!lines.length) return null;
  const box = element("div", "xpl-changes");
  const list = element("ul");
  lines.forEach((line) => list.append(element("li", "", line)));
  box.append(element("p", "xpl-changes-heading", labels.changes_heading), list);
  return box;
}

export function eventCard(moment, labels) {
  const card = element("div", "xpl-detail");
  card.append(
    element("p", "xpl-detail-date", moment.place ? `${moment.date} · ${moment.place}` : moment.date),
    element("h3", "xpl-detail-title", moment.title),
    element("p", "xpl-detail-text", moment.text),
    // The key fact, for the stage (which shows it instead of the whole text).
    element("p", "xpl-detail-lead", moment.lead || moment.text),
    sourceList(element("p", "xpl-detail-sources", `${labels.sources}: `), moment.sources),
  );
  const changes = changesList(moment, labels);
  if (changes) card.insertBefore(changes, card.lastChild);
  return card;
}

// The linked view's card area: the event, then its quotes (if the sources give any).
export class Cards {
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
}

// Every quote of a story, event by event: the "quotes" view of a notebook cell.
export function mountQuotes(host, state) {
  const root = element("div", "xpl-view xpl-quote-list");
  root.lang = state.lang;
  (state.groups || []).forEach((group) => {
    const section = element("section", "xpl-quote-group");
    section.append(element("h3", "", group.heading), ...group.quotes.map(quoteCard));
    root.append(section);
  });
  if (!(state.groups || []).length) root.append(element("p", "xpl-muted", state.empty));
  host.replaceChildren(root);
  return { dispose() {} };
}
