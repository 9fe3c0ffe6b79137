// The checks parliament.mjs runs, in order, each as a copy editor would see it in VS Code. Each
// `run(page, { drafts })` throws when what is on screen is not what it should be. Later checks
// build on the state earlier ones leave: the quick fix removes one finding, the completion
// check leaves a sentence at the end of the draft whose misspelled name the next check accepts
// into the registry, and the schema check reads the alias that put there.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ui } from './ui.mjs';

const DRAFT = 'draft-with-errors.md';

/** A spelling of Zhao Leji the registry lists neither as an alias nor as a wrong variant. */
const MISSPELT = 'Zhao Leiji';

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

/** The findings left once the quick fix has corrected line 3. */
const AFTER_FIX = EXPECTED.filter(([line, code]) => !(line === 3 && code === 'name-misspelling'));

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
      const markers = await ui.waitForProblems(page, (m) => sameFindings(m, AFTER_FIX), 30_000);
      if (markers.length !== 6) {
        throw new Error(`expected six findings: ${show(markers)}`);
      }
    },
  },
  {
    name: 'the outline lists the people of the story',
    async run(page) {
      for (const person of ['Zhao Leji', 'Vyacheslav Volodin', 'Yang Jin']) {
        await ui.symbols(page, person, (labels) => labels.includes(person));
      }
    },
  },
  {
    name: 'completion of "Vyach" offers "Vyacheslav Volodin"',
    async run(page) {
      // A new paragraph at the end of the draft.
      await ui.typeAtEnd(page, '\nVyach');
      await ui.complete(page, 'Vyacheslav Volodin');
      const line = await ui.cursorLineText(page);
      if (line !== 'Vyacheslav Volodin') {
        throw new Error(`the completed line is ${JSON.stringify(line)}`);
      }
    },
  },
  {
    name: '"Accept as a spelling" adds the alias to the registry file and the finding goes',
    async run(page, { drafts }) {
      // The sentence goes on from the completed name with a spelling the registry does not know.
      await page.keyboard.type(` and ${MISSPELT} spoke by phone on Wednesday.`);
      const { line } = await ui.cursorPosition(page);
      const typed = [...AFTER_FIX, [line, 'name-misspelling']];
      await ui.waitForProblems(page, (m) => sameFindings(m, typed), 30_000);
      const column = 'Vyacheslav Volodin and '.length + 3;
      await ui.quickFix(page, line, column, `Accept '${MISSPELT}' as a spelling of Zhao Leji`);
      // The edit is on registry.json, which is not open: VS Code applies it in the background
      // and leaves the file unsaved, as any workspace edit to a file of its own. The user saves
      // everything, again if the edit had not landed yet.
      const file = path.join(drafts, 'registry.json');
      await ui.until('the alias in registry.json', 15_000, async () => {
        await ui.saveAll(page);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const registry = JSON.parse(fs.readFileSync(file, 'utf8'));
        const zhao = registry.entities.find((e) => e.id === 'zhao-leji');
        return [(zhao.aliases ?? []).includes(MISSPELT), JSON.stringify(zhao)];
      });
      const markers = await ui.waitForProblems(page, (m) => sameFindings(m, AFTER_FIX), 30_000);
      if (markers.some((m) => m.line === line)) {
        throw new Error(`the accepted spelling is still flagged: ${show(markers)}`);
      }
    },
  },
  {
    name: 'the JSON Schemas describe registry.json and copydesk.json on hover',
    async run(page, { drafts }) {
      for (const [file, key, description] of [
        ['registry.json', '"aliases"', 'Other correct forms'],
        ['copydesk.json', '"registries"', 'Registry files'],
      ]) {
        await ui.openFile(page, file);
        const lines = fs.readFileSync(path.join(drafts, file), 'utf8').split('\n');
        const at = lines.findIndex((l) => l.includes(key));
        const text = await ui.hoverAt(page, at + 1, lines[at].indexOf(key) + 3);
        if (!text.includes(description)) {
          throw new Error(`the hover on ${key} in ${file} lacks "${description}": ${JSON.stringify(text)}`);
        }
      }
    },
  },
];
