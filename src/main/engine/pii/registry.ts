// Every PII recogniser the scan runs, in a fixed order (the last tie-break of overlap resolution).
// Adding one: a file in recognisers/ and a line here; the shared contract suite picks it up.

import { creditCard } from './recognisers/credit-card';
import { date } from './recognisers/date';
import { dateOfBirth } from './recognisers/date-of-birth';
import { driverLicense } from './recognisers/driver-license';
import { email } from './recognisers/email';
import { iban } from './recognisers/iban';
import { identifier } from './recognisers/identifier';
import { ipAddress } from './recognisers/ip-address';
import { macAddress } from './recognisers/mac-address';
import { passport } from './recognisers/passport';
import { person } from './recognisers/person';
import { phone } from './recognisers/phone';
import { postalCode } from './recognisers/postal-code';
import { streetAddress } from './recognisers/street-address';
import { ukNino } from './recognisers/uk-nino';
import { url } from './recognisers/url';
import { usSsn } from './recognisers/us-ssn';
import type { Recogniser } from './types';

/**
 * The version of the detection rules (recognisers, their gates and the column classifier). A scan
 * stores it in its summary; a cleaning run uses a scan's column classes only when they were made
 * by these rules, and samples the column again otherwise. Bump it whenever what they find changes.
 */
export const PII_RULES_VERSION = 1;

export const RECOGNISERS: readonly Recogniser[] = [
  email,
  url,
  iban,
  creditCard,
  usSsn,
  ukNino,
  phone,
  ipAddress,
  macAddress,
  postalCode,
  dateOfBirth,
  date,
  passport,
  driverLicense,
  identifier,
  streetAddress,
  person,
];
