/**
 * A part of the pane under its heading. The heading names the region for screen readers
 * (aria-labelledby `<id>-title`), so every view and panel is found by its title alike. Views are
 * h2; the panels inside a view are h3.
 */
import type { ReactNode } from 'react';
import { Subtitle2 } from '@fluentui/react-components';
import { VIEW_NAMES, type ViewId } from '../shell/view-names';

export interface TitledSectionProps {
  /** The stem of the heading's id: the heading is `<id>-title`. */
  id: string;
  title: string;
  /** @default 'h2' (a view); 'h3' for a panel inside one. */
  level?: 'h2' | 'h3';
  className?: string;
  /** True while the section reads what it shows (aria-busy: screen readers wait for it). @default false */
  busy?: boolean;
  children?: ReactNode;
}

export function TitledSection({ id, title, level = 'h2', className, busy = false, children }: TitledSectionProps) {
  return (
    <section className={className} aria-labelledby={`${id}-title`} aria-busy={busy || undefined}>
      <Subtitle2 as={level} id={`${id}-title`}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** A whole view under its h2, titled with the view's name: the same word as its tab. */
export function ViewSection({
  view,
  ...rest
}: { view: ViewId } & Pick<TitledSectionProps, 'className' | 'busy' | 'children'>) {
  return <TitledSection id={view} title={VIEW_NAMES[view]} {...rest} />;
}
