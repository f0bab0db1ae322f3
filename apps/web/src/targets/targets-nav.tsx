import { Segmented } from 'antd';
import { navigate } from '../lib/router.ts';

/** Switches between the year's targets and their monitoring. */
export function TargetsNav({ current }: { current: 'targets' | 'monitoring' }) {
  return (
    <Segmented
      aria-label="绩效目标与监控"
      value={current}
      onChange={(v) => navigate(`/${v}`)}
      options={[
        { label: '绩效目标', value: 'targets' },
        { label: '绩效运行监控', value: 'monitoring' },
      ]}
      style={{ marginBottom: 16 }}
    />
  );
}
