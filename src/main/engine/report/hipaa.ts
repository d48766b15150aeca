// The regulation mapping of a report: the 18 HIPAA Safe Harbor categories (45 CFR
// 164.514(b)(2)(i) A–R), which detected entity types stand for each (the one table), and how a
// run's findings and operators mark each handled, not detected or not handled — in words.
import type { EntityType } from '../../../shared/api/pii-types';
import type { ReportHipaa } from '../../../shared/api/report-types';

export interface HipaaCategory {
  code: string;
  category: string;
  /** The detectors' entity types that find identifiers of this category; empty: no detector. */
  entities: readonly EntityType[];
  /** Said in the evidence: how loosely the entity types fit, or why there is no detector. */
  note?: string;
  /** A generalise step of one of these kinds handles the category (dates to a year, ZIP to 3 digits). */
  generalisedBy?: readonly string[];
}

const ID_NOTE = 'IDENTIFIER is any number a label names (MRN, member id, account, licence, VIN or plate, serial or device id): the report does not tell those kinds apart, so one IDENTIFIER finding counts for each of H–M and R';

export const HIPAA_CATEGORIES: readonly HipaaCategory[] = [
  { code: 'A', category: 'Names', entities: ['PERSON'] },
  { code: 'B', category: 'Geographic subdivisions smaller than a state', entities: ['STREET_ADDRESS', 'POSTAL_CODE'], generalisedBy: ['zip3'] },
  { code: 'C', category: 'Dates (except year) related to an individual', entities: ['DATE_OF_BIRTH', 'DATE'], generalisedBy: ['date_year', 'birth_year', 'age_band'] },
  { code: 'D', category: 'Telephone numbers', entities: ['PHONE'] },
  { code: 'E', category: 'Fax numbers', entities: ['PHONE'], note: 'a fax number is found as a PHONE: the detector cannot tell the two apart' },
  { code: 'F', category: 'E-mail addresses', entities: ['EMAIL'] },
  { code: 'G', category: 'Social security numbers', entities: ['US_SSN'] },
  { code: 'H', category: 'Medical record numbers', entities: ['IDENTIFIER'], note: ID_NOTE },
  { code: 'I', category: 'Health plan beneficiary numbers', entities: ['IDENTIFIER'], note: ID_NOTE },
  { code: 'J', category: 'Account numbers', entities: ['IDENTIFIER', 'IBAN', 'CREDIT_CARD'], note: ID_NOTE },
  { code: 'K', category: 'Certificate/license numbers', entities: ['DRIVER_LICENSE', 'PASSPORT', 'IDENTIFIER'], note: ID_NOTE },
  { code: 'L', category: 'Vehicle identifiers and serial numbers, including license plate numbers', entities: ['IDENTIFIER'], note: ID_NOTE },
  { code: 'M', category: 'Device identifiers and serial numbers', entities: ['IDENTIFIER', 'MAC_ADDRESS'], note: ID_NOTE },
  { code: 'N', category: 'Web Universal Resource Locators (URLs)', entities: ['URL'] },
  { code: 'O', category: 'Internet Protocol (IP) address numbers', entities: ['IP_ADDRESS'] },
  { code: 'P', category: 'Biometric identifiers, including finger and voice prints', entities: [], note: 'the app has no detector for biometric identifiers: check for them by hand' },
  { code: 'Q', category: 'Full face photographic images and any comparable images', entities: [], note: 'the app has no detector for photographs or images (a table cell holding one is not recognised): check for them by hand' },
  { code: 'R', category: 'Any other unique identifying number, characteristic, or code', entities: ['IDENTIFIER', 'UK_NINO'], note: ID_NOTE },
];

/** What the mapping reads from a run: findings per entity (with their columns) and what handled them. */
export interface HipaaFacts {
  scanned: boolean;
  /** The scanned version, for the wording. */
  version: number;
  found: ReadonlyMap<string, { findings: number; columns: string[] }>;
  /** The operator the run applied to an entity (null: none did). */
  operatorOf: (entity: string) => string | null;
  /** Generalise kinds the run applied, each with the step ids and the columns it changed. */
  generalised: ReadonlyMap<string, { stepIds: string[]; columns: string[] }>;
}

const list = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(', ');

export function hipaaRows(f: HipaaFacts): ReportHipaa[] {
  return HIPAA_CATEGORIES.map((c) => ({ code: c.code, category: c.category, ...statusOf(c, f) }));
}

function statusOf(c: HipaaCategory, f: HipaaFacts): Pick<ReportHipaa, 'status' | 'evidence'> {
  const note = c.note ? ` (${c.note})` : '';
  if (c.entities.length === 0) return { status: 'not-detected', evidence: `No detector${note}.` };
  const gens = (c.generalisedBy ?? []).flatMap((k) => {
    const g = f.generalised.get(k);
    return g ? [{ kind: k, ...g }] : [];
  });
  const genText = (g: { kind: string; stepIds: string[]; columns: string[] }) => `${list(g.columns)} generalised (${g.kind}) by step ${g.stepIds.join(', ')}`;
  if (!f.scanned) {
    const maps = c.entities.join(', ');
    return { status: 'not-detected', evidence: `Version ${f.version} was never scanned for personal data, so no ${maps} was looked for${gens.length ? `; ${gens.map(genText).join('; ')}` : ''}${note}.` };
  }
  const found = c.entities.flatMap((e) => {
    const x = f.found.get(e);
    return x && x.findings > 0 ? [{ entity: e, ...x }] : [];
  });
  if (found.length === 0) {
    return { status: 'not-detected', evidence: `The scan of version ${f.version} found no ${c.entities.join(' or ')} (absence of findings is not proof of absence)${note}.` };
  }
  const parts = found.map((x) => {
    const op = f.operatorOf(x.entity);
    const where = `${x.entity} in ${list(x.columns)} (${x.findings.toLocaleString('en')} findings)`;
    // A generalise step of the category's kind on every column holding it handles it too (dates to a year, ZIP to 3 digits).
    const by = gens.filter((g) => x.columns.every((col) => g.columns.includes(col)));
    if (op) return { handled: true, text: `${where}: ${op} by the run's de-identification step` };
    if (by.length > 0) return { handled: true, text: `${where}: ${by.map(genText).join('; ')}` };
    return { handled: false, text: `${where}: no step of the run de-identifies it` };
  });
  return { status: parts.every((p) => p.handled) ? 'handled' : 'not-handled', evidence: `${parts.map((p) => p.text).join('; ')}${note}.` };
}
