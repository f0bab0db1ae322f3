import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FindingPage } from './finding-page.tsx';

/** The markup, without the comments React puts between adjacent text parts. */
const shown = (props: Parameters<typeof FindingPage>[0]): string =>
  renderToStaticMarkup(createElement(FindingPage, props)).replace(/<!-- -->/g, '');

describe('where a finding is in the original', () => {
  it('offers the page picture when the server can draw one', () => {
    const html = shown({ page: 3, placed: true, pictureUrl: '/api/imports/x/page?page=3' });
    expect(html).toContain('查看原页面（第 3 页）');
    expect(html).not.toContain('无法定位');
  });

  it('names the page and says the place is unknown when the reading gave no box', () => {
    const html = shown({ page: 4, placed: false, pictureUrl: undefined });
    expect(html).toContain('第 4 页（无法定位到具体位置）');
    expect(html).not.toContain('查看原页面');
  });

  it('names the page when a box was found but its picture was not kept', () => {
    const html = shown({ page: 2, placed: true, pictureUrl: undefined });
    expect(html).toContain('第 2 页（原页面图片未保存）');
  });

  it('says nothing about pages for a finding without one (a .docx)', () => {
    expect(shown({ page: undefined, placed: false, pictureUrl: undefined })).toBe('');
  });
});
