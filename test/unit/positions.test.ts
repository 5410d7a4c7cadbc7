// Line offsets (text/positions.ts) as LSP counts lines: \r\n, \r and \n each end one. The index finds the
// breaks by indexOf; these properties hold it to a plain split of the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countBreaks, LineIndex } from '../../server/src/core/text/positions';

const pieces = ['\r', '\n', '\r\n', '\n\r', 'a', '中', '\ud83d\ude00', '\u2028', ' ', '<p>'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(''));

test('line offsets: every line as a split on \\r\\n, \\r and \\n gives it, with its start and content end', () => {
  fc.assert(
    fc.property(texts, (text) => {
      const lines = text.split(/\r\n|\r|\n/);
      const index = new LineIndex(text);
      assert.equal(countBreaks(text), lines.length - 1);
      assert.equal(index.lineCount, lines.length);
      let at = 0;
      lines.forEach((line, i) => {
        assert.equal(index.lineStarts[i], at, `start of line ${i}`);
        assert.equal(index.lineEnds[i], at + line.length, `end of line ${i}`);
        assert.equal(index.lineText(i), line);
        at += line.length + (text.startsWith('\r\n', at + line.length) ? 2 : 1);
      });
    }),
    { numRuns: 3000 },
  );
});
