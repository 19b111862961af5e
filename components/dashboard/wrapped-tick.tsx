"use client";
// An x-axis label that never overlaps its neighbours: it wraps into at most two lines within its own slot and ends
// with "…" when it still does not fit; the whole label is in a <title> (the browser's tooltip) and in the table.

/** Approximate advance of one character at the axis font size: CJK glyphs are about twice as wide as Latin ones. */
function charWidth(char: string, fontSize: number) {
  return /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? fontSize : fontSize * 0.58;
}

const width = (text: string, fontSize: number) => [...text].reduce((sum, char) => sum + charWidth(char, fontSize), 0);

/** Cuts `text` to fit `max` px with a trailing "…". */
function ellipsis(text: string, max: number, fontSize: number): string {
  const chars = [...text.trimEnd()];
  while (chars.length && width(chars.join(""), fontSize) + charWidth("…", fontSize) > max) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/**
 * Splits `label` into at most `maxLines` lines no wider than `max` px: Latin words stay whole (a word too long for a
 * line is cut with "…"), CJK text breaks between characters; the last line ends with "…" when text remains. Pure.
 */
export function wrapLabel(label: string, max: number, fontSize: number, maxLines = 2): string[] {
  // Tokens: runs of Latin letters/digits (a word, with the space after it) or single other characters.
  const tokens = label.trim().match(/[A-Za-z0-9'’.&/()-]+\s*|\s+|[^A-Za-z0-9'’.&/()\s-]/g) ?? [];
  const lines: string[] = [];
  let line = "";
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (width(line + token.trimEnd(), fontSize) <= max) {
      line += token;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(ellipsis(line ? line + token : token, max, fontSize));
      return lines;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    if (width(line.trimEnd(), fontSize) > max) {
      // One word wider than a whole line: cut it rather than break it mid-word.
      lines.push(ellipsis(line, max, fontSize));
      line = "";
      if (lines.length === maxLines) return lines;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.slice(0, maxLines);
}

type TickProps = {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  width?: number | string;
  visibleTicksCount?: number;
  fontSize?: number;
};

export function WrappedTick({ x = 0, y = 0, payload, width = 0, visibleTicksCount = 1, fontSize = 11 }: TickProps) {
  const label = String(payload?.value ?? "");
  // Each label owns its slot (the axis width shared by the ticks), less a small gap to the next one.
  const slot = Math.max(fontSize * 2, Number(width) / Math.max(1, visibleTicksCount) - 6);
  const lines = wrapLabel(label, slot, fontSize);
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`} data-testid="wrapped-tick">
      <title>{label}</title>
      <text textAnchor="middle" fontSize={fontSize} fill="#64748b">
        {lines.map((line, index) => (
          <tspan key={index} x={0} dy={index === 0 ? fontSize + 2 : fontSize + 2}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
