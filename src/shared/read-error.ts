// Why a file could not be read, in words with the system's code after them ("there is no such file
// (ENOENT)"), for messages that name the file: a bare "ENOENT" tells a new user nothing.
const WORDS: Record<string, string> = { ENOENT: 'there is no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder, not a file' };

export function readErrorWords(err: unknown): string {
  const c = (err as { code?: unknown } | null)?.code;
  const code = typeof c === 'string' ? c : undefined;
  if (code !== undefined && code in WORDS) return `${WORDS[code]} (${code})`;
  return code ?? (err instanceof Error ? err.message : String(err));
}
