import type { HTMLAttributes, ReactNode } from 'react';

/**
 * A list of rows, each its content with its actions at the end: what antd's `List` gave, which
 * antd 6.6 deprecates (its successor `Listy` is a virtual list, which short lists do not need).
 */
export function ItemList({
  header,
  children,
  ...rest
}: { header?: ReactNode; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div className="item-list" {...rest}>
      {header !== undefined && <div className="item-list-header">{header}</div>}
      <ul>{children}</ul>
    </div>
  );
}

/** One row of an `ItemList`; `actions` sit at its end, one after the other. */
export function Item({
  actions,
  children,
  className,
  ...rest
}: { actions?: ReactNode[]; children: ReactNode } & HTMLAttributes<HTMLLIElement>) {
  return (
    <li
      className={className === undefined ? 'item-list-item' : `item-list-item ${className}`}
      {...rest}
    >
      <div className="item-list-content">{children}</div>
      {actions !== undefined && actions.length > 0 && (
        <div className="item-list-actions">{actions}</div>
      )}
    </li>
  );
}
