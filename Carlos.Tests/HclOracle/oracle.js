// The HCL oracle for the tests: HashiCorp's parser (as WebAssembly, from @cdktf/hcl2json) judges each sample.
// Input on stdin: a JSON array of HCL texts. Output on stdout: a JSON array of {valid, line, message}, where line
// is the line of the first syntax error the parser reports. A text that parses but that hcl2json cannot turn
// into JSON (for example blocks of one type with different label counts) is valid syntax.
const { parse } = require('@cdktf/hcl2json');

async function judge(text) {
  try {
    await parse('sample.tf', text);
    return { valid: true, line: 0, message: '' };
  } catch (error) {
    const message = String(error && error.message ? error.message : error);
    if (!message.startsWith('parse config')) {
      return { valid: true, line: 0, message };
    }
    const position = /sample\.tf:(\d+),\d+/.exec(message);
    return { valid: false, line: position ? Number(position[1]) : 0, message };
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', async () => {
  const results = [];
  for (const text of JSON.parse(input)) {
    results.push(await judge(text));
  }
  process.stdout.write(JSON.stringify(results));
});
