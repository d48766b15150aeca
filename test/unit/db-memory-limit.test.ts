// DuckDB's memory share: 30% of RAM (at least 1 GiB), or what DATA_SANITIZER_MEMORY_LIMIT says.
import { describe, expect, it } from 'vitest';
import { memoryLimit } from '../../src/main/engine/db/database';

const GiB = 2 ** 30;
describe('memoryLimit', () => {
  it.each([
    { env: {}, total: 16 * GiB, want: `${Math.floor((16 * GiB * 0.3) / 2 ** 20)}MiB` },
    { env: {}, total: 2 * GiB, want: '1024MiB' },
    { env: { DATA_SANITIZER_MEMORY_LIMIT: '4GB' }, total: 16 * GiB, want: '4GB' },
    { env: { DATA_SANITIZER_MEMORY_LIMIT: ' 512 MiB ' }, total: 16 * GiB, want: '512 MiB' },
    { env: { DATA_SANITIZER_MEMORY_LIMIT: 'lots' }, total: 16 * GiB, want: `${Math.floor((16 * GiB * 0.3) / 2 ** 20)}MiB` },
  ])('$env with $total bytes → $want', ({ env, total, want }) => {
    expect(memoryLimit(env, total)).toBe(want);
  });
});
