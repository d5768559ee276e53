import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

import { belong, registerLive, registerView } from "../attach.js";
import { SwitchableModel, staticModel } from "../model.js";

function live(key, kernel = "") {
  const model = staticModel({ key, selected: "a", view: "world" });
  model.save_changes = () => {};
  model.widget_manager = kernel ? { kernel: { id: kernel } } : {};
  return model;
}

function painted(key, kernel = "") {
  return { key, kernel: () => kernel, model: new SwitchableModel(staticModel({ selected: "a", view: "world" })) };
}

beforeEach(() => {
  delete globalThis.__explainerViews;
});

test("a view and a live model belong together by key and, where both tell, kernel", () => {
  assert.equal(belong(painted("k1"), { key: "k1", kernel: "" }), true);
  assert.equal(belong(painted("k1", "K"), { key: "k1", kernel: "K" }), true);
  assert.equal(belong(painted("k1", "K"), { key: "k1", kernel: "other" }), false);
  assert.equal(belong(painted("k1", "K"), { key: "k1", kernel: "" }), true);
  assert.equal(belong(painted("k1"), { key: "k2", kernel: "" }), false);
  assert.equal(belong(painted(""), { key: "", kernel: "" }), false, "no key, no meeting");
});

test("a live model joins the views painted for it, in either order", () => {
  const early = painted("explainer-view-1", "K");
  const stranger = painted("explainer-view-1", "other kernel");
  registerView(early);
  registerView(stranger);
  const model = live("explainer-view-1", "K");
  registerLive(model);
  const late = painted("explainer-view-1", "K");
  registerView(late);
  assert.equal(early.model.current, model);
  assert.equal(late.model.current, model);
  assert.equal(stranger.model.live, false);
});

test("when the kernel closes the widget, its views go on without it", () => {
  const view = painted("k", "K");
  registerView(view);
  const model = live("k", "K");
  const handlers = {};
  model.on = ((on) => (event, handler) => {
    handlers[event] = handler;
    on(event, handler);
  })(model.on);
  registerLive(model);
  assert.equal(view.model.live, true);
  handlers.destroy();
  assert.equal(view.model.live, false);
  const later = painted("k", "K");
  registerView(later);
  assert.equal(later.model.live, false, "a closed model is forgotten");
});

test("an unregistered view is left alone", () => {
  const view = painted("k");
  const unregister = registerView(view);
  unregister();
  registerLive(live("k"));
  assert.equal(view.model.live, false);
});
