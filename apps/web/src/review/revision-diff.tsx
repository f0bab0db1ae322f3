import { useEffect, useState } from 'react';
import { Alert, Empty, Select, Space, Spin, Table, Tag } from 'antd';
import type { Evaluation } from '@jixiao/domain';
import { api, errorText, type RevisionInfo } from '../api.ts';
import { diffFields, showValue, type FieldChange } from '../lib/diff.ts';
import { fieldLabel } from '../lib/field-label.ts';
import { beijingTime } from '../lib/time.ts';

const KIND = {
  added: ['green', '新增'],
  removed: ['red', '删除'],
  changed: ['orange', '修改'],
} as const;

/** Revision history with a field-level diff of any two versions. */
export function RevisionDiff({
  id,
  revisions,
}: {
  id: string | number;
  revisions: RevisionInfo[];
}) {
  const sorted = [...revisions].sort((a, b) => b.version - a.version);
  const [right, setRight] = useState<number | undefined>(sorted[0]?.version);
  const [left, setLeft] = useState<number | undefined>(sorted[1]?.version);
  const [changes, setChanges] = useState<FieldChange[] | null>(null);
  const [after, setAfter] = useState<Evaluation | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (left === undefined || right === undefined) return;
    let live = true;
    setChanges(null);
    setError(null);
    Promise.all([api.revision(id, left), api.revision(id, right)]).then(
      ([a, b]: [{ body: Evaluation }, { body: Evaluation }]) => {
        if (!live) return;
        setAfter(b.body);
        setChanges(diffFields(a.body, b.body));
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id, left, right]);
  if (sorted.length < 2) return <Empty description="只有一个版本，暂无可比较的修订" />;
  const options = sorted.map((r) => ({
    label: `版本 ${r.version} · ${r.savedByName ?? r.savedBy} · ${beijingTime(r.savedAt)}`,
    value: r.version,
  }));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="diff-left">比较</label>
        <Select
          id="diff-left"
          style={{ width: 320 }}
          value={left}
          onChange={setLeft}
          options={options}
        />
        <label htmlFor="diff-right">与</label>
        <Select
          id="diff-right"
          style={{ width: 320 }}
          value={right}
          onChange={setRight}
          options={options}
        />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {!error && changes === null && <Spin />}
      {changes && (
        <Table<FieldChange>
          size="small"
          rowKey="path"
          dataSource={changes}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: '两个版本内容相同' }}
          data-testid="revision-diff"
          columns={[
            {
              title: '字段',
              dataIndex: 'path',
              render: (p: string) => <span className="diff-field">{fieldLabel(p, after)}</span>,
            },
            {
              title: '变化',
              dataIndex: 'kind',
              width: 70,
              render: (k: FieldChange['kind']) => <Tag color={KIND[k][0]}>{KIND[k][1]}</Tag>,
            },
            {
              title: `版本 ${left ?? ''}`,
              dataIndex: 'before',
              render: (v: unknown) => <del style={{ color: '#a8071a' }}>{showValue(v)}</del>,
            },
            {
              title: `版本 ${right ?? ''}`,
              dataIndex: 'after',
              render: (v: unknown) => (
                <ins style={{ color: '#237804', textDecoration: 'none' }}>{showValue(v)}</ins>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
