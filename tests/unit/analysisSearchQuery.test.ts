import { describe, expect, it } from 'vitest';
import { GlossError } from '../../app/domain/errors.js';
import { foldForSearch, parseSearch, SEARCH_FOLDS } from '../../app/domain/searchQuery.js';

function errorOf(query: string): GlossError {
  try {
    parseSearch(query);
  } catch (error) {
    if (error instanceof GlossError) return error;
    throw error;
  }
  throw new Error(`"${query}" parsed`);
}

describe('search query language', () => {
  it('quotes every word and phrase for FTS5, so nothing a user types is read as syntax by accident', () => {
    expect(parseSearch('russia').fts).toBe('"russia"');
    expect(parseSearch('"pivotal containment"').fts).toBe('"pivotal containment"');
    expect(parseSearch('contain*').fts).toBe('"contain"*');
    expect(parseSearch('"pivotal cont"*').fts).toBe('"pivotal cont"*');
    expect(parseSearch('Nagorno-Karabakh').fts).toBe('"Nagorno-Karabakh"');
    expect(parseSearch('text:russia').fts).toBe('"text:russia"');
    expect(parseSearch('say "he said ""no"""').fts).toBe('("say" AND "he said ""no""")');
    expect(parseSearch('„Górski Karabach”').fts).toBe('"Górski Karabach"');
  });

  it('reads AND, OR, NOT, NEAR and parentheses with FTS5 precedence (NOT, then AND, then OR)', () => {
    expect(parseSearch('russia turkey').fts).toBe('("russia" AND "turkey")');
    expect(parseSearch('russia AND turkey OR iran').fts).toBe('(("russia" AND "turkey") OR "iran")');
    expect(parseSearch('russia OR turkey iran').fts).toBe('("russia" OR ("turkey" AND "iran"))');
    expect(parseSearch('russia NOT turkey iran').fts).toBe('(("russia" NOT "turkey") AND "iran")');
    expect(parseSearch('(russia OR turkey) NOT iran').fts).toBe('(("russia" OR "turkey") NOT "iran")');
    expect(parseSearch('NEAR(russia turkey, 5)').fts).toBe('NEAR("russia" "turkey", 5)');
    expect(parseSearch('NEAR(russia "south caucasus")').fts).toBe('NEAR("russia" "south caucasus", 10)');
    expect(parseSearch('and or not near').fts).toBe('("and" AND "or" AND "not" AND "near")');
  });

  it('folds the letters the index folds (ł, ı, ё, …), and leaves other accents to the tokenizer', () => {
    expect(parseSearch('Łódź').fts).toBe('"Lódź"');
    expect(parseSearch('ёлка').fts).toBe('"елка"');
    expect(foldForSearch('Respublikası Đakovo Ørsted ħ ŧ')).toBe('Respublikasi Dakovo Orsted h t');
    for (const [from, to] of SEARCH_FOLDS) {
      expect(from.length).toBe(1);
      expect(to.length).toBe(1);
      expect(foldForSearch(from)).toBe(to);
    }
  });

  it('drops words without letters or digits, and refuses a query of none', () => {
    expect(parseSearch('russia — turkey').fts).toBe('("russia" AND "turkey")');
    expect(errorOf('— …').message).toMatch(/no letters or digits/);
    expect(errorOf('"—"').message).toMatch(/phrase at position 1 has no letters or digits/);
    expect(errorOf('   ').message).toMatch(/at least one word/);
  });

  it('explains each syntax error with its position and what to write', () => {
    const cases: [string, RegExp][] = [
      ['"pivotal containment', /quotation mark at position 1 is never closed/],
      ['(russia OR turkey', /"\(" at position 1 is never closed/],
      ['russia)', /"\)" at position 7 closes nothing/],
      ['()', /parentheses at position 1 are empty/],
      ['AND russia', /AND at position 1 needs something to search for before it/],
      ['russia OR', /OR at position 8 needs something to search for after it/],
      ['russia AND', /AND at position 8 needs something to search for after it/],
      ['NOT turkey', /NOT at position 1 needs something to search for before it, as in "russia NOT turkey"/],
      ['russia NOT', /NOT at position 8 needs something after it/],
      ['russia OR NOT turkey', /OR at position 8 needs something to search for after it/],
      ['NEAR(russia turkey, x)', /NEAR\(…, N\) needs a whole number/],
      ['NEAR(russia turkey, 5 iran)', /must close right after its distance/],
      ['NEAR(russia (turkey))', /NEAR\(…\) holds only words/],
      ['NEAR(russia turkey', /NEAR\( at position 1 is never closed/],
      ['* russia', /a \* \(position 1\) goes straight after the start of a word/],
      ['russia, turkey', /comma \(position 7\) only separates the distance/],
    ];
    for (const [query, message] of cases) {
      const error = errorOf(query);
      expect(error.code, query).toBe('invalid_input');
      expect(error.message, query).toMatch(message);
      expect(error.message, query).toMatch(/^Cannot search for /);
    }
  });
});
