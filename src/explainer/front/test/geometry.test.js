import assert from "node:assert/strict";
import { test } from "node:test";

import { bounds, countryShapes, inside, nearest, rings, shapeAt } from "../geometry.js";

// Two squares: 0..10 with a hole 4..6, and 20..30; a null separates rings, as plotly's.
const trace = {
  x: [0, 10, 10, 0, 0, null, 4, 6, 6, 4, 4, null, 20, 30, 30, 20, 20],
  y: [0, 0, 10, 10, 0, null, 4, 4, 6, 6, 4, null, 0, 0, 10, 10, 0],
};

test("rings split a trace at its nulls and drop runs too short to enclose", () => {
  assert.equal(rings(trace).length, 3);
  assert.deepEqual(rings({ x: [0, 1, null, 5, 6, 7], y: [0, 1, null, 5, 6, 5] }), [[[5, 5], [6, 6], [7, 5]]]);
});

test("bounds span every ring", () => {
  assert.deepEqual(bounds(rings(trace)), [0, 0, 30, 10]);
});

test("inside follows the even-odd rule: a hole is outside", () => {
  const parts = rings(trace);
  assert.equal(inside(parts, 2, 2), true);
  assert.equal(inside(parts, 5, 5), false, "in the hole");
  assert.equal(inside(parts, 25, 5), true, "in the second part");
  assert.equal(inside(parts, 15, 5), false, "between the parts");
  assert.equal(inside(parts, -1, 5), false);
});

test("shapeAt names the country whose shape holds the point", () => {
  const figure = { data: [trace, { x: [40, 50, 50, 40], y: [0, 0, 10, 10] }] };
  const shapes = countryShapes(figure, [{ trace: 0 }, { trace: 1 }]);
  assert.equal(shapeAt(shapes, 25, 5), 0);
  assert.equal(shapeAt(shapes, 45, 5), 1);
  assert.equal(shapeAt(shapes, 5, 5), -1);
  assert.equal(shapeAt(shapes, 35, 5), -1);
});

test("nearest takes the closest candidate within its limit", () => {
  const points = [[0, 0], [10, 0], [3, 0]];
  assert.equal(nearest(points, [0, 1, 2], 4, 0, 5), 2);
  assert.equal(nearest(points, [0, 1], 4, 0, 5), 0);
  assert.equal(nearest(points, [1], 4, 0, 5), -1, "10 is 6 away, over the limit");
  assert.equal(nearest(points, [1], 4, 0, 6), 1, "the limit itself is within");
  assert.equal(nearest(points, [0, 1], 4, 0, (i) => (i === 0 ? 3 : 7)), 1, "a limit per candidate");
});
