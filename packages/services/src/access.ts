import type { Actor } from './actor.ts';
import { forbidden } from './errors.ts';

/** Where an evaluation (or any department-owned thing) sits. */
export interface Owner {
  departmentId: string;
  regionId: string;
}

/** Filers and heads reach their department, reviewers their region, admins everything. */
export function canSee(actor: Actor, owner: Owner): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'reviewer':
      return actor.regionId !== null && actor.regionId === owner.regionId;
    case 'filer':
    case 'head':
      return actor.departmentId !== null && actor.departmentId === owner.departmentId;
  }
}

/** Filling in: the department's own filers and heads, and admins. */
export function canEdit(actor: Actor, owner: Owner): boolean {
  if (actor.role === 'admin') return true;
  return (actor.role === 'filer' || actor.role === 'head') && canSee(actor, owner);
}

export function assertSee(actor: Actor, owner: Owner): void {
  if (!canSee(actor, owner)) throw forbidden('无权访问其他单位或区域的自评');
}

export function assertEdit(actor: Actor, owner: Owner): void {
  assertSee(actor, owner);
  if (!canEdit(actor, owner)) throw forbidden('当前角色不能修改自评内容');
}
