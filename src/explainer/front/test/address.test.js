import assert from "node:assert/strict";
import { test } from "node:test";

import { hashFor, momentFromHash, withMoment } from "../address.js";

test("the hash names an event, decoded", () => {
  assert.equal(momentFromHash("#washington-2014"), "washington-2014");
  assert.equal(momentFromHash("washington-2014"), "washington-2014");
  assert.equal(momentFromHash("#caf%C3%A9"), "café");
  assert.equal(momentFromHash("#%E0%A4%A"), "%E0%A4%A", "a broken escape is kept as written");
  assert.equal(momentFromHash(""), "");
  assert.equal(momentFromHash("#"), "");
});

test("links keep the moment, replacing any they had", () => {
  assert.equal(hashFor("canada-2013"), "#canada-2013");
  assert.equal(withMoment("sv.html", "canada-2013"), "sv.html#canada-2013");
  assert.equal(withMoment("sv.html#launch-2012", "canada-2013"), "sv.html#canada-2013");
  assert.equal(withMoment("explainer-sv.ipynb", "a b"), "explainer-sv.ipynb#a%20b");
});
