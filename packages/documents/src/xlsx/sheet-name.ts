/** A sheet name's ends: no apostrophe (Excel refuses one there) and no white space. */
function trimName(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, '');
}

/**
 * Excel sheet names: at most 31 characters, none of : \ / ? * [ ], no apostrophe first or last,
 * not "History", unique in the workbook regardless of case (a project named O'Neil's or two named
 * alike in other cases made the whole export fail).
 */
export function sheetName(wanted: string, taken: Set<string>, fallback = '表'): string {
  const base = trimName(wanted.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)) || fallback;
  let name = base.toLowerCase() === 'history' ? `${base}（1）` : base;
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${trimName(base.slice(0, 27))}（${i}）`;
  taken.add(name.toLowerCase());
  return name;
}
