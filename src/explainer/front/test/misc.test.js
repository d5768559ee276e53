import assert from "node:assert/strict";
import { test } from "node:test";

import { announcement } from "../announce.js";
import { imageName } from "../downloads.js";
import { viewLayout } from "../map.js";
import { columnLabels, rowCells } from "../table.js";

test("the announcement is the moment's own sentence, not the map's description too", () => {
  const moment = { announce: " 30 September 2014: Washington. 54 countries: 6 joined. ", description: "30 September 2014: 54 countries." };
  assert.equal(announcement(moment), "30 September 2014: Washington. 54 countries: 6 joined.");
  assert.equal(announcement({}), "");
});

test("images are named after the data file and the moment", () => {
  assert.equal(imageName({ csv: { name: "members.csv" } }, { id: "canada-2013" }, "png"), "members-canada-2013.png");
  assert.equal(imageName({}, { id: "x" }, "svg"), "map-x.svg");
});

test("the first view fits the map's shape; zoomed views fill the plot", () => {
  const view = { x: [0, 10], y: [0, 5] };
  assert.deepEqual(viewLayout(view, true), { "xaxis.range": [0, 10], "yaxis.range": [0, 5], "xaxis.constrain": "domain", "yaxis.constrain": "domain" });
  assert.equal(viewLayout(view, false)["xaxis.constrain"], "range");
  const ranges = viewLayout(view, true);
  ranges["xaxis.range"].push(99);
  assert.deepEqual(view.x, [0, 10], "the view's own ranges are never changed");
});

test("the table's columns: the group's only where the story has one", () => {
  const labels = { country: "Country", status: "Status", details: "Details", group: "EU", sources: "Sources" };
  assert.deepEqual(columnLabels(labels), ["Country", "Status", "Details", "EU", "Sources"]);
  assert.deepEqual(columnLabels({ ...labels, group: "" }), ["Country", "Status", "Details", "Sources"]);
});

test("a row's cells: status name, then its texts from the strings table", () => {
  const spec = { labels: { group: "EU" }, styles: { founding: { name: "Founding member" } }, strings: ["detail", "EU member", "MEMO/12/937"] };
  const moment = { countries: [["founding", 0, 1, 2]] };
  assert.deepEqual(rowCells(spec, moment, 0), ["Founding member", "detail", "EU member", "MEMO/12/937"]);
  assert.deepEqual(rowCells({ ...spec, labels: { group: "" } }, moment, 0), ["Founding member", "detail", "MEMO/12/937"]);
});
