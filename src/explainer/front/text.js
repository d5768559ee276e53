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
