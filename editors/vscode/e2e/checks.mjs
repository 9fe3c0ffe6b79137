// The checks parliament.mjs runs, in order, each as a copy editor would see it in VS Code. Each
// `run(page, { drafts })` throws when what is on screen is not what it should be. Later checks
// build on the state earlier ones leave (the quick fix removes one finding).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ui } from './ui.mjs';

const DRAFT = 'draft-with-errors.md';

/** The findings of the parliament draft (tests/fixtures/parliament/expected.json), by line (1-based). */
const EXPECTED = [
  [3, 'name-misspelling'],
  [5, 'title-mismatch'],
  [5, 'name-misspelling'],
  [7, 'unattributed-claim'],
  [15, 'incomplete-attribution'],
  [19, 'unattributed-claim'],
  [[5, 21], 'title-inconsistent'],
];

/** Whether the Problems panel's markers are exactly `expected` (line, code) pairs. */
function sameFindings(markers, expected) {
  const left = [...markers];
  for (const [lines, code] of expected) {
    const at = left.findIndex((m) => m.code === code && [lines].flat().includes(m.line));
    if (at < 0) {
      return false;
    }
    left.splice(at, 1);
  }
  return left.length === 0;
}

const show = (markers) => markers.map((m) => `${m.line}:${m.code}`).join(', ');

export const checks = [
  {
    name: 'the seven findings in the Problems panel',
    async run(page) {
      await ui.openFile(page, DRAFT);
      const markers = await ui.waitForProblems(page, (m) => sameFindings(m, EXPECTED), 60_000);
      if (!markers.every((m) => m.source === 'copydesk')) {
        throw new Error(`not all from copydesk: ${JSON.stringify(markers)}`);
      }
    },
  },
  {
    name: 'the hover card on "Zhao Leji"',
    async run(page) {
      // Line 21: "Chairman Zhao Leji also met Russian business leaders on Tuesday."
      const text = await ui.hoverAt(page, 21, 12);
      for (const part of ['Zhao Leji', 'chairman', 'Standing Committee']) {
        if (!text.includes(part)) {
          throw new Error(`the hover card lacks "${part}": ${JSON.stringify(text)}`);
        }
      }
    },
  },
  {
    name: 'the quick fix "Change to "Zhao Leji"" applied',
    async run(page, { drafts }) {
      // Line 3: "China's top legislator Zhao Leiji on Monday ..."
      await ui.quickFix(page, 3, 26, 'Change to "Zhao Leji"');
      await ui.waitForLine(page, 3, (line) => line.includes("top legislator Zhao Leji on Monday"));
      await ui.save(page);
      const saved = fs.readFileSync(path.join(drafts, DRAFT), 'utf8').split('\n')[2];
      if (!saved.includes('top legislator Zhao Leji on Monday')) {
        throw new Error(`the saved draft's line 3 is ${JSON.stringify(saved)}`);
      }
      const rest = EXPECTED.filter(([line, code]) => !(line === 3 && code === 'name-misspelling'));
      const markers = await ui.waitForProblems(page, (m) => sameFindings(m, rest), 30_000);
      if (markers.length !== 6) {
        throw new Error(`expected six findings: ${show(markers)}`);
      }
    },
  },
];
