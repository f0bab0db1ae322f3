import { Alert, Button, Space } from 'antd';
import { ApiError } from '../api.ts';

/**
 * The version another save made first, when `error` is the server's 409 (VERSION_CONFLICT with
 * the record as it is now in `details.current`); null for any other failure.
 */
export function conflictVersion(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const current = error.details.current as { version?: unknown } | undefined;
  return typeof current?.version === 'number' ? current.version : null;
}

/**
 * Another save came first: says so, keeps what was typed (the form below still holds it) and
 * offers to save it over the other version knowingly, or to drop it and load the other.
 */
export function SaveConflictAlert({
  version,
  busy,
  testId,
  onOverwrite,
  onDiscard,
}: {
  version: number;
  busy: boolean;
  testId: string;
  onOverwrite: () => void;
  onDiscard: () => void;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      style={{ marginBottom: 12 }}
      title={`他人已保存了新版本（第${version}版），您的修改尚未保存，仍保留在下方`}
      action={
        <Space direction="vertical">
          <Button size="small" type="primary" loading={busy} onClick={onOverwrite}>
            以我的修改保存为新版本
          </Button>
          <Button size="small" danger onClick={onDiscard}>
            放弃我的修改，载入新版本
          </Button>
        </Space>
      }
    />
  );
}

/** Typing kept in the browser from an earlier visit is back in the form: says so, offers to drop it. */
export function RestoredEditsAlert({
  version,
  current,
  testId,
  onDiscard,
}: {
  /** The version the typing was based on. */
  version: number;
  /** The version on the server now. */
  current: number;
  testId: string;
  onDiscard: () => void;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 12 }}
      title={
        version === current
          ? '已恢复您上次未保存的修改，请检查后保存'
          : `已恢复您上次未保存的修改（基于第${version}版；其后已保存了第${current}版，保存时以您的修改为准），请检查后保存`
      }
      action={
        <Button size="small" danger onClick={onDiscard}>
          放弃这些修改
        </Button>
      }
    />
  );
}

/**
 * The notices of an editor's versions above its form: a save another made first (with the choice
 * to overwrite or discard), else typing restored from an earlier visit while it is still unsaved.
 */
export function EditorVersionNotices({
  conflict,
  restored,
  dirty,
  current,
  busy,
  testIdPrefix,
  onOverwrite,
  onDiscard,
}: {
  /** The version another save made, when the last save met it. */
  conflict: { version: number } | null;
  /** The version restored typing was based on, when some was restored. */
  restored: { version: number } | null;
  /** Whether the form holds unsaved typing. */
  dirty: boolean;
  /** The version on the server now. */
  current: number;
  busy: boolean;
  /** Test ids are `${prefix}-conflict` and `${prefix}-restored`. */
  testIdPrefix: string;
  onOverwrite: () => void;
  onDiscard: () => void;
}) {
  if (conflict !== null)
    return (
      <SaveConflictAlert
        version={conflict.version}
        busy={busy}
        testId={`${testIdPrefix}-conflict`}
        onOverwrite={onOverwrite}
        onDiscard={onDiscard}
      />
    );
  if (restored !== null && dirty)
    return (
      <RestoredEditsAlert
        version={restored.version}
        current={current}
        testId={`${testIdPrefix}-restored`}
        onDiscard={onDiscard}
      />
    );
  return null;
}
