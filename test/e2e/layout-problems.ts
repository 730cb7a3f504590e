/**
 * The layout check of the browser tests, from bounding boxes: the tab row is one line, nothing is wider
 * than the pane, no button and no table column is cut off, no badge spills its words, no browser file
 * control shows, fields side by side line up their boxes, a group of fields starts where its fields
 * start, a switch starts under the sentence above it, a text box shows a short list whole, line ids
 * break only after "/", headings stand over their amounts, a chart's marker labels touch no other label
 * and no other marker's line. Used by the layout test at every width and
 * by the guide walk on the sample company at 320 px.
 */
import type { Page } from 'playwright-core';

/** What a layout check finds wrong on the page as it is now. */
export async function layoutProblems(page: Page, width: number): Promise<string[]> {
  return page.evaluate((paneWidth) => {
    const problems: string[] = [];
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    // The tab row: every tab shown and the "More" button on one line.
    const row = document.querySelector('[data-testid="tab-row"]');
    if (!row) problems.push('no tab row');
    else {
      const items = [...row.querySelectorAll('[role="tab"], [data-testid="more-views"]')].filter(visible);
      const tops = items.map((e) => e.getBoundingClientRect().top);
      if (Math.max(...tops) - Math.min(...tops) > 4) problems.push(`tab row wraps: tops ${tops.join(', ')}`);
      const rowBox = row.getBoundingClientRect();
      if (rowBox.height > 48) problems.push(`tab row is ${rowBox.height} px high`);
      for (const e of items) {
        const r = e.getBoundingClientRect();
        if (r.right > rowBox.right + 1 || r.left < rowBox.left - 1) problems.push(`tab ${name(e)} is cut off`);
      }
    }
    // The header and every badge are one line: a pill whose words wrap spills its text out of it.
    for (const e of [...document.querySelectorAll('header > *, .fui-Badge')]) {
      if (visible(e) && e.scrollHeight > e.clientHeight + 1) problems.push(`${name(e)} wraps out of its box`);
    }
    // The browser's own file control ("Choose File · No file chosen") ignores the theme: a button opens it.
    for (const e of [...document.querySelectorAll('input[type="file"]')])
      if (visible(e)) problems.push(`unstyled file input "${e.getAttribute('aria-label')}"`);
    if (document.documentElement.scrollWidth > paneWidth + 1)
      problems.push(`page is ${document.documentElement.scrollWidth} px wide in a ${paneWidth} px pane`);
    /** The visible part of an element: its box clipped by every ancestor that hides or scrolls overflow. */
    const clip = (e: Element) => {
      let { left, right } = e.getBoundingClientRect();
      left = Math.max(left, 0);
      right = Math.min(right, paneWidth);
      for (let a = e.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible') {
          const r = a.getBoundingClientRect();
          left = Math.max(left, r.left);
          right = Math.min(right, r.right);
        }
      }
      return { left, right };
    };
    const main = document.querySelector('main');
    for (const e of [...(main?.querySelectorAll('button, [role="button"]') ?? [])]) {
      if (!visible(e) || e.closest('[role="tablist"]')) continue;
      const r = e.getBoundingClientRect();
      const c = clip(e);
      if (c.right < r.right - 1 || c.left > r.left + 1) problems.push(`button ${name(e)} is cut off`);
    }
    for (const cell of [...(main?.querySelectorAll('th, td, [role="columnheader"], [role="cell"]') ?? [])]) {
      if (!visible(cell)) continue;
      const r = cell.getBoundingClientRect();
      const c = clip(cell);
      if (c.right < r.right - 1 || c.left > r.left + 1) problems.push(`table column ${name(cell)} is cut off`);
    }
    // Fields side by side (siblings whose labels share a top) have their boxes on one line, whichever
    // of them has a hint below (a stretched field pushed its box down beside one that had).
    const fields = [...(main?.querySelectorAll('.fui-Field') ?? [])].filter(visible);
    for (const [i, f] of fields.entries()) {
      const label = f.querySelector(':scope > label');
      const input = f.querySelector('.fui-Input, .fui-Select, .fui-Textarea');
      if (!label || !input) continue;
      for (const g of fields.slice(i + 1)) {
        if (g.parentElement !== f.parentElement) continue;
        const other = g.querySelector('.fui-Input, .fui-Select, .fui-Textarea');
        const otherLabel = g.querySelector(':scope > label');
        if (!other || !otherLabel) continue;
        if (Math.abs(label.getBoundingClientRect().top - otherLabel.getBoundingClientRect().top) > 1) continue;
        const gap = Math.abs(input.getBoundingClientRect().top - other.getBoundingClientRect().top);
        if (gap > 2) problems.push(`field ${name(g)}'s box is ${Math.round(gap)} px off ${name(f)}'s`);
      }
    }
    // A group of fields (a fieldset: the wizard's "SIP drivers", "Outputs") starts where the fields beside it
    // start: its legend's text over their labels' and its contents under their boxes' left edge (the
    // browser's own fieldset margin and legend padding put "SIP drivers" 4 px right of "Scenario name").
    const textLeft = (e: Element) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return Math.min(...[...range.getClientRects()].map((r) => r.left));
    };
    // A short list in a text box (up to 8 lines: the sample company's 4 accounts) shows every line; a longer
    // one scrolls. The Budget form's Accounts showed "Salaries", "Travel" and the top half of "Software".
    for (const box of [...(main?.querySelectorAll('textarea') ?? [])].filter(visible)) {
      const lines = (box as HTMLTextAreaElement).value.split('\n').length;
      if (lines <= 8 && box.scrollHeight > box.clientHeight + 1) {
        const label = box.closest('.fui-Field')?.querySelector('label')?.textContent ?? name(box);
        problems.push(`text box "${label}" cuts its ${lines} lines (${box.scrollHeight} px in ${box.clientHeight})`);
      }
    }
    // A switch under a sentence ("3 of 48 lines differ." over "Changed lines only") starts where the
    // sentence starts: Fluent's track has an 8 px margin that put it right of the text above.
    for (const sw of [...(main?.querySelectorAll('.fui-Switch') ?? [])].filter(visible)) {
      const above = sw.previousElementSibling;
      const track = sw.querySelector('.fui-Switch__indicator');
      if (!above || !track || !visible(above)) continue;
      const off = track.getBoundingClientRect().left - textLeft(above);
      if (Math.abs(off) > 0.5) problems.push(`switch ${name(sw)} starts ${off} px off ${name(above)}`);
    }
    for (const group of [...(main?.querySelectorAll('fieldset') ?? [])].filter(visible)) {
      const field = [...(group.parentElement?.children ?? [])].find((e) => e.matches('.fui-Field') && visible(e));
      const label = field?.querySelector(':scope > label');
      const box = field?.querySelector('.fui-Input, .fui-Select, .fui-Textarea');
      if (!label || !box) continue;
      const legend = group.querySelector(':scope > legend');
      const off = (a: number, b: number) => Math.abs(a - b) > 0.5;
      if (legend && off(textLeft(legend), textLeft(label)))
        problems.push(`group ${name(legend)} starts ${textLeft(legend) - textLeft(label)} px off ${name(label)}`);
      // The contents' leftmost edge (checkboxes side by side wrap: only the first of a line starts there).
      const lefts = [...group.children]
        .filter((c) => c !== legend && visible(c))
        .map((c) => c.getBoundingClientRect().left);
      const boxLeft = box.getBoundingClientRect().left;
      if (lefts.length > 0 && off(Math.min(...lefts), boxLeft))
        problems.push(
          `group ${name(legend ?? group)}'s contents start ${Math.min(...lefts) - boxLeft} px off the boxes`,
        );
    }
    // A line id (MKT-EVENTS) stays on one line: its text's boxes all share one top. A cost-centre/account
    // id may break after its "/" only: each of its parts stays on one line.
    for (const id of [...(main?.querySelectorAll('[data-line-id]') ?? [])]) {
      if (!visible(id)) continue;
      const parts = [...id.querySelectorAll('[data-line-part]')];
      for (const part of parts.length > 0 ? parts : [id]) {
        const range = document.createRange();
        range.selectNodeContents(part);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`line id ${name(id)} breaks over ${tops.size} lines`);
      }
    }
    // A heading over right-aligned amounts ends where they end (a flex header cell ignores textAlign).
    const textRight = (e: Element) => {
      let right = -Infinity;
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if ((t.textContent ?? '').trim() === '') continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        right = Math.max(right, range.getBoundingClientRect().right);
      }
      return right;
    };
    for (const table of [...(main?.querySelectorAll('table') ?? [])]) {
      if (!visible(table)) continue;
      const rows = [...table.querySelectorAll('tr')];
      const head = rows.find((r) => r.querySelector('th'));
      const body = rows.filter((r) => !r.querySelector('th'));
      [...(head?.children ?? [])].forEach((h, i) => {
        const cells = body.map((r) => r.children[i]).filter((c) => c && (c.textContent ?? '').trim() !== '');
        if (cells.length === 0 || !cells.every((c) => getComputedStyle(c).textAlign === 'right')) return;
        const right = Math.max(...cells.map(textRight));
        if (Math.abs(textRight(h) - right) > 4) problems.push(`heading ${name(h)} is not over its amounts`);
      });
    }
    // A chart's marker label (P5, P50, P95) as drawn touches no other label and no other marker's line.
    for (const svg of [...(main?.querySelectorAll('svg') ?? [])]) {
      const labels = [...svg.querySelectorAll('[data-marker]')].filter(visible);
      // A vertical line's box is 0 px wide: visible() would drop it.
      const lines = [...svg.querySelectorAll('[data-marker-line]')].filter((l) => l.getBoundingClientRect().height > 0);
      const hits = (a: DOMRect, b: DOMRect) =>
        a.left <= b.right && b.left <= a.right && a.top < b.bottom && b.top < a.bottom;
      for (const label of labels) {
        const box = label.getBoundingClientRect();
        const own = label.getAttribute('data-marker');
        for (const other of labels)
          if (other !== label && hits(box, other.getBoundingClientRect()))
            problems.push(`marker label ${name(label)} overlaps ${name(other)}`);
        for (const line of lines)
          if (line.getAttribute('data-marker-line') !== own && hits(box, line.getBoundingClientRect()))
            problems.push(`marker label ${name(label)} is on ${line.getAttribute('data-marker-line')}'s line`);
      }
    }
    return [...new Set(problems)];
  }, width);
}
