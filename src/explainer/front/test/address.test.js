import assert from "node:assert/strict";
import { test } from "node:test";

import { formatHash, historyMode, parseHash, withHash } from "../address.js";

test("the hash names an event and, after it, the map's view", () => {
  assert.deepEqual(parseHash("#washington-2014"), { event: "washington-2014", view: "" });
  assert.deepEqual(parseHash("#washington-2014&view=europe"), { event: "washington-2014", view: "europe" });
  assert.deepEqual(parseHash("washington-2014&x=1&view=europe"), { event: "washington-2014", view: "europe" });
  assert.deepEqual(parseHash("#caf%C3%A9"), { event: "café", view: "" });
  assert.deepEqual(parseHash("#%E0%A4%A"), { event: "%E0%A4%A", view: "" }, "a broken escape is kept as written");
  assert.deepEqual(parseHash(""), { event: "", view: "" });
  assert.deepEqual(parseHash("#"), { event: "", view: "" });
});

test("the first view is left out of the address; others are named", () => {
  assert.equal(formatHash("canada-2013", "world", "world"), "#canada-2013");
  assert.equal(formatHash("canada-2013", "europe", "world"), "#canada-2013&view=europe");
  assert.equal(formatHash("a b", "", "world"), "#a%20b");
  for (const [event, view] of [["canada-2013", "europe"], ["x", "world"]]) {
    const parsed = parseHash(formatHash(event, view, "world"));
    assert.equal(parsed.event, event);
    assert.equal(parsed.view || "world", view);
  }
});

test("links keep the moment and the view, replacing any they had", () => {
  assert.equal(withHash("sv.html", "#canada-2013"), "sv.html#canada-2013");
  assert.equal(withHash("sv.html#launch-2012", "#canada-2013&view=europe"), "sv.html#canada-2013&view=europe");
});

test("jumps add to history; steps replace", () => {
  assert.equal(historyMode("jump"), "push");
  assert.equal(historyMode("step"), "replace");
  assert.equal(historyMode("open"), "replace");
});
