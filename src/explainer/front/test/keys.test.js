import assert from "node:assert/strict";
import { test } from "node:test";

import { keyAction, stepIndex } from "../keys.js";

test("arrows step, Home and End jump; other keys and chords do nothing", () => {
  assert.equal(keyAction({ key: "ArrowDown" }), "next");
  assert.equal(keyAction({ key: "ArrowRight" }), "next");
  assert.equal(keyAction({ key: "ArrowUp" }), "previous");
  assert.equal(keyAction({ key: "ArrowLeft" }), "previous");
  assert.equal(keyAction({ key: "Home" }), "first");
  assert.equal(keyAction({ key: "End" }), "last");
  assert.equal(keyAction({ key: "a" }), null);
  assert.equal(keyAction({ key: "ArrowDown", ctrlKey: true }), null);
  assert.equal(keyAction({ key: "ArrowDown", altKey: true }), null);
});

test("steps stop at either end", () => {
  assert.equal(stepIndex("next", 0, 13), 1);
  assert.equal(stepIndex("next", 12, 13), 12);
  assert.equal(stepIndex("previous", 0, 13), 0);
  assert.equal(stepIndex("previous", 5, 13), 4);
  assert.equal(stepIndex("first", 7, 13), 0);
  assert.equal(stepIndex("last", 0, 13), 12);
});

test("from no selection, a step starts at the first event", () => {
  assert.equal(stepIndex("next", -1, 13), 1);
  assert.equal(stepIndex("previous", -1, 13), 0);
  assert.equal(stepIndex("next", 0, 0), -1, "no events");
});
