/**
 * A file picker that looks like the pane's other buttons: a Fluent button with an upload icon opens
 * a hidden file input. The browser's own control ("Choose File · No file chosen") cannot be styled
 * and ignores the theme. The hidden input keeps the accessible name (`label`), so screen readers and
 * tests find it; choosing the same file again reads it again.
 */
import { useRef, type ReactNode } from 'react';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { Button } from '@fluentui/react-components';

export interface FileButtonProps {
  /** The input's accessible name, e.g. "Load actuals from a CSV file". */
  label: string;
  /** File types offered, as the input's `accept`. */
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  /** The button's text. */
  children: ReactNode;
}

export function FileButton({ label, accept, onFile, disabled, children }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        aria-label={label}
        disabled={disabled}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button icon={<ArrowUpload20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}
