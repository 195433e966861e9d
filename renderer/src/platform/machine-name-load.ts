/** Asks the main process for the computer's name once per launch (a failure is tried again on the next call). */
import { call } from './api';
import { machineName, setMachineName } from '../audit/machine-name';

let loading: Promise<void> | undefined;

export function loadMachineName(): Promise<void> {
  if (machineName()) return Promise.resolve();
  loading ??= call('getAppInfo', {})
    .then((info) => setMachineName(info.machineName))
    .catch((error: unknown) => console.warn('The computer name is not known yet', error))
    .finally(() => (loading = undefined));
  return loading;
}
