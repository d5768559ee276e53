// What a key does: a table, not scattered ifs. Pure: tested under node.
//
// A clicker sends PageDown/PageUp (some send arrows, Space, B or period); a keyboard
// reader uses the arrows, Home and End. F puts the view on the whole screen (a stage),
// Esc leaves it, B or period blanks the screen, N opens the presenter's notes.

export const STEPS = {
  ArrowDown: "next",
  ArrowRight: "next",
  PageDown: "next",
  " ": "next",
  ArrowUp: "previous",
  ArrowLeft: "previous",
  PageUp: "previous",
  Home: "first",
  End: "last",
};

export const COMMANDS = {
  f: "stage",
  F: "stage",
  Escape: "leave",
  b: "blank",
  B: "blank",
  ".": "blank",
  n: "notes",
  N: "notes",
};

// Where a key is someone typing, or pressing the button it is on, it is theirs.
function typing(target) {
  if (!target) return false;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || "") || Boolean(target.isContentEditable);
}

function onButton(target) {
  return Boolean(target) && /^(BUTTON|A|SUMMARY)$/.test(target.tagName || "");
}

export function keyAction(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return null;
  if (event.key === " " && onButton(event.target)) return null;
  if (event.key === " " && event.shiftKey) return "previous";
  return STEPS[event.key] || COMMANDS[event.key] || null;
}

export function isStep(action) {
  return ["next", "previous", "first", "last"].includes(action);
}

// The index an action moves to from `index` among `count` events (clamped).
export function stepIndex(action, index, count) {
  if (!count) return -1;
  const from = index < 0 ? 0 : index;
  const to = { next: from + 1, previous: from - 1, first: 0, last: count - 1 }[action];
  return to === undefined ? from : Math.max(0, Math.min(count - 1, to));
}
