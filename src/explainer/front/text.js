// Matching what a reader types against names: case, accents and punctuation aside, so
// that "cote d" finds Côte d'Ivoire and "sver" Sverige. Pure: tested under node.

export function fold(text) {
  return (text || "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function matches(name, query) {
  const wanted = fold(query);
  return !wanted || fold(name).includes(wanted);
}

// The countries a query finds, best first: a name that starts with it, then a word of
// a name that does, then one that holds it. Each with the term it was found by.
export function suggest(countries, query, limit = 8) {
  const wanted = fold(query);
  if (!wanted) return [];
  const found = [];
  countries.forEach((country, index) => {
    let best = null;
    (country.search || [country.name]).forEach((term) => {
      const folded = fold(term);
      const rank = folded.startsWith(wanted) ? 0 : ` ${folded}`.includes(` ${wanted}`) ? 1 : folded.includes(wanted) ? 2 : 3;
      if (rank < 3 && (!best || rank < best.rank)) best = { rank, term };
    });
    if (best) found.push({ index, name: country.name, via: best.term, rank: best.rank });
  });
  found.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return found.slice(0, limit).map(({ index, name, via }) => ({ index, name, via: fold(via) === fold(name) ? "" : via }));
}
