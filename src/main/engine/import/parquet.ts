// PLACEHOLDER — replaced by the Parquet loader.
import { AppError } from '../../../shared/api/result';
import type { Loader } from './loader';
const notYet = (): never => { throw new AppError('UNSUPPORTED', 'Parquet import is being built'); };
export const parquetLoader: Loader = { preview: async () => notYet(), load: async () => notYet() };
