/**
 * A sentence with line ids in it ("Too small for MKT-DIGITAL/Travel’s 14,268", "Affects MKT-DIGITAL,
 * OPS-IT"): each id is drawn as in a table (LineId.tsx), breaking after its "/" and never at a hyphen.
 * Plain text, MKT- over DIGITAL/Travel’s, broke at 320 px in Proposals' reserve sentence. Only markup
 * changes: the text a user selects and copies is the sentence as written, without look-alike characters
 * (a non-breaking hyphen would copy as a different character and not find the line in Excel).
 */
import { Fragment } from 'react';
import { LineId } from './LineId';

/** One piece of a sentence: an id of `ids`, or the text between two. */
export interface SentencePiece {
  text: string;
  id: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The sentence cut at every whole occurrence of an id: not inside a longer word or id ("S-APAC" is not
 * found in "OPS-APAC"), the longer of two ids where both start at one place. Joined, the pieces are
 * the text.
 * @example splitAtIds('Too small for MKT-ADS’s 14,268', ['MKT-ADS'])
 * // [{ text: 'Too small for ', id: false }, { text: 'MKT-ADS', id: true }, { text: '’s 14,268', id: false }]
 */
export function splitAtIds(text: string, ids: readonly string[]): SentencePiece[] {
  const known = [...new Set(ids.filter((id) => id !== ''))].sort((a, b) => b.length - a.length);
  if (known.length === 0 || text === '') return text === '' ? [] : [{ text, id: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${known.map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
  const pieces: SentencePiece[] = [];
  let from = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > from) pieces.push({ text: text.slice(from, m.index), id: false });
    pieces.push({ text: m[0], id: true });
    from = m.index + m[0].length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), id: false });
  return pieces;
}

/** `text` with each of `ids` in it kept whole (see above). */
export function LineIdText({ text, ids }: { text: string; ids: readonly string[] }) {
  return (
    <>
      {splitAtIds(text, ids).map((piece, i) => (
        <Fragment key={i}>{piece.id ? <LineId id={piece.text} /> : piece.text}</Fragment>
      ))}
    </>
  );
}
