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
