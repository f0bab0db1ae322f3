import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openStore, targetFromEnv } from '@jixiao/db';
import type { UserRole } from '@jixiao/db';
import { ServiceError, createContext, createUser, findDepartmentByCode } from '@jixiao/services';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs } from '../command.ts';

const USAGE = `用法：jixiao user add --username U --role admin|reviewer|head|filer --password P [--department CODE] [--display-name 姓名] [--db FILE]

新建账号（首次使用时用它创建管理员）。设置了 DATABASE_URL 时写入 PostgreSQL，否则写入 SQLite 文件。
密码至少10位，须同时包含字母和数字。填报人和单位负责人须用 --department 指定单位编码。

选项：
  --username U         用户名（字母、数字、点、下划线、连字符）
  --role R             角色：admin 管理员、reviewer 审核人、head 单位负责人、filer 填报人
  --password P         密码
  --department CODE    单位编码（填报人、单位负责人必填）
  --display-name N     显示名称，默认同用户名
  --db FILE            SQLite 数据库文件，默认 data/jixiao.db
  -h, --help           显示本说明`;

export const userCommand: Command = {
  name: 'user',
  summary: '管理账号：jixiao user add 新建账号',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      {
        usage: USAGE,
        options: {
          username: { type: 'string' },
          role: { type: 'string', choices: ['admin', 'reviewer', 'head', 'filer'] },
          password: { type: 'string' },
          department: { type: 'string' },
          'display-name': { type: 'string' },
          db: { type: 'string', default: path.join('data', 'jixiao.db') },
        },
        positionals: { min: 1, max: 1 },
      },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    if (parsed.positionals[0] !== 'add') {
      io.stderr(`未知的子命令：${parsed.positionals[0] ?? ''}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const { username, role, password, department } = parsed.values;
    if (typeof username !== 'string' || typeof role !== 'string' || typeof password !== 'string') {
      io.stderr(`须提供 --username、--role 和 --password。\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const dbFile = path.resolve(io.cwd, String(parsed.values['db']));
    const target = targetFromEnv(dbFile, process.env);
    if ('sqliteFile' in target) mkdirSync(path.dirname(dbFile), { recursive: true });
    const store = await openStore(target);
    try {
      const ctx = createContext(store);
      let departmentId: string | null = null;
      if (typeof department === 'string') {
        const dept = await findDepartmentByCode(ctx, department);
        if (dept === null) {
          io.stderr(`单位编码 ${department} 不存在。\n`);
          return EXIT_USAGE;
        }
        departmentId = dept.id;
      }
      const displayName = parsed.values['display-name'];
      const user = await createUser(ctx, null, {
        username,
        password,
        role: role as UserRole,
        departmentId,
        ...(typeof displayName === 'string' ? { displayName } : {}),
      });
      io.stdout(`已创建账号 ${user.username}（${role}）。\n`);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof ServiceError) {
        io.stderr(`${error.message}\n`);
        return EXIT_USAGE;
      }
      throw error;
    } finally {
      await store.close();
    }
  },
};
