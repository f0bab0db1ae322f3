import type { TargetStatus } from './targets-api.ts';
import { TARGET_STATUS_LABELS_ZH } from '@jixiao/domain';

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = TARGET_STATUS_LABELS_ZH;

export const TARGET_STATUS_COLORS: Record<TargetStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

export const TARGET_ACTION_LABELS: Record<string, string> = {
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  adjust: '目标调整',
};
