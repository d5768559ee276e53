// A compact step bar under the map, for a phone and an embedded view: the event shown,
// and buttons to step (large enough for a thumb). The map and the event stay together
// on screen while the reader steps.

import { element } from "./dom.js";

function stepButton(sign, label, onClick) {
  const button = element("button", "xpl-button xpl-step-button", sign);
  button.type = "button";
  button.setAttribute("aria-label", label);
  button.addEventListener("click", onClick);
  return button;
}

export class StepBar {
  constructor(labels, act) {
    this.section = element("div", "xpl-stepbar");
    this.previous = stepButton("◀", labels.previous_step, () => act("previous"));
    this.next = stepButton("▶", labels.next_step, () => act("next"));
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
}

// A horizontal swipe over an element steps: leftwards on, rightwards back.
export function swipeToStep(node, act) {
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
  node.addEventListener("pointercancel", () => (start = null));
}
