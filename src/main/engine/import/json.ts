// PLACEHOLDER — replaced by the JSON/JSONL loader.
import { AppError } from '../../../shared/api/result';
import type { Loader } from './loader';
const notYet = (): never => { throw new AppError('UNSUPPORTED', 'JSON import is being built'); };
export const jsonLoader: Loader = { preview: async () => notYet(), load: async () => notYet() };
export const jsonlLoader: Loader = jsonLoader;
