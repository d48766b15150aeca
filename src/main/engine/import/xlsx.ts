// PLACEHOLDER — replaced by the XLSX loader.
import { AppError } from '../../../shared/api/result';
import type { Loader } from './loader';
const notYet = (): never => { throw new AppError('UNSUPPORTED', 'XLSX import is being built'); };
export const xlsxLoader: Loader = { preview: async () => notYet(), load: async () => notYet() };
