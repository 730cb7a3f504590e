/**
 * Line ids inside the pane's sentences (taskpane/components/tables/LineIdText.tsx): cut out whole, drawn
 * as in tables (a break after "/" only), and the sentence a user copies is the sentence as written.
 */
import { render } from '@testing-library/react';
import { LineIdText, splitAtIds } from '../../taskpane/components/tables/LineIdText';
import { reserveText } from '../../taskpane/components/proposals/reserve-text';
import { paneNumbers } from '../../taskpane/state/numbers';
import { flagRequest as ask } from '../loop/fixtures';

describe('splitAtIds', () => {
  it('cuts out each id, the longer of two that start alike, and the pieces join to the text', () => {
    const text = 'Affects MKT-DIGITAL/Travel’s plan, MKT-DIGITAL and OPS-IT.';
    const pieces = splitAtIds(text, ['OPS-IT', 'MKT-DIGITAL', 'MKT-DIGITAL/Travel']);
    expect(pieces).toEqual([
      { text: 'Affects ', id: false },
      { text: 'MKT-DIGITAL/Travel', id: true },
      { text: '’s plan, ', id: false },
      { text: 'MKT-DIGITAL', id: true },
      { text: ' and ', id: false },
      { text: 'OPS-IT', id: true },
      { text: '.', id: false },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('finds an id only where it stands whole, not inside a longer word or id', () => {
    expect(splitAtIds('OPS-APAC, S-APACX and S-APAC-2', ['S-APAC'])).toEqual([
      { text: 'OPS-APAC, S-APACX and S-APAC-2', id: false },
    ]);
    expect(splitAtIds('S-APAC', ['S-APAC'])).toEqual([{ text: 'S-APAC', id: true }]);
  });

  it('takes ids as written (no pattern characters), and no ids or no text', () => {
    expect(splitAtIds('Cut A+B (x)/Travel.', ['A+B (x)/Travel'])).toEqual([
      { text: 'Cut ', id: false },
      { text: 'A+B (x)/Travel', id: true },
      { text: '.', id: false },
    ]);
    expect(splitAtIds('Cut A.', [])).toEqual([{ text: 'Cut A.', id: false }]);
    expect(splitAtIds('Cut A.', [''])).toEqual([{ text: 'Cut A.', id: false }]);
    expect(splitAtIds('', ['A'])).toEqual([]);
  });
});

describe('LineIdText', () => {
  it('keeps each id of the reserve sentence whole, breaking after "/" only, and copies as the sentence', () => {
    // At 320 px the sentence broke "MKT-" over "DIGITAL/Travel’s" (a hyphen is a break opportunity).
    const requests = [ask('MKT-DIGITAL/Travel', 14268), ask('OPS-IT/Software', 9000)];
    const text = reserveText({ reserve: 1009, lines: 6, absorbed: [] }, requests, paneNumbers({ locale: 'en-US' }));
    const { container } = render(
      <p>
        <LineIdText text={text} ids={requests.map((r) => r.line)} />
      </p>,
    );
    expect(container.textContent).toBe(text);
    expect(container.textContent).not.toMatch(/[\u2011\u00ad\u200b\u2060]/);
    const ids = [...container.querySelectorAll('[data-line-id]')];
    expect(ids.map((e) => e.textContent)).toEqual(['MKT-DIGITAL/Travel', 'OPS-IT/Software']);
    // Each part is unbreakable; the only break inside an id is the <wbr> after its "/".
    expect(ids.map((e) => [...e.querySelectorAll('[data-line-part]')].map((p) => p.textContent))).toEqual([
      ['MKT-DIGITAL/', 'Travel'],
      ['OPS-IT/', 'Software'],
    ]);
    for (const part of container.querySelectorAll('[data-line-part]'))
      expect(getComputedStyle(part).whiteSpace).toBe('nowrap');
  });
});
