import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location (apps/cli/src → ../../..). */
export function repoRoot(): string {
  return fileURLToPath(new URL('../../../', import.meta.url));
}
