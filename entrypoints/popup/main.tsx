import { render } from 'preact';
import { z } from 'zod';
import { PasteCheck } from '../../src/ui/PasteCheck';
import type { Response } from '../../src/messages/handle';

z.config({ jitless: true });

const assess = (text: string) => browser.runtime.sendMessage({ type: 'assess', ad: { text } }) as Promise<Response>;

render(<PasteCheck assess={assess} />, document.getElementById('app')!);
