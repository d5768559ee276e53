// What the live region says when the reader moves to a moment: the date once, the event,
// and what changed (worked out with the moments, in the story's language). The map's
// longer description stays its text alternative, read on demand.

export function announcement(moment) {
  return (moment.announce || "").trim();
}
