import assert from "node:assert/strict";
import { test } from "node:test";

import { publishedUrl, snippet } from "../embed.js";
import { fold, matches } from "../text.js";

test("an exported page embeds its own folder's page for its language", () => {
  const here = { href: "https://example.org/story/index.html#canada-2013" };
  assert.equal(publishedUrl(here, "sv", ""), "https://example.org/story/sv.html");
  const file = { href: "file:///media/usb/site/sv.html#x" };
  assert.equal(publishedUrl(file, "en", ""), "file:///media/usb/site/en.html");
});

test("a live page embeds the published copy the server hands out", () => {
  const voila = { href: "http://127.0.0.1:8866/explainer-sv.ipynb#x" };
  assert.equal(publishedUrl(voila, "sv", "/published/"), "http://127.0.0.1:8866/published/sv.html");
});

test("the snippet is a frame at the moment, in embed mode, with its height listener", () => {
  const code = snippet("https://example.org/s/en.html", "#canada-2013&view=europe", 'A "story" <b>');
  assert.match(code, /^<iframe data-explainer src="https:\/\/example.org\/s\/en.html#canada-2013&amp;view=europe&amp;embed"/);
  assert.match(code, /title="A &quot;story&quot; &lt;b>"/);
  assert.match(code, /<script>addEventListener\("message"/);
  assert.match(code, /e.data.type==="explainer:height"/);
  assert.doesNotMatch(code, /https?:\/\/(?!example.org)/, "nothing from elsewhere");
});

test("names are matched without case, accents or punctuation", () => {
  assert.equal(fold("Côte d'Ivoire"), "cote d ivoire");
  assert.equal(matches("Côte d'Ivoire", "cote d"), true);
  assert.equal(matches("Sverige", "SVER"), true);
  assert.equal(matches("Bosnien och Hercegovina", "hercegovina"), true);
  assert.equal(matches("Sweden", "sver"), false);
  assert.equal(matches("Anything", ""), true, "no query: every name");
});

test("suggestions: a name that starts with the query first, and the term it matched", async () => {
  const { suggest } = await import("../text.js");
  const countries = [
    { name: "Sweden", search: ["Sweden", "Sverige", "SE", "SWE"] },
    { name: "Côte d'Ivoire", search: ["Côte d'Ivoire", "CIV", "Ivory Coast"] },
    { name: "Switzerland", search: ["Switzerland", "Schweiz", "CH", "CHE"] },
    { name: "Eswatini", search: ["Eswatini", "Swaziland", "SZ", "SWZ"] },
  ];
  assert.deepEqual(suggest(countries, "sver"), [{ index: 0, name: "Sweden", via: "Sverige" }]);
  assert.deepEqual(suggest(countries, "cote d"), [{ index: 1, name: "Côte d'Ivoire", via: "" }]);
  assert.deepEqual(suggest(countries, "ivory"), [{ index: 1, name: "Côte d'Ivoire", via: "Ivory Coast" }]);
  assert.deepEqual(suggest(countries, "sw").map((s) => s.name), ["Eswatini", "Sweden", "Switzerland"], "prefixes, by name");
  assert.deepEqual(suggest(countries, "den").map((s) => s.name), ["Sweden"], "inside a name, last");
  assert.deepEqual(suggest(countries, " "), []);
  assert.equal(suggest(countries, "e", 2).length, 2, "at most the limit");
});
