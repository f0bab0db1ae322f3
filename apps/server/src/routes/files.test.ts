import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportDocx, renderTablesXlsx } from '@jixiao/documents';
import { DepartmentEvaluation, ProjectEvaluation } from '@jixiao/domain';
import type { Evaluation } from '@jixiao/domain';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { auditDocument, auditProcesses } from '@jixiao/services';
import { createWorld, fixtureBody, login } from '../testing/harness.ts';
import type { Client, World } from '../testing/harness.ts';

const LIMIT = 400 * 1024;

/** A zip archive of the given entries. */
async function zipOf(
  entries: Record<string, string | Uint8Array>,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(entries)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression });
}

/** How many rows a table of the world's database holds now. */
async function rowsIn(
  world: World,
  table: 'evaluations' | 'imported_documents' | 'jobs',
): Promise<number> {
  const { n } = await world.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The parts of a Word package whose body holds one paragraph of `text`. */
const WORD_PARTS = {
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  'word/document.xml':
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>2024年度部门整体支出绩效自评报告</w:t></w:r></w:p></w:body></w:document>',
};

/** The parts of a workbook of one sheet whose rows are `rows` (sheetData's content). */
const WORKBOOK_PARTS = (rows: string): Record<string, string> => ({
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
});

/** The job once it has finished (done or failed), polled every 100 ms for up to 10 s. */
// The job view untyped, as the tests read it (fields of files by index).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function settledJob(client: Client, id: string): Promise<any> {
  let job = (await client.get(`/api/audit-jobs/${id}`)).json();
  for (let i = 0; i < 100 && (job.status === 'queued' || job.status === 'running'); i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await client.get(`/api/audit-jobs/${id}`)).json();
  }
  return job;
}

describe.each(TEST_DIALECTS)('uploads on %s', (dialect) => {
  let world: World;
  let filer: Client;
  let report: Uint8Array;
  beforeAll(async () => {
    world = await createWorld(dialect, { uploadLimit: LIMIT, maxFiles: 5 });
    filer = await login(world.app, 'filer-a');
    report = await renderReportDocx(
      DepartmentEvaluation.parse(fixtureBody('000_1b4dc649ed6af86d.json')),
      undefined,
    );
  });
  afterAll(async () => world.close());

  it('reads a report into a draft with its findings, without storing an evaluation', async () => {
    const res = await filer.upload('/api/imports', [{ name: '雁峰区政府办.docx', bytes: report }]);
    expect(res.statusCode).toBe(200);
    const json = res.json();
    expect(json.draft.meta.unitName).toMatch(/政府办|人民政府办公室/);
    expect(Array.isArray(json.findings)).toBe(true);
    expect(json.evaluationId).toBeUndefined();
    const stored = await world.ctx.db
      .selectFrom('imported_documents')
      .select(['sha256', 'size', 'bytes'])
      .executeTakeFirstOrThrow();
    expect(stored.size).toBe(report.length);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(stored.bytes).equals(Buffer.from(report))).toBe(true);
  });

  it('creates a draft evaluation of the department when asked', async () => {
    const res = await filer.upload(
      `/api/imports?create=1&departmentId=${world.departments.a}&year=2021`,
      [{ name: 'r.docx', bytes: report }],
    );
    expect(res.statusCode).toBe(200);
    const id = res.json().evaluationId;
    const created = await filer.get(`/api/evaluations/${id}`);
    expect(created.json()).toMatchObject({
      status: 'draft',
      version: 1,
      year: 2021,
      departmentId: world.departments.a,
    });
    // One 部门整体 evaluation per unit and year: importing the year again points to the first.
    const again = await filer.upload(
      `/api/imports?create=1&departmentId=${world.departments.a}&year=2021`,
      [{ name: 'r.docx', bytes: report }],
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.evaluationId).toBe(id);
  });

  it("creates a draft only with the year and unit the unit gave, never the reader's placeholders", async () => {
    // The report states neither its year nor its unit.
    const text =
      '部门整体支出绩效自评报告\n一、部门概况\n年初预算100万元，全年支出95万元，预算执行率95%。\n';
    const count = () => rowsIn(world, 'evaluations');
    const before = await count();
    const yearless = await filer.upload(
      `/api/imports?create=1&departmentId=${world.departments.a}`,
      [{ name: '自评.txt', bytes: text }],
    );
    expect(yearless.statusCode).toBe(400);
    expect(yearless.json().error.message).toBe(
      '未能从文件中识别评价年度：自评.txt。请选择年度后再创建草稿',
    );
    expect(await count()).toBe(before);
    const given = await filer.upload(
      `/api/imports?create=1&departmentId=${world.departments.a}&year=2019`,
      [{ name: '自评.txt', bytes: text }],
    );
    expect(given.statusCode).toBe(200);
    const created = await filer.get(`/api/evaluations/${given.json().evaluationId}`);
    expect(created.json()).toMatchObject({
      year: 2019,
      body: { meta: { year: 2019, unitName: '甲单位' } },
    });
  });

  it('reads the tables workbook (.xlsx) as written by the exporter into a draft of what was entered', async () => {
    const body = DepartmentEvaluation.parse(fixtureBody());
    const xlsx = await renderTablesXlsx(body, undefined);
    const res = await filer.upload('/api/imports', [{ name: '自评表.xlsx', bytes: xlsx }]);
    expect(res.statusCode).toBe(200);
    const draft = res.json<{ draft: Evaluation | null }>().draft;
    expect(draft).toMatchObject({
      kind: 'department',
      rulebookId: body.rulebookId,
      meta: { unitName: body.meta.unitName },
    });
    expect(draft?.funds.total?.executed?.fen).toBe(body.funds.total?.executed?.fen);
    expect(draft?.indicators.map((n) => n.name)).toEqual(body.indicators.map((n) => n.name));

    // A project's workbook is that project's draft, and becomes its evaluation when asked.
    const project = ProjectEvaluation.parse(fixtureBody('clean-central-project.json'));
    const tables = await renderTablesXlsx(project, undefined);
    const read = await filer.upload('/api/imports', [{ name: '项目自评表.xlsx', bytes: tables }]);
    expect(read.json<{ draft: Evaluation | null }>().draft).toMatchObject({
      kind: 'project',
      rulebookId: project.rulebookId,
      projectName: project.projectName,
    });
    const created = await filer.upload(
      `/api/imports?create=1&departmentId=${world.departments.a}&year=2033`,
      [{ name: '项目自评表.xlsx', bytes: tables }],
    );
    expect(created.statusCode).toBe(200);
    const id = created.json<{ evaluationId: string }>().evaluationId;
    const stored = (await filer.get(`/api/evaluations/${id}`)).json<{ body: Evaluation }>().body;
    expect(stored.funds.total?.budget?.fen).toBe(project.funds.total?.budget?.fen);
  });

  it('refuses bad files with a Chinese message', async () => {
    const rar = await filer.upload('/api/imports', [{ name: 'report.rar', bytes: 'Rar!' }]);
    expect(rar.statusCode).toBe(400);
    expect(rar.json().error).toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringMatching(/不支持的文件类型：report\.rar/),
    });
    // A PDF is read, but one that is only a header says that it is damaged, not unsupported.
    const pdf = await filer.upload('/api/imports', [{ name: 'report.pdf', bytes: '%PDF-1.7' }]);
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error).toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringMatching(/PDF 文件已损坏/),
    });
    const broken = await filer.upload('/api/imports', [
      { name: 'broken.docx', bytes: 'this is not a zip file at all' },
    ]);
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('UNSUPPORTED_FILE');
    expect(broken.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    // A workbook that is no workbook (text renamed .xlsx, a zip without a workbook) is refused
    // like a broken .docx and nothing of it is stored.
    const stored = () => rowsIn(world, 'imported_documents');
    const before = await stored();
    const textBook = await filer.upload('/api/imports', [{ name: '表格.xlsx', bytes: '只是文字' }]);
    expect(textBook.statusCode).toBe(400);
    expect(textBook.json().error).toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringMatching(/^表格\.xlsx：.*Excel/),
    });
    const zeroBook = await filer.upload('/api/imports', [{ name: '表格.xlsx', bytes: '' }]);
    expect(zeroBook.statusCode).toBe(400);
    expect(zeroBook.json().error.message).toMatch(/文件为空/);
    expect(await stored()).toBe(before);
    const wordless = await filer.upload('/api/imports', [
      { name: 'a.docx', bytes: await zipOf({ 'hello.txt': 'hi' }) },
    ]);
    expect(wordless.statusCode).toBe(400);
    expect(wordless.json().error.message).toMatch(/不是 Word 文档/);
    const sheetless = await filer.upload('/api/imports', [
      { name: 'b.xlsx', bytes: await zipOf({ 'hello.txt': 'hi' }) },
    ]);
    expect(sheetless.statusCode).toBe(400);
    expect(sheetless.json().error.message).toBe(
      'b.xlsx：文件不是 Excel 工作簿（压缩包中没有 xl/workbook.xml），无法读取',
    );
    const empty = await filer.upload('/api/imports', [{ name: 'empty.txt', bytes: '' }]);
    expect(empty.statusCode).toBe(400);
    // Two files in one import: refused, not the first read and the second dropped unsaid.
    const two = await filer.upload('/api/imports', [
      { name: 'a.docx', bytes: report },
      { name: 'b.docx', bytes: report },
    ]);
    expect(two.statusCode).toBe(400);
    expect(two.json().error.message).toMatch(/一次只能导入一个文件/);
    const none = await filer.upload('/api/imports', []);
    expect(none.statusCode).toBe(400);
    const json = await filer.post('/api/imports', { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toMatch(/multipart/);
  });

  it('reads text renamed .doc, .xls or .html as text and says so; refuses a file holding nothing of a report, storing nothing', async () => {
    const stored = () => rowsIn(world, 'imported_documents');
    const report = [
      '某局2023年度部门整体支出绩效自评报告',
      '一、部门概况',
      '本单位年初预算100万元，全年支出95万元，预算执行率95%。',
      '二、存在的问题',
      '部分项目进度偏慢。',
    ].join('\n');
    for (const name of ['自评报告.doc', '自评报告.xls', '自评报告.html', '自评报告.wps']) {
      const res = await filer.upload('/api/imports', [{ name, bytes: report }]);
      expect([name, res.statusCode]).toEqual([name, 200]);
      const json = res.json<{
        draft: {
          meta: object;
          funds: { total: { executed: { fen: number } } };
          chapters: { title: string }[];
        };
        problems: unknown[];
      }>();
      expect(json.draft.meta).toMatchObject({
        title: '某局2023年度部门整体支出绩效自评报告',
        year: 2023,
      });
      expect(json.draft.funds.total.executed.fen).toBe(95_000_000);
      // Its lines are kept as lines: the chapters are read, not one run-on paragraph.
      expect(json.draft.chapters.map((c) => c.title)).toEqual(['部门概况', '存在的问题']);
      const ext = name.slice(name.lastIndexOf('.'));
      expect(json.problems).toContainEqual({
        code: 'content-not-extension',
        message: `文件扩展名为 ${ext}，但内容是纯文本，已按纯文本读取`,
      });
    }
    // Nothing of a report in it: refused in Chinese, never a blank draft, and nothing stored.
    const before = await stored();
    for (const name of ['说明.doc', '说明.xls', '说明.html', '说明.txt']) {
      const res = await filer.upload('/api/imports', [{ name, bytes: 'hello world' }]);
      expect([name, res.statusCode, res.json().error.message]).toEqual([
        name,
        400,
        `未能从文件中识别出任何自评内容（标题、单位、年度、资金、指标、章节均未找到）：${name}。请确认上传的是绩效自评报告`,
      ]);
    }
    expect(await stored()).toBe(before);
  });

  it('answers 413 with a Chinese message above the size limit', async () => {
    const big = new Uint8Array(LIMIT + 1024).fill(65);
    const res = await filer.upload('/api/imports', [{ name: 'big.txt', bytes: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringMatching(/大小限制/),
    });
    const many = await filer.upload(
      '/api/audit-jobs',
      Array.from({ length: 6 }, (_, i) => ({ name: `r${i}.txt`, bytes: 'x' })),
    );
    expect(many.statusCode).toBe(413);
  });

  it('runs a batch audit as a job whose progress and per-file results survive in the database', async () => {
    // A Word package whose document is no XML: it passes the upload's checks, and its reader
    // fails on it in the job, for this file alone.
    const broken = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<<<' });
    const res = await filer.upload('/api/audit-jobs', [
      { name: 'good.docx', bytes: report },
      { name: 'broken.docx', bytes: broken },
      {
        name: 'plain.txt',
        bytes:
          '2024年度某单位部门整体支出绩效自评报告\n一、基本情况\n全年预算数100万元，全年执行数90万元，执行率95%。',
      },
      // The same name again, other bytes: each upload is audited as itself.
      { name: 'good.docx', bytes: broken },
      // A report whose line breaks were lost: read as the lines it was, and said so.
      {
        name: 'one-line.txt',
        bytes:
          '2024年度某县文化馆部门整体支出绩效自评报告一、部门基本情况本单位核定编制12人，实有在职人员11人，全年预算数100万元，全年执行数90万元，执行率为90%，主要用于人员工资和日常运转以及免费开放服务。二、绩效目标完成情况全年开展送戏下乡演出36场，举办展览8次，接待群众2.4万人次，完成年度目标。三、存在的问题及改进措施部分项目支出进度偏慢，下一步将加快执行，加强绩效监控。',
      },
    ]);
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    const job = await settledJob(filer, jobId);
    expect(job).toMatchObject({ status: 'done', total: 5, done: 5 });
    const files: { name: string; ok: boolean }[] = job.files;
    expect(files.map((f) => [f.name, f.ok])).toEqual([
      ['good.docx', true],
      ['broken.docx', false],
      ['plain.txt', true],
      ['good.docx', false],
      ['one-line.txt', true],
    ]);
    // How each file was read travels with its result: what was understood, and the reader's
    // notes, so that a file only partly read never looks like a clean one.
    expect(job.files[0].summary.understanding.status).toBe('recognised');
    const oneLine = job.files[4];
    expect(oneLine.summary.understanding).toMatchObject({ status: 'partial', tables: 0 });
    expect(oneLine.notes[0]).toMatch(/^第1行连排了整篇报告的多个段落/);
    expect(oneLine.findings).toEqual([]);
    expect(job.files[1].notes).toEqual([]);
    // Audited in an audit process, never in the server's event loop: the process that did it
    // waits in the pool, and found what an audit in this thread finds.
    expect(auditProcesses().length).toBeGreaterThan(0);
    expect(job.files[0].findings.length).toBe(auditDocument(report, 'good.docx').findings.length);
    expect(job.files[0].findings.length).toBeGreaterThan(0);
    expect(job.files[1].error).toMatch(/[\u4e00-\u9fff]/);
    expect(job.files[0].summary.department).not.toBeNull();
    const html = await filer.get(`/api/audit-jobs/${jobId}/export?format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toMatch(/good\.docx/);
    expect(html.body).toMatch(/说明：第1行连排了整篇报告/);
    expect(html.body).toMatch(/已核对的部分未发现问题（自评表未识别，见上）/);
    const xlsx = await filer.get(`/api/audit-jobs/${jobId}/export?format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const other = await login(world.app, 'filer-b');
    expect((await other.get(`/api/audit-jobs/${jobId}`)).statusCode).toBe(403);
  });

  it('checks a batch audit’s files as an import’s: a file that cannot be what its name says or holds nothing is refused with 400, naming it, and nothing is queued', async () => {
    const jobs = () => rowsIn(world, 'jobs');
    const before = await jobs();
    const refusals: [string, string | Uint8Array, RegExp][] = [
      ['not-zip.docx', 'this is not a zip file at all', /^not-zip\.docx：文件内容不是Word 文档/],
      ['wordless.docx', await zipOf({ 'hello.txt': 'hi' }), /wordless\.docx：文件不是 Word 文档/],
      ['表格.xlsx', '只是文字', /^表格\.xlsx：文件内容不是Excel 工作簿/],
      ['scan.pdf', 'hello', /^scan\.pdf：文件内容不是PDF 文件/],
      ['photo.png', 'hello', /^photo\.png：文件内容不是PNG 图片/],
      ['photo.jpg', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), /^photo\.jpg：文件内容不是JPG 图片/],
      ['binary.doc', new Uint8Array([0, 1, 2, 3, 0, 0, 0xff, 0xfe]), /^binary\.doc：文件内容不是/],
      ['empty.txt', '', /^文件为空：empty\.txt$/],
      ['blank.txt', '  \n\n\t ', /^blank\.txt：文件中没有任何文字/],
      ['blank.html', '<html><body><p>&nbsp;</p></body></html>', /^blank\.html：文件中没有任何文字/],
      [
        'binary.txt',
        new Uint8Array([0, 1, 2, 3, 0, 0, 0, 0]),
        /^binary\.txt：文件内容不是文本文件/,
      ],
      ['report.rar', 'Rar!', /^不支持的文件类型：report\.rar/],
      // A report zipped (with or without compression) and renamed: its name found inside the
      // inner archive's bytes does not make the outer one a Word file or a workbook.
      [
        'zipped.docx',
        await zipOf({ 'report.docx': await zipOf(WORD_PARTS) }, 'STORE'),
        /^zipped\.docx：文件不是 Word 文档（压缩包中没有 word\/document\.xml）；压缩包内是另一个文件 report\.docx，请解压后上传其中的报告$/,
      ],
      [
        'zipped.xlsx',
        await zipOf(
          { 'a.zip': await zipOf({ 'b.zip': await zipOf(WORKBOOK_PARTS('')) }) },
          'STORE',
        ),
        /^zipped\.xlsx：文件不是 Excel 工作簿（压缩包中没有 xl\/workbook\.xml）；压缩包内是另一个文件 a\.zip/,
      ],
    ];
    for (const [name, bytes, message] of refusals) {
      const res = await filer.upload('/api/audit-jobs', [
        { name: 'good.txt', bytes: '2024年度某单位部门整体支出绩效自评报告\n一、基本情况' },
        { name, bytes },
      ]);
      expect([name, res.statusCode]).toEqual([name, 400]);
      expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
      expect(res.json().error.message).toMatch(message);
      expect(res.json().error.details.files).toEqual([
        { fileName: name, message: res.json().error.message },
      ]);
      // The import takes the same checks, word for word.
      const imported = await filer.upload('/api/imports', [{ name, bytes }]);
      expect([name, imported.statusCode, imported.json().error.message]).toEqual([
        name,
        400,
        res.json().error.message,
      ]);
    }
    // Several refused at once: each is named.
    const two = await filer.upload('/api/audit-jobs', [
      { name: 'a.pdf', bytes: 'x' },
      { name: 'b.txt', bytes: '' },
    ]);
    expect(two.statusCode).toBe(400);
    expect(two.json().error.message).toMatch(/^有 2 个文件无法审查.*a\.pdf.*文件为空：b\.txt/);
    expect(await jobs()).toBe(before);
  });

  it('reads text renamed .doc in a batch audit as text, and says so under the name it was given', async () => {
    const text = [
      '某局2023年度部门整体支出绩效自评报告',
      '一、部门概况',
      '本单位年初预算100万元，全年支出95万元，预算执行率95%。',
      '二、存在的问题',
      '部分项目进度偏慢。',
    ].join('\n');
    const res = await filer.upload('/api/audit-jobs', [{ name: '自评报告.doc', bytes: text }]);
    expect(res.statusCode).toBe(202);
    const job = await settledJob(filer, res.json().jobId);
    expect(job).toMatchObject({ status: 'done', done: 1 });
    expect(job.files[0]).toMatchObject({ name: '自评报告.doc', ok: true });
    expect(job.files[0].notes[0]).toBe('文件扩展名为 .doc，但内容是纯文本，已按纯文本读取');
    // Read as the text it is: the year and the rate's figures, not a conversion's failure.
    expect(job.files[0].summary.year).toBe(2023);
  });

  it('gives a Word file or workbook with no text, or one that inflates past its bound, a Chinese reason of its own in an import and on its line of a batch audit', async () => {
    const blankDoc = await zipOf({
      ...WORD_PARTS,
      'word/document.xml':
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p></w:body></w:document>',
    });
    const blankBook = await zipOf(
      WORKBOOK_PARTS('<row r="1"><c r="A1" t="inlineStr"><is><t> </t></is></c></row>'),
    );
    // 60 MB of blanks in the document, a few dozen kB in the zip: past the bound on what one
    // document may inflate to.
    const filler = ' '.repeat(60 * 1024 * 1024);
    const bombDoc = await zipOf({
      ...WORD_PARTS,
      'word/document.xml': `<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>${filler}</w:t></w:r></w:p></w:body></w:document>`,
    });
    const bombBook = await zipOf({
      ...WORKBOOK_PARTS(''),
      'xl/sharedStrings.xml': `<sst>${filler}</sst>`,
    });
    const files: [string, Uint8Array, RegExp][] = [
      ['blank.docx', blankDoc, /^Word 文档中没有任何文字，无法读取（正文为空或只有图片/],
      ['blank.xlsx', blankBook, /Excel 工作簿中没有任何文字/],
      ['bomb.docx', bombDoc, /^Word 文档解压后体积异常（疑似压缩炸弹），已拒绝读取/],
      ['bomb.xlsx', bombBook, /Excel (?:工作簿|文件)解压后.*疑似压缩炸弹/],
    ];
    for (const [name, bytes, message] of files) {
      const imported = await filer.upload('/api/imports', [{ name, bytes }]);
      expect([name, imported.statusCode]).toEqual([name, 400]);
      expect(imported.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE', message });
    }
    const res = await filer.upload('/api/audit-jobs', [
      ...files.map(([name, bytes]) => ({ name, bytes })),
      { name: 'plain.txt', bytes: '2024年度某单位部门整体支出绩效自评报告\n一、基本情况' },
    ]);
    expect(res.statusCode).toBe(202);
    const job = await settledJob(filer, res.json().jobId);
    expect(job).toMatchObject({ status: 'done', done: 5 });
    for (const [i, [name, , message]] of files.entries()) {
      expect([job.files[i].name, job.files[i].ok]).toEqual([name, false]);
      expect(job.files[i].error).toMatch(message);
    }
    expect(job.files[4].ok).toBe(true);
  });

  it('marks a job failed when its upload set cannot be read, keeping the files it did read', async () => {
    // A job of two files whose second file is missing from the store: the set cannot be audited.
    const jobId = `broken-${dialect}`;
    const now = new Date().toISOString();
    await world.ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('jobs')
        .values({
          id: jobId,
          kind: 'audit',
          status: 'queued',
          total: 2,
          done: 0,
          error: null,
          created_by: 'filer-a',
          created_at: now,
          updated_at: now,
          locked_by: null,
        })
        .execute();
      await trx
        .insertInto('job_files')
        .values({
          job_id: jobId,
          idx: 0,
          name: 'only.txt',
          bytes: new TextEncoder().encode('2024年度某单位部门整体支出绩效自评报告'),
          ok: null,
          error: null,
          result: null,
        })
        .execute();
    });
    const job = await settledJob(filer, jobId);
    expect(job).toMatchObject({ status: 'failed', total: 2, done: 0 });
    expect(job.error).toMatch(/上传的文件缺失或无法读取/);
    expect(job.files).toEqual([
      {
        name: 'only.txt',
        ok: null,
        summary: null,
        findings: [],
        notes: [],
        marks: [],
        pictures: [],
      },
    ]);
    // A healthy job queued after it still runs: one failure does not stop the worker.
    const next = await filer.upload('/api/audit-jobs', [
      { name: 'plain.txt', bytes: '2024年度某单位部门整体支出绩效自评报告\n一、基本情况' },
    ]);
    const after = await settledJob(filer, next.json().jobId);
    expect(after).toMatchObject({ status: 'done', done: 1 });
    expect(after.error).toBeUndefined();
  });
});

describe('audit processes and the server', () => {
  it('reads an uploaded report in an audit process: other requests are answered meanwhile', async () => {
    const world = await createWorld('sqlite', { uploadLimit: 20 * 1024 * 1024 });
    const filer = await login(world.app, 'filer-a');
    // About 6 MB of report text: a second or so of auditing.
    const line =
      '全年预算数100万元，全年执行数90万元，执行率95%。项目支出80万元，占项目支出的50%。\n';
    const text = `2024年度某单位部门整体支出绩效自评报告\n一、基本情况\n${line.repeat(60_000)}`;
    const order: string[] = [];
    const upload = filer.upload('/api/imports', [{ name: 'big.txt', bytes: text }]).then((r) => {
      order.push('import');
      return r;
    });
    // Asked after the upload started: answered long before the import is done.
    await new Promise((r) => setTimeout(r, 50));
    const health = await world.app.inject({ method: 'GET', url: '/api/health' });
    order.push('health');
    expect(health.statusCode).toBe(200);
    const res = await upload;
    expect(res.statusCode).toBe(200);
    expect(res.json().draft.meta.year).toBe(2024);
    expect(order).toEqual(['health', 'import']);
    await world.close();
  }, 60_000);

  it('stops the audit processes its jobs left warm in the pool when the server closes', async () => {
    const world = await createWorld('sqlite');
    const filer = await login(world.app, 'filer-a');
    const res = await filer.upload('/api/audit-jobs', [
      { name: 'plain.txt', bytes: '2024年度某单位部门整体支出绩效自评报告\n一、基本情况' },
    ]);
    const job = await settledJob(filer, res.json().jobId);
    expect(job.status).toBe('done');
    expect(auditProcesses().length).toBeGreaterThan(0);
    await world.close();
    expect(auditProcesses()).toEqual([]);
  });
});
