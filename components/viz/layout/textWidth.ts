// A rough width of a label, for sizing boxes around SVG text without measuring the DOM (which
// the server render cannot do). Wide (CJK) characters count double.
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 0x2e80 ? 1.0 : 0.6;
  }
  return units * fontSize;
}
