import { useState } from 'react';
import { Input, Typography } from 'antd';
import { formatFen, parseDecimalToFen, type Amount } from '@jixiao/domain';

/** An amount typed in 万元 and kept as exact 分; a text that is no number is shown as such. */
export function AmountInput({
  label,
  value,
  onChange,
  readOnly,
}: {
  label: string;
  value: Amount | undefined;
  onChange: (next: Amount | undefined) => void;
  readOnly: boolean;
}) {
  const [text, setText] = useState(() =>
    value === undefined ? '' : (value.text ?? formatFen(value.fen, '万元')),
  );
  const bad = text.trim() !== '' && parseDecimalToFen(text, '万元') === undefined;
  return (
    <div>
      <Input
        aria-label={label}
        addonAfter="万元"
        value={text}
        disabled={readOnly}
        status={bad ? 'error' : ''}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '') onChange(undefined);
          else {
            const f = parseDecimalToFen(t, '万元');
            if (f !== undefined) onChange({ fen: f, unit: '万元', text: t.trim() });
          }
        }}
      />
      {bad && <Typography.Text type="danger">请输入金额数字，如 1000.00</Typography.Text>}
    </div>
  );
}
