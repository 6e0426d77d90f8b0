import { describe, expect, it } from "vitest";

import { blocks } from "../src/markdown";

describe("notice text", () => {
  it("splits paragraphs and lines, and marks bold", () => {
    expect(blocks("**Front Door** is low.\n\n**What to do**\n\n1. One.\n2. Two.")).toEqual([
      [[{ text: "Front Door", bold: true }, { text: " is low.", bold: false }]],
      [[{ text: "What to do", bold: true }]],
      [[{ text: "1. One.", bold: false }], [{ text: "2. Two.", bold: false }]],
    ]);
  });

  it("keeps an unpaired ** as written", () => {
    expect(blocks("a ** b")).toEqual([
      [
        [
          { text: "a ", bold: false },
          { text: "** b", bold: false },
        ],
      ],
    ]);
  });
});
