import assert from "node:assert/strict";
import { test } from "node:test";

import { MARKER_MAX, MARKER_MIN, TINY_PX, isOpen, isTiny, markerPath, placeMarkers } from "../markers.js";

test("a country under TINY_PX on screen is tiny; at TINY_PX it is not", () => {
  assert.equal(isTiny({ size_km: 89 }, 10), true);
  assert.equal(isTiny({ size_km: 90 }, 10), false);
  assert.equal(TINY_PX, 9);
});

test("markers go to tiny countries, sized by the distance to the nearest anchor", () => {
  const countries = [{ size_km: 10 }, { size_km: 10 }, { size_km: 5000 }, { size_km: 10 }];
  const points = [[0, 0], [10, 0], [200, 0], [400, 400]];
  const { codes, radii } = placeMarkers(countries, points, 10);
  // 0 and 1 are 10 px apart: radius 4.5; 3 is far from all: the largest radius.
  assert.deepEqual(codes, [0, 1, 3]);
  assert.deepEqual(radii, [4.5, 4.5, MARKER_MAX]);
});

test("no marker where even the smallest would cover a neighbour's anchor", () => {
  const countries = [{ size_km: 1 }, { size_km: 1 }];
  const close = placeMarkers(countries, [[0, 0], [6, 0]], 10); // 0.45 * 6 = 2.7 < 3
  assert.deepEqual(close.codes, []);
  const enough = placeMarkers(countries, [[0, 0], [MARKER_MIN / 0.45, 0]], 10);
  assert.deepEqual(enough.codes, [0, 1]);
});

test("marker paths: open symbols share the filled shape, unknown ones are circles", () => {
  assert.equal(markerPath("circle-open", 3), markerPath("circle", 3));
  assert.equal(markerPath("nonsense", 3), markerPath("circle", 3));
  assert.notEqual(markerPath("square", 3), markerPath("circle", 3));
  assert.match(markerPath("x", 2), /^M-2,-2L2,2/);
  assert.equal(isOpen("square-open"), true);
  assert.equal(isOpen("x"), true);
  assert.equal(isOpen("square"), false);
});
