import { useState } from 'react';
import { Card, Tabs } from 'antd';
import { api, type EvaluationRecord, type Status } from '../api.ts';
import { AsyncView } from '../lib/async-view.tsx';
import { useAsync } from '../lib/use-async.ts';
import { EvaluationTable } from '../pages/evaluations-page.tsx';

const TABS: readonly [Status | 'all', string][] = [
  ['submitted', '待审核'],
  ['returned', '已退回'],
  ['approved', '已通过'],
  ['published', '已公开'],
  ['all', '全部'],
];

const byDeadline = (a: EvaluationRecord, b: EvaluationRecord) =>
  (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
  b.updatedAt.localeCompare(a.updatedAt);

/** 审核 inbox: the region's evaluations by status, the nearest deadline first. */
export default function ReviewInbox() {
  const [tab, setTab] = useState<Status | 'all'>('submitted');
  const state = useAsync(
    () =>
      api
        .evaluations(tab === 'all' ? {} : { status: tab })
        .then((r) => [...r.items].sort(byDeadline)),
    [tab],
  );
  return (
    <Card title="审核">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Status | 'all')}
        items={TABS.map(([key, label]) => ({ key, label }))}
      />
      <AsyncView state={state} isEmpty={(d) => d.length === 0} emptyText="没有此状态的自评">
        {(items) => <EvaluationTable items={items} link={(e) => `/review/${e.id}`} />}
      </AsyncView>
    </Card>
  );
}
