import { Tag, Tooltip } from 'antd';
import { LIGHT_LABELS_ZH, LIGHT_MEANINGS_ZH, type Light } from '@jixiao/domain';

const COLORS: Record<Light, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  blue: 'processing',
};

/** A monitoring light as a tag: 红灯 with its meaning on hover; 未填报 before the unit reports. */
export function LightTag({ light }: { light: Light | null }) {
  if (light === null) return <Tag>未填报</Tag>;
  return (
    <Tooltip title={LIGHT_MEANINGS_ZH[light]}>
      <Tag color={COLORS[light]} data-light={light}>
        {LIGHT_LABELS_ZH[light]}
      </Tag>
    </Tooltip>
  );
}
