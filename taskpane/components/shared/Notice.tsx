/**
 * The message a view shows under its controls: what happened (success, info) or what to fix
 * (warning, error). Warnings and errors are announced at once (role "alert"), the others politely
 * (role "status"), in every view alike.
 */
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { LineIdText } from '../tables/LineIdText';
import { useKnownLineIds } from '../tables/KnownLineIds';

export type NoticeIntent = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  intent: NoticeIntent;
  text: string;
  /** Line ids (cost centres) in `text`, kept whole (tables/LineIdText.tsx). @default [] */
  ids?: readonly string[];
}

export interface NoticeBarProps {
  intent: NoticeIntent;
  /** The message as plain text; or `children` where it has parts (a list, a link, a number). */
  text?: string;
  /**
   * Line ids in `text`, drawn whole: never broken at a hyphen (tables/LineIdText.tsx), besides the ids
   * the pane knows (tables/KnownLineIds.tsx). @default []
   */
  ids?: readonly string[];
  children?: ReactNode;
  /** The notice's data-testid, for the tests that wait for it. */
  testId?: string;
}

export function NoticeBar({ intent, text, ids = [], children, testId }: NoticeBarProps) {
  const known = useKnownLineIds();
  const all = ids.length === 0 ? known : [...known, ...ids];
  return (
    <MessageBar
      intent={intent}
      role={intent === 'error' || intent === 'warning' ? 'alert' : 'status'}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      <MessageBarBody>
        {children ?? (all.length > 0 ? <LineIdText text={text ?? ''} ids={all} /> : text)}
      </MessageBarBody>
    </MessageBar>
  );
}
