import { Space, Tag } from 'antd';
import type { FindingCounts as Counts } from '../api.ts';

/** Findings by severity as three small tags. */
export function FindingCounts({ counts }: { counts: Counts | null | undefined }) {
  if (!counts) return <span>—</span>;
  return (
    <Space size={2}>
      <Tag color="red" title="错误">
        {counts.error}
      </Tag>
      <Tag color="orange" title="警告">
        {counts.warning}
      </Tag>
      <Tag color="blue" title="提示">
        {counts.info}
      </Tag>
    </Space>
  );
}
