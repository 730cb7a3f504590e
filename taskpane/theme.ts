/**
 * The pane follows Office's theme: dark when the body background Office reports is dark, light
 * otherwise (the Colorful and White themes both have a light body). Outside Office, `?theme=` or
 * the browser's colour-scheme preference decides.
 */
import { Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark';

/** Relative luminance of "#rrggbb" (WCAG), or null when it cannot be read. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeName(
  officeBackground: string | undefined,
  override: string | null,
  prefersDark: boolean,
): ThemeName {
  if (override === 'dark' || override === 'light') return override;
  const l = luminance(officeBackground);
  if (l !== null) return l < 0.2 ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

export function fluentTheme(name: ThemeName): Theme {
  return name === 'dark' ? webDarkTheme : webLightTheme;
}
