import { formatOf } from '@jixiao/documents/formats';

/** Whether a file needs `auditReport` (PDF, pictures, legacy Word files). */
export function needsTools(fileName: string): boolean {
  const format = formatOf(fileName);
  return format === 'pdf' || format === 'image' || format === 'legacy' || format === 'legacy-sheet';
}
