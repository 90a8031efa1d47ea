// `npm run hash-password [-- --username NAME]`: asks for a password twice (not echoed) and prints the
// `passwordHash` for an operator account in the config. With stdin not a terminal, reads one line
// from it (for provisioning scripts). The password itself is never written anywhere.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { hashPassword } from '../src-main/access/password-hash';

const MIN_LENGTH = 10;

async function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = createInterface({ input });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  let text = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(text);
          return;
        }
        if (char === '\u0003') process.exit(130);
        text = char === '\u007f' ? text.slice(0, -1) : text + char;
      }
    };
    input.on('data', onData);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { username: { type: 'string' } } });
  const password = await readHidden('Mật khẩu / password: ');
  if (process.stdin.isTTY && (await readHidden('Nhập lại / again: ')) !== password) throw new Error('the two passwords differ');
  if ([...password].length < MIN_LENGTH) throw new Error(`a password has at least ${MIN_LENGTH} characters`);
  const hash = await hashPassword(password);
  process.stdout.write(values.username ? `${JSON.stringify({ username: values.username, name: values.username, role: 'operator', passwordHash: hash }, null, 2)}\n` : `${hash}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`hash-password: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
