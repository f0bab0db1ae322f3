import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { parseExpression, type Evaluation, type Rulebook } from '@jixiao/domain';
import { api, errorText } from '../api.ts';
import { benchEvaluation, countLeaves } from '../lib/bench-evaluation.ts';
import { evaluateLocally } from '../lib/core.ts';
import { setAt } from '../lib/paths.ts';
import { TypingBench, type TypingResult } from './typing-bench.tsx';

export interface BenchResult {
  leaves: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  findings: number;
  total: number | null;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Per keystroke in the editor: the typed text is parsed, the body copied along the path, then
 * the whole evaluation re-scored and re-checked. This measures exactly that, in this browser.
 */
export function runBench(rulebook: Rulebook, keystrokes = 200): BenchResult {
  let body: Evaluation = benchEvaluation(rulebook.id);
  for (let i = 0; i < 10; i++) evaluateLocally(body, rulebook); // warm-up (JIT)
  const times: number[] = [];
  let last = evaluateLocally(body, rulebook);
  for (let i = 0; i < keystrokes; i++) {
    const g = 1 + (i % 3);
    const path = `indicators[${g}].children[0].children[${i % 15}].actual`;
    const text = `${90 + (i % 10)}.${i % 10}%`;
    const t0 = performance.now();
    body = setAt(body, path, { ...parseExpression(text), text });
    last = evaluateLocally(body, rulebook);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    leaves: countLeaves(body.indicators),
    keystrokes,
    medianMs: r2(quantile(times, 0.5)),
    p95Ms: r2(quantile(times, 0.95)),
    maxMs: r2(times[times.length - 1] ?? 0),
    findings: last.findings.length,
    total: last.sheet?.total ?? null,
  };
}

async function benchRulebook(): Promise<Rulebook> {
  const list = await api.rulebooks();
  const info =
    list.items.find((r) => r.id === 'hunan-department') ??
    list.items.find((r) => r.kind === 'department');
  if (!info) throw new Error('没有可用的部门整体指标体系');
  return api.rulebook(info.id);
}

/**
 * #/bench: re-scoring + re-checking a 200-indicator evaluation per keystroke, in the browser;
 * and typing into the editor's indicator table of such an evaluation, timed to the screen.
 */
export default function BenchPage() {
  const [result, setResult] = useState<BenchResult | null>(null);
  const [typing, setTyping] = useState<TypingResult | null>(null);
  const [typingBook, setTypingBook] = useState<Rulebook | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const book = await benchRulebook();
      await new Promise((r) => setTimeout(r, 0));
      const res = runBench(book);
      console.log(`[bench] ${JSON.stringify(res)}`);
      setResult(res);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const runTyping = async () => {
    setError(null);
    setTyping(null);
    try {
      setTypingBook(await benchRulebook());
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card title="性能基准：200 项三级指标的自评">
      <Typography.Paragraph>
        计分与审查：模拟在编辑器中逐键修改“实际完成值”：解析输入、更新自评内容、按指标体系重新计分并重新审查。目标：每次按键
        &lt; 16 毫秒。
      </Typography.Paragraph>
      <Button type="primary" onClick={() => void run()} loading={busy}>
        运行基准
      </Button>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        编辑器输入：在编辑器的绩效指标表中逐键修改“实际完成值”，计时到屏幕显示出所输入的内容（对照：页面上一个单独的输入框）。目标：中位数
        &lt; 50 毫秒。
      </Typography.Paragraph>
      <Button onClick={() => void runTyping()} loading={typingBook !== null && typing === null}>
        运行编辑器输入基准
      </Button>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <>
          <Descriptions bordered size="small" column={3} style={{ marginTop: 16 }}>
            <Descriptions.Item label="三级指标">{result.leaves}</Descriptions.Item>
            <Descriptions.Item label="按键次数">{result.keystrokes}</Descriptions.Item>
            <Descriptions.Item label="发现">{result.findings}</Descriptions.Item>
            <Descriptions.Item label="中位数">{result.medianMs} ms</Descriptions.Item>
            <Descriptions.Item label="P95">{result.p95Ms} ms</Descriptions.Item>
            <Descriptions.Item label="最大">{result.maxMs} ms</Descriptions.Item>
          </Descriptions>
          <pre data-testid="bench-result" style={{ marginTop: 12 }}>
            {JSON.stringify(result)}
          </pre>
        </>
      )}
      {typing && (
        <>
          <Descriptions bordered size="small" column={3} style={{ marginTop: 16 }}>
            <Descriptions.Item label="指标">{typing.leaves}</Descriptions.Item>
            <Descriptions.Item label="按键次数">{typing.keystrokes}</Descriptions.Item>
            <Descriptions.Item label="每次按键重绘的指标行">{typing.rowRenders}</Descriptions.Item>
            <Descriptions.Item label="显示（中位数）">{typing.medianMs} ms</Descriptions.Item>
            <Descriptions.Item label="P95">{typing.p95Ms} ms</Descriptions.Item>
            <Descriptions.Item label="含重新计分（中位数）">
              {typing.settledMedianMs} ms
            </Descriptions.Item>
            <Descriptions.Item label="对照：单独输入框">
              {typing.baselineMedianMs} ms
            </Descriptions.Item>
          </Descriptions>
          <pre data-testid="typing-result" style={{ marginTop: 12 }}>
            {JSON.stringify(typing)}
          </pre>
        </>
      )}
      {typingBook && typing === null && (
        <div style={{ marginTop: 16 }}>
          <TypingBench
            rulebook={typingBook}
            onDone={(r) => {
              console.log(`[typing] ${JSON.stringify(r)}`);
              setTyping(r);
              setTypingBook(null);
            }}
          />
        </div>
      )}
    </Card>
  );
}
