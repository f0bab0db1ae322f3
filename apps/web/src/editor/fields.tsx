import { useEffect, useId, useState, type ReactNode } from 'react';
import { Input, InputNumber } from 'antd';
import {
  formatFen,
  parseDecimalToFen,
  parsePercent,
  type Amount,
  type MoneyUnit,
  type Percent,
} from '@jixiao/domain';
import { useBodyAt, useEditing, useHit } from './editor-context.tsx';

/** A labelled cell bound to a path; `data-path` lets a finding jump here. */
export function Field({
  path,
  label,
  children,
  wide,
}: {
  path: string;
  label: string;
  children: (id: string) => ReactNode;
  wide?: boolean;
}) {
  const id = useId();
  const hit = useHit(path);
  return (
    <div
      data-path={path}
      className={hit ? 'field field-hit' : 'field'}
      style={{ gridColumn: wide ? '1 / -1' : undefined }}
    >
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function TextField({
  path,
  label,
  wide,
  multiline,
}: {
  path: string;
  label: string;
  wide?: boolean;
  multiline?: boolean;
}) {
  const { update, readOnly } = useEditing();
  const v = useBodyAt(path);
  const value = typeof v === 'string' ? v : '';
  return (
    <Field path={path} label={label} {...(wide ? { wide } : {})}>
      {(id) =>
        multiline ? (
          <Input.TextArea
            id={id}
            value={value}
            disabled={readOnly}
            autoSize={{ minRows: 2, maxRows: 10 }}
            onChange={(e) => update(path, e.target.value === '' ? undefined : e.target.value)}
          />
        ) : (
          <Input
            id={id}
            value={value}
            disabled={readOnly}
            onChange={(e) => update(path, e.target.value === '' ? undefined : e.target.value)}
          />
        )
      }
    </Field>
  );
}

/** A date (填报日期): the browser's date picker, stored as an ISO date "2025-04-15". */
export function DateField({ path, label }: { path: string; label: string }) {
  const { update, readOnly } = useEditing();
  const v = useBodyAt(path);
  const value = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '';
  return (
    <Field path={path} label={label}>
      {(id) => (
        <Input
          id={id}
          type="date"
          value={value}
          disabled={readOnly}
          min="1990-01-01"
          max="2100-12-31"
          onChange={(e) => update(path, e.target.value === '' ? undefined : e.target.value)}
        />
      )}
    </Field>
  );
}

export function NumberField({
  path,
  label,
  integer,
  suffix,
}: {
  path: string;
  label: string;
  integer?: boolean;
  suffix?: string;
}) {
  const { update, readOnly } = useEditing();
  const v = useBodyAt(path);
  return (
    <Field path={path} label={label}>
      {(id) => (
        <InputNumber
          id={id}
          value={typeof v === 'number' ? v : null}
          disabled={readOnly}
          precision={integer ? 0 : 2}
          min={integer ? 0 : -1000}
          style={{ width: '100%' }}
          {...(suffix ? { suffix } : {})}
          onChange={(n) => update(path, typeof n === 'number' ? n : undefined)}
        />
      )}
    </Field>
  );
}

/**
 * A money cell: the user types 万元 (or the amount's own unit) and it is stored exactly as 分
 * with parseDecimalToFen — string arithmetic, never a float. The typed text is kept as `text`.
 */
export function MoneyInput({
  value,
  onChange,
  id,
  disabled,
  ariaLabel,
  unit = '万元',
}: {
  value: Amount | undefined;
  onChange: (a: Amount | undefined) => void;
  id?: string;
  disabled?: boolean;
  ariaLabel?: string;
  unit?: MoneyUnit;
}) {
  const shownUnit = value?.unit ?? unit;
  const external = value ? (value.text ?? formatFen(value.fen, shownUnit)) : '';
  const [text, setText] = useState(external);
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // Follow outside changes (reload, another field), but never clobber what is being typed.
    setText((t) => {
      const same = value ? parseDecimalToFen(t, shownUnit) === value.fen : t.trim() === '';
      return same ? t : external;
    });
  }, [external, value, shownUnit]);
  return (
    <Input
      {...(id ? { id } : {})}
      {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
      value={text}
      disabled={disabled ?? false}
      {...(bad ? { status: 'error' as const } : {})}
      suffix={shownUnit}
      inputMode="decimal"
      style={{ textAlign: 'right' }}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (t.trim() === '') {
          setBad(false);
          onChange(undefined);
          return;
        }
        const f = parseDecimalToFen(t, shownUnit);
        setBad(f === undefined);
        if (f !== undefined) onChange({ fen: f, unit: shownUnit, text: t.trim() });
      }}
    />
  );
}

export function MoneyField({ path, label }: { path: string; label: string }) {
  const { update, readOnly } = useEditing();
  const v = useBodyAt(path) as Amount | undefined;
  return (
    <Field path={path} label={label}>
      {(id) => (
        <MoneyInput id={id} value={v} disabled={readOnly} onChange={(a) => update(path, a)} />
      )}
    </Field>
  );
}

/** A stated percentage ("97.06"): kept with the decimals the user wrote. */
export function PercentInput({
  value,
  onChange,
  id,
  disabled,
  ariaLabel,
}: {
  value: Percent | undefined;
  onChange: (p: Percent | undefined) => void;
  id?: string;
  disabled?: boolean;
  ariaLabel?: string;
}) {
  const external = value
    ? (value.text ?? value.value.toFixed(value.decimals)).replace(/[%％]$/, '')
    : '';
  const [text, setText] = useState(external);
  useEffect(() => {
    setText((t) => (parsePercent(t)?.value === value?.value ? t : external));
  }, [external, value]);
  const bad = text.trim() !== '' && parsePercent(text) === undefined;
  return (
    <Input
      {...(id ? { id } : {})}
      {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
      value={text}
      disabled={disabled ?? false}
      suffix="%"
      {...(bad ? { status: 'error' as const } : {})}
      style={{ textAlign: 'right' }}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (t.trim() === '') onChange(undefined);
        else {
          const p = parsePercent(t);
          if (p) onChange(p);
        }
      }}
    />
  );
}

export function PercentField({ path, label }: { path: string; label: string }) {
  const { update, readOnly } = useEditing();
  const v = useBodyAt(path) as Percent | undefined;
  return (
    <Field path={path} label={label}>
      {(id) => (
        <PercentInput id={id} value={v} disabled={readOnly} onChange={(p) => update(path, p)} />
      )}
    </Field>
  );
}

/** A list of strings (duties, paragraphs) edited as lines of one text area. */
export function LinesField({
  path,
  label,
  rows = 4,
}: {
  path: string;
  label: string;
  rows?: number;
}) {
  const { update, readOnly } = useEditing();
  const v = useBodyAt(path);
  const lines = Array.isArray(v)
    ? (v as unknown[]).filter((x): x is string => typeof x === 'string')
    : [];
  const [text, setText] = useState(lines.join('\n'));
  const joined = lines.join('\n');
  useEffect(() => {
    setText((t) =>
      t
        .split('\n')
        .filter((l) => l.trim() !== '')
        .join('\n') === joined
        ? t
        : joined,
    );
  }, [joined]);
  return (
    <Field path={path} label={label} wide>
      {(id) => (
        <Input.TextArea
          id={id}
          value={text}
          disabled={readOnly}
          autoSize={{ minRows: rows, maxRows: 16 }}
          onChange={(e) => {
            setText(e.target.value);
            update(
              path,
              e.target.value.split('\n').filter((l) => l.trim() !== ''),
            );
          }}
        />
      )}
    </Field>
  );
}

/** A table cell bound to a path: a finding can jump here and it lights up. */
export function PathCell({ path, children }: { path: string; children: ReactNode }) {
  const hit = useHit(path);
  return (
    <div data-path={path} className={hit ? 'field-hit' : undefined}>
      {children}
    </div>
  );
}

export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className="field-grid">{children}</div>;
}
