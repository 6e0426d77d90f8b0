// The little markdown Camera Doctor's notices use (paragraphs, line breaks,
// **bold**), as plain data: the card renders it with Lit's escaping, never as
// HTML. Pure; test/markdown.test.ts tests it.

/** A run of text, bold or not. */
export interface Run {
  text: string;
  bold: boolean;
}

/** Paragraphs of lines of runs. */
export type Blocks = Run[][][];

function runs(line: string): Run[] {
  const out: Run[] = [];
  line.split("**").forEach((text, index, parts) => {
    // An unpaired ** at the end stays as it was written.
    const bold = index % 2 === 1 && index < parts.length - 1;
    const shown = index % 2 === 1 && !bold ? `**${text}` : text;
    if (shown) {
      out.push({ text: shown, bold });
    }
  });
  return out;
}

/** A notice's text as paragraphs (blank lines) of lines of runs. */
export function blocks(text: string): Blocks {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split("\n").filter((line) => line.trim() !== ""))
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.map(runs));
}
