/** Named model expressions ("revenue = price * volume"), with the parser's message shown inline. */
import { useEffect, useMemo, useState } from 'react';
import { Button, Field, Textarea } from '@fluentui/react-components';
import { isFpaError } from '../../../src/errors';
import { compileModel } from '../../../src/scenario/expression/compile';
import { parseModel } from '../../../src/scenario/expression/parser';

export interface ModelCheck {
  outputs: string[];
  error?: string;
}

/** Parses and compiles the model against the driver names, as the engine will. */
export function checkModel(expressions: string, driverNames: string[]): ModelCheck {
  if (expressions.trim() === '') return { outputs: [], error: 'Write at least one line "name = expression".' };
  try {
    return { outputs: compileModel(parseModel(expressions), driverNames).outputs };
  } catch (error) {
    if (isFpaError(error)) return { outputs: [], error: error.message };
    throw error;
  }
}

export function ModelEditor({
  expressions,
  driverNames,
  onSave,
}: {
  expressions: string;
  driverNames: string[];
  onSave: (text: string) => void;
}) {
  const [text, setText] = useState(expressions);
  // An empty box is not an error until the user has typed in it.
  const [typed, setTyped] = useState(false);
  useEffect(() => setText(expressions), [expressions]);
  const check = useMemo(() => checkModel(text, driverNames), [text, driverNames]);
  const untouchedEmpty = !typed && text.trim() === '';
  const error = untouchedEmpty ? undefined : check.error;
  return (
    <div>
      <Field
        label="Model expressions"
        hint={
          untouchedEmpty
            ? 'One line per output: name = expression over the drivers.'
            : error
              ? undefined
              : `Outputs: ${check.outputs.join(', ')}`
        }
        validationMessage={error}
        validationState={untouchedEmpty ? 'none' : error ? 'error' : 'success'}
      >
        <Textarea
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            setTyped(true);
          }}
          resize="vertical"
          rows={4}
          placeholder={'revenue = price * volume\nprofit = revenue - cost'}
          style={{ fontFamily: 'monospace' }}
        />
      </Field>
      <Button onClick={() => onSave(text)} disabled={text === expressions}>
        Save model
      </Button>
    </div>
  );
}
