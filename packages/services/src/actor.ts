import type { UserRole } from '@jixiao/db';

/** The signed-in user, as every service sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  departmentId: string | null;
  departmentName: string | null;
  /** The user's own region (reviewers), or their department's region (filers, heads). */
  regionId: string | null;
  regionName: string | null;
}

export const ROLE_LABELS: Record<UserRole, string> = {
  filer: '填报人',
  head: '单位负责人',
  reviewer: '审核人',
  admin: '管理员',
};
