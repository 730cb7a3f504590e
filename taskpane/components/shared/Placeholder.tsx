/** A view that another issue will build: says so plainly, shows nothing fake. */
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function Placeholder({ title, issue }: { title: string; issue: string }) {
  return (
    <section aria-label={title}>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{title}: not yet available</MessageBarTitle>
          <Body1>{issue}</Body1>
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
