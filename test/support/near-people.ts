// A people table with four planted near duplicates, for the near-duplicate step's tests (engine and
// UI): 60 different people (row ids 1–60), then 61 ~ 5 (a surname typo, no phone, a city where 5
// has none), 62 ~ 12 (first name in capitals, the phone 12 lacks), 63 = 30 updated later, 64 ~ 45
// (a first-name typo, no city, updated earlier). `updated` says which copy is newer.
type Cell = string | null;

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason', 'Amelia', 'Ethan', 'Harper', 'Logan', 'Evelyn', 'Oliver', 'Abigail', 'Aiden'];
const LAST = ['Garcia', 'Okafor', 'Nakamura', 'Petrov', 'Schmidt', 'Kowalski', 'Fernandes', 'Lindqvist', 'Haddad', 'Brennan', 'Moreau', 'Rossi', 'Jansen', 'Novak', 'Tanaka', 'Dubois', 'Kaur', 'Mendes', 'Walsh', 'Yilmaz'];
const CITIES = ['Leeds', 'Bath', 'York', 'Derby', 'Exeter', 'Truro', 'Ripon', 'Wells', 'Ely', 'Perth'];

export const NEAR_HEADER = ['first', 'last', 'dob', 'email', 'phone', 'city', 'updated'];
/** The compared columns (all but `updated`). */
export const NEAR_COMPARED = ['first', 'last', 'dob', 'email', 'phone', 'city'];

/** Person i (0-based): all different in name, birth date, e-mail and phone. */
export function nearPerson(i: number): Cell[] {
  const first = FIRST[i % 20] as string;
  const last = LAST[(i + Math.floor(i / 20) * 3) % 20] as string;
  const dob = `19${50 + (i % 45)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  return [first, last, dob, `${first}.${last}${i}@example.org`.toLowerCase(), `+4477009${String(i).padStart(5, '0')}`, CITIES[i % 10] as string, '2024-01-01'];
}

function build(): Cell[][] {
  const people = Array.from({ length: 60 }, (_, i) => nearPerson(i));
  (people[4] as Cell[])[5] = null;
  (people[11] as Cell[])[4] = null;
  const copy = (rowId: number, edit: (r: Cell[]) => void): Cell[] => {
    const r = [...(people[rowId - 1] as Cell[])];
    edit(r);
    return r;
  };
  return [
    ...people,
    copy(5, (r) => { r[1] = `${r[1]}x`; r[4] = null; r[5] = 'Bath'; r[6] = '2025-02-01'; }),
    copy(12, (r) => { r[0] = (r[0] as string).toUpperCase(); r[4] = '+447700900011'; r[6] = '2025-03-01'; }),
    copy(30, (r) => { r[6] = '2025-04-01'; }),
    copy(45, (r) => { r[0] = (r[0] as string).slice(0, -1); r[5] = null; r[6] = '2023-06-01'; }),
  ];
}
export const NEAR_ROWS: Cell[][] = build();

export const NEAR_CSV = [NEAR_HEADER, ...NEAR_ROWS].map((r) => r.map((v) => v ?? '').join(',')).join('\n') + '\n';
