// What a key does in the timeline: a table, not scattered ifs. Pure: tested under node.

export const KEYS = {
  ArrowDown: "next",
  ArrowRight: "next",
  ArrowUp: "previous",
  ArrowLeft: "previous",
  Home: "first",
  End: "last",
};

export function keyAction(event) {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  return KEYS[event.key] || null;
}

// The index an action moves to from `index` among `count` events (clamped).
export function stepIndex(action, index, count) {
  if (!count) return -1;
  const from = index < 0 ? 0 : index;
  const to = { next: from + 1, previous: from - 1, first: 0, last: count - 1 }[action];
  return to === undefined ? from : Math.max(0, Math.min(count - 1, to));
}
