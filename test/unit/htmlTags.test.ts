// The tag walk reads a tag's name off the text instead of the tag pattern's capture (no match array per
// tag): on random markup it visits exactly what the pattern itself reads, name, span and kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutCells, tagName, walkTags } from '../../server/src/core/text/htmlTags';
import { rng } from '../helpers/rng';

/** The pattern walkTags matches tags with, here with its capture: the reference reading. */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9:]*)\b(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/y;

const PIECES = [
  '<', '>', '/', '</', 'a', 'A', 'o', ':', 'p', '_', '1', ' ', '"', "'", '=', '!', '-', 'x', '字',
  '<o:p>', '</o:p>', '<P>', '<Td ', '<table>', '</table>', '<td>', '</TD>', '<tr>', '<br/>', '<a:>', '<a_b>',
  '<script>', '</script>', '<style ', '</STYLE>', '<select>', '<!--', '-->', '<textarea>', ' x="<"', " y='>'",
];

function randomMarkup(next: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

test('tagName is the pattern’s capture, lower-cased, wherever the pattern matches a tag', () => {
  const next = rng(20261201);
  let checked = 0;
  for (let n = 0; n < 3000; n++) {
    const text = randomMarkup(next, 40);
    for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
      TAG.lastIndex = at;
      const m = TAG.exec(text);
      if (!m) continue;
      checked++;
      const start = at + (m[0][1] === '/' ? 2 : 1);
      assert.equal(tagName(text, start), m[1].toLowerCase(), JSON.stringify(text.slice(at)));
    }
  }
  assert.ok(checked > 5000, `only ${checked} tags`);
});

test('every tag visited is the pattern’s match at its start, with the pattern’s name, end and kind', () => {
  const next = rng(7);
  for (let n = 0; n < 2000; n++) {
    const text = randomMarkup(next, 60);
    let covered = 0;
    walkTags(text, {
      text(a, b) {
        assert.ok(a >= covered && b > a);
        covered = b;
      },
      tag(name, closing, start, end, selfClosing) {
        assert.ok(start >= covered);
        TAG.lastIndex = start;
        const m = TAG.exec(text);
        assert.ok(m, JSON.stringify(text.slice(start)));
        assert.deepEqual([name, closing, end, selfClosing], [m[1].toLowerCase(), m[0][1] === '/', start + m[0].length, m[0].at(-2) === '/']);
        covered = end;
      },
    });
  }
});

test('a layout cell is a cell that holds a table; tags of other first letters are passed over', () => {
  const page = '<TABLE><tr><TD id=l><p>x</p><table><tr><td>1</td></tr></table></TD></tr></TABLE><o:p></o:p>';
  assert.deepEqual([...layoutCells(page)], [page.indexOf('<TD id=l>')]);
  const seen: string[] = [];
  walkTags(page, { text() {}, tag: (name) => void seen.push(name) }, 't');
  assert.ok(seen.length > 0 && seen.every((name) => name[0] === 't'), seen.join());
});
