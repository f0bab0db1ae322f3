import {
  CATEGORY_LABELS_ZH,
  SEVERITY_LABELS_ZH,
  type FindingCategory,
  type Severity,
} from '@jixiao/domain';

/** Chinese labels for categories and severities, from the domain's message file. */
export function categoryLabel(c: FindingCategory): string {
  return CATEGORY_LABELS_ZH[c];
}

export function severityLabel(s: Severity): string {
  return SEVERITY_LABELS_ZH[s];
}
