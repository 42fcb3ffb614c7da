import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { FindIndex, firstMatchFrom, foldForFind, matchContext, matchesIn, type FindMatches } from '../../app/domain/findText.js';

/** Matches as [start, end, text] with the text cut from the original in code points. */
function found(text: string, query: string, options = {}): Array<[number, number, string]> {
  const matches = new FindIndex(text, options).find(query);
  const chars = [...text];
  return [...matches.starts].map((start, k) => [start, matches.ends[k]!, chars.slice(start, matches.ends[k]!).join('')]);
}

describe('FindIndex', () => {
  it('ignores case and counts non-overlapping matches in text order', () => {
    expect(found('Russia, RUSSIA and russian', 'russia')).toEqual([
      [0, 6, 'Russia'],
      [8, 14, 'RUSSIA'],
      [19, 25, 'russia'],
    ]);
    expect(found('aaaa', 'aa').map(([start]) => start)).toEqual([0, 2]);
  });

  it('ignores accents unless asked to match them, as the Search tab does', () => {
    expect(found('Górski and Gorski; Łódź', 'gorski').map(([, , text]) => text)).toEqual(['Górski', 'Gorski']);
    expect(found('Górski and Gorski; Łódź', 'lodz').map(([, , text]) => text)).toEqual(['Łódź']);
    expect(found('Górski and Gorski', 'górski').map(([, , text]) => text)).toEqual(['Górski', 'Gorski']);
    expect(found('Górski and Gorski', 'górski', { matchAccents: true }).map(([, , text]) => text)).toEqual(['Górski']);
    expect(found('Górski and Gorski', 'GÓRSKI', { matchAccents: true }).map(([, , text]) => text)).toEqual(['Górski']);
  });

  it('keeps a decomposed accent with its letter', () => {
    // "café" with a combining acute: the match ends after the mark, not before it.
    expect(found('un cafe\u0301 noir', 'cafe')).toEqual([[3, 8, 'cafe\u0301']]);
  });

  it('gives offsets in code points after astral characters', () => {
    const text = '𝐁𝐚𝐤𝐮 👍🏿 said Baku twice: baku';
    const chars = [...text];
    const start = chars.indexOf('B');
    expect(found(text, 'baku')).toEqual([
      [start, start + 4, 'Baku'],
      [chars.length - 4, chars.length, 'baku'],
    ]);
  });

  it('matches any run of white space with any other', () => {
    const text = 'the end of it.\n\nNext   paragraph';
    expect(found(text, 'it. next').map(([, , t]) => t)).toEqual(['it.\n\nNext']);
    expect(found(text, 'next paragraph').map(([, , t]) => t)).toEqual(['Next   paragraph']);
  });

  it('finds nothing for an empty query or one that is not there', () => {
    expect(found('some text', '')).toEqual([]);
    expect(found('some text', 'absent')).toEqual([]);
    expect(foldForFind('  A  b ')).toBe(' a b ');
  });

  it('searches a million-character book in one pass per query', () => {
    const paragraph = 'Qualitative coding of interviews about Nagorno-Karabakh and its neighbours. ';
    const parts: string[] = [];
    let expected = 0;
    let length = 0;
    for (let i = 0; length < 1_000_000; i++) {
      const part = i % 997 === 0 ? `${paragraph}Zephyrine appears here.\n\n` : paragraph;
      parts.push(part);
      length += part.length;
      if (i % 997 === 0) expected++;
    }
    const text = parts.join('');
    const index = new FindIndex(text);
    const matches = index.find('zephyrine');
    expect(matches.starts.length).toBe(expected);
    expect(matches.starts.length).toBe(text.split('Zephyrine').length - 1);
    for (const start of matches.starts) expect(text.slice(start, start + 9)).toBe('Zephyrine');
  });
});

describe('match helpers', () => {
  const matches: FindMatches = { starts: Int32Array.from([5, 20, 40]), ends: Int32Array.from([9, 24, 44]) };

  it('finds the first match from an offset, wrapping to the first', () => {
    expect(firstMatchFrom(matches, 0)).toBe(0);
    expect(firstMatchFrom(matches, 6)).toBe(1);
    expect(firstMatchFrom(matches, 40)).toBe(2);
    expect(firstMatchFrom(matches, 41)).toBe(0);
    expect(firstMatchFrom({ starts: new Int32Array(0), ends: new Int32Array(0) }, 3)).toBe(-1);
  });

  it('lists the matches that touch a range', () => {
    expect(matchesIn(matches, 0, 100)).toEqual([0, 3]);
    expect(matchesIn(matches, 8, 21)).toEqual([0, 2]);
    expect(matchesIn(matches, 9, 20)).toEqual([1, 1]);
    expect(matchesIn(matches, 44, 100)).toEqual([3, 3]);
  });

  it('says the words around a match on one line', () => {
    const text = 'One two three four five six seven\neight nine ten eleven twelve thirteen';
    const index = new CodePointIndex(text);
    const start = text.indexOf('seven');
    expect(matchContext(index, start, start + 5, 12)).toBe('…five six seven eight nine…');
    expect(matchContext(index, 0, 3, 8)).toBe('One two…');
  });
});
