import { useEffect, useEffectEvent, useRef } from 'react';

export interface MenuItem {
  label: string;
  /** Shown at the right, e.g. "F2". */
  shortcut?: string;
  danger?: boolean;
  run(): void;
}

export interface MenuPlace {
  x: number;
  y: number;
}

export interface ContextMenuProps {
  label: string;
  at: MenuPlace;
  items: MenuItem[];
  /**
   * Called whenever the menu closes: Escape, Tab, a click elsewhere, or an item chosen (then
   * before the item runs, so the caller can give its row focus back and the item move it on).
   */
  onClose(): void;
}

/**
 * A row's menu, opened by a right click, the Menu key or Shift+F10: a real `menu` with arrow
 * keys, so every row action has a keyboard path. Focus goes to the first item; closing returns
 * it to whoever opened the menu (the caller refocuses its row).
 */
export function ContextMenu({ label, at, items, onClose }: ContextMenuProps) {
  const list = useRef<HTMLUListElement>(null);
  const buttons = (): HTMLButtonElement[] => [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  const outside = useEffectEvent((event: PointerEvent): void => {
    if (!list.current?.contains(event.target as Node)) onClose();
  });
  useEffect(() => {
    list.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent): void => outside(event);
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  // Keep the menu inside the window.
  const left = Math.max(4, Math.min(at.x, window.innerWidth - 230));
  const top = Math.max(4, Math.min(at.y, window.innerHeight - (items.length * 30 + 16)));

  return (
    <ul
      ref={list}
      className="context-menu"
      role="menu"
      aria-label={label}
      style={{ left, top }}
      onKeyDown={(event) => {
        const all = buttons();
        const at = all.indexOf(document.activeElement as HTMLButtonElement);
        const move = (to: number): void => all[(to + all.length) % all.length]?.focus();
        if (event.key === 'ArrowDown') move(at + 1);
        else if (event.key === 'ArrowUp') move(at - 1);
        else if (event.key === 'Home') move(0);
        else if (event.key === 'End') move(all.length - 1);
        else if (event.key === 'Escape' || event.key === 'Tab') onClose();
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {items.map((item) => (
        <li key={item.label} role="none">
          <button type="button" role="menuitem" tabIndex={-1} className={item.danger ? 'danger-text' : ''} onClick={() => {
              onClose();
              item.run();
            }}>
            <span>{item.label}</span>
            {item.shortcut && <kbd>{item.shortcut}</kbd>}
          </button>
        </li>
      ))}
    </ul>
  );
}
