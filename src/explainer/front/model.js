// Models a view reads and writes (`get`, `set`, `on`, `off`, `save_changes`: the
// widget model's interface).
//
// A page paints from its data island at once, with a model kept in the page; when the
// kernel's widget arrives (Voilà, JupyterLab after a run), the view switches to the live
// model without being drawn again. What the reader changed before that (a key pressed,
// a link's moment) is carried over; otherwise the kernel's values win.

export function staticModel(state) {
  const handlers = new Map();
  return {
    get: (name) => state[name],
    set(name, value) {
      const changed = state[name] !== value;
      state[name] = value;
      if (changed) (handlers.get(`change:${name}`) || []).forEach((handler) => handler());
    },
    save_changes() {},
    on(name, handler) {
      handlers.set(name, [...(handlers.get(name) || []), handler]);
    },
    off(name, handler) {
      handlers.set(name, (handlers.get(name) || []).filter((h) => h !== handler));
    },
  };
}

export class SwitchableModel {
  constructor(initial, names = ["selected", "view"]) {
    this.fallback = initial; // kept for when the live model goes away
    this.current = initial;
    this.names = names; // the values a reader can change
    this.handlers = []; // [event, handler]
    this.touched = new Set();
    this.live = false;
  }

  get(name) {
    return this.current.get(name);
  }

  set(name, value) {
    if (!this.live) this.touched.add(name);
    this.current.set(name, value);
  }

  save_changes() {
    try {
      this.current.save_changes();
    } catch (error) {
      // The kernel is gone (closed comm): go on in the page alone.
      console.warn("explainer: the live view lost its kernel; going on without it", error);
      this.detach();
    }
  }

  on(event, handler) {
    this.handlers.push([event, handler]);
    this.current.on(event, handler);
  }

  off(event, handler) {
    this.handlers = this.handlers.filter(([e, h]) => !(e === event && h === handler));
    this.current.off(event, handler);
  }

  // Move to `next` (the live model): the reader's own changes go to it, its other
  // values come to the view (each change fires as if it had just happened).
  switchTo(next) {
    if (next === this.current) return;
    const before = Object.fromEntries(this.names.map((name) => [name, this.current.get(name)]));
    this.handlers.forEach(([event, handler]) => this.current.off(event, handler));
    this.current = next;
    this.live = true;
    // The reader's choices go to the kernel before the view listens: it shows them
    // already, and a screen reader should not hear the same moment again.
    const carried = this.names.filter((name) => this.touched.has(name) && next.get(name) !== before[name]);
    carried.forEach((name) => next.set(name, before[name]));
    if (carried.length) next.save_changes();
    this.handlers.forEach(([event, handler]) => next.on(event, handler));
    this.names
      .filter((name) => !carried.includes(name) && next.get(name) !== before[name])
      .forEach((name) => this.handlers.filter(([e]) => e === `change:${name}`).forEach(([, h]) => h()));
  }

  // Back to the page's own model (the kernel closed the widget), keeping what is shown.
  detach() {
    if (!this.live) return;
    const values = this.names.map((name) => [name, this.current.get(name)]);
    this.handlers.forEach(([event, handler]) => this.current.off(event, handler));
    this.current = this.fallback;
    this.live = false;
    this.handlers.forEach(([event, handler]) => this.fallback.on(event, handler));
    values.forEach(([name, value]) => this.fallback.set(name, value));
  }
}
