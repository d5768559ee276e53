// The address is the view: `#event-id`, and `&view=europe` where the map is not in its
// first view. Pure parsing and formatting here (tested under node); the view reads and
// writes the address only on pages that own it (the exported page and Voilà).
//
// History: a deliberate jump (a click on an event, Home or End, a view button) adds an
// entry, so Back returns to where the reader was; stepping (arrows, a clicker, Play)
// replaces the current entry, so a talk does not leave one entry per slide.

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    return text;
  }
}

// Besides the event and the view: `&embed` (a compact view for another page's frame),
// `&handout` (the whole story as a handout to print) and `&paper=a4` or `&paper=letter`
// (the sheet a handout printed to a file is laid out for; a browser's print dialog
// chooses its own when none is named).
const PAPERS = new Set(["a4", "letter"]);

export function parseHash(hash) {
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

// `firstView`: the view a page opens on, left out of the address.
export function formatHash(event, view, firstView, embed = false) {
  const tail = view && view !== firstView ? `&view=${encodeURIComponent(view)}` : "";
  return `#${encodeURIComponent(event)}${tail}${embed ? "&embed" : ""}`;
}

// A link to another page of the story, keeping the moment and the view.
export function withHash(href, hash) {
  const [path] = (href || "").split("#");
  return `${path}${hash}`;
}

// How an action moves through history: "push" a new entry, "replace" the current one.
export function historyMode(how) {
  return how === "jump" ? "push" : "replace";
}
