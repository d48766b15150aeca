// Free text with PII inside sentences: one to three fragments, each holding one labelled span
// (an entity or a hard negative), some with the context words a recogniser looks for and some
// without, between filler sentences (now and then with an emoji, so code-point offsets matter).
import type { Chance } from 'chance';
import type { Rng } from '../prng';
import { CellBuilder, type Cell, type Label } from './cell';
import * as neg from './negatives';
import * as v from './values';

type Gen = (rng: Rng, c: Chance) => v.Value;

const personInText: Gen = (rng) => {
  for (;;) {
    const p = v.person(rng);
    if (p.kind === 'first last' || p.kind === 'first initial last') return p;
  }
};
const fax: Gen = (rng) => {
  const p = v.phone(rng);
  return { text: p.text, kind: `fax ${p.kind}` };
};
const ukPostcode: Gen = (rng) => {
  for (;;) {
    const p = v.postcode(rng);
    if (p.kind.startsWith('UK')) return p;
  }
};
const usZip: Gen = (rng) => {
  for (;;) {
    const p = v.postcode(rng);
    if (p.kind.startsWith('US')) return p;
  }
};
const ident = (kind: string): Gen => (rng) => v.identifier(rng, [kind]);

/** [template with one {} slot, label, generator] */
const FRAGMENTS: readonly (readonly [string, Label, Gen])[] = [
  ['Spoke with {} about the claim.', 'PERSON', personInText],
  ['{} called back this morning.', 'PERSON', personInText],
  ['Patient {} reports mild pain.', 'PERSON', personInText],
  ['Referred by Dr. {}.', 'PERSON', personInText],
  ['Next of kin: {}.', 'PERSON', personInText],
  ['Met with {} at the branch.', 'PERSON', personInText],
  ['Send the invoice to {}.', 'EMAIL', v.email],
  ['Her email is {} now.', 'EMAIL', v.email],
  ['reply to {} please', 'EMAIL', v.email],
  ['Call me at {}.', 'PHONE', (rng) => v.phone(rng)],
  ['mobile {}', 'PHONE', (rng) => v.phone(rng, { bare: true })],
  ['Tel: {}', 'PHONE', (rng) => v.phone(rng)],
  ['Can be reached on {} after six.', 'PHONE', (rng) => v.phone(rng)],
  ['Fax {} for the records.', 'PHONE', fax],
  ['Please fax the form to {}.', 'PHONE', fax],
  ['SSN {} verified.', 'US_SSN', (rng) => v.ssn(rng, { bare: true })],
  ['Social security number {} on file.', 'US_SSN', (rng) => v.ssn(rng)],
  ['Paid with card {}.', 'CREDIT_CARD', v.card],
  ['Visa {} was declined.', 'CREDIT_CARD', v.card],
  ['Charged {} twice.', 'CREDIT_CARD', v.card],
  ['IBAN {} confirmed.', 'IBAN', v.iban],
  ['Refund by transfer to {}.', 'IBAN', v.iban],
  ['Login from {} failed.', 'IP_ADDRESS', v.ip],
  ['Blocked {} after three attempts.', 'IP_ADDRESS', v.ip],
  ['Device {} registered.', 'MAC_ADDRESS', v.mac],
  ['MAC {} seen on the guest network.', 'MAC_ADDRESS', v.mac],
  ['See {} for details.', 'URL', v.url],
  ['Profile at {}.', 'URL', v.url],
  ['Postcode {} confirmed.', 'POSTAL_CODE', ukPostcode],
  ['Moved to the {} area.', 'POSTAL_CODE', ukPostcode],
  ['Zip code {} on the form.', 'POSTAL_CODE', usZip],
  ['NI number {} checked.', 'UK_NINO', v.nino],
  ['National Insurance {} on the payslip.', 'UK_NINO', v.nino],
  ['Born {}.', 'DATE_OF_BIRTH', v.birthDate],
  ['DOB {} confirmed by phone.', 'DATE_OF_BIRTH', v.birthDate],
  ['Date of birth: {}.', 'DATE_OF_BIRTH', v.birthDate],
  ['Admitted on {}.', 'DATE', v.eventDate],
  ['Discharged {} with follow-up.', 'DATE', v.eventDate],
  ['Died on {} at home.', 'DATE', v.eventDate],
  ['Date of service {}.', 'DATE', v.eventDate],
  ['Lives at {}.', 'STREET_ADDRESS', v.street],
  ['New address: {}.', 'STREET_ADDRESS', v.street],
  ['Deliver to {} instead.', 'STREET_ADDRESS', v.street],
  ['Passport {} expires soon.', 'PASSPORT', v.passport],
  ['Passport number {} on file.', 'PASSPORT', v.passport],
  ["Driver's license {} scanned.", 'DRIVER_LICENSE', v.driverLicense],
  ['Driving licence no. {} checked.', 'DRIVER_LICENSE', v.driverLicense],
  ['MRN {} merged.', 'IDENTIFIER', ident('MRN')],
  ['Member ID {} for the health plan.', 'IDENTIFIER', ident('health plan')],
  ['Account number {} closed.', 'IDENTIFIER', ident('account')],
  ['VIN {} on the claim.', 'IDENTIFIER', ident('VIN')],
  ['Order {} shipped.', 'NEGATIVE', neg.orderNumber],
  ['Invoice no. {} paid.', 'NEGATIVE', neg.orderNumber],
  ['Product code {} out of stock.', 'NEGATIVE', neg.productCode],
  ['Upgraded to version {}.', 'NEGATIVE', neg.version],
  ['Firmware {} installed.', 'NEGATIVE', neg.version],
  ['ISBN {} reordered.', 'NEGATIVE', neg.isbn],
  ['Request id {} logged.', 'NEGATIVE', neg.uuid],
  ['Shipped on {}.', 'NEGATIVE', neg.businessDate],
  ['Invoice dated {}.', 'NEGATIVE', neg.businessDate],
  ['The event on {} was cancelled.', 'NEGATIVE', neg.businessDate],
  ['Asked about the {} offer.', 'NEGATIVE', neg.capitalised],
  ['Batch {} recalled.', 'NEGATIVE', neg.digitString],
  ['Balance of {} settled.', 'NEGATIVE', neg.amount],
  ['Old reference {} cancelled.', 'NEGATIVE', neg.invalidLookalike],
];

const FILLERS = ['No further action needed.', 'Follow up in two weeks.', 'Thanks 🙏', 'Customer was happy with the outcome.', 'Left a voicemail.', 'See previous note.', 'Escalated to the second line.', 'Résumé attached — ✅'];

export function freeText(rng: Rng, c: Chance): Cell {
  const b = new CellBuilder();
  const n = rng.weighted([1, 2, 3], [4, 4, 2]);
  const pieces: (readonly [string, Label, Gen] | string)[] = [];
  for (let i = 0; i < n; i++) pieces.push(rng.pick(FRAGMENTS));
  if (rng.chance(0.5)) pieces.splice(rng.int(0, pieces.length), 0, rng.pick(FILLERS));
  pieces.forEach((p, i) => {
    if (i > 0) b.add(' ');
    if (typeof p === 'string') {
      b.add(p);
      return;
    }
    const [template, label, gen] = p;
    const value = gen(rng, c);
    const [before, after] = template.split('{}') as [string, string];
    b.add(before).span(label, value.text, value.kind).add(after);
  });
  return b.build();
}
