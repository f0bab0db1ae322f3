import type { Role, Status } from '../api.ts';

export const ROLE_LABELS: Record<Role, string> = {
  filer: '填报人',
  head: '单位负责人',
  reviewer: '审核人',
  admin: '管理员',
};

export const STATUS_LABELS: Record<Status, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已通过',
  published: '已公开',
};

export const STATUS_COLORS: Record<Status, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  published: 'green',
};

export const KIND_LABELS = { department: '部门整体', project: '项目支出' } as const;

export const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;
