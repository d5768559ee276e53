// What the live region says when the reader moves to a moment. Pure: tested under node.

export function announcement(moment) {
  return `${moment.announce} ${moment.description}`.trim();
}
