// What a user does in VS Code, as keyboard steps on a playwright page, and what they read back
// from the screen. Written against VS Code 1.100 (code-server 4.100.3): the CSS classes named here
// are the workbench's own and may move in another version.

const ESCAPE_ROUNDS = 3;

async function until(what, timeout, probe) {
  const deadline = Date.now() + timeout;
  let seen;
  for (;;) {
    let done = false;
    try {
      [done, seen] = await probe();
    } catch (error) {
      seen = error instanceof Error ? error.message : String(error);
    }
    if (done) {
      return seen;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last seen: ${typeof seen === 'string' ? seen : JSON.stringify(seen)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Closes menus, hovers and widgets, so the next keys go to the editor. */
async function escape(page) {
  for (let i = 0; i < ESCAPE_ROUNDS; i += 1) {
    await page.keyboard.press('Escape');
  }
}

/** Runs a command by its title through the command palette. */
async function command(page, title) {
  await escape(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Opens a file of the workspace with Quick Open (Ctrl+P). */
async function openFile(page, name) {
  await escape(page);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  // File search runs ripgrep in the server; Enter before a result opens nothing.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 10_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: 10_000 });
}

/** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
async function goTo(page, line, column) {
  await escape(page);
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The markers of the Problems panel (Ctrl+Shift+M): line, code, source and message each. */
async function problems(page) {
  const view = page.locator('.markers-panel');
  if (!(await view.isVisible())) {
    await command(page, 'View: Focus Problems');
    await view.waitFor({ state: 'visible', timeout: 10_000 });
  }
  return view.locator('.monaco-list-row').evaluateAll((rows) =>
    rows
      .filter((row) => row.querySelector('.marker-icon') !== null)
      .map((row) => {
        const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
        const position = /Ln (\d+), Col (\d+)/.exec(text('.marker-line')) ?? [];
        return {
          line: Number(position[1]),
          column: Number(position[2]),
          code: text('.marker-code').replace(/^\(|\)$/g, ''),
          source: text('.marker-source'),
          message: text('.marker-message'),
        };
      }),
  );
}

/** Waits until the Problems panel's markers satisfy `accept`; returns them. */
async function waitForProblems(page, accept, timeout) {
  return until('the Problems panel', timeout, async () => {
    const markers = await problems(page);
    return [accept(markers), markers.map((m) => `${m.line}:${m.code}`).join(', ')];
  }).then(() => problems(page));
}

/** The text of the active editor's line that holds the cursor, as drawn. */
async function cursorLineText(page) {
  const current = page.locator('.editor-group-container.active .monaco-editor .view-overlays .current-line');
  const top = await current.first().evaluate((el) => el.parentElement.style.top);
  return page
    .locator('.editor-group-container.active .monaco-editor .view-lines .view-line')
    .evaluateAll((lines, top) => lines.find((l) => l.style.top === top)?.textContent?.replace(/\u00a0/g, ' ') ?? '', top);
}

/** The text of the active editor's line (1-based), as drawn. */
async function lineText(page, line) {
  await goTo(page, line, 1);
  return cursorLineText(page);
}

async function waitForLine(page, line, accept) {
  return until(`line ${line}`, 10_000, async () => {
    const text = await lineText(page, line);
    return [accept(text), text];
  });
}

/** Shows the hover at a position (Ctrl+K Ctrl+I) and returns its text. */
async function hoverAt(page, line, column) {
  await goTo(page, line, column);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents');
  return until('the hover', 15_000, async () => {
    const text = (await hover.allTextContents()).join('\n');
    return [text.trim().length > 0, text];
  });
}

/**
 * Opens Quick Fix (Ctrl+.) at a position and applies the action titled `title`. A menu that opens
 * empty ("No code actions available") is tried again, as a user would, and said on stdout: it
 * has been seen in about one run in ten on a loaded machine (the server's log is kept on failure).
 */
async function quickFix(page, line, column, title) {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  let titles = [];
  for (let attempt = 1; ; attempt += 1) {
    await goTo(page, line, column);
    await page.keyboard.press('Control+.');
    try {
      titles = await until('the quick fix menu', 5_000, async () => {
        const all = await rows.allTextContents();
        return [all.some((t) => t.includes(title)), all];
      });
      break;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
      console.log(`     note: no "${title}" in the quick fix menu at ${line}:${column} (try ${attempt}); trying again`);
    }
  }
  const index = titles.findIndex((t) => t.includes(title));
  // The menu opens with its first action focused; walk down to ours.
  for (let i = 0; i < index; i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** The cursor's line and column (1-based), as the status bar shows them ("Ln 23, Col 6"). */
async function cursorPosition(page) {
  const item = page.locator('#status\\.editor\\.selection');
  return until('the cursor position in the status bar', 5_000, async () => {
    const match = /Ln (\d+), Col (\d+)/.exec((await item.textContent()) ?? '');
    return [match !== null, match ? { line: Number(match[1]), column: Number(match[2]) } : null];
  });
}

/** Puts the cursor at the end of the active editor (Ctrl+End) and types `text` there. */
async function typeAtEnd(page, text) {
  await escape(page);
  // A quick pick still closing (the outline's) takes the keys and restores the cursor after them.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/**
 * Asks for suggestions at the cursor (Ctrl+Space) and accepts the one whose label is `label`,
 * walking down to it as a user would. Returns the labels the widget showed.
 */
async function complete(page, label) {
  const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  const labels = () => rows.locator('.label-name').allTextContents();
  let shown = [];
  for (let attempt = 1; ; attempt += 1) {
    await page.keyboard.press('Control+Space');
    try {
      shown = await until('the suggestions', 5_000, async () => {
        const all = await labels();
        return [all.includes(label), all];
      });
      break;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
      await page.keyboard.press('Escape');
      console.log(`     note: no "${label}" among the suggestions (try ${attempt}); trying again`);
    }
  }
  // The widget opens with its first suggestion focused.
  for (let i = 0; i < shown.indexOf(label); i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await rows.first().waitFor({ state: 'hidden', timeout: 5_000 });
  return shown;
}

/**
 * The symbols Go to Symbol in Editor (Ctrl+Shift+O) lists for `query` typed after its "@": the
 * label of each row. Closes the list afterwards.
 */
async function symbols(page, query, accept) {
  await escape(page);
  await page.keyboard.press('Control+Shift+O');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`@${query}`);
  const rows = page.locator('.quick-input-list .monaco-list-row .label-name');
  try {
    return await until(`the symbols matching "${query}"`, 15_000, async () => {
      const all = (await rows.allTextContents()).map((t) => t.trim());
      return [accept(all), all];
    });
  } finally {
    await escape(page);
  }
}

/** Saves every changed file, open in a tab or not ("File: Save All"). */
async function saveAll(page) {
  await command(page, 'File: Save All');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Saves the active editor (Ctrl+S). */
async function save(page) {
  await escape(page);
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
}

export const ui = {
  command,
  openFile,
  goTo,
  problems,
  waitForProblems,
  lineText,
  waitForLine,
  cursorLineText,
  cursorPosition,
  hoverAt,
  quickFix,
  typeAtEnd,
  complete,
  symbols,
  save,
  saveAll,
  until,
};
