/**
 * The width of an element, followed as it changes (the task pane is resized by the user). 0 until
 * measured, and where ResizeObserver does not measure (jsdom). Measuring reads the layout and draws
 * the element a second time at its width, so an element whose parent knows its width is better
 * given it: with `measure` false nothing is read or observed (and the width stays 0).
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(measure = true): [React.RefObject<T>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !measure) return;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);
  return [ref, width];
}
