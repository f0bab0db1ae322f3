import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** The schema history, in code: each migration is written once and never edited. */
function migrations(dialect: DialectName): Record<string, Migration> {
  const blob = dialect === 'postgres' ? sql`bytea` : sql`blob`;
  const real = dialect === 'postgres' ? sql`double precision` : sql`real`;
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('regions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('finance_bureau', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('departments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
          .addColumn('parent_id', 'text', (c) => c.references('departments.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('department_id', 'text', (c) => c.references('departments.id'))
          .addColumn('region_id', 'text', (c) => c.references('regions.id'))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('login_attempts')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('first_failure_at', 'text', (c) => c.notNull())
          .addColumn('locked_until', 'text')
          .execute();
        await db.schema
          .createTable('rounds')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('region_id', 'text', (c) => c.references('regions.id'))
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('rulebook_id', 'text', (c) => c.notNull())
          .addColumn('deadline', 'text', (c) => c.notNull())
          .addColumn('department_ids', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('evaluations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('rulebook_id', 'text', (c) => c.notNull())
          .addColumn('round_id', 'text', (c) => c.references('rounds.id'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('stated_total', real)
          .addColumn('computed_total', real)
          .addColumn('score_bucket', 'integer')
          .addColumn('execution_rate', real)
          .addColumn('budget_fen', 'bigint')
          .addColumn('executed_fen', 'bigint')
          .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('info_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text')
          .execute();
        await db.schema
          .createIndex('evaluations_year_status')
          .on('evaluations')
          .columns(['year', 'kind', 'status'])
          .execute();
        await db.schema
          .createIndex('evaluations_department_year')
          .on('evaluations')
          .columns(['department_id', 'year'])
          .execute();
        await db.schema
          .createTable('evaluation_findings')
          .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('evaluation_findings_pk', ['evaluation_id', 'category'])
          .execute();
        await db.schema
          .createTable('revisions')
          .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('saved_by', 'text', (c) => c.notNull())
          .addColumn('saved_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('revisions_pk', ['evaluation_id', 'version'])
          .execute();
        await db.schema
          .createTable('review_events')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('from_status', 'text', (c) => c.notNull())
          .addColumn('to_status', 'text', (c) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('comments', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addUniqueConstraint('review_events_seq', ['evaluation_id', 'seq'])
          .execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text')
          .addColumn('ip', 'text')
          .addColumn('details', 'text', (c) => c.notNull())
          .execute();
        if (dialect === 'postgres') {
          await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
          await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
        } else {
          await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
          await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
        }
        await db.schema
          .createTable('imported_documents')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('bytes', blob, (c) => c.notNull())
          .addColumn('extracted', 'text')
          .addColumn('findings', 'text', (c) => c.notNull())
          .addColumn('problems', 'text', (c) => c.notNull())
          .addColumn('evaluation_id', 'text', (c) => c.references('evaluations.id'))
          .addColumn('uploaded_by', 'text', (c) => c.notNull())
          .addColumn('uploaded_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('jobs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('total', 'integer', (c) => c.notNull())
          .addColumn('done', 'integer', (c) => c.notNull())
          .addColumn('error', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('locked_by', 'text')
          .execute();
        await db.schema
          .createTable('job_files')
          .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('bytes', blob, (c) => c.notNull())
          .addColumn('ok', 'integer')
          .addColumn('error', 'text')
          .addColumn('result', 'text')
          .addPrimaryKeyConstraint('job_files_pk', ['job_id', 'idx'])
          .execute();
        await db.schema
          .createTable('rulebooks')
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('version', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('rulebooks_pk', ['id', 'version'])
          .execute();
      },
    },
    '0002_dashboard_index': {
      // The dashboard reads only derived columns: a covering index keeps it off the (large) bodies.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex('evaluations_dashboard')
          .on('evaluations')
          .columns([
            'year',
            'kind',
            'department_id',
            'status',
            'score_bucket',
            'execution_rate',
            'stated_total',
            'computed_total',
            'id',
          ])
          .execute();
      },
    },
    '0003_bodies_last': {
      // SQLite stores a row's columns in order and spills a long value onto overflow pages: a
      // column after the 10–100 kB body could only be read by walking those pages, so every record
      // query and revision list read the whole body. The bodies move to the end of their rows
      // (added anew, copied, the old column dropped). PostgreSQL keeps long values out of line
      // (TOAST) whatever their position, so it needs no change.
      async up(db: Kysely<unknown>) {
        if (dialect !== 'sqlite') return;
        for (const table of ['evaluations', 'revisions']) {
          await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN body_last text NOT NULL DEFAULT ''`.execute(
            db,
          );
          await sql`UPDATE ${sql.table(table)} SET body_last = body`.execute(db);
          await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN body`.execute(db);
          await sql`ALTER TABLE ${sql.table(table)} RENAME COLUMN body_last TO body`.execute(db);
        }
      },
    },
    '0004_finding_counts_by_year': {
      // The dashboard's finding categories of a year no longer join every evaluation of the year:
      // each count row carries the evaluation's year, kind and department, which never change.
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('evaluation_findings')
          .addColumn('year', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .alterTable('evaluation_findings')
          .addColumn('kind', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await db.schema
          .alterTable('evaluation_findings')
          .addColumn('department_id', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await sql`UPDATE evaluation_findings SET
            year = (SELECT e.year FROM evaluations e WHERE e.id = evaluation_findings.evaluation_id),
            kind = (SELECT e.kind FROM evaluations e WHERE e.id = evaluation_findings.evaluation_id),
            department_id = (SELECT e.department_id FROM evaluations e
              WHERE e.id = evaluation_findings.evaluation_id)`.execute(db);
        await db.schema
          .createIndex('evaluation_findings_year')
          .on('evaluation_findings')
          .columns(['year', 'kind', 'department_id', 'category', 'count'])
          .execute();
      },
    },
    '0005_body_once': {
      // A save wrote its body twice, into the evaluation row and as its revision: the current body
      // is now only the revision of the current version. Any evaluation without that revision gets
      // it from its row first, then the row's copy goes.
      async up(db: Kysely<unknown>) {
        await sql`INSERT INTO revisions (evaluation_id, version, saved_by, saved_at, body)
          SELECT e.id, e.version, e.updated_by, e.updated_at, e.body FROM evaluations e
          WHERE NOT EXISTS (SELECT 1 FROM revisions r
            WHERE r.evaluation_id = e.id AND r.version = e.version)`.execute(db);
        await db.schema.alterTable('evaluations').dropColumn('body').execute();
      },
    },
    '0006_usernames_ignore_case': {
      // "ADMIN" beside "admin" is one account: usernames are unique whatever their case. A database
      // already holding two such names stops here, naming the index, for an administrator to rename one.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex('users_username_lower')
          .on('users')
          .unique()
          .expression(sql`lower(username)`)
          .execute();
      },
    },
    '0007_finding_decisions': {
      // A reviewer's decisions on findings (confirmed / dismissed), keyed by the finding's stable
      // identity within a scope (an evaluation, or a unit of a region for batch audits), with the
      // filer's answer and the version that fixed it; and each evaluation's findings per code, so
      // the administration can see how often each check fires without re-checking every body.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('finding_decisions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('scope', 'text', (c) => c.notNull())
          .addColumn('unit_key', 'text', (c) => c.notNull())
          .addColumn('region_id', 'text', (c) => c.notNull())
          .addColumn('department_id', 'text')
          .addColumn('evaluation_id', 'text')
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('subject_key', 'text', (c) => c.notNull())
          .addColumn('text_fingerprint', 'text')
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('severity', 'text', (c) => c.notNull())
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('path', 'text', (c) => c.notNull())
          .addColumn('stated', 'text')
          .addColumn('expected', 'text')
          .addColumn('excerpt', 'text')
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('correction', 'text')
          .addColumn('deadline', 'text')
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'text', (c) => c.notNull())
          .addColumn('decided_version', 'integer')
          .addColumn('answer', 'text')
          .addColumn('answered_by', 'text')
          .addColumn('answered_at', 'text')
          .addColumn('fixed_version', 'integer')
          .addColumn('fixed_at', 'text')
          .addUniqueConstraint('finding_decisions_scope_fingerprint', ['scope', 'fingerprint'])
          .execute();
        await db.schema
          .createIndex('finding_decisions_unit')
          .on('finding_decisions')
          .columns(['unit_key', 'state'])
          .execute();
        await db.schema
          .createIndex('finding_decisions_region')
          .on('finding_decisions')
          .columns(['region_id', 'department_id'])
          .execute();
        await db.schema
          .alterTable('evaluations')
          .addColumn('finding_codes', 'text', (c) => c.notNull().defaultTo('{}'))
          .execute();
      },
    },
    '0008_targets_and_monitoring': {
      // 绩效目标 forms per unit, year and project with their revisions (a change after approval
      // keeps its reason) and workflow events; monitoring rounds of a region, one report per form
      // and round (figures, explanations and the lights derived on every save), and reviewers'
      // decisions on a light (corrective measures required, or none needed).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('target_forms')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('project_name', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('rulebook_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('approved_version', 'integer')
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('budget_fen', 'bigint')
          .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('info_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addUniqueConstraint('target_forms_unit_year', [
            'department_id',
            'year',
            'kind',
            'project_name',
          ])
          .execute();
        await db.schema
          .createTable('target_revisions')
          .addColumn('form_id', 'text', (c) => c.notNull().references('target_forms.id'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('saved_by', 'text', (c) => c.notNull())
          .addColumn('saved_at', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('target_revisions_pk', ['form_id', 'version'])
          .execute();
        await db.schema
          .createTable('target_events')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('form_id', 'text', (c) => c.notNull().references('target_forms.id'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('from_status', 'text', (c) => c.notNull())
          .addColumn('to_status', 'text', (c) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addUniqueConstraint('target_events_seq', ['form_id', 'seq'])
          .execute();
        await db.schema
          .createTable('monitoring_rounds')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('as_of', 'text', (c) => c.notNull())
          .addColumn('deadline', 'text', (c) => c.notNull())
          .addColumn('thresholds_id', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('monitoring_reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('round_id', 'text', (c) => c.notNull().references('monitoring_rounds.id'))
          .addColumn('form_id', 'text', (c) => c.notNull().references('target_forms.id'))
          .addColumn('department_id', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('light', 'text', (c) => c.notNull())
          .addColumn('red_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('unexplained_red', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('execution_percent', real)
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addUniqueConstraint('monitoring_reports_round_form', ['round_id', 'form_id'])
          .execute();
        await db.schema
          .createTable('monitoring_decisions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('report_id', 'text', (c) => c.notNull().references('monitoring_reports.id'))
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('correction', 'text')
          .addColumn('deadline', 'text')
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'text', (c) => c.notNull())
          .addColumn('answer', 'text')
          .addColumn('answered_by', 'text')
          .addColumn('answered_at', 'text')
          .addUniqueConstraint('monitoring_decisions_subject', ['report_id', 'subject'])
          .execute();
      },
    },
    '0009_job_file_pictures': {
      // Batch audits keep no uploads: the pictures of the original pages around the findings of
      // a PDF are drawn during the audit and kept with the file's result instead.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('job_file_pictures')
          .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('finding', 'integer', (c) => c.notNull())
          .addColumn('page', 'integer', (c) => c.notNull())
          .addColumn('png', blob, (c) => c.notNull())
          .addPrimaryKeyConstraint('job_file_pictures_pk', ['job_id', 'idx', 'finding'])
          .execute();
      },
    },
    '0010_notifications': {
      // What the unit is told in the platform: a reviewer's decision on its evaluation (退回, 通过,
      // 公开, 撤回公开) or a reminder, one row per recipient (the unit's filers and heads), each
      // with its own read mark. Written in the transaction of the decision it reports.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('notifications')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('evaluation_id', 'text', (c) => c.references('evaluations.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('read_at', 'text')
          .execute();
        await db.schema
          .createIndex('notifications_user')
          .on('notifications')
          .columns(['user_id', 'created_at'])
          .execute();
      },
    },
    '0011_attachments': {
      // Supporting documents (证明材料) of an evaluation or of one of its indicators, kept in the
      // database like imported originals, so a backup of the database holds them.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('attachments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
          .addColumn('indicator', 'text')
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('bytes', blob, (c) => c.notNull())
          .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('uploaded_by', 'text', (c) => c.notNull())
          .addColumn('uploaded_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('attachments_evaluation')
          .on('attachments')
          .columns(['evaluation_id', 'uploaded_at'])
          .execute();
      },
    },
  };
}

/** How long a start-up waits for another process's migrations (and its seeding) on SQLite. */
const MIGRATION_LOCK_WAIT_MS = 180_000;

/**
 * `begin immediate`, retried while another process holds the write lock: its migrations (and a
 * demo seeding after them) may take longer than the connection's busy timeout on a loaded
 * machine, and a start-up should wait for them rather than fail with "database is locked".
 */
async function takeWriteLock(db: Kysely<Database>): Promise<void> {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  for (;;) {
    try {
      await sql`begin immediate`.execute(db);
      return;
    } catch (e) {
      const busy = (e as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy) throw e;
      if (Date.now() > deadline)
        throw new Error('数据库正被另一个进程迁移或写入，等待超时，请稍后重试', { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Brings the schema up to date; run at every start-up. Throws when a migration fails. `upTo` stops
 * after the named migration (tests of a migration's data changes start from the schema before it).
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: DialectName,
  upTo?: string,
): Promise<void> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(dialect)) };
  // Migrations written side by side may be released out of order (0008 before 0007): a database
  // that already ran the later one runs the earlier one next instead of refusing to start.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  // Kysely takes no lock on SQLite: two processes starting on one file would both run a
  // migration. The write lock, held from reading what has run to the last migration, makes the
  // second wait and then find everything done.
  const exclusive = dialect === 'sqlite';
  if (exclusive) await takeWriteLock(db);
  let result: Awaited<ReturnType<typeof migrator.migrateToLatest>>;
  try {
    result = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  } catch (e) {
    if (exclusive) await sql`rollback`.execute(db);
    throw e;
  }
  const { error } = result;
  if (exclusive) await sql`${sql.raw(error === undefined ? 'commit' : 'rollback')}`.execute(db);
  if (error instanceof Error) throw error;
  if (error !== undefined) throw new Error('数据库迁移失败', { cause: error });
}
