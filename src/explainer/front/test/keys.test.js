import assert from "node:assert/strict";
import { test } from "node:test";

import { isStep, keyAction, stepIndex } from "../keys.js";

const key = (k, extra = {}) => ({ key: k, target: { tagName: "OL" }, ...extra });

test("arrows and a clicker's keys step, Home and End jump", () => {
  for (const k of ["ArrowDown", "ArrowRight", "PageDown", " "]) assert.equal(keyAction(key(k)), "next", k);
  for (const k of ["ArrowUp", "ArrowLeft", "PageUp"]) assert.equal(keyAction(key(k)), "previous", k);
  assert.equal(keyAction(key(" ", { shiftKey: true })), "previous");
  assert.equal(keyAction(key("Home")), "first");
  assert.equal(keyAction(key("End")), "last");
});

test("F, Esc, B or period and N are the presenter's commands", () => {
  assert.equal(keyAction(key("f")), "stage");
  assert.equal(keyAction(key("F")), "stage");
  assert.equal(keyAction(key("Escape")), "leave");
  assert.equal(keyAction(key("b")), "blank");
  assert.equal(keyAction(key(".")), "blank");
  assert.equal(keyAction(key("n")), "notes");
  assert.equal(isStep("stage"), false);
  assert.equal(isStep("next"), true);
});

test("other keys, chords, typing and a button's own Space are left alone", () => {
  assert.equal(keyAction(key("a")), null);
  assert.equal(keyAction(key("ArrowDown", { ctrlKey: true })), null);
  assert.equal(keyAction(key("ArrowDown", { altKey: true })), null);
  assert.equal(keyAction(key("f", { metaKey: true })), null);
  assert.equal(keyAction(key("f", { target: { tagName: "INPUT" } })), null);
  assert.equal(keyAction(key("ArrowDown", { target: { tagName: "TEXTAREA" } })), null);
  assert.equal(keyAction(key("n", { target: { tagName: "DIV", isContentEditable: true } })), null);
  assert.equal(keyAction(key(" ", { target: { tagName: "BUTTON" } })), null);
  assert.equal(keyAction(key("PageDown", { target: { tagName: "BUTTON" } })), "next");
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
