import assert from "node:assert/strict";
import { test } from "node:test";

import { SwitchableModel, staticModel } from "../model.js";

// A stand-in for the kernel's widget model: the same interface, and a record of saves.
function liveModel(state) {
  const model = staticModel(state);
  model.saved = 0;
  model.save_changes = () => {
    model.saved += 1;
  };
  return model;
}

test("a static model tells its handlers of changes, not of the same value again", () => {
  const model = staticModel({ selected: "a" });
  const seen = [];
  const handler = () => seen.push(model.get("selected"));
  model.on("change:selected", handler);
  model.set("selected", "b");
  model.set("selected", "b");
  model.off("change:selected", handler);
  model.set("selected", "c");
  assert.deepEqual(seen, ["b"]);
});

test("what the reader chose before the kernel came goes to the kernel", () => {
  const model = new SwitchableModel(staticModel({ selected: "launch", view: "world" }));
  model.set("selected", "washington"); // a key pressed before the kernel was ready
  const live = liveModel({ selected: "launch", view: "world" });
  model.switchTo(live);
  assert.equal(live.get("selected"), "washington");
  assert.equal(live.saved, 1);
  assert.equal(model.get("selected"), "washington");
});

test("carrying the reader's choice to the kernel tells the view nothing (it shows it already)", () => {
  const model = new SwitchableModel(staticModel({ selected: "launch", view: "world" }));
  model.set("selected", "washington");
  const heard = [];
  model.on("change:selected", () => heard.push(model.get("selected")));
  const live = liveModel({ selected: "launch", view: "world" });
  model.switchTo(live);
  assert.deepEqual(heard, [], "no second announcement of the moment on screen");
  live.set("selected", "launch"); // the kernel refuses: that is news
  assert.deepEqual(heard, ["launch"]);
});

test("where the reader chose nothing, the kernel's values win and are shown", () => {
  const model = new SwitchableModel(staticModel({ selected: "launch", view: "world" }));
  const shown = [];
  model.on("change:view", () => shown.push(model.get("view")));
  const live = liveModel({ selected: "launch", view: "europe" });
  model.switchTo(live);
  assert.equal(model.get("view"), "europe");
  assert.deepEqual(shown, ["europe"], "the view redraws once, for the value that changed");
  assert.equal(live.saved, 0, "nothing to send");
});

test("after the switch, handlers follow the live model and changes reach it", () => {
  const model = new SwitchableModel(staticModel({ selected: "a", view: "world" }));
  const seen = [];
  model.on("change:selected", () => seen.push(model.get("selected")));
  const live = liveModel({ selected: "a", view: "world" });
  model.switchTo(live);
  live.set("selected", "from-python");
  model.set("selected", "from-reader");
  model.save_changes();
  assert.deepEqual(seen, ["from-python", "from-reader"]);
  assert.equal(live.get("selected"), "from-reader");
  assert.equal(live.saved, 1);
});

test("when the kernel's model fails or goes, the view goes on in the page", () => {
  const first = staticModel({ selected: "a", view: "world" });
  const model = new SwitchableModel(first);
  const live = liveModel({ selected: "b", view: "world" });
  model.switchTo(live);
  live.save_changes = () => {
    throw new Error("Syncing error: no comm channel defined");
  };
  const warn = console.warn;
  console.warn = () => {};
  try {
    model.set("selected", "c");
    model.save_changes();
  } finally {
    console.warn = warn;
  }
  assert.equal(model.live, false);
  assert.equal(model.current, first);
  assert.equal(model.get("selected"), "c", "what was shown stays shown");
  const seen = [];
  model.on("change:selected", () => seen.push(model.get("selected")));
  model.set("selected", "d");
  assert.deepEqual(seen, ["d"]);
});
