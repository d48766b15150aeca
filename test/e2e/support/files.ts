// Fixture files written by the tests themselves: small CSVs inline, big ones by a quick
// deterministic generator streamed to disk.
import fs from 'node:fs';
import path from 'node:path';

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

export const PEOPLE_CSV = [
  'id,name,city,age,joined',
  '1,Ada Lovelace,London,36,2021-03-04',
  '2,Alan Turing,Wilmslow,41,2020-11-30',
  '3,Grace Hopper,Arlington,85,2019-06-12',
  '4,Edsger Dijkstra,Nuenen,72,2022-01-15',
  '5,Barbara Liskov,Boston,84,2018-09-01',
  '6,Donald Knuth,Stanford,86,2023-05-20',
  '7,Margaret Hamilton,Boston,87,2017-02-28',
  '8,Ken Thompson,Berkeley,81,2021-08-08',
  '',
].join('\n');

const FIRST = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Linus', 'Radia', 'Frances', 'John'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Torvalds', 'Perlman', 'Allen', 'Backus'];
const CITY = ['London', 'Boston', 'Zürich', 'Lyon', 'Tokyo', 'Oslo', 'Lisbon', 'Utrecht', 'Kraków', 'Porto'];

export interface Customer {
  id: number;
  first: string;
  last: string;
  email: string;
  city: string;
  balance: number;
  signup: string;
}

/** Record `i` (1-based) of the big generated file. */
export function customer(i: number): Customer {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i * 7) % LAST.length]!;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    id: i,
    first,
    last,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.org`,
    city: CITY[(i * 3) % CITY.length]!,
    balance: ((i * 7919) % 100000) / 100,
    signup: `20${10 + (i % 14)}-${month}-${day}`,
  };
}

/** Writes `rows` customer-like records (deterministic) and returns the path. */
export async function writeBigCsv(dir: string, name: string, rows: number): Promise<string> {
  const p = path.join(dir, name);
  const out = fs.createWriteStream(p);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('customer_id,first_name,last_name,email,city,balance,signup_date\n');
  const CHUNK = 10_000;
  for (let start = 1; start <= rows; start += CHUNK) {
    let s = '';
    for (let i = start; i < Math.min(rows + 1, start + CHUNK); i++) {
      const c = customer(i);
      s += `${c.id},${c.first},${c.last},${c.email},${c.city},${c.balance},${c.signup}\n`;
    }
    await write(s);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return p;
}
