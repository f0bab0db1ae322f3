/** The longest file name kept, in characters (file systems allow 255 bytes; a name is for people). */
export const MAX_FILE_NAME = 120;

/**
 * A client's file name as it is stored and shown: the last path segment, without control
 * characters (NUL included) or bidirectional overrides, trimmed, cut to MAX_FILE_NAME characters
 * keeping its extension; "未命名文件" when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const visible = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const chars = [...visible];
  if (chars.length === 0) return '未命名文件';
  if (chars.length <= MAX_FILE_NAME) return visible;
  const dot = visible.lastIndexOf('.');
  const extension = dot > 0 && visible.length - dot <= 10 ? visible.slice(dot) : '';
  const keep = MAX_FILE_NAME - [...extension].length;
  return chars.slice(0, keep).join('') + extension;
}
