/**
 * Bearer tokens for the connector. The task pane passes Office SSO's `getAccessToken` (the
 * connector never imports the Office API); when SSO is unavailable (older hosts, no consent, local
 * development) a pasted development token is used instead.
 *
 * @example const getToken = ssoOrPastedToken(() => OfficeRuntime.auth.getAccessToken(), pasted)
 */
export function ssoOrPastedToken(
  getSsoToken: (() => Promise<string>) | undefined,
  pastedToken: string | undefined,
): () => Promise<string> {
  return async () => {
    if (getSsoToken) {
      try {
        return await getSsoToken();
      } catch (error) {
        if (!pastedToken) throw error;
      }
    }
    return (pastedToken ?? '').trim();
  };
}
