/**
 * The words a status is shown in, one set for the server's messages and exports and the pages:
 * a status reads 已通过 (the action that leads there is 审核通过), a target form's 已批复.
 */
export const EVALUATION_STATUS_LABELS_ZH = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已通过',
  published: '已公开',
} as const;

export const TARGET_STATUS_LABELS_ZH = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已批复',
} as const;

/** How much of a file the auditor understood (the `understanding.status` of its summary). */
export const UNDERSTANDING_LABELS_ZH = {
  recognised: '已识别',
  partial: '部分',
  'not-recognised': '未识别',
} as const;

export type UnderstandingStatus = keyof typeof UNDERSTANDING_LABELS_ZH;

/**
 * What an audited file without findings is said to be, in the CLI, the exports and the pages
 * alike: a file whose 自评表 was not read, or whose total could not be computed, is not called
 * clean, only its checked part is.
 */
export function noFindingsSaid(
  status: UnderstandingStatus | null,
  computedTotal: number | null,
): string {
  if (status === 'not-recognised' || status === null) return '未能审核：没有读到可核对的内容。';
  if (status === 'partial') return '已核对的部分未发现问题（自评表未识别，见上）。';
  if (computedTotal === null) return '已核对的部分未发现问题（未能计算自评总分，见上）。';
  return '未发现问题。';
}

/**
 * The rulebook a file was scored by, as a reader should take it: its name, or for one only
 * inferred from the table's shape, "按…推定" with why; '' when none was named.
 */
export function rulebookSaid(
  name: string | null,
  inferred: boolean | null,
  basis: string | null,
): string {
  if (name === null) return '';
  if (!inferred) return name;
  return `按“${name}”推定${basis ? `（${basis}）` : ''}`;
}
