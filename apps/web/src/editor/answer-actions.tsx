import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import { ApiError, api, errorText, type DecisionView, type EvaluationRecord } from '../api.ts';
import type { DecidedFinding } from '../lib/decided-findings.ts';

/** The unit's answer (情况说明) to a confirmed finding: a button and its dialog. */
export function useAnswers(
  id: string | number,
  setDecisions: (d: DecisionView[]) => void,
  canAnswer: boolean,
) {
  const { message } = App.useApp();
  const [asking, setAsking] = useState<DecisionView | null>(null);
  const [text, setText] = useState('');
  const button = (d: DecidedFinding | null) => {
    const decision = d?.decision;
    if (!canAnswer || d === null || d.status !== 'confirmed' || !decision) return null;
    return (
      <Button
        size="small"
        type="link"
        onClick={(e) => {
          e.stopPropagation();
          setText(decision.answer ?? '');
          setAsking(decision);
        }}
      >
        {decision.answer ? '修改情况说明' : '填写情况说明'}
      </Button>
    );
  };
  const dialog = (
    <Modal
      open={asking !== null}
      title="情况说明"
      okText="保存"
      cancelText="取消"
      okButtonProps={{ disabled: text.trim() === '' }}
      onCancel={() => setAsking(null)}
      onOk={() => {
        const d = asking;
        if (d === null) return;
        void api
          .answer(id, d.fingerprint, text.trim())
          .then((r) => {
            setDecisions(r.items);
            setAsking(null);
            message.success('情况说明已保存');
          })
          .catch((e: unknown) => message.error(errorText(e)));
      }}
    >
      <Typography.Paragraph>{asking?.message}</Typography.Paragraph>
      <Input.TextArea
        aria-label="情况说明内容"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3 }}
        autoFocus
      />
    </Modal>
  );
  return { button, dialog };
}

interface Unexplained {
  fingerprint: string;
  message: string;
}

/**
 * Submitting: when confirmed findings are still there without a 情况说明, the server says which;
 * the head explains each and submits again.
 */
export function useSubmitWithAnswers(
  id: string | number,
  onSubmitted: (r: EvaluationRecord) => void,
) {
  const { message } = App.useApp();
  const [pending, setPending] = useState<Unexplained[] | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const send = async (answers: { fingerprint: string; text: string }[]) => {
    try {
      const rec = await api.transition(id, 'submit', undefined, undefined, answers);
      setPending(null);
      onSubmitted(rec);
      message.success('已提交审核');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'EXPLANATION_REQUIRED') {
        setPending((e.details['unexplained'] as Unexplained[] | undefined) ?? []);
        return;
      }
      message.error(errorText(e));
    }
  };
  const ready = pending !== null && pending.every((p) => (texts[p.fingerprint] ?? '').trim());
  const dialog = (
    <Modal
      open={pending !== null}
      title="提交前请说明未整改的问题"
      okText="填写完毕并提交"
      cancelText="取消"
      okButtonProps={{ disabled: !ready }}
      onCancel={() => setPending(null)}
      onOk={() =>
        void send(
          (pending ?? []).map((p) => ({
            fingerprint: p.fingerprint,
            text: (texts[p.fingerprint] ?? '').trim(),
          })),
        )
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="以下问题经审核人确认须整改，当前版本仍然存在。请逐条填写情况说明后再提交。"
      />
      {(pending ?? []).map((p, i) => (
        <div key={p.fingerprint} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {i + 1}. {p.message}
          </Typography.Paragraph>
          <Input.TextArea
            aria-label={`情况说明 ${i + 1}`}
            value={texts[p.fingerprint] ?? ''}
            onChange={(e) => setTexts((t) => ({ ...t, [p.fingerprint]: e.target.value }))}
            autoSize={{ minRows: 2 }}
          />
        </div>
      ))}
    </Modal>
  );
  return { submit: () => send([]), dialog };
}
