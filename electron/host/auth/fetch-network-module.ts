/**
 * MSAL node's HTTP (`system.networkClient`) over the host's fetch, so sign-in and token refresh take
 * the same road as every other backend call: in the desktop app the backend session's `fetch`
 * (Chromium's stack, the system proxy and certificate store), never Node's own stack. The shape
 * follows msal-node's built-in HttpClient: JSON bodies, lower-case header names, a timeout on GET.
 */
import {
  ClientAuthError,
  ClientAuthErrorCodes,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import type { FetchLike } from '../partner-center/http';

function headerDict(headers: Headers): Record<string, string> {
  const dict: Record<string, string> = {};
  headers.forEach((value, key) => {
    dict[key.toLowerCase()] = value;
  });
  return dict;
}

async function send<T>(
  fetch: FetchLike,
  url: string,
  method: 'GET' | 'POST',
  options: NetworkRequestOptions | undefined,
  timeoutMs?: number,
): Promise<NetworkResponse<T>> {
  const signal = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    const why = signal?.aborted ? 'Request timeout' : `Network request failed: ${error instanceof Error ? error.message : 'unknown'}`;
    throw new ClientAuthError(ClientAuthErrorCodes.networkError, '', why);
  }
  let body: T;
  try {
    body = (await response.json()) as T;
  } catch (error) {
    throw new ClientAuthError(
      ClientAuthErrorCodes.tokenParsingError,
      '',
      `Failed to parse response: ${error instanceof Error ? error.message : 'unknown'}`,
    );
  }
  return { headers: headerDict(response.headers), body, status: response.status };
}

export function fetchNetworkModule(fetch: FetchLike): INetworkModule {
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>(fetch, url, 'GET', options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(fetch, url, 'POST', options),
  };
}
