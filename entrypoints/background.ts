import { z } from 'zod';
import { handleMessage } from '../src/messages/handle';

// zod must not compile validators with `new Function` under the extension's content security policy.
z.config({ jitless: true });

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    sendResponse(handleMessage(message));
    return false;
  });
});
