import type { z } from 'zod';
import { formatIssuePath } from '@jixiao/domain';
import type { InputProblem } from './parse-json-text.ts';

export { zodErrorMapZh, formatIssuePath } from '@jixiao/domain';

/** Every issue of a failed parse as a problem with its path. */
export function zodProblems(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
}
