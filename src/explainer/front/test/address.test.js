import assert from "node:assert/strict";
import { test } from "node:test";

import { formatHash, historyMode, parseHash, withHash } from "../address.js";

const plain = { view: "", embed: false, handout: false, paper: "" };

test("the hash names an event and, after it, the map's view", () => {
  assert.deepEqual(parseHash("#washington-2014"), { ...plain, event: "washington-2014" });
  assert.deepEqual(parseHash("#washington-2014&view=europe"), { ...plain, event: "washington-2014", view: "europe" });
  assert.deepEqual(parseHash("washington-2014&x=1&view=europe"), { ...plain, event: "washington-2014", view: "europe" });
  assert.deepEqual(parseHash("#caf%C3%A9"), { ...plain, event: "café" });
  assert.deepEqual(parseHash("#%E0%A4%A"), { ...plain, event: "%E0%A4%A" }, "a broken escape is kept as written");
  assert.deepEqual(parseHash(""), { ...plain, event: "" });
  assert.deepEqual(parseHash("#"), { ...plain, event: "" });
});

test("an embedded view and the handout are asked for in the address", () => {
  assert.deepEqual(parseHash("#canada-2013&embed"), { ...plain, event: "canada-2013", embed: true });
  assert.deepEqual(parseHash("#canada-2013&view=europe&embed"), { ...plain, event: "canada-2013", view: "europe", embed: true });
  assert.deepEqual(parseHash("#&handout"), { ...plain, event: "", handout: true });
  assert.equal(formatHash("canada-2013", "europe", "world", true), "#canada-2013&view=europe&embed");
  assert.equal(formatHash("canada-2013", "world", "world", false), "#canada-2013");
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

test("a handout printed to a file names its sheet; anything else is left to the browser", () => {
  assert.deepEqual(parseHash("#launch-2012&handout&paper=a4"), { ...plain, event: "launch-2012", handout: true, paper: "a4" });
  assert.deepEqual(parseHash("#launch-2012&handout&paper=Letter"), { ...plain, event: "launch-2012", handout: true, paper: "letter" });
  assert.deepEqual(parseHash("#launch-2012&handout&paper=a3"), { ...plain, event: "launch-2012", handout: true });
});
