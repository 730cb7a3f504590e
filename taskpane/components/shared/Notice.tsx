/**
 * The message a view shows under its controls: what happened (success, info) or what to fix
 * (warning, error). Warnings and errors are announced at once (role "alert"), the others politely
 * (role "status"), in every view alike.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export type NoticeIntent = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  intent: NoticeIntent;
  text: string;
}

export function NoticeBar({ intent, text }: Notice) {
  return (
    <MessageBar intent={intent} role={intent === 'error' || intent === 'warning' ? 'alert' : 'status'}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
