const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first syntax error in text that JSON.parse refused. Node 20's JSON.parse names
 * no position for an unexpected token, and "your file is wrong" is no help to a department with a
 * 5 MB export. Iterative, so a hostile body nested a million levels deep cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const skip = (): void => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  /** Moves past a string starting at i; false (i at the fault) when it is not one. */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i += 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return false;
        i = ESCAPE.lastIndex;
      } else i += 1;
    }
    return false;
  };
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skip();
    if (expect === 'key') {
      if (!string()) return i;
      skip();
      if (text[i] !== ':') return i;
      i += 1;
      expect = 'value';
    } else if (expect === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i += 1;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i += 1;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
      } else if (c === '"') {
        if (!string()) return i;
        expect = 'after';
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
        expect = 'after';
      } else if (text.startsWith('false', i)) {
        i += 5;
        expect = 'after';
      } else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return i;
        i = NUMBER.lastIndex;
        expect = 'after';
      }
    } else {
      const open = stack.at(-1);
      if (open === undefined) return i;
      const c = text[i];
      if (c === ',') {
        i += 1;
        expect = open === '{' ? 'key' : 'value';
      } else if (c === (open === '{' ? '}' : ']')) {
        stack.pop();
        i += 1;
      } else return i;
    }
  }
}
