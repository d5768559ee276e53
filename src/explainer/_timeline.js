// Timeline of the Global Alliance: a keyboard-driven listbox of events, a detail panel,
// a play control and a polite live region. State lives in the model's traits; all text
// is set with textContent, so nothing from the data is ever parsed as HTML.

let counter = 0;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render({ model, el }) {
  const prefix = `gaexp-tl-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  const root = element("section", "gaexp-timeline");
  const heading = element("h2", "gaexp-timeline-heading");
  heading.id = `${prefix}-heading`;
  root.setAttribute("aria-labelledby", heading.id);
  const controls = element("div", "gaexp-timeline-controls");
  const play = element("button", "gaexp-play");
  play.type = "button";
  const help = element("p", "gaexp-help");
  help.id = `${prefix}-help`;
  controls.append(play, help);
  const list = element("ol", "gaexp-events");
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-labelledby", heading.id);
  list.setAttribute("aria-describedby", help.id);
  list.tabIndex = 0;
  const detail = element("div", "gaexp-detail");
  const live = element("div", "gaexp-sr-only");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  root.append(heading, controls, list, detail, live);
  el.append(root);

  let timer = null;

  const events = () => model.get("events") || [];
  const position = () => events().findIndex((e) => e.id === model.get("selected"));

  function select(index) {
    const all = events();
    if (!all.length) return;
    const bounded = Math.max(0, Math.min(all.length - 1, index));
    model.set("selected", all[bounded].id);
    model.save_changes();
  }

  function drawList() {
    list.replaceChildren();
    events().forEach((event, index) => {
      const item = element("li", "gaexp-event");
      item.id = `${prefix}-${index}`;
      item.setAttribute("role", "option");
      item.dataset.id = event.id;
      item.append(element("span", "gaexp-event-date", event.date), element("span", "gaexp-event-title", event.title));
      item.addEventListener("click", () => {
        select(index);
        list.focus();
      });
      list.append(item);
    });
  }

  function drawSelection() {
    const index = position();
    [...list.children].forEach((item, i) => {
      item.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    const current = list.children[index];
    if (current) {
      list.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    }
    const event = events()[index];
    detail.replaceChildren();
    if (!event) return;
    const labels = model.get("labels") || {};
    detail.append(element("p", "gaexp-detail-date", event.place ? `${event.date} · ${event.place}` : event.date));
    detail.append(element("h3", "gaexp-detail-title", event.title));
    detail.append(element("p", "gaexp-detail-text", event.text));
    const sources = element("p", "gaexp-detail-sources", `${labels.sources || "Sources"}: `);
    (event.sources || []).forEach((source, i) => {
      if (i) sources.append(document.createTextNode("; "));
      if (source.url) {
        const link = element("a", "", source.label);
        link.href = source.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        sources.append(link);
      } else {
        sources.append(document.createTextNode(source.label));
      }
    });
    detail.append(sources);
    live.textContent = event.announce || "";
  }

  function drawLabels() {
    const labels = model.get("labels") || {};
    heading.textContent = labels.heading || "Timeline";
    help.textContent = labels.help || "";
    const playing = model.get("playing");
    play.textContent = playing ? `❚❚ ${labels.pause || "Pause"}` : `▶ ${labels.play || "Play"}`;
    play.setAttribute("aria-pressed", playing ? "true" : "false");
  }

  function step() {
    const index = position();
    if (index >= events().length - 1) {
      model.set("playing", false);
      model.save_changes();
      return;
    }
    select(index + 1);
  }

  function syncTimer() {
    if (timer) clearInterval(timer);
    timer = model.get("playing") ? setInterval(step, model.get("interval_ms") || 4000) : null;
    drawLabels();
  }

  list.addEventListener("keydown", (event) => {
    const keys = {
      ArrowDown: () => select(position() + 1),
      ArrowRight: () => select(position() + 1),
      ArrowUp: () => select(position() - 1),
      ArrowLeft: () => select(position() - 1),
      Home: () => select(0),
      End: () => select(events().length - 1),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });
  play.addEventListener("click", () => {
    if (!model.get("playing") && position() >= events().length - 1) select(0);
    model.set("playing", !model.get("playing"));
    model.save_changes();
  });

  model.on("change:events", () => {
    drawList();
    drawSelection();
  });
  model.on("change:selected", drawSelection);
  model.on("change:labels", () => {
    drawLabels();
    drawSelection();
  });
  model.on("change:playing", syncTimer);

  drawList();
  drawLabels();
  drawSelection();
  live.textContent = "";  // announce changes, not the first view
  syncTimer();
  return () => {
    if (timer) clearInterval(timer);
  };
}

export default { render };
