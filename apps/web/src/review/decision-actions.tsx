import { useState } from 'react';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import type { Finding } from '@jixiao/domain';
import { errorText, type DecisionInput, type DecisionView } from '../api.ts';
import type { DecidedFinding } from '../lib/decided-findings.ts';

type Asking = { kind: 'confirmed' | 'dismissed'; finding: Finding; fingerprint: string } | null;

/**
 * The reviewer's buttons on a finding (确认 / 不是问题 / 恢复待定) and the dialog each needs: a
 * confirmation states what must be corrected and by when, a dismissal its reason.
 */
export function useReviewerDecisions(decide: (input: DecisionInput) => Promise<DecisionView[]>) {
  const { message } = App.useApp();
  const [asking, setAsking] = useState<Asking>(null);
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState(() =>
    new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10),
  );
  const [busy, setBusy] = useState(false);
  const run = async (input: DecisionInput, done: string) => {
    setBusy(true);
    try {
      await decide(input);
      message.success(done);
      setAsking(null);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const buttons = (f: Finding, d: DecidedFinding | null) => {
    if (d === null) return null;
    const stop = (e: React.MouseEvent) => e.stopPropagation();
    const reset = d.canReset ? (
      <Button
        size="small"
        type="link"
        onClick={(e) => {
          stop(e);
          void run(
            { fingerprint: d.decision?.fingerprint ?? d.identity.fingerprint, state: 'open' },
            '已恢复为待定',
          );
        }}
      >
        恢复待定
      </Button>
    ) : null;
    // A dismissal carried over from the unit's earlier evaluations may still be overruled here.
    const carried = d.status === 'dismissed' && d.decision?.carried === true;
    if ((d.status === 'confirmed' || d.status === 'dismissed') && !carried)
      return <Space>{reset}</Space>;
    const confirm = (
      <Button
        size="small"
        type="link"
        aria-label={`确认问题：${f.message}`}
        onClick={(e) => {
          stop(e);
          setText(f.expected !== undefined ? `应为${f.expected}` : '');
          setAsking({ kind: 'confirmed', finding: f, fingerprint: d.identity.fingerprint });
        }}
      >
        确认
      </Button>
    );
    if (carried) return <Space size={0}>{confirm}</Space>;
    return (
      <Space size={0}>
        {confirm}
        <Button
          size="small"
          type="link"
          aria-label={`不是问题：${f.message}`}
          onClick={(e) => {
            stop(e);
            setText('');
            setAsking({ kind: 'dismissed', finding: f, fingerprint: d.identity.fingerprint });
          }}
        >
          不是问题
        </Button>
      </Space>
    );
  };
  const dialog = (
    <Modal
      open={asking !== null}
      title={asking?.kind === 'confirmed' ? '确认为问题，要求整改' : '认定为不是问题'}
      okText={asking?.kind === 'confirmed' ? '确认' : '认定为不是问题'}
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: asking?.kind === 'dismissed' && text.trim() === '' }}
      onCancel={() => setAsking(null)}
      onOk={() => {
        if (asking === null) return;
        void run(
          asking.kind === 'confirmed'
            ? {
                fingerprint: asking.fingerprint,
                state: 'confirmed',
                ...(text.trim() ? { correction: text.trim() } : {}),
                deadline,
              }
            : { fingerprint: asking.fingerprint, state: 'dismissed', reason: text.trim() },
          asking.kind === 'confirmed' ? '已确认' : '已认定为不是问题',
        );
      }}
    >
      <Typography.Paragraph>{asking?.finding.message}</Typography.Paragraph>
      {asking?.kind === 'confirmed' && (
        <Space style={{ marginBottom: 8 }}>
          <span>整改期限</span>
          <Input
            type="date"
            aria-label="整改期限"
            value={deadline}
            onChange={(e) => {
              if (e.target.value) setDeadline(e.target.value);
            }}
          />
        </Space>
      )}
      <Input.TextArea
        aria-label={asking?.kind === 'confirmed' ? '整改要求' : '不是问题的理由'}
        placeholder={asking?.kind === 'confirmed' ? '需要更正的内容' : '理由（必填）'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 2 }}
        autoFocus
      />
    </Modal>
  );
  return { buttons, dialog };
}
