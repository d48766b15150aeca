// Regenerates the word lists the PII recognisers ship in resources/pii/ from the installed
// @faker-js/faker locale data (MIT), so their provenance is reproducible: `npm run pii-names`.
// The runtime reads only the files written here, never the npm package. The few lists that are
// our own work (abbreviations, ambiguous common words) are the constants below.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allLocales, type LocaleDefinition } from '@faker-js/faker';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'resources', 'pii');
const FAKER = path.join(ROOT, 'node_modules', '@faker-js', 'faker');

/** Locales whose person names we ship: the languages our users' data is mostly in. */
const NAME_LOCALES = ['en', 'en_AU', 'en_GB', 'en_US', 'en_IE', 'de', 'de_AT', 'de_CH', 'fr', 'fr_CA', 'es', 'es_MX', 'it', 'nl', 'nl_BE', 'pt_BR', 'pt_PT', 'pl', 'sv', 'da', 'nb_NO', 'fi', 'cs_CZ', 'ro', 'hu', 'tr'] as const;

/**
 * Our own list: capitalised words that are also names in the lists but mostly are not names —
 * modal verbs, months, virtues, colours, trades, places. Alone they are a name only with evidence.
 */
const OWN_AMBIGUOUS = `will may might can must shall grant mark bill rose hope faith grace joy art sky summer winter spring autumn fall
january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday
white black brown green gray grey red gold golden silver young old king queen prince major general rich long short little small
page price cook baker hunter mason porter ward chase miles penny ruby amber crystal dawn
eve holly iris ivy jade lily pearl violet daisy heather destiny honey melody sunny star river rain storm stone ford bank banks bush church field
fields gates hall house jack lane lee lord moon moss noble north south west east power powers ray reed rice rock rush sharp snow stern strong sweet
swift temple wise wolf york love law best good bell berry brook angel baby guy sterling justice patience constance prudence trinity harmony
christian pat sue rob bob don dean drew sandy rusty frank earl duke will's germany france spain italy england ireland paris london berlin
rome georgia virginia carolina jordan victoria florence sydney austin dallas houston denver phoenix orlando chelsea lincoln washington
jackson madison aurora eden haven journey legend liberty london paris rio santiago sierra brazil india china asia africa america europe
van von de del della der di da le la du dos das do the and for with from this that these those not but all any our your their his her
street road avenue drive court place way close terrace park view hill square
berg bauer koch weber wagner becker schneider schulz meyer kaiser vogel fuchs lange braun krause winter sommer frank
herr frau monsieur madame senor señor signor signora mister miss
madrid barcelona valencia sevilla seville lisbon lisboa porto roma milan milano napoli naples torino turin munich münchen hamburg köln cologne
frankfurt vienna wien zurich zürich geneva genève brussels bruxelles amsterdam rotterdam utrecht warsaw warszawa krakow kraków prague praha
dublin edinburgh glasgow manchester liverpool leeds bristol oxford cambridge lyon marseille toulouse nice bordeaux lille nantes strasbourg
us ok dr mr mrs ms prof st new san santa saint just name line los las el al jan
`;

/**
 * Our own list: the usual abbreviations of English street types (with and without a dot in the text),
 * with the USPS's (Publication 28, appendix C1) and the UK's that are not also words or initials ('Dl', 'Ft', 'Un', and 'Cr' for creatinine, are left out).
 */
const OWN_SUFFIXES = `St Rd Ave Av Ln Dr Blvd Ct Pl Ter Terr Cres Hwy Pkwy Sq Cir Trl Cl Pde Gdns Gr Grv Expy Fwy Hts Mws Wy Crt Esp Esplanade Cswy Rte Row Strand
Boulevard Close Court Crescent Drive Gardens Grove Highway Lane Parade Parkway Place Plaza Road Square Street Terrace Way Walk Mews Rise Circle Trail Alley
Ctr Ctrs Ext Gln Jct Mnr Mnrs Plz Pt Rdg Rdgs Riv Tpke Vw Vly Xing Crk Cv Trce Lndg Mdw Mdws Holw Frk Frst Spg Spgs Smt Tunl Vlg Knl Lk Lks
Psge Pne Pnes Rnch Rpds Shr Shrs Cyn Cpe Byp Brg Brk Bch Bnd Blf Btm Clf Crst Cmn Crse Fls Fld Flds Flt Frd Gtwy Grn Hbr Hvn Hls Inlt Ldg Mtn
Orch Pln Plns Prt Skwy Strm Trak Trfy Xrd Gdn Gn Mt Pk Val`;

/** Our own list: street types written before the name (FR, ES, IT, PT, RO): "12 rue de la Paix", "Calle Mayor 5". */
const OWN_PREFIXES = `rue avenue av boulevard bd blvd allée allee chemin impasse place quai route cours passage square voie
calle avenida paseo plaza camino carrer carretera ronda travesía via viale piazza corso vicolo largo strada rua travessa alameda rodovia praça`;

/** Our own list: street words written as the end of one compound (DE, NL, SV, FI, DA, NO): "Hauptstraße 5", "Kerkstraat 12". */
const OWN_ENDINGS = `straße strasse str. weg gasse platz allee damm ufer chaussee steig pfad markt
straat laan weg plein gracht dijk kade singel dreef
gatan vägen gränden gade vej gata veien katu tie kuja`;

const ENGLISH_ENDINGS = new Set(['ring', 'tie', 'gade', 'kade', 'park', 'linja', 'kaari', 'rinne', 'ranta', 'polku', 'penger', 'raitti', 'väylä', 'lia', 'sor']);

const NOT_STREET_TYPES = new Set(['apartamento', 'colegio', 'edificio', 'mercado', 'lado', 'sector', 'sección', 'municipio', 'partida', 'parcela', 'grupo', 'conjunto', 'poblado', 'polígono', 'bloque', 'chalet', 'lugar', 'entrada', 'salida', 'puerta', 'quinta', 'monte', 'puente', 'huerta', 'manzana', 'aldea', 'colonia', 'ferrocarril', 'extramuros', 'extrarradio']);

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w !== '');
}

type Section = Record<string, unknown>;

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v !== null && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

function section(locale: string, name: string): Section {
  const def = (allLocales as Record<string, LocaleDefinition | undefined>)[locale];
  if (def === undefined) throw new Error(`faker has no locale ${locale}`);
  return ((def as Record<string, unknown>)[name] ?? {}) as Section;
}

/** Names as faker writes them; only single words of letters (hyphenated and apostrophe names kept whole). */
function nameWords(field: 'first_name' | 'last_name' | 'middle_name'): string[] {
  const out = new Set<string>();
  for (const locale of NAME_LOCALES) {
    for (const n of strings(section(locale, 'person')[field])) {
      for (const w of n.split(/\s+/)) if (/^\p{Lu}[\p{L}'’-]*\p{L}$/u.test(w) && !w.includes('{')) out.add(w);
    }
  }
  return sorted(out);
}

function sorted(s: Iterable<string>): string[] {
  return [...new Set(s)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function write(rel: string, lines: string[], header: string): void {
  const file = path.join(OUT, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `# ${header}\n${lines.join('\n')}\n`);
  console.log(`${rel}: ${lines.length} entries`);
}

function main(): void {
  const version = (JSON.parse(fs.readFileSync(path.join(FAKER, 'package.json'), 'utf8')) as { version: string }).version;
  const from = `generated by tools/pii/names.ts from @faker-js/faker ${version} (MIT)`;
  const given = nameWords('first_name').concat(nameWords('middle_name'));
  const family = nameWords('last_name');
  write('names/given.txt', sorted(given), `given names, ${from}, locales ${NAME_LOCALES.join(' ')}`);
  write('names/family.txt', family, `family names, ${from}, locales ${NAME_LOCALES.join(' ')}`);

  // Names that are also ordinary words or places: faker's English word lists and place names, plus our own list.
  const lower = new Set([...given, ...family].map((n) => n.toLowerCase()));
  const common = new Set<string>(words(OWN_AMBIGUOUS));
  for (const w of strings(section('en', 'word'))) common.add(w.toLowerCase());
  const en = section('en', 'location');
  // Single-word places only: 'Fort Smith' does not make 'Smith' a place.
  for (const w of strings([en.city_name, en.country, en.state])) if (!/\s/.test(w)) common.add(w.toLowerCase());
  write('names/ambiguous.txt', sorted([...common].filter((w) => lower.has(w) || words(OWN_AMBIGUOUS).includes(w))), `names that are also common words or places (alone they need evidence); faker ${version} English words and places (MIT) plus our own list in tools/pii/names.ts`);

  const suffixes = [...strings(['en', 'en_GB', 'en_AU'].map((l) => section(l, 'location').street_suffix)), ...words(OWN_SUFFIXES)].filter((s) => /^\p{L}+$/u.test(s));
  write('streets/suffixes.txt', sorted(suffixes), `street types after the name ("12 Main Street"); faker ${version} en, en_GB, en_AU street suffixes (MIT) plus our own abbreviations`);
  // Spanish street types come as faker's es "suffixes" (written first); the words that are not streets are left out.
  const esTypes = strings(section('es', 'location').street_suffix).filter((t) => /^\p{L}+$/u.test(t) && !NOT_STREET_TYPES.has(t.toLowerCase()));
  const prefixes = [...strings([section('fr', 'location').street_prefix, section('pt_BR', 'location').street_prefix, section('it', 'location').street_suffix, section('ro', 'location').street_suffix]), ...esTypes, ...words(OWN_PREFIXES)];
  write('streets/prefixes.txt', sorted(prefixes.map((p) => p.toLowerCase())), `street types before the name ("12 rue de la Paix", "Via Roma 10"); faker ${version} fr, pt_BR, it, ro (MIT) plus our own list`);
  // Endings that also end everyday English words ('offering', 'brigade', 'bowtie', 'arcade') are left out.
  const endings = [...strings([section('nl', 'location').street_suffix, section('nl_BE', 'location').street_suffix, section('fi', 'location').street_suffix, section('sv', 'location').street_suffix]), ...words(OWN_ENDINGS)].filter(
    (e) => !ENGLISH_ENDINGS.has(e.toLowerCase()),
  );
  write('streets/endings.txt', sorted(endings.map((p) => p.toLowerCase())), `street words that end a compound ("Hauptstraße 5", "Kerkstraat 12"); faker ${version} nl, nl_BE, fi, sv (MIT) plus our own list`);

  const licence = fs.readFileSync(path.join(FAKER, 'LICENSE'), 'utf8');
  fs.writeFileSync(
    path.join(OUT, 'NOTICE'),
    `Word lists in this folder (names/, streets/)\n\n` +
      `The name lists (names/given.txt, names/family.txt), part of names/ambiguous.txt and part of the\n` +
      `street lists are taken from the locale data of @faker-js/faker ${version} (https://github.com/faker-js/faker),\n` +
      `MIT licence, reproduced below. They are regenerated from the installed package by\n` +
      `\`npm run pii-names\` (tools/pii/names.ts); the entries that are our own work are the constants in\n` +
      `that script. The app reads these files at run time; it does not use the npm package.\n\n` +
      `----- @faker-js/faker LICENSE -----\n${licence}`,
  );
  console.log('NOTICE written');
}

main();
