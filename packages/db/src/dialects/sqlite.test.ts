import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingConnection } from './sqlite.ts';

describe('the SQLite connection with prepared statements', () => {
  const dirs: string[] = [];
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-stmt-'));
    dirs.push(dir);
    const native = new SqliteDatabase(join(dir, 'test.db'));
    return { native, conn: cachingConnection(native) };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('prepares each SQL text once and binds fresh parameters on every run', () => {
    const { conn } = open();
    conn.prepare('create table t (id integer primary key, name text)').run([]);
    const insert = conn.prepare('insert into t (id, name) values (?, ?)');
    expect(conn.prepare('insert into t (id, name) values (?, ?)')).toBe(insert);
    insert.run([1, '甲']);
    insert.run([2, '乙']);
    const select = conn.prepare('select name from t where id = ?');
    expect(select.reader).toBe(true);
    expect(select.all([2])).toEqual([{ name: '乙' }]);
    expect(conn.prepare('select name from t where id = ?').all([1])).toEqual([{ name: '甲' }]);
    conn.close();
  });

  it('sees a column added after a statement was cached', () => {
    const { conn } = open();
    conn.prepare('create table t (id integer primary key)').run([]);
    conn.prepare('insert into t (id) values (?)').run([1]);
    expect(conn.prepare('select * from t').all([])).toEqual([{ id: 1 }]);
    conn.prepare('alter table t add column note text').run([]);
    expect(conn.prepare('select * from t').all([])).toEqual([{ id: 1, note: null }]);
    conn.close();
  });

  it('streams with a statement of its own, so a cached one may run meanwhile', () => {
    const { conn } = open();
    conn.prepare('create table t (id integer primary key)').run([]);
    const insert = conn.prepare('insert into t (id) values (?)');
    for (let i = 1; i <= 3; i += 1) insert.run([i]);
    const seen: unknown[] = [];
    for (const row of conn.prepare('select id from t order by id').iterate([])) {
      seen.push(row);
      expect(conn.prepare('select id from t order by id').all([])).toHaveLength(3);
    }
    expect(seen).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    conn.close();
  });
});
