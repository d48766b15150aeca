// Other dates tied to a person — admission, discharge, death, service, visit, appointment, surgery
// (HIPAA Safe Harbor removes them all): a real calendar date (dates.ts, shared with DATE_OF_BIRTH)
// reported only with such evidence, a context word or the header. Shipping, order, event, invoice
// and record-keeping dates are never reported, even next to a clinical word.

import { DATE_CHECK, findDates, ownContext } from '../dates';
import { contextWords, finding } from '../evidence';
import type { RawFinding, Recogniser } from '../types';

const WORDS = contextWords([
  'admission', 'admitted', 'admit', 'discharge', 'discharged', 'death', 'died', 'deceased', 'date of death', 'dod',
  'service', 'date of service', 'dos', 'visit', 'visited', 'appointment', 'appt', 'surgery', 'operation', 'procedure',
  'operated', 'encounter', 'consultation', 'seen', 'treated', 'treatment', 'diagnosed', 'diagnosis', 'hospitalised',
  'hospitalized', 'examined', 'exam', 'examination', 'follow-up', 'follow up', 'vaccinated', 'vaccination', 'onset',
  'injury', 'injured', 'accident', 'deceased on', 'aufnahme', 'entlassung', 'entlassen', 'verstorben',
  'sterbedatum', 'termin', 'hospitalisation', 'décès', 'décédé', 'admisión', 'alta', 'fallecido', 'fallecimiento', 'ricovero', 'dimissione',
]);
// Dates of things, not of a person: they win over any clinical word nearby.
const NOT_PERSON = contextWords([
  'ship', 'shipped', 'shipping', 'shipment', 'dispatch', 'dispatched', 'order', 'ordered', 'orders', 'invoice', 'invoiced',
  'event', 'events', 'created', 'updated', 'modified', 'published', 'release', 'released', 'due', 'expiry', 'expires',
  'expiration', 'valid until', 'posted', 'printed', 'report date', 'effective', 'version', 'build', 'delivered',
  'purchase', 'purchased', 'payment', 'paid', 'billing', 'statement', 'launch', 'deadline', 'timestamp', 'logged',
]);


export const date: Recogniser = {
  id: 'date',
  entity: 'DATE',
  // Needs every date shape holds a digit (findDates).
  gate: (t) => t.digits >= 1,
  find(text, ctx) {
    const out: RawFinding[] = [];
    const dates = findDates(text);
    for (const [i, d] of dates.entries()) {
      const own = ownContext(text, dates, i);
      // Thing words count before the date (and in the header): "shipped 2024-01-02", "Order date".
      if (!WORDS.any(own.text, own.start, own.end, ctx) || NOT_PERSON.any(own.text.slice(0, own.end), own.start, own.end, ctx)) continue;
      const ev = WORDS.near(own.text, own.start, own.end, ctx);
      out.push(finding(date, d.start, d.end, { base: 0.45, boost: 0.35 }, ev, { pattern: `date (${d.pattern})`, checksum: DATE_CHECK }));
    }
    return out;
  },
  examples: {
    header: 'Admission date',
    found: ['2024-01-02', '02/01/2024', '2 January 2024', 'admitted 2024-01-02, discharged 2024-01-09'],
    ignored: ['2024-02-30', 'shipped 2024-01-02', 'order date 2024-01-02', '1850-01-01', 'tomorrow'],
  },
};
