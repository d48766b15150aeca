// Dates of birth: a real calendar date (dates.ts: numeric or with a month name, year 1900–2099),
// reported only with birth evidence — a context word or a header. Other dates tied to a person
// (admission, death, …) are the DATE recogniser's.

import { DATE_CHECK, findDates, ownContext, realDate } from '../dates';
import { contextWords, finding } from '../evidence';
import type { RawFinding, Recogniser } from '../types';

const WORDS = contextWords(['dob', 'd.o.b', 'date of birth', 'birth date', 'birthdate', 'birthday', 'born', 'birth', 'geburtsdatum', 'geboren', 'date de naissance', 'né le', 'née le', 'fecha de nacimiento']);

/** A real calendar date with a year from 1900 to 2099 (the range a living person's birth falls in). */
export const realBirthDate = realDate;

export const dateOfBirth: Recogniser = {
  id: 'date-of-birth',
  entity: 'DATE_OF_BIRTH',
  // Needs every date shape holds a digit (findDates).
  gate: (t) => t.digits >= 1,
  find(text, ctx) {
    const out: RawFinding[] = [];
    const dates = findDates(text);
    for (const [i, d] of dates.entries()) {
      const own = ownContext(text, dates, i);
      if (!WORDS.any(own.text, own.start, own.end, ctx)) continue;
      const ev = WORDS.near(own.text, own.start, own.end, ctx);
      out.push(finding(dateOfBirth, d.start, d.end, { base: 0.5, boost: 0.35 }, ev, { pattern: `date (${d.pattern})`, checksum: DATE_CHECK }));
    }
    return out;
  },
  examples: {
    header: 'Date of birth',
    found: ['1980-03-12', '12/03/1980', '31.12.1999', '12 March 1980', 'Sept. 3rd, 1975'],
    ignored: ['1980-02-30', '31/31/1980', '1850-01-01', '2100-01-01', '1980-13-01', '12 Foo 1980', '1980-03-12-7'],
  },
};
