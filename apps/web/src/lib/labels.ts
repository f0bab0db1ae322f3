import type { Role, Status } from '../api.ts';
import { EVALUATION_STATUS_LABELS_ZH } from '@jixiao/domain';

export const ROLE_LABELS: Record<Role, string> = {
  filer: '填报人',
  head: '单位负责人',
  reviewer: '审核人',
  admin: '管理员',
};

export const STATUS_LABELS: Record<Status, string> = EVALUATION_STATUS_LABELS_ZH;

export const STATUS_COLORS: Record<Status, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  published: 'green',
};

export const KIND_LABELS = { department: '部门整体', project: '项目支出' } as const;

export const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;
