// The duplicate-detection section of docs/BENCHMARKS.md: time, memory and pairwise accuracy per
// profile and size, the verdicts against issue 5's targets, the blocking rules' pair counts, and
// what the errors were (missed duplicates by edit, false pairs by cause).
import type { DedupeCase, DedupeRun } from './dedupe-bench';
import type { Machine } from './machine';
import { int, machineLines, s2, verdict } from './report';
import { max, median } from './stats';

export const DEDUPE_TARGET = { f1: 0.98, seconds1M: 60, rssMiB1M: 2048, seconds100k: 5 } as const;

type Ok = Extract<DedupeRun, { ok: true }>;
const okRuns = (c: DedupeCase) => c.runs.filter((r): r is Ok => r.ok);
const f4 = (x: number) => x.toFixed(4);
const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`);
/** The job's own time where the CLI reports it, else the whole command's. */
const jobTime = (r: Ok) => r.jobSeconds ?? r.wall;

const PROFILE_TEXT = {
  standard: 'the standard profile (the data every other benchmark uses: 7.5 % exact copies, 3.5 % near duplicates with one to three edits)',
  hard: 'the hard profile (`--noise hard`: 5 % exact copies, 10 % near duplicates with two to five edits over several fields — typos in names, street and city, street↔city swapped, blanked fields, day/month swapped or digits transposed in the birth date, other date spellings, a phone digit, a middle initial — and 8 % of people drawn as look-alikes of an earlier person: twins, households, juniors, namesakes, who must stay apart)',
} as const;

function resultRow(c: DedupeCase): string {
  const ok = okRuns(c);
  const name = `| ${c.noise} | ${int(c.rows)} |`;
  if (ok.length === 0) return `${name} 0 | — | — | — | — | — | — | — | — | — | not measured: ${(c.problem ?? 'no run').split('\n')[0]!.replaceAll('|', '\\|')} |`;
  const s = c.score;
  const k = ok[0]!.counts;
  const n = (x: number | undefined) => (x === undefined ? '?' : int(x));
  return (
    `${name} ${ok.length} | ${s2(median(ok.map(jobTime)))} s | ${s2(median(ok.map((r) => r.wall)))} s | ${s2(median(ok.map((r) => r.cpu)))} s | ${int(max(ok.map((r) => r.peakRssMiB)))} MiB | ` +
    `${n(k.candidatePairs)} | ${n(k.matchedPairs)} | ${s ? `${int(s.truePairs)} / ${int(s.predictedPairs)}` : '—'} | ` +
    `${s ? f4(s.precision) : '—'} | ${s ? f4(s.recall) : '—'} | ${s ? `**${f4(s.f1)}**` : (c.problem ?? '—')} |`
  );
}

/** Verdicts against issue 5's targets; targets concern the standard (generated person) data. */
export function dedupeVerdicts(cases: DedupeCase[]): string[] {
  const std = cases.filter((c) => c.noise === 'standard');
  const lines: string[] = [];
  for (const c of std) {
    if (c.score) lines.push(`- F1 ≥ ${DEDUPE_TARGET.f1} zero-config, ${int(c.rows)} rows: ${f4(c.score.f1)}, ${verdict(c.score.f1 >= DEDUPE_TARGET.f1)}`);
    else lines.push(`- F1 ≥ ${DEDUPE_TARGET.f1} zero-config, ${int(c.rows)} rows: not measured (${c.problem ?? 'no run succeeded'})`);
  }
  const at = (rows: number) => std.find((c) => c.rows === rows && okRuns(c).length > 0);
  const k100 = at(100_000);
  if (k100) {
    const t = median(okRuns(k100).map(jobTime));
    lines.push(`- 100,000 rows under ${DEDUPE_TARGET.seconds100k} s: ${s2(t)} s, ${verdict(t < DEDUPE_TARGET.seconds100k)}`);
  }
  const m1 = at(1_000_000);
  if (m1) {
    const t = median(okRuns(m1).map(jobTime));
    const rss = max(okRuns(m1).map((r) => r.peakRssMiB));
    lines.push(`- 1,000,000 rows under ${DEDUPE_TARGET.seconds1M} s: ${s2(t)} s, ${verdict(t < DEDUPE_TARGET.seconds1M)}`);
    lines.push(`- 1,000,000 rows with peak RSS under 2 GiB: ${int(rss)} MiB, ${verdict(rss < DEDUPE_TARGET.rssMiB1M)}`);
  }
  if (!k100) lines.push('- 100,000 rows under 5 s: not measured in this run');
  if (!m1) lines.push('- 1,000,000 rows under 60 s with peak RSS under 2 GiB: not measured in this run');
  return lines;
}

function errorLines(c: DedupeCase): string[] {
  const e = c.errors;
  if (!e) return [];
  const lines = [
    `**${c.noise}, ${int(c.rows)} rows.** Exact copies apart from their original: ${int(e.exactMissed)} of ${int(e.exactRows)}. ` +
      `Near duplicates apart from their original: ${int(e.nearMissed)} of ${int(e.nearRows)} (${pct(e.nearMissed, e.nearRows)}). ` +
      `False pairs: ${int(c.score?.falsePositives ?? 0)}; missed pairs: ${int(c.score?.falseNegatives ?? 0)}.`,
    '',
    '| edit carried by the near duplicate | rows | apart from their original | share |',
    '| --- | ---: | ---: | ---: |',
    ...e.byEdit.map((x) => `| ${x.edit} | ${int(x.rows)} | ${int(x.missed)} | ${pct(x.missed, x.rows)} |`),
    ...e.byEditCount.map((x) => `| (any ${x.edits} edit${x.edits === 1 ? '' : 's'}) | ${int(x.rows)} | ${int(x.missed)} | ${pct(x.missed, x.rows)} |`),
  ];
  if (e.falsePairs.length > 0) {
    lines.push('', '| false pairs, by cause | pairs |', '| --- | ---: |', ...e.falsePairs.map((x) => `| ${x.cause === 'other' ? 'other (different people, no look-alike of each other)' : `a ${x.cause} joined to the person they resemble`} | ${int(x.pairs)} |`));
  }
  if (e.lookalikes.length > 0) {
    lines.push('', `Look-alikes wrongly joined to the person they resemble: ${e.lookalikes.map((l) => `${l.kind} ${int(l.joined)} of ${int(l.people)}`).join(' · ')}.`);
  }
  return lines;
}

export function dedupeSection(cases: DedupeCase[], m: Machine, date: string, note: string | null): string {
  const noises = [...new Set(cases.map((c) => c.noise))];
  const seed = cases[0]?.dataset.seed ?? '?';
  const lines = [
    '## Duplicate detection',
    '',
    ...machineLines(m, date, note),
    '',
    `Data: generated customer records × 14 columns (\`npm run gen -- --seed ${seed}\`), ${noises.map((n) => PROFILE_TEXT[n]).join('; and ')}. ` +
      'Each run is a fresh child process running the CLI in-process, zero-config: `sanitizer dedupe FILE --clusters OUT.csv --json` ' +
      '(import into a temporary workspace, exact and near duplicates, every row\'s cluster written). *Dedupe job* is the job\'s own time; ' +
      '*whole command* adds the import and writing the clusters; *CPU* is the process\'s CPU time; peak RSS is the whole process\'s. ' +
      'Accuracy is pairwise against the generator\'s truth: precision = true pairs found / pairs predicted, recall = true pairs found / true pairs ' +
      '(pairs within clusters, computed from cluster sizes); every run must write the same clusters.',
    '',
    '| set | rows | runs | dedupe job, median | whole command, median | CPU, median | peak RSS, max | candidate pairs | matched pairs | pairs: true / predicted | precision | recall | F1 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...cases.map(resultRow),
    ...cases.filter((c) => c.problem && okRuns(c).length > 0).map((c) => `\n**A run failed** (${c.noise}, ${int(c.rows)} rows): ${c.problem}`),
    '',
    'Targets (issue 5):',
    '',
    ...dedupeVerdicts(cases),
  ];
  const biggest = [...cases].reverse().find((c) => c.noise === 'standard' && okRuns(c).length > 0) ?? [...cases].reverse().find((c) => okRuns(c).length > 0);
  const rules = biggest ? okRuns(biggest)[0]!.rules : [];
  if (biggest && rules.length > 0) {
    lines.push('', `Blocking rules (${biggest.noise}, ${int(biggest.rows)} rows): ${rules.map((r) => `${r.id} ${int(r.pairs)}${r.used ? '' : ' (left out)'}`).join(' · ')}.`);
  }
  const warnings = biggest ? okRuns(biggest)[0]!.warnings : [];
  if (warnings.length > 0) lines.push('', `Warnings: ${warnings.join(' · ')}`);
  const detailed = noises.map((n) => [...cases].reverse().find((c) => c.noise === n && c.errors)).filter((c): c is DedupeCase => c !== undefined);
  if (detailed.length > 0) lines.push('', '### What the errors are (the largest size of each set)', '');
  for (const c of detailed) lines.push(...errorLines(c), '');
  return lines.join('\n').trimEnd();
}
